import type { Locator, Page } from '@playwright/test'
import type { Plan } from '../src/main/store/planFile'
import { generatePlan } from '../src/main/testing/generatePlan'
import { expect, test } from './fixtures'
import { switchUser } from './helpers'

/** The users table's data rows (the header row has no email address). */
const userRows = (page: Page): Locator => page.getByRole('table').getByRole('row').filter({ hasText: '@' })

const rowOf = (page: Page, name: string): Locator => userRows(page).filter({ hasText: name })

/** The emails in the order the table shows them. */
async function shownEmails(page: Page): Promise<string[]> {
  const texts = await userRows(page).allInnerTexts()
  return texts.map((text) => /[^\s@]+@[^\s@]+/.exec(text)?.[0] ?? text)
}

async function openAddDialog(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Add user' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add user' })
  await expect(dialog).toBeVisible()
  return dialog
}

async function fillPerson(
  dialog: Locator,
  person: { first: string; last: string; email: string },
): Promise<void> {
  await dialog.getByRole('textbox', { name: 'First name' }).fill(person.first)
  await dialog.getByRole('textbox', { name: 'Last name' }).fill(person.last)
  await dialog.getByRole('textbox', { name: 'Email' }).fill(person.email)
}

async function askToDelete(page: Page, name: string): Promise<Locator> {
  await page.getByRole('button', { name: `Actions for ${name}` }).click()
  await page.getByRole('menuitem', { name: 'Delete' }).click()
  const dialog = page.getByRole('dialog', { name: 'Delete user?' })
  await expect(dialog).toBeVisible()
  return dialog
}

const filterChip = (page: Page, name: string, group = 'Filters'): Locator =>
  page.getByRole('group', { name: group }).getByRole('button', { name })

const userByEmail = (plan: Plan, email: string) => plan.users.find((user) => user.email === email)

