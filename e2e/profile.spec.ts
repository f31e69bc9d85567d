import type { Locator, Page } from '@playwright/test'
import type { Api } from '../src/shared/api'
import { expect, test } from './fixtures'

/** Opens a user's profile the way a link from the users list does: `#/users/<id>`. */
async function openProfile(page: Page, id: string, name: string, tab?: string): Promise<void> {
  await page.goto(`${new URL(page.url()).origin}/#/users/${id}${tab ? `?tab=${tab}` : ''}`)
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click()
  await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true')
}

async function addDevice(
  page: Page,
  kind: 'VoIP phone' | 'Mobile device' | 'External line',
  fields: Record<string, string>,
): Promise<void> {
  await page.getByRole('button', { name: 'Add device' }).first().click()
  const dialog = page.getByRole('dialog', { name: 'Add a device' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('radio', { name: kind }).check()
  for (const [label, value] of Object.entries(fields)) {
    await dialog.getByRole('textbox', { name: label }).fill(value)
  }
  await dialog.getByRole('button', { name: 'Add device' }).click()
  await expect(dialog).toBeHidden()
}

const deviceItem = (page: Page, name: string): Locator =>
  page.getByRole('listitem').filter({ has: page.getByText(name, { exact: true }) })

async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  const other = theme === 'dark' ? 'light' : 'dark'
  const button = page.getByRole('button', { name: `Switch to ${theme} theme` })
  if (await button.isVisible()) await button.click()
  await expect(page.getByRole('button', { name: `Switch to ${other} theme` })).toBeVisible()
}

test.describe('User profile', () => {
  // Long flows on a shared two-core machine: axe and full-page screenshots take their time.
  test.describe.configure({ timeout: 240_000 })

  test('tabs: routing, apps and devices, settings, location; the tab survives a reload', async ({
    app,
    readPlan,
    expectAccessible,
  }) => {
    const plan = await readPlan()
    const anna = plan.users.find((user) => user.firstName === 'Anna')!
    await openProfile(app, anna.id, 'Anna Schmidt')
    await expect(app.getByText('anna', { exact: false }).first()).toBeVisible()
    await expect(app.getByRole('link', { name: 'Back to users' })).toBeVisible()
    await expect(app.getByRole('tab', { name: 'Routing' })).toHaveAttribute('aria-selected', 'true')

    for (const theme of ['light', 'dark'] as const) {
      await setTheme(app, theme)
      for (const tab of ['Routing', 'Apps and devices', 'Settings', 'Location']) {
        await openTab(app, tab)
        await expectAccessible(`profile ${tab} ${theme}`)
      }
    }

    await openTab(app, 'Apps and devices')
    await expect(app).toHaveURL(/tab=devices/)
    await app.reload()
    await expect(app.getByRole('tab', { name: 'Apps and devices' })).toHaveAttribute('aria-selected', 'true')
    await expect(app.getByRole('heading', { name: 'Apps and devices' })).toBeVisible()

    // Keyboard: the arrow keys move between tabs.
    await app.getByRole('tab', { name: 'Apps and devices' }).focus()
    await app.keyboard.press('ArrowRight')
    await app.keyboard.press('Enter')
    await expect(app.getByRole('tab', { name: 'Settings' })).toHaveAttribute('aria-selected', 'true')

    await app.getByRole('link', { name: 'Back to users' }).click()
    await expect(app.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible()
  })

  test('devices: add, rename, deactivate, remove; the extra-device cost from the third on', async ({
    app,
    readPlan,
    expectAccessible,
  }) => {
    const anna = (await readPlan()).users.find((user) => user.firstName === 'Anna')!
    await openProfile(app, anna.id, 'Anna Schmidt', 'devices')
    await expect(deviceItem(app, 'Softphone app')).toBeVisible()

    // A MAC typed with dashes is stored normalised; main's errors appear at the field.
    await app.getByRole('button', { name: 'Add device' }).first().click()
    const dialog = app.getByRole('dialog', { name: 'Add a device' })
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Desk phone')
    await dialog.getByRole('textbox', { name: 'MAC address (optional)' }).fill('not a mac')
    await dialog.getByRole('button', { name: 'Add device' }).click()
    await expect(dialog.getByText(/not a mac/)).toBeVisible()
    await expectAccessible('add device dialog with an error')
    await dialog.getByRole('textbox', { name: 'Model (optional)' }).fill('Yealink T54W')
    await dialog.getByRole('textbox', { name: 'MAC address (optional)' }).fill('00-1A-2B-3C-4D-5E')
    await dialog.getByRole('button', { name: 'Add device' }).click()
    await expect(dialog).toBeHidden()
    await expect(deviceItem(app, 'Desk phone')).toContainText('00:1a:2b:3c:4d:5e')
    let plan = await readPlan()
    expect(plan.devices.find((device) => device.name === 'Desk phone')).toMatchObject({
      type: 'voip',
      model: 'Yealink T54W',
      mac: '00:1a:2b:3c:4d:5e',
      active: true,
    })

    await addDevice(app, 'Mobile device', { Name: 'Work mobile', 'Mobile number': '0171 2345678' })
    await expect(deviceItem(app, 'Work mobile')).toContainText('+49 171 2345678')
    await expect(app.getByText('Monthly total: €0.00')).toBeVisible()
    await expect(app.getByText(/Extra: €4\.95 per month/)).toHaveCount(0)

    await addDevice(app, 'External line', { Name: 'Home office', 'Target number': '0211 1234567' })
    await expect(deviceItem(app, 'Home office')).toContainText('Extra: €4.95 per month')
    await expect(app.getByText('Monthly total: €4.95')).toBeVisible()
    await expect(app.getByText(/1 extra device at €4\.95 per month/)).toBeVisible()
    plan = await readPlan()
    expect(plan.devices.filter((device) => device.userId === anna.id)).toHaveLength(4)

    // Rename.
    await app.getByRole('button', { name: 'Rename Desk phone' }).click()
    const rename = app.getByRole('dialog', { name: 'Rename device' })
    await rename.getByRole('textbox', { name: 'Name' }).fill('Front desk')
    await expectAccessible('rename dialog')
    await rename.getByRole('textbox', { name: 'Name' }).press('Enter')
    await expect(rename).toBeHidden()
    await expect(deviceItem(app, 'Front desk')).toBeVisible()
    await expect(app.getByRole('button', { name: 'Rename Front desk' })).toBeFocused()
    expect((await readPlan()).devices.some((device) => device.name === 'Front desk')).toBe(true)

    // Deactivate.
    const ringing = app.getByRole('checkbox', { name: 'Front desk rings' })
    await expect(ringing).toBeChecked()
    await ringing.click()
    await expect(ringing).not.toBeChecked()
    await expect
      .poll(async () => (await readPlan()).devices.find((device) => device.name === 'Front desk')?.active)
      .toBe(false)

    // Remove, after a confirmation.
    await app.getByRole('button', { name: 'Remove Home office' }).click()
    const confirm = app.getByRole('dialog', { name: 'Remove Home office?' })
    await expect(confirm).toContainText('no longer rings')
    await expectAccessible('remove device confirmation')
    await confirm.getByRole('button', { name: 'Remove' }).click()
    await expect(confirm).toBeHidden()
    await expect(deviceItem(app, 'Home office')).toHaveCount(0)
    await expect(app.getByText('Monthly total: €0.00')).toBeVisible()
    plan = await readPlan()
    expect(plan.devices.some((device) => device.name === 'Home office')).toBe(false)
  })

  test('removing a permission shows its impact first', async ({ app, readPlan, expectAccessible }) => {
    const ben = (await readPlan()).users.find((user) => user.firstName === 'Ben')!
    await openProfile(app, ben.id, 'Ben Ott', 'settings')
    const telephony = app.getByRole('checkbox', { name: 'Telephony' })
    await expect(telephony).toBeChecked()
    await telephony.click()
    const dialog = app.getByRole('dialog', { name: 'Change the permissions of Ben Ott?' })
    await expect(dialog).toBeVisible()
    await expect(dialog).toContainText('Softphone app')
    await expectAccessible('permission impact')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(dialog).toBeHidden()
    await expect(telephony).toBeChecked()
    expect((await readPlan()).users.find((user) => user.id === ben.id)?.permissions.telephony).toBe(true)

    await telephony.click()
    await dialog.getByRole('button', { name: 'Remove' }).click()
    await expect(dialog).toBeHidden()
    await expect(telephony).not.toBeChecked()
    const plan = await readPlan()
    expect(plan.users.find((user) => user.id === ben.id)?.permissions.telephony).toBe(false)
    expect(plan.devices.some((device) => device.userId === ben.id)).toBe(false)
    await expect(app.getByRole('heading', { name: 'Ben Ott cannot make calls yet' })).toBeVisible()
  })

  test('password: confirmation must match, main checks the rules, only a hash is stored', async ({
    app,
    readPlan,
    planText,
    expectAccessible,
  }) => {
    const ben = (await readPlan()).users.find((user) => user.firstName === 'Ben')!
    await openProfile(app, ben.id, 'Ben Ott', 'settings')
    const password = app.getByRole('textbox', { name: 'Password', exact: true })
    const again = app.getByRole('textbox', { name: 'Repeat the password' })
    const submit = app.getByRole('button', { name: 'Set password' })

    await password.fill('first-secret')
    await again.fill('other-secret')
    await submit.click()
    await expect(app.getByText('The two passwords do not match.')).toBeVisible()
    await expectAccessible('password mismatch')
    expect((await readPlan()).users.find((user) => user.id === ben.id)?.passwordHash).toBeNull()

    await password.fill('short')
    await again.fill('short')
    await submit.click()
    await expect(app.getByText('The password must be at least 8 characters long.')).toBeVisible()
    expect((await readPlan()).users.find((user) => user.id === ben.id)?.passwordHash).toBeNull()

    await password.fill('correct horse battery')
    await again.fill('correct horse battery')
    await submit.click()
    // Main hashes with scrypt: slow on purpose.
    await expect(app.getByText('The password of Ben Ott was set.')).toBeVisible({ timeout: 30_000 })
    await expect(app.getByRole('button', { name: 'Change password' })).toBeVisible()
    const hash = (await readPlan()).users.find((user) => user.id === ben.id)?.passwordHash
    expect(typeof hash).toBe('string')
    expect(await planText()).not.toContain('correct horse battery')
  })

  test('location: none stored links to Locations; pick one and back to none', async ({ app, readPlan }) => {
    const anna = (await readPlan()).users.find((user) => user.firstName === 'Anna')!
    await openProfile(app, anna.id, 'Anna Schmidt', 'location')
    await expect(app.getByText('The plan has no locations yet.')).toBeVisible()
    await expect(app.getByRole('link', { name: 'Go to locations' })).toBeVisible()

    const created = await app.evaluate(async () => {
      const api = (globalThis as unknown as { api: Api }).api
      const result = await api.locations.create({
        name: 'Head office',
        street: 'Königsallee',
        houseNumber: '1',
        postcode: '40212',
        city: 'Düsseldorf',
        country: 'DE',
      })
      return result.ok ? result.data.id : null
    })
    expect(created).not.toBeNull()
    await app.reload()
    await expect(app.getByRole('heading', { level: 1, name: 'Anna Schmidt' })).toBeVisible()

    // By keyboard: the arrow key opens the list.
    await app.getByRole('combobox', { name: 'Location' }).focus()
    await app.keyboard.press('ArrowDown')
    await app.getByRole('option', { name: /Head office/ }).click()
    await expect(app.getByText('The location is now Head office.')).toBeVisible()
    await expect(app.getByText('Königsallee 1, 40212 Düsseldorf')).toBeVisible()
    expect((await readPlan()).users.find((user) => user.id === anna.id)?.locationId).toBe(created)

    // Vuetify lays the shown value over the combobox input; a person clicks that.
    await app.getByRole('combobox', { name: 'Location' }).click({ force: true })
    await app.getByRole('option', { name: 'No location' }).click()
    await expect(app.getByText('The location was removed.')).toBeVisible()
    expect((await readPlan()).users.find((user) => user.id === anna.id)?.locationId).toBeNull()
  })

  test('screenshots of the tabs in English and German, light and dark', async ({
    app,
    readPlan,
    saveScreenshot,
  }) => {
    const ben = (await readPlan()).users.find((user) => user.firstName === 'Ben')!
    await openProfile(app, ben.id, 'Ben Ott', 'devices')
    await addDevice(app, 'VoIP phone', { Name: 'Desk phone', 'Model (optional)': 'Yealink T54W' })
    await addDevice(app, 'Mobile device', { Name: 'Work mobile', 'Mobile number': '0171 2345678' })
    await addDevice(app, 'External line', { Name: 'Home office', 'Target number': '0211 1234567' })
    const tabs = {
      en: ['Routing', 'Apps and devices', 'Settings', 'Location'],
      de: ['Routing', 'Apps und Geräte', 'Einstellungen', 'Standort'],
    }
    const keys = ['routing', 'devices', 'settings', 'location']
    for (const language of ['en', 'de'] as const) {
      if (language === 'de') {
        await app.getByRole('button', { name: 'Language' }).click()
        await app.getByRole('menuitem', { name: 'Deutsch' }).click()
        await expect(app.getByRole('tab', { name: 'Apps und Geräte' })).toBeVisible()
      }
      for (const theme of ['light', 'dark'] as const) {
        const toggle = app.getByRole('button', {
          name:
            language === 'en'
              ? `Switch to ${theme} theme`
              : theme === 'dark'
                ? /dunklen Design/
                : /hellen Design/,
        })
        if (await toggle.isVisible()) await toggle.click()
        for (const [index, tab] of tabs[language].entries()) {
          await app.getByRole('tab', { name: tab }).click()
          await app.waitForTimeout(300)
          await saveScreenshot(`profile-${keys[index]}-${language}-${theme}`)
        }
      }
    }
  })
})
