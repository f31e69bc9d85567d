import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { openScreen, switchUser } from './helpers'

async function setTheme(page: Page, to: 'light' | 'dark', language: 'en' | 'de'): Promise<void> {
  const names = {
    en: { dark: 'Switch to dark theme', light: 'Switch to light theme' },
    de: { dark: 'Zum dunklen Design wechseln', light: 'Zum hellen Design wechseln' },
  }
  const button = page.getByRole('button', { name: names[language][to] })
  if (await button.isVisible()) await button.click()
}

test.describe('My Telephony', () => {
  test.describe.configure({ timeout: 240_000 })

  test('Ben adds a mobile device, sees the notice change, and cannot open Anna’s profile', async ({
    app,
    readPlan,
    expectAccessible,
  }) => {
    const plan = await readPlan()
    const anna = plan.users.find((user) => user.firstName === 'Anna')!
    const ben = plan.users.find((user) => user.firstName === 'Ben')!

    await switchUser(app, 'Ben Ott')
    await openScreen(app, 'My telephony')
    await expect(app.getByRole('definition').filter({ hasText: '+49 211 55581' })).toBeVisible()
    await expect(app.getByRole('definition').filter({ hasText: /^11$/ })).toBeVisible()
    await expectAccessible('my telephony')

    // Ben lets his app stop ringing: he cannot make calls any more, and the notice says why.
    await app.getByRole('tab', { name: 'Apps and devices' }).click()
    await app.getByRole('checkbox', { name: 'Softphone app rings' }).click()
    const notice = app.getByRole('status').filter({ hasText: 'You cannot make calls yet' })
    await expect(notice).toBeVisible()
    await expect(notice).toContainText('No device rings.')
    await expect(notice.getByRole('button', { name: 'Let Softphone app ring' })).toBeVisible()
    await expectAccessible('my telephony with the notice')

    // He adds a mobile device: it rings, so the notice goes away.
    await app.getByRole('button', { name: 'Add device' }).first().click()
    const dialog = app.getByRole('dialog', { name: 'Add a device' })
    await dialog.getByRole('radio', { name: 'Mobile device' }).check()
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Ben mobile')
    await dialog.getByRole('textbox', { name: 'Mobile number' }).fill('0171 2345678')
    await expectAccessible('add device dialog')
    await dialog.getByRole('button', { name: 'Add device' }).click()
    await expect(dialog).toBeHidden()
    await expect(notice).toBeHidden()
    const after = await readPlan()
    expect(after.devices.find((device) => device.name === 'Ben mobile')).toMatchObject({
      userId: ben.id,
      type: 'mobile',
      number: '+491712345678',
      active: true,
    })

    // Permissions are the admin's: Ben sees them but cannot change them.
    await app.getByRole('tab', { name: 'Settings' }).click()
    await expect(app.getByRole('checkbox', { name: 'Telephony' })).toBeDisabled()
    await expect(app.getByText('Only an admin can change these.')).toBeVisible()

    // Anna's profile is refused by main, with its message; his own works.
    const origin = new URL(app.url()).origin
    await app.goto(`${origin}/#/users/${anna.id}`)
    await expect(app.getByRole('heading', { level: 1, name: 'User profile' })).toBeVisible()
    await expect(app.getByRole('alert')).toContainText('This profile cannot be shown')
    await expectAccessible('refused profile')
    await app.goto(`${origin}/#/users/${ben.id}`)
    await expect(app.getByRole('heading', { level: 1, name: 'Ben Ott' })).toBeVisible()
  })

  test('screenshots in English and German, light and dark', async ({
    app,
    saveScreenshot,
    expectAccessible,
  }) => {
    await switchUser(app, 'Ben Ott')
    await openScreen(app, 'My telephony')
    await app.getByRole('tab', { name: 'Apps and devices' }).click()
    await app.getByRole('checkbox', { name: 'Softphone app rings' }).click()
    await expect(app.getByText('You cannot make calls yet')).toBeVisible()
    for (const language of ['en', 'de'] as const) {
      if (language === 'de') {
        await app.getByRole('button', { name: 'Language' }).click()
        await app.getByRole('menuitem', { name: 'Deutsch' }).click()
        await expect(app.getByRole('heading', { level: 1, name: 'Meine Telefonie' })).toBeVisible()
      }
      for (const theme of ['light', 'dark'] as const) {
        await setTheme(app, theme, language)
        await app.waitForTimeout(300)
        if (language === 'en') await expectAccessible(`my telephony ${theme}`)
        await saveScreenshot(`my-telephony-${language}-${theme}`)
      }
    }
  })
})
