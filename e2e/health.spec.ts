import type { Locator, Page } from '@playwright/test'
import type { Api } from '../src/shared/api'
import { expect as baseExpect, test } from './fixtures'
import { createIncompleteUser, openScreen, switchUser } from './helpers'

/** The machine is shared and slow: a change plus the redraw from main may take a while. */
const expect = baseExpect.configure({ timeout: 30_000 })

/** Reaches the typed API the bridge exposes (the e2e files are typed without the DOM lib). */
type Global = { api: Api }

/**
 * Carla: telephony, but no number and her app does not ring (cannot call yet); Ben gets three desk
 * phones (one extra device, 4.95 a month).
 */
async function seedGaps(page: Page): Promise<string> {
  const carla = await createIncompleteUser(page)
  const seeded = await page.evaluate(async () => {
    const { api } = globalThis as unknown as Global
    const ben = await api.users.list({ search: 'Ben', limit: 1 })
    if (!ben.ok || !ben.data.items[0]) return false
    for (const name of ['Desk 1', 'Desk 2', 'Desk 3'])
      await api.devices.add({ userId: ben.data.items[0].id, device: { type: 'voip', name } })
    return true
  })
  expect(seeded).toBe(true)
  return carla
}

const card = (page: Page, title: string | RegExp): Locator => page.getByRole('region', { name: title })

async function openHealth(page: Page): Promise<void> {
  await openScreen(page, 'Plan health')
  await expect(card(page, 'Numbers not assigned')).toBeVisible()
}

