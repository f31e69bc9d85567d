import type { Locator, Page } from '@playwright/test'
import type { Api } from '../src/shared/api'
import { expect as baseExpect, test } from './fixtures'
import { createIncompleteUser, switchUser } from './helpers'

/** The machine is shared and slow: a change plus the redraw from main may take a while. */
const expect = baseExpect.configure({ timeout: 30_000 })

/** Reaches the typed API the preload exposes (the e2e files are typed without the DOM lib). */
type Global = { api: Api }

async function userIdOf(page: Page, search: string): Promise<string> {
  const id = await page.evaluate(async (text) => {
    const result = await (globalThis as unknown as Global).api.users.list({ search: text, limit: 1 })
    return result.ok ? (result.data.items[0]?.id ?? null) : null
  }, search)
  expect(id, `user ${search}`).not.toBeNull()
  return id ?? ''
}

/** A user with 20 numbers, 3 extensions and 10 devices (some silent), to see a crowded diagram. */
async function createCrowdedUser(page: Page): Promise<string> {
  const id = await page.evaluate(async () => {
    const { api } = globalThis as unknown as Global
    const created = await api.users.create({
      firstName: 'Dora',
      lastName: 'Vielfeld-Hohenstein',
      email: 'dora@example.com',
      language: 'en',
      admin: false,
      permissions: { telephony: true, fax: false },
    })
    if (!created.ok) return null
    const userId = created.data.id
    const block = await api.numbers.addBlock({ base: '+49 211 777 00', count: 20 })
    if (!block.ok) return null
    for (const number of block.data)
      await api.numbers.assign({ number: number.number, target: { kind: 'user', id: userId } })
    for (const extension of ['40', '41', '42'])
      await api.extensions.add({ owner: { kind: 'user', id: userId }, extension })
    for (let index = 1; index <= 9; index += 1) {
      const device =
        index % 3 === 0
          ? { type: 'voip' as const, name: `Desk phone ${index}`, model: 'Yealink T54W' }
          : { type: 'mobile' as const, name: `Mobile ${index}`, number: `+49 171 123456${index}` }
      const added = await api.devices.add({ userId, device })
      if (added.ok && index % 4 === 0) await api.devices.setActive({ id: added.data.id, active: false })
    }
    return userId
  })
  expect(id).not.toBeNull()
  return id ?? ''
}

async function openRouting(page: Page, userId: string): Promise<Locator> {
  await page.goto(`${new URL(page.url()).origin}${new URL(page.url()).pathname}#/users/${userId}?tab=routing`)
  const panel = page.getByRole('region', { name: 'Routing' })
  await expect(
    panel.getByRole('group', { name: /^(Routing diagram of|Routing-Diagramm von) / }),
  ).toBeVisible()
  return panel
}

async function setTheme(page: Page, dark: boolean): Promise<void> {
  const name = dark ? 'Switch to dark theme' : 'Switch to light theme'
  const other = dark ? 'Zum dunklen Design wechseln' : 'Zum hellen Design wechseln'
  const button = page.getByRole('button', { name: new RegExp(`^(${name}|${other})$`) })
  if ((await button.count()) > 0) await button.click()
}

async function setLanguage(page: Page, language: 'Deutsch' | 'English'): Promise<void> {
  await page.getByRole('button', { name: /^(Language|Sprache)$/ }).click()
  await page.getByRole('menuitem', { name: language }).click()
}

/** Lets the diagram fit itself before a screenshot. */
async function settle(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(Fit diagram to view|Diagramm einpassen)$/ }).click()
  await page.waitForTimeout(200)
}