/** Switches the app bar's language and theme the way a person does. */
async function useLanguageAndTheme(
  page: Page,
  language: 'en' | 'de',
  theme: 'light' | 'dark',
): Promise<void> {
  if (language === 'de') {
    await page.getByRole('button', { name: 'Language' }).click()
    await page.getByRole('menuitem', { name: 'Deutsch' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Benutzer' })).toBeVisible()
  }
  if (theme === 'dark') {
    await page
      .getByRole('button', {
        name: language === 'de' ? 'Zum dunklen Design wechseln' : 'Switch to dark theme',
      })
      .click()
    await expect(
      page.getByRole('button', {
        name: language === 'de' ? 'Zum hellen Design wechseln' : 'Switch to light theme',
      }),
    ).toBeVisible()
  }
}

// Every test starts its own bridge and browser; on a busy machine that and axe take a while.
test.describe.configure({ timeout: 180_000 })

test.describe('Users list', () => {
  test('shows numbers, extensions, devices, location, admin and call readiness of the default plan', async ({
    app,
  }) => {
    await expect(app.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible()
    await expect(app.getByText('Acting as Anna Schmidt')).toBeVisible()
    const table = app.getByRole('table')
    for (const column of ['Name', 'Phone numbers', 'Extensions', 'Devices', 'Location', 'Admin', 'Calls']) {
      await expect(table.getByRole('columnheader', { name: column, exact: true })).toBeVisible()
    }
    await expect(userRows(app)).toHaveCount(2)
    const anna = rowOf(app, 'Anna Schmidt')
    for (const text of [
      'anna.schmidt@example.com',
      '+49 211 55580',
      '10',
      '1 device',
      'No location',
      'Admin',
      'Can make calls',
    ]) {
      await expect(anna).toContainText(text)
    }
    const ben = rowOf(app, 'Ben Ott')
    for (const text of [
      'ben.ott@example.com',
      '+49 211 55581',
      '11',
      '1 device',
      'No location',
      'Standard',
    ]) {
      await expect(ben).toContainText(text)
    }
    await expect(app.getByText('2 users', { exact: true })).toBeVisible()
    // Every column fits at 1280 px: the row menu is on screen without scrolling sideways.
    await expect(app.getByRole('button', { name: 'Actions for Anna Schmidt' })).toBeInViewport({ ratio: 1 })
  })

  test('a user without telephony shows the badge naming what is missing; more than two numbers are counted', async ({
    app,
    bridge,
  }) => {
    const created = await bridge.backend.call('users:create', {
      firstName: 'Zoe',
      lastName: 'Adler',
      email: 'zoe.adler@example.com',
      language: 'en',
      admin: false,
      permissions: { telephony: false, fax: false },
    })
    expect(created.ok).toBe(true)
    const annaId = (await bridge.backend.call('users:list', { search: 'anna' })) as {
      ok: true
      data: { items: { id: string }[] }
    }
    for (const number of ['+4921155582', '+4921155583', '+4921155584']) {
      const assigned = await bridge.backend.call('numbers:assign', {
        number,
        target: { kind: 'user', id: annaId.data.items[0]!.id },
      })
      expect(assigned.ok).toBe(true)
    }
    await app.reload()

    const zoe = rowOf(app, 'Zoe Adler')
    await expect(zoe).toContainText('Cannot make calls yet')
    await expect(zoe).toContainText('Missing: telephony permission')
    const anna = rowOf(app, 'Anna Schmidt')
    await expect(anna).toContainText('+49 211 55580')
    await expect(anna).toContainText('+49 211 55582')
    await expect(anna).toContainText('+2 more')
    await expect(anna.getByText('further numbers: +49 211 55583, +49 211 55584')).toHaveCount(1)
    await expect(anna).not.toContainText('Cannot make calls yet')
  })

  test('filters combine, are keyboard operable, and the subtitle counts the matches', async ({
    app,
    bridge,
    expectAccessible,
  }) => {
    const created = await bridge.backend.call('users:create', {
      firstName: 'Zoe',
      lastName: 'Adler',
      email: 'zoe.adler@example.com',
      language: 'en',
      admin: true,
      permissions: { telephony: false, fax: false },
    })
    expect(created.ok).toBe(true)
    await app.reload()
    await expect(userRows(app)).toHaveCount(3)

    const admins = filterChip(app, 'Admins')
    await expect(admins).toHaveAttribute('aria-pressed', 'false')
    await admins.click()
    await expect(admins).toHaveAttribute('aria-pressed', 'true')
    await expect(userRows(app)).toHaveCount(2)
    await expect(app.getByText('2 of 3 users match')).toBeVisible()

    // With the keyboard: focus the chip, Space toggles it.
    const incomplete = filterChip(app, 'Routing incomplete')
    await incomplete.focus()
    await app.keyboard.press('Space')
    await expect(incomplete).toHaveAttribute('aria-pressed', 'true')
    await expect(userRows(app)).toHaveCount(1)
    await expect(rowOf(app, 'Zoe Adler')).toBeVisible()
    await expect(app.getByText('1 of 3 users match')).toBeVisible()
    await expectAccessible('users list with filters on (light)')

    const withoutLocation = filterChip(app, 'Without location')
    await withoutLocation.press('Enter')
    await expect(withoutLocation).toHaveAttribute('aria-pressed', 'true')
    await expect(userRows(app)).toHaveCount(1)
    await admins.click()
    await incomplete.click()
    await withoutLocation.click()
    await expect(userRows(app)).toHaveCount(3)
    await expect(app.getByText('3 users', { exact: true })).toBeVisible()
  })

  test('the name and "Open profile" lead to the user’s profile', async ({ app }) => {
    const ids = await app.evaluate(async () => {
      const api = (
        globalThis as unknown as {
          api: {
            users: {
              list: (
                input: object,
              ) => Promise<{ ok: boolean; data: { items: { id: string; lastName: string }[] } }>
            }
          }
        }
      ).api
      const result = await api.users.list({})
      return Object.fromEntries(result.data.items.map((user) => [user.lastName, user.id]))
    })
    await app.getByRole('button', { name: 'Actions for Ben Ott' }).click()
    await app.getByRole('menuitem', { name: 'Open profile' }).click()
    await expect.poll(() => app.url()).toContain(`/users/${ids['Ott']}`)
    await app.goBack()
    await expect(app.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible()
    await app.getByRole('button', { name: 'Open the profile of Anna Schmidt' }).press('Enter')
    await expect.poll(() => app.url()).toContain(`/users/${ids['Schmidt']}`)
  })

  test('sorts by Name and by Admin, ascending then descending', async ({ app, bridge }) => {
    const created = await bridge.backend.call('users:create', {
      firstName: 'Zoe',
      lastName: 'Adler',
      email: 'zoe.adler@example.com',
      language: 'en',
      admin: false,
      permissions: { telephony: false, fax: false },
    })
    expect(created.ok).toBe(true)
    await app.reload()
    // By last name first.
    await expect
      .poll(() => shownEmails(app))
      .toEqual(['zoe.adler@example.com', 'ben.ott@example.com', 'anna.schmidt@example.com'])
    const nameHeader = app.getByRole('columnheader', { name: 'Name', exact: true })
    await nameHeader.click()
    await expect
      .poll(() => shownEmails(app))
      .toEqual(['anna.schmidt@example.com', 'ben.ott@example.com', 'zoe.adler@example.com'])
    // Admins first, each group by name; descending is the exact reverse.
    const adminHeader = app.getByRole('columnheader', { name: 'Admin', exact: true })
    await adminHeader.click()
    await expect
      .poll(() => shownEmails(app))
      .toEqual(['anna.schmidt@example.com', 'zoe.adler@example.com', 'ben.ott@example.com'])
    await adminHeader.click()
    await expect
      .poll(() => shownEmails(app))
      .toEqual(['ben.ott@example.com', 'zoe.adler@example.com', 'anna.schmidt@example.com'])
  })

  test('search filters the list by name and email', async ({ app }) => {
    const search = app.getByRole('textbox', { name: 'Search users' })
    await search.fill('ben')
    await expect(userRows(app)).toHaveCount(1)
    await expect(rowOf(app, 'Ben Ott')).toBeVisible()
    await search.fill('schmidt@example')
    await expect(userRows(app)).toHaveCount(1)
    await search.fill('nobody-has-this')
    await expect(userRows(app)).toHaveCount(0)
    await expect(app.getByText('No users match “nobody-has-this”')).toBeVisible()
    await search.fill('')
    await expect(userRows(app)).toHaveCount(2)
  })
})

test.describe('Adding a user', () => {
  test('with a free number and an extension checked live: taken and blocked ones are refused', async ({
    app,
    readPlan,
  }) => {
    const dialog = await openAddDialog(app)
    await fillPerson(dialog, { first: 'Clara', last: 'Weiss', email: 'clara.weiss@example.com' })
    await dialog.getByLabel('Initial password (optional)').fill('correct horse battery')

    // Only free numbers are offered: Anna's +49 211 55580 is not.
    const number = dialog.getByRole('combobox', { name: 'Phone number (optional)' })
    await number.fill('5558')
    await expect(app.getByRole('option', { name: '+49 211 55582' })).toBeVisible()
    await expect(app.getByRole('option', { name: '+49 211 55580' })).toHaveCount(0)
    await number.fill('55583')
    await app.getByRole('option', { name: '+49 211 55583' }).click()

    const extension = dialog.getByRole('textbox', { name: 'Extension (optional)' })
    await extension.fill('10')
    await expect(extension).toHaveAccessibleDescription('Extension 10 is already used by Anna Schmidt.')
    await extension.fill('112')
    await expect(extension).toHaveAccessibleDescription(/Extension 112 is not allowed: .*110–119/)
    await extension.fill('23')
    await expect(extension).toHaveAccessibleDescription('Extension 23 is free')

    await dialog.getByRole('button', { name: 'Create user' }).click()
    await expect(dialog).toBeHidden({ timeout: 30_000 })
    await expect(app.getByText('Clara Weiss was added.')).toBeVisible({ timeout: 30_000 })
    const clara = rowOf(app, 'Clara Weiss')
    await expect(clara).toContainText('+49 211 55583')
    await expect(clara).toContainText('23')

    const plan = await readPlan()
    const user = userByEmail(plan, 'clara.weiss@example.com')
    expect(user).toMatchObject({ firstName: 'Clara', lastName: 'Weiss', admin: false })
    expect(user?.passwordHash).toBeTruthy()
    expect(plan.numbers.find((entry) => entry.number === '+4921155583')?.assignedTo).toEqual({
      kind: 'user',
      id: user?.id,
    })
    expect(plan.extensions).toContainEqual({ extension: '23', owner: { kind: 'user', id: user?.id } })
  })

  test('telephony off disables the number and extension and says why', async ({ app, readPlan }) => {
    const dialog = await openAddDialog(app)
    await fillPerson(dialog, { first: 'Fay', last: 'Fax', email: 'fay.fax@example.com' })
    await dialog.getByLabel('Telephony').setChecked(false)
    await dialog.getByLabel('Fax').setChecked(true)
    await expect(
      dialog.getByText('Turn on telephony to give the user a phone number or an extension.'),
    ).toBeVisible()
    await expect(dialog.getByRole('combobox', { name: 'Phone number (optional)' })).toBeDisabled()
    await expect(dialog.getByRole('textbox', { name: 'Extension (optional)' })).toBeDisabled()
    await dialog.getByRole('button', { name: 'Create user' }).click()
    await expect(dialog).toBeHidden({ timeout: 30_000 })
    await expect(rowOf(app, 'Fay Fax')).toContainText('Cannot make calls yet')
    expect(userByEmail(await readPlan(), 'fay.fax@example.com')?.permissions).toEqual({
      telephony: false,
      fax: true,
    })
  })

  test('refuses an email that is already used, under the Email field, and changes nothing', async ({
    app,
    planText,
  }) => {
    const before = await planText()
    const dialog = await openAddDialog(app)
    await fillPerson(dialog, { first: 'Anne', last: 'Schmidt', email: 'ANNA.SCHMIDT@example.com' })
    await dialog.getByRole('button', { name: 'Create user' }).click()
    const message = 'The email address ANNA.SCHMIDT@example.com is already used by Anna Schmidt.'
    await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveAccessibleDescription(message)
    expect(await planText()).toBe(before)
    await app.keyboard.press('Escape')
    await expect(dialog).toBeHidden({ timeout: 30_000 })
    await expect(app.getByRole('button', { name: 'Add user' })).toBeFocused()
  })
})

test.describe('Deleting a user', () => {
  test('shows the impact from main, then deletes: the number goes back to the pool', async ({
    app,
    readPlan,
    expectAccessible,
  }) => {
    const dialog = await askToDelete(app, 'Ben Ott')
    await expect(dialog).toContainText('Ben Ott (ben.ott@example.com) will be deleted')
    await expect(dialog).toContainText('Back to the pool: +49 211 55581')
    await expect(dialog).toContainText('Extensions removed: 11')
    await expect(dialog).toContainText('Devices removed:')
    await expectAccessible('delete user confirmation (light)')
    await dialog.getByRole('button', { name: 'Delete' }).click()

    await expect(dialog).toBeHidden({ timeout: 30_000 })
    await expect(app.getByText('Ben Ott was deleted.')).toBeVisible({ timeout: 30_000 })
    await expect(rowOf(app, 'Ben Ott')).toHaveCount(0)
    const plan = await readPlan()
    expect(plan.users.map((user) => user.email)).toEqual(['anna.schmidt@example.com'])
    expect(plan.numbers.find((entry) => entry.number === '+4921155581')?.assignedTo).toBeNull()
    expect(plan.extensions.map((entry) => entry.extension)).not.toContain('11')
  })

  test('refuses to delete the acting user inside the dialog', async ({ app, planText }) => {
    const before = await planText()
    const dialog = await askToDelete(app, 'Anna Schmidt')
    await dialog.getByRole('button', { name: 'Delete' }).click()
    await expect(dialog.getByRole('alert')).toContainText(
      'You are acting as Anna Schmidt; you cannot delete yourself.',
    )
    expect(await planText()).toBe(before)
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(dialog).toBeHidden({ timeout: 30_000 })
    await expect(app.getByRole('button', { name: 'Actions for Anna Schmidt' })).toBeFocused()
  })
})

test.describe('As a non-admin', () => {
  test('the list is read-only and only the own profile opens', async ({
    app,
    planText,
    expectAccessible,
  }) => {
    await switchUser(app, 'Ben Ott')
    const before = await planText()
    await expect(userRows(app)).toHaveCount(2)
    await expect(app.getByRole('button', { name: 'Add user' })).toHaveCount(0)
    await expect(app.getByRole('button', { name: 'Actions for Anna Schmidt' })).toHaveCount(0)
    await expect(app.getByRole('button', { name: 'Open the profile of Anna Schmidt' })).toHaveCount(0)
    await expect(app.getByRole('button', { name: 'Open the profile of Ben Ott' })).toBeVisible()
    await app.getByRole('button', { name: 'Actions for Ben Ott' }).click()
    await expect(app.getByRole('menuitem', { name: 'Open profile' })).toBeVisible()
    await expect(app.getByRole('menuitem', { name: 'Delete' })).toHaveCount(0)
    await app.keyboard.press('Escape')
    await filterChip(app, 'Admins').click()
    await expect(userRows(app)).toHaveCount(1)
    await expectAccessible('users list as a non-admin')
    expect(await planText()).toBe(before)
  })
})

test.describe('Screens in both languages and themes', () => {
  for (const language of ['en', 'de'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      test(`list and add dialog, ${language} ${theme}`, async ({ app, saveScreenshot, expectAccessible }) => {
        test.setTimeout(240_000)
        await useLanguageAndTheme(app, language, theme)
        await expect(userRows(app)).toHaveCount(2)
        await expectAccessible(`users list ${language} ${theme}`)
        await saveScreenshot(`users-list-${language}-${theme}`)

        const admins = filterChip(app, 'Admins', language === 'de' ? 'Filter' : 'Filters')
        await admins.click()
        await expect(userRows(app)).toHaveCount(1)
        await expectAccessible(`users list filtered ${language} ${theme}`)
        await saveScreenshot(`users-filtered-${language}-${theme}`)
        await admins.click()

        const addName = language === 'de' ? 'Benutzer hinzufügen' : 'Add user'
        await app.getByRole('button', { name: addName }).click()
        const dialog = app.getByRole('dialog', { name: addName })
        await expect(dialog).toBeVisible()
        await dialog
          .getByRole('textbox', { name: language === 'de' ? 'Durchwahl (optional)' : 'Extension (optional)' })
          .fill('10')
        await expect(
          dialog.getByText(language === 'de' ? /Durchwahl 10 wird schon/ : /Extension 10 is already/),
        ).toBeVisible()
        await expectAccessible(`add user dialog ${language} ${theme}`)
        await saveScreenshot(`users-add-${language}-${theme}`)
        await app.keyboard.press('Escape')
        await expect(dialog).toBeHidden({ timeout: 30_000 })

        await app
          .getByRole('button', { name: language === 'de' ? 'Aktionen für Ben Ott' : 'Actions for Ben Ott' })
          .click()
        await app.getByRole('menuitem', { name: language === 'de' ? 'Löschen' : 'Delete' }).click()
        const remove = app.getByRole('dialog', {
          name: language === 'de' ? 'Benutzer löschen?' : 'Delete user?',
        })
        await expect(remove).toContainText('+49 211 55581')
        await expectAccessible(`delete user confirmation ${language} ${theme}`)
        await saveScreenshot(`users-delete-${language}-${theme}`)
      })
    }
  }
})

test.describe('A plan with 10,000 users', () => {
  test.use({ planSeed: JSON.stringify(generatePlan(10_000)) })

  test('loads one page; filters and paging are answered by main', async ({ app }) => {
    await expect(app.getByText('10,000 users', { exact: true })).toBeVisible({ timeout: 15_000 })
    await expect(userRows(app)).toHaveCount(25)

    await filterChip(app, 'Admins').click()
    await expect(app.getByText(/^\d{3} of 10,000 users match$/)).toBeVisible()
    await expect(userRows(app)).toHaveCount(25)
    await expect(userRows(app).filter({ hasText: 'Standard' })).toHaveCount(0)

    await filterChip(app, 'Routing incomplete').click()
    await expect(app.getByText(/^\d+ of 10,000 users match$/)).toBeVisible()
    const firstPage = await shownEmails(app)
    await app.getByRole('button', { name: /next page/i }).click()
    await expect.poll(() => shownEmails(app)).not.toEqual(firstPage)
    for (const row of await userRows(app).all()) await expect(row).toContainText('Cannot make calls yet')
  })
})