test.describe('Plan health', () => {
  test.describe.configure({ timeout: 240_000 })

  test('shows each gap with a link that fixes it; fixing a gap lowers its count', async ({
    app,
    readPlan,
    saveScreenshot,
    expectAccessible,
  }) => {
    const carla = await seedGaps(app)
    await openHealth(app)

    const calls = card(app, 'Users who cannot make calls yet')
    await expect(calls.getByTestId('health-count')).toHaveText('1 user')
    await expect(calls.getByRole('link', { name: 'Open the profile of Carla Neumann' })).toBeVisible()
    await expect(calls.getByText('Missing: a phone number and an active device')).toBeVisible()
    const numbers = card(app, 'Numbers not assigned')
    await expect(numbers.getByTestId('health-count')).toHaveText('8 numbers')
    await expect(numbers.getByText('+49 211 55582')).toBeVisible()
    const places = card(app, 'Users without a location')
    await expect(places.getByTestId('health-count')).toHaveText('3 users')
    await expect(places.getByText('The plan has no locations yet.')).toBeVisible()
    await expect(places.getByRole('link', { name: 'Create a location' })).toBeVisible()
    const extra = card(app, 'Extra devices')
    await expect(extra.getByTestId('health-count')).toHaveText('1 extra device')
    await expect(extra.getByTestId('health-extra-cost')).toContainText('€4.95 per month in total')
    await expect(extra.getByText('1 extra, €4.95 per month')).toBeVisible()
    await expect(app.getByText('All good')).toHaveCount(0)
    await saveScreenshot('health-gaps-en-light')
    await expectAccessible('plan health, gaps, light')

    // The link opens the users list with the filter on: only Carla.
    await calls.getByRole('link', { name: 'Show them in the users list' }).click()
    await expect(app.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible()
    await expect(app.getByRole('button', { name: 'Routing incomplete' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    await expect(app.getByText('1 of 3 users match')).toBeVisible()
    await expect(app.getByRole('row', { name: /Carla Neumann/ })).toBeVisible()
    await expect(app.getByRole('row', { name: /Ben Ott/ })).toHaveCount(0)
    await app.getByRole('button', { name: 'Routing incomplete' }).click()
    await expect(app.getByText('3 users', { exact: true })).toBeVisible()

    // From the overview to Carla's profile, where the gap is fixed: a number and a ringing app.
    await openHealth(app)
    await calls.getByRole('link', { name: 'Open the profile of Carla Neumann' }).click()
    const panel = app.getByRole('region', { name: 'Routing' })
    await panel.getByRole('button', { name: 'Add a number' }).click()
    const picker = app.getByRole('dialog', { name: 'Add a number for Carla Neumann' })
    await picker.getByLabel('Search free numbers').fill('55585')
    await expect(picker.getByText('1 free number')).toBeVisible()
    await picker.getByRole('button', { name: 'Add +49 211 55585' }).click()
    await expect(picker).toBeHidden()
    await panel.getByRole('switch', { name: 'Softphone app rings' }).check()
    await expect(panel.getByText('Rings all active devices')).toBeVisible()

    await openHealth(app)
    await expect(calls.getByText('Nothing to do')).toBeVisible()
    await expect(calls.getByRole('link')).toHaveCount(0)
    await expect(numbers.getByTestId('health-count')).toHaveText('7 numbers')
    await expect(numbers.getByText('+49 211 55585')).toHaveCount(0)
    const plan = await readPlan()
    expect(plan.numbers.find((entry) => entry.number === '+4921155585')?.assignedTo).toEqual({
      kind: 'user',
      id: carla,
    })

    // Free numbers: the pool with the filter "Free" preselected.
    await numbers.getByRole('link', { name: 'Assign them in Phone numbers' }).click()
    await expect(app.getByRole('heading', { level: 1, name: 'Phone numbers' })).toBeVisible()
    await expect(app.getByRole('combobox', { name: 'Show' })).toHaveValue('Free')
    await expect(app.getByText('7 numbers', { exact: true })).toBeVisible()
  })

  test('all good: every number assigned or gone, everybody placed, nobody pays extra', async ({
    app,
    saveScreenshot,
    expectAccessible,
  }) => {
    const done = await app.evaluate(async () => {
      const { api } = globalThis as unknown as Global
      const location = await api.locations.create({
        name: 'Head office',
        street: 'Königsallee',
        houseNumber: '1',
        postcode: '40212',
        city: 'Düsseldorf',
        country: 'DE',
      })
      if (!location.ok) return false
      const users = await api.users.list({ limit: 10 })
      if (!users.ok) return false
      for (const user of users.data.items)
        await api.users.setLocation({ id: user.id, locationId: location.data.id })
      const free = await api.numbers.list({ filter: 'free', limit: 50 })
      if (!free.ok) return false
      for (const entry of free.data.items) await api.numbers.remove({ number: entry.number })
      return true
    })
    expect(done).toBe(true)
    await openHealth(app)
    await expect(app.getByRole('status').filter({ hasText: 'All good' })).toBeVisible()
    await expect(app.getByText('Nothing to do')).toHaveCount(4)
    await saveScreenshot('health-all-good-en-light')
    await expectAccessible('plan health, all good, light')
  })

  test('German and dark; a standard user has no Plan health', async ({
    app,
    saveScreenshot,
    expectAccessible,
  }) => {
    await seedGaps(app)
    await openHealth(app)
    await app.getByRole('button', { name: 'Switch to dark theme' }).click()
    await expect(app.getByRole('button', { name: 'Switch to light theme' })).toBeVisible()
    await saveScreenshot('health-gaps-en-dark')
    await expectAccessible('plan health, gaps, dark')
    await app.getByRole('button', { name: 'Language' }).click()
    await app.getByRole('menuitem', { name: 'Deutsch' }).click()
    await expect(app.getByRole('heading', { level: 1, name: 'Plan-Check' })).toBeVisible()
    const calls = card(app, 'Benutzer, die noch nicht telefonieren können')
    await expect(calls.getByTestId('health-count')).toHaveText('1 Benutzer')
    await expect(calls.getByRole('link', { name: 'Profil von Carla Neumann öffnen' })).toBeVisible()
    await saveScreenshot('health-gaps-de-dark')
    await expectAccessible('plan health, gaps, German, dark')
    await app.getByRole('button', { name: 'Zum hellen Design wechseln' }).click()
    await expect(app.getByRole('button', { name: 'Zum dunklen Design wechseln' })).toBeVisible()
    await saveScreenshot('health-gaps-de-light')
    await app.getByRole('button', { name: 'Sprache' }).click()
    await app.getByRole('menuitem', { name: 'English' }).click()

    await switchUser(app, 'Ben Ott')
    const drawer = app.getByRole('navigation', { name: 'Main navigation' })
    await expect(drawer.getByRole('link', { name: 'Users' })).toBeVisible()
    await expect(drawer.getByRole('link', { name: 'Plan health' })).toHaveCount(0)
  })
})