test.describe('Routing diagram', () => {
  // The machine is shared and slow; axe and the redraws take their time.
  test.describe.configure({ timeout: 240_000 })

  test('an incomplete routing names what is missing; a number from the picker and a ringing device complete it', async ({
    app,
    readPlan,
    saveScreenshot,
    expectAccessible,
  }) => {
    const carla = await createIncompleteUser(app)
    const panel = await openRouting(app, carla)
    const notice = panel.getByText('Carla Neumann cannot make calls yet', { exact: true })
    await expect(notice).toBeVisible()
    const alert = panel.getByRole('alert')
    await expect(alert.getByText('No phone number is assigned.')).toBeVisible()
    await expect(alert.getByText('No device rings.')).toBeVisible()
    await expect(panel.getByText('Nobody can call in')).toBeVisible()
    await settle(app)
    await saveScreenshot('routing-incomplete-en-light')
    await expectAccessible('routing tab, incomplete, light')

    // The picker lists only free numbers and searches them in main.
    await panel.getByRole('button', { name: 'Add a number' }).click()
    const picker = app.getByRole('dialog', { name: 'Add a number for Carla Neumann' })
    await expect(picker).toBeVisible()
    await expect(picker.getByRole('button', { name: 'Add +49 211 55580' })).toHaveCount(0)
    await picker.getByLabel('Search free numbers').fill('55585')
    await expect(picker.getByText('1 free number')).toBeVisible()
    await expectAccessible('number picker')
    await picker.getByRole('button', { name: 'Add +49 211 55585' }).click()
    await expect(picker).toBeHidden()
    await expect(alert.getByText('No phone number is assigned.')).toBeHidden()
    await expect(panel.getByRole('button', { name: 'Remove +49 211 55585' })).toBeVisible()

    // Letting the app ring completes the routing: the notice goes away.
    await panel.getByRole('switch', { name: 'Softphone app rings' }).check()
    await expect(notice).toBeHidden()
    await expect(panel.getByText('Rings all active devices')).toBeVisible()

    const plan = await readPlan()
    expect(plan.numbers.find((entry) => entry.number === '+4921155585')?.assignedTo).toEqual({
      kind: 'user',
      id: carla,
    })
    expect(plan.devices.filter((device) => device.userId === carla).some((device) => device.active)).toBe(
      true,
    )
  })

  test('an extension in a blocked range shows its rule; a free one is added', async ({ app, readPlan }) => {
    const anna = await userIdOf(app, 'Anna')
    const panel = await openRouting(app, anna)
    const field = panel.getByLabel('New extension')
    await field.fill('112')
    await expect(panel.getByText(/may not start with 110–119/)).toBeVisible()
    await field.fill('11')
    await expect(panel.getByText(/already used by Ben Ott/)).toBeVisible()
    await field.fill('47')
    await expect(panel.getByText('47 is free.')).toBeVisible()
    await panel.getByRole('button', { name: 'Add extension' }).click()
    await expect(panel.getByRole('button', { name: 'Remove extension 47' })).toBeVisible()
    await expect
      .poll(async () => (await readPlan()).extensions.some((entry) => entry.extension === '47'))
      .toBe(true)
  })

  test('voicemail timeouts outside 5–600 s are refused with main’s message; 45 is saved', async ({
    app,
    readPlan,
    planText,
  }) => {
    const anna = await userIdOf(app, 'Anna')
    const panel = await openRouting(app, anna)
    const timeout = panel.getByLabel('Answers after (seconds)')
    const before = await planText()
    for (const value of ['3', '700']) {
      await timeout.fill(value)
      await panel.getByRole('button', { name: 'Save voicemail' }).click()
      await expect(
        panel.getByText(`${value} is not allowed: the voicemail answers after 5 to 600 seconds.`, {
          exact: false,
        }),
      ).toBeVisible()
      expect(await planText()).toBe(before)
    }
    await panel.getByLabel('Voicemail answers').check()
    await timeout.fill('45')
    await panel.getByRole('button', { name: 'Save voicemail' }).click()
    await expect(app.getByText('The voicemail of Anna Schmidt was saved.')).toBeVisible()
    await expect(panel.getByText('Answers after 45 s', { exact: true })).toBeVisible()
    await expect
      .poll(async () => (await readPlan()).users.find((user) => user.id === anna)?.voicemail.timeoutSeconds)
      .toBe(45)
  })

  test('a non-admin cannot edit someone else’s routing, but edits their own in My Telephony', async ({
    app,
    saveScreenshot,
    expectAccessible,
  }) => {
    const anna = await userIdOf(app, 'Anna')
    await switchUser(app, 'Ben Ott')
    await app.goto(`${new URL(app.url()).origin}${new URL(app.url()).pathname}#/users/${anna}?tab=routing`)
    await expect(app.getByRole('heading', { level: 1 })).toBeVisible()
    await expect(app.getByRole('button', { name: 'Add number' })).toHaveCount(0)
    await expect(app.getByLabel('New extension')).toHaveCount(0)
    await expect(app.getByRole('button', { name: 'Save voicemail' })).toHaveCount(0)
    await expect(app.getByRole('switch', { name: /rings$/ })).toHaveCount(0)

    await app.goto(`${new URL(app.url()).origin}${new URL(app.url()).pathname}#/me`)
    const panel = app.getByRole('region', { name: 'Routing' })
    await expect(panel.getByRole('group', { name: 'Routing diagram of Ben Ott' })).toBeVisible()
    await expect(panel.getByRole('button', { name: 'Add number' })).toBeVisible()
    await expect(panel.getByRole('button', { name: 'Add device' })).toBeVisible()
    await settle(app)
    await expectAccessible('My Telephony, light')
    await saveScreenshot('routing-me-en-light')
    await setTheme(app, true)
    await expectAccessible('My Telephony, dark')
    await saveScreenshot('routing-me-en-dark')
  })

  test('screenshots: complete, incomplete and crowded routing in both languages and themes', async ({
    app,
    saveScreenshot,
    expectAccessible,
  }) => {
    test.setTimeout(600_000)
    const anna = await userIdOf(app, 'Anna')
    const carla = await createIncompleteUser(app)
    const dora = await createCrowdedUser(app)
    const states: Array<[string, string]> = [
      ['complete', anna],
      ['incomplete', carla],
      ['crowded', dora],
    ]
    for (const [language, code] of [
      ['English', 'en'],
      ['Deutsch', 'de'],
    ] as const) {
      if (code === 'de') await setLanguage(app, language)
      for (const dark of [false, true]) {
        await setTheme(app, dark)
        for (const [state, id] of states) {
          await openRouting(app, id)
          await settle(app)
          await saveScreenshot(`routing-${state}-${code}-${dark ? 'dark' : 'light'}`)
          if (state !== 'incomplete')
            await expectAccessible(`routing ${state} ${code} ${dark ? 'dark' : 'light'}`)
        }
      }
    }
  })
})
