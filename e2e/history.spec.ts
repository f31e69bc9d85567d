import type { Locator, Page } from '@playwright/test'
import type { Api } from '../src/shared/api'
import { expect, test } from './fixtures'
import { openScreen, switchUser } from './helpers'

const rows = (page: Page): Locator => page.getByRole('table').getByRole('row')

async function addHeadOffice(page: Page): Promise<void> {
  await openScreen(page, 'Locations')
  await page.getByRole('button', { name: 'Add location' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add location' })
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Head office')
  await dialog.getByRole('textbox', { name: 'Street' }).fill('Königsallee')
  await dialog.getByRole('textbox', { name: 'House number' }).fill('1')
  await dialog.getByRole('textbox', { name: 'Postcode' }).fill('40212')
  await dialog.getByRole('textbox', { name: 'City' }).fill('Düsseldorf')
  await dialog.getByRole('button', { name: 'Add location' }).click()
  await expect(dialog).toBeHidden()
}

async function deleteBen(page: Page): Promise<void> {
  await openScreen(page, 'Users')
  await page.getByRole('button', { name: 'Actions for Ben Ott' }).click()
  await page.getByRole('menuitem', { name: 'Delete' }).click()
  const dialog = page.getByRole('dialog', { name: 'Delete user?' })
  await dialog.getByRole('button', { name: 'Delete' }).click()
  await expect(dialog).toBeHidden({ timeout: 30_000 })
}

test.describe('Change history', () => {
  test('changes made in the UI appear, newest first, searchable, and are kept in plan.json', async ({
    app,
    readPlan,
    expectAccessible,
    saveScreenshot,
  }) => {
    // Two changes through their screens, then the history in two languages and themes.
    test.slow()
    await openScreen(app, 'Change history')
    await expect(app.getByRole('heading', { name: 'No changes yet' })).toBeVisible()
    await expectAccessible('change history, empty (light)')
    await saveScreenshot('history-empty-en-light')

    await addHeadOffice(app)
    await deleteBen(app)

    await openScreen(app, 'Change history')
    await expect(app.getByRole('status').filter({ hasText: '2 changes' })).toBeVisible()
    await expect(rows(app)).toHaveCount(3) // header + two entries
    const newest = rows(app).nth(1)
    await expect(newest).toContainText('Anna Schmidt')
    await expect(newest).toContainText('delete user')
    await expect(newest).toContainText('Number +49 211 55581 of Ben Ott released')
    await expect(newest).toContainText('user Ben Ott deleted')
    await expect(rows(app).nth(2)).toContainText('Location Head office added')
    await expect(newest.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/)
    await expectAccessible('change history with entries (light)')
    await saveScreenshot('history-list-en-light')

    // The search runs in main over the rendered text, ignoring case.
    const search = app.getByRole('textbox', { name: 'Search the history' })
    await search.fill('HEAD OFFICE')
    await expect(app.getByRole('status').filter({ hasText: '1 of 2 changes match' })).toBeVisible()
    await expect(rows(app)).toHaveCount(2)
    await expect(rows(app).nth(1)).toContainText('Location Head office added')
    await search.fill('no such change')
    await expect(app.getByText('No change matches “no such change”.')).toBeVisible()
    await expectAccessible('change history, nothing matches (light)')
    await search.press('Escape')
    await expect(rows(app)).toHaveCount(3)

    // plan.json holds the entries, oldest first, with who and the structured changes.
    const plan = await readPlan()
    expect(plan.schemaVersion).toBe(3)
    expect(plan.history.map((entry) => [entry.channel, entry.actorName])).toEqual([
      ['locations:create', 'Anna Schmidt'],
      ['users:delete', 'Anna Schmidt'],
    ])
    expect(plan.history[0]!.changes).toEqual([
      { kind: 'locationAdded', locationId: plan.locations[0]!.id, name: 'Head office' },
    ])
    expect(plan.history[1]!.changes.map((change) => change.kind)).toEqual([
      'numberReleased',
      'extensionRemoved',
      'deviceRemoved',
      'userRemoved',
    ])

    // Undo takes the entry back with the change.
    const undo = app.getByRole('button', { name: 'Undo', exact: true })
    await expect(undo).toHaveAccessibleDescription('Undo delete user')
    await undo.click()
    await expect(app.getByRole('status').filter({ hasText: '1 change' })).toBeVisible()
    expect((await readPlan()).history).toHaveLength(1)

    await app.getByRole('button', { name: 'Switch to dark theme' }).click()
    await app.getByRole('button', { name: 'Language' }).click()
    await app.getByRole('menuitem', { name: 'Deutsch' }).click()
    await expect(app.getByRole('heading', { level: 1, name: 'Änderungsverlauf' })).toBeVisible()
    await expect(rows(app).nth(1)).toContainText('Standort Head office hinzugefügt')
    await expectAccessible('change history (dark, de)')
    await saveScreenshot('history-list-de-dark')
  })

  test('an entry about a user links to the profile; a non-admin does not see the screen', async ({
    app,
    expectAccessible,
    saveScreenshot,
  }) => {
    test.slow()
    await app.getByRole('button', { name: 'Switch to dark theme' }).click()
    await openScreen(app, 'Change history')
    await expect(app.getByRole('heading', { name: 'No changes yet' })).toBeVisible()
    await expectAccessible('change history, empty (dark)')
    await saveScreenshot('history-empty-en-dark')

    // A change made elsewhere (here: straight through the preload's API) shows up after a reload.
    await app.evaluate(async () => {
      // Runs in the page, where the preload (or the bridge) exposes the typed API as `window.api`.
      const api = (globalThis as unknown as { api: Api }).api
      const users = await api.users.list({ search: 'Ben' })
      if (!users.ok) throw new Error(users.error.message)
      const ben = users.data.items[0]!
      const added = await api.extensions.add({ owner: { kind: 'user', id: ben.id }, extension: '23' })
      if (!added.ok) throw new Error(added.error.message)
    })
    await app.reload()
    await expect(rows(app).nth(1)).toContainText('Extension 23 added to Ben Ott')
    await expectAccessible('change history with a profile link (dark)')
    await saveScreenshot('history-list-en-dark')
    const link = rows(app).nth(1).getByRole('link', { name: 'Open profile of Ben Ott' })
    await link.focus()
    await link.press('Enter')
    await expect(app.getByRole('heading', { level: 1, name: 'Ben Ott' })).toBeVisible()

    await switchUser(app, 'Ben Ott')
    const navigation = app.getByRole('navigation', { name: 'Main navigation' })
    await expect(navigation.getByRole('link', { name: 'Users' })).toBeVisible()
    await expect(navigation.getByRole('link', { name: 'Change history' })).toHaveCount(0)
  })
})
