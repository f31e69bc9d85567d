import * as fsp from 'node:fs/promises'
import path from 'node:path'
import type { Page } from '@playwright/test'
import type { Api } from '../src/shared/api'
import type { Plan } from '../src/main/store/planFile'
import { expect as baseExpect, test } from './fixtures'
import { openScreen } from './helpers'

/** The machine is shared and slow: a change plus the redraw from main may take a while. */
const expect = baseExpect.configure({ timeout: 30_000 })

/** Reaches the typed API the bridge exposes (the e2e files are typed without the DOM lib). */
type Global = { api: Api }

/**
 * "Next year": the open plan renamed, with Ben's email changed and admin rights, Carla added (Ben's number
 * moves to her) and a head office. Written into the data folder's plans/ folder.
 */
async function seedNextYear(dataDir: string, plan: Plan): Promise<string> {
  plan.account.name = 'Next year'
  const ben = plan.users.find((user) => user.firstName === 'Ben')!
  ben.email = 'ben.ott@new.example.com'
  ben.admin = true
  plan.users.push({
    ...ben,
    id: 'carla',
    firstName: 'Carla',
    lastName: 'Neumann',
    email: 'carla@example.com',
    admin: false,
    permissions: { telephony: false, fax: false },
  })
  plan.numbers.find((entry) => entry.assignedTo?.id === ben.id)!.assignedTo = { kind: 'user', id: 'carla' }
  plan.locations.push({
    id: 'hq',
    name: 'Head office',
    street: 'Königsallee',
    houseNumber: '1',
    postcode: '40212',
    city: 'Düsseldorf',
    country: 'DE',
  })
  await fsp.mkdir(path.join(dataDir, 'plans'), { recursive: true })
  const file = path.join(dataDir, 'plans', 'Next year.json')
  await fsp.writeFile(file, JSON.stringify(plan, null, 2))
  return file
}

/** Dora exists only in the open plan. */
async function addDora(page: Page): Promise<void> {
  const ok = await page.evaluate(async () => {
    const { api } = globalThis as unknown as Global
    const created = await api.users.create({
      firstName: 'Dora',
      lastName: 'Klein',
      email: 'dora@example.com',
      language: 'de',
      admin: false,
      permissions: { telephony: false, fax: false },
    })
    return created.ok
  })
  expect(ok).toBe(true)
}

async function compareWithNextYear(page: Page): Promise<void> {
  await openScreen(page, 'Compare plans')
  const picker = page.getByRole('combobox', { name: 'Plan to compare with' })
  await expect(picker).toHaveValue('Next year')
  await page.getByRole('button', { name: 'Compare', exact: true }).click()
  await expect(page.getByText('From the open plan “plan” (My company) to “Next year”')).toBeVisible()
}

test.describe('Compare plans', () => {
  test.describe.configure({ timeout: 240_000 })

  test('shows users added, removed and changed, numbers moved and locations; the other file is only read', async ({
    app,
    dataDir,
    readPlan,
    saveScreenshot,
    expectAccessible,
  }) => {
    const file = await seedNextYear(dataDir, await readPlan())
    const before = await fsp.readFile(file, 'utf8')
    await addDora(app)
    await compareWithNextYear(app)

    const added = app.getByRole('region', { name: 'Users only in Next year' })
    await expect(added.getByTestId('health-count')).toHaveText('1 user')
    await expect(added.getByText('Carla Neumann')).toBeVisible()
    const removed = app.getByRole('region', { name: 'Users only in the open plan' })
    await expect(removed.getByTestId('health-count')).toHaveText('1 user')
    await expect(removed.getByRole('link', { name: 'Open the profile of Dora Klein' })).toBeVisible()
    const changed = app.getByRole('region', { name: 'Users who differ' })
    await expect(changed.getByTestId('health-count')).toHaveText('1 user')
    await expect(
      changed.getByText(
        'Email address of Ben Ott changed from ben.ott@example.com to ben.ott@new.example.com',
      ),
    ).toBeVisible()
    await expect(changed.getByText('Ben Ott made an admin')).toBeVisible()
    const numbers = app.getByRole('region', { name: 'Phone numbers' })
    await expect(numbers.getByText('Number +49 211 55581 moved from Ben Ott to Carla Neumann')).toBeVisible()
    await expect(
      app.getByRole('region', { name: 'Locations' }).getByText('Location Head office added'),
    ).toBeVisible()
    await expect(
      app
        .getByRole('region', { name: 'Settings and fax lines' })
        .getByText('Account name changed from My company to Next year'),
    ).toBeVisible()
    await saveScreenshot('compare-en-light')
    await expectAccessible('compare plans, light')

    // Compared, never opened, locked or written.
    expect(await fsp.readFile(file, 'utf8')).toBe(before)
    expect(await fsp.readdir(path.join(dataDir, 'plans'))).toEqual(['Next year.json'])
    expect((await readPlan()).users.map((user) => user.firstName)).toEqual(['Anna', 'Ben', 'Dora'])

    // The profile link of a user only in the open plan opens it.
    await removed.getByRole('link', { name: 'Open the profile of Dora Klein' }).click()
    await expect(app.getByRole('heading', { level: 1, name: 'Dora Klein' })).toBeVisible()
  })

  test('German and dark', async ({ app, dataDir, readPlan, saveScreenshot, expectAccessible }) => {
    await seedNextYear(dataDir, await readPlan())
    await addDora(app)
    await compareWithNextYear(app)
    await app.getByRole('button', { name: 'Switch to dark theme' }).click()
    await expect(app.getByRole('button', { name: 'Switch to light theme' })).toBeVisible()
    await saveScreenshot('compare-en-dark')
    await expectAccessible('compare plans, dark')
    await app.getByRole('button', { name: 'Language' }).click()
    await app.getByRole('menuitem', { name: 'Deutsch' }).click()
    await expect(app.getByRole('heading', { level: 1, name: 'Pläne vergleichen' })).toBeVisible()
    await app.getByRole('button', { name: 'Vergleichen', exact: true }).click()
    await expect(app.getByText('Vom geöffneten Plan „plan“ (My company) zu „Next year“')).toBeVisible()
    await expect(
      app.getByText('Rufnummer +49 211 55581 von Ben Ott zu Carla Neumann verschoben'),
    ).toBeVisible()
    await saveScreenshot('compare-de-dark')
    await expectAccessible('compare plans, German, dark')
    await app.getByRole('button', { name: 'Zum hellen Design wechseln' }).click()
    await expect(app.getByRole('button', { name: 'Zum dunklen Design wechseln' })).toBeVisible()
    await saveScreenshot('compare-de-light')
  })

  test('without another plan it says how to get one', async ({ app, saveScreenshot, expectAccessible }) => {
    await openScreen(app, 'Compare plans')
    await expect(app.getByText(/There is no other plan yet/)).toBeVisible()
    await saveScreenshot('compare-empty-en-light')
    await expectAccessible('compare plans, no other plan')
  })
})
