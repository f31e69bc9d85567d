import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'

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

/** Relative luminance (0 black … 1 white) of the page's app background. */
async function backgroundLuminance(page: Page): Promise<number> {
  const color = await page.evaluate<string>(
    'getComputedStyle(document.querySelector(".v-application") ?? document.body).backgroundColor',
  )
  const [r = 0, g = 0, b = 0] = (color.match(/\d+(\.\d+)?/g) ?? []).map(Number)
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255
}

test.describe('Users', () => {
  test('lists the two users of a new plan, acting as the owner', async ({ app, saveScreenshot }) => {
    const nav = app.getByRole('navigation', { name: 'Main navigation' })
    await expect(nav).toBeVisible()
    await expect(nav.getByText('Phone system')).toBeVisible()
    await expect(nav.getByRole('link', { name: 'Users' })).toBeVisible()
    await expect(app.getByText('Acting as Anna Schmidt')).toBeVisible()
    await expect(app.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible()

    const table = app.getByRole('table')
    for (const column of ['Name', 'Email', 'Admin', 'Telephony', 'Fax']) {
      await expect(table.getByRole('columnheader', { name: column, exact: true })).toBeVisible()
    }
    await expect(userRows(app)).toHaveCount(2)
    await expect(rowOf(app, 'Anna Schmidt')).toContainText('anna.schmidt@example.com')
    await expect(rowOf(app, 'Ben Ott')).toContainText('ben.ott@example.com')
    await saveScreenshot('users-en-light')
  })

  test('adds a user: the row appears and the plan file holds the user', async ({
    app,
    readPlan,
    saveScreenshot,
  }) => {
    const dialog = await openAddDialog(app)
    await fillPerson(dialog, { first: 'Clara', last: 'Weiss', email: 'clara.weiss@example.com' })
    // Vuetify lays the shown value over the combobox input; a person clicks that, so no actionability check.
    await dialog.getByRole('combobox', { name: 'Language' }).click({ force: true })
    await app.getByRole('option', { name: 'Deutsch' }).click()
    await dialog.getByLabel('Admin rights').setChecked(true)
    await dialog.getByLabel('Telephony').setChecked(false)
    await dialog.getByLabel('Fax').setChecked(true)
    await saveScreenshot('add-user-dialog-en-light')
    await dialog.getByRole('button', { name: 'Create user' }).click()

    await expect(dialog).toBeHidden()
    await expect(app.getByText('Clara Weiss was added.')).toBeVisible()
    await expect(rowOf(app, 'Clara Weiss')).toContainText('clara.weiss@example.com')
    await expect(userRows(app)).toHaveCount(3)

    const plan = await readPlan()
    expect(plan.users).toHaveLength(3)
    expect(plan.users.find((user) => user.email === 'clara.weiss@example.com')).toMatchObject({
      firstName: 'Clara',
      lastName: 'Weiss',
      language: 'de',
      admin: true,
      permissions: { telephony: false, fax: true },
    })
  })

  test('refuses an email that is already used, ignoring case, under the Email field', async ({
    app,
    planText,
    saveScreenshot,
  }) => {
    const before = await planText()
    const dialog = await openAddDialog(app)
    await fillPerson(dialog, { first: 'Anne', last: 'Schmidt', email: 'ANNA.SCHMIDT@example.com' })
    await dialog.getByRole('button', { name: 'Create user' }).click()

    const message = 'The email address ANNA.SCHMIDT@example.com is already used by Anna Schmidt.'
    await expect(dialog.getByText(message)).toBeVisible()
    await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveAccessibleDescription(message)
    await expect(dialog).toBeVisible()
    await saveScreenshot('add-user-duplicate-email-en')
    expect(await planText()).toBe(before)

    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(dialog).toBeHidden()
    await expect(userRows(app)).toHaveCount(2)
  })

  test('refuses an invalid email with its error under the Email field', async ({ app, planText }) => {
    const before = await planText()
    const dialog = await openAddDialog(app)
    await fillPerson(dialog, { first: 'Clara', last: 'Weiss', email: 'clara.weiss@' })
    await dialog.getByRole('button', { name: 'Create user' }).click()

    const email = dialog.getByRole('textbox', { name: 'Email' })
    await expect(email).toHaveAccessibleDescription(/not a valid email address/)
    await expect(dialog.getByText(/not a valid email address/)).toBeVisible()
    expect(await planText()).toBe(before)
  })

  test('deletes Ben Ott after confirmation', async ({ app, readPlan, saveScreenshot }) => {
    const dialog = await askToDelete(app, 'Ben Ott')
    await expect(dialog).toContainText('Ben Ott')
    await saveScreenshot('delete-user-dialog-en-light')
    await dialog.getByRole('button', { name: 'Delete' }).click()

    await expect(dialog).toBeHidden()
    await expect(app.getByText('Ben Ott was deleted.')).toBeVisible()
    await expect(rowOf(app, 'Ben Ott')).toHaveCount(0)
    await expect(userRows(app)).toHaveCount(1)
    const plan = await readPlan()
    expect(plan.users.map((user) => user.email)).toEqual(['anna.schmidt@example.com'])
  })

  test('keeps Ben Ott when the deletion is cancelled', async ({ app, planText }) => {
    const before = await planText()
    const dialog = await askToDelete(app, 'Ben Ott')
    await dialog.getByRole('button', { name: 'Cancel' }).click()

    await expect(dialog).toBeHidden()
    await expect(rowOf(app, 'Ben Ott')).toBeVisible()
    expect(await planText()).toBe(before)
  })

  test('refuses to delete the acting user and says why', async ({ app, planText, saveScreenshot }) => {
    const before = await planText()
    const dialog = await askToDelete(app, 'Anna Schmidt')
    await dialog.getByRole('button', { name: 'Delete' }).click()

    await expect(dialog.getByRole('alert')).toContainText(
      'You are acting as Anna Schmidt; you cannot delete yourself.',
    )
    await saveScreenshot('delete-acting-user-refused-en')
    expect(await planText()).toBe(before)
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(rowOf(app, 'Anna Schmidt')).toBeVisible()
  })

  test('search filters the list by name and email', async ({ app }) => {
    const search = app.getByRole('textbox', { name: 'Search users' })
    await search.fill('ben')
    await expect(userRows(app)).toHaveCount(1)
    await expect(rowOf(app, 'Ben Ott')).toBeVisible()

    await search.fill('schmidt@example')
    await expect(userRows(app)).toHaveCount(1)
    await expect(rowOf(app, 'Anna Schmidt')).toBeVisible()

    await search.fill('nobody-has-this')
    await expect(userRows(app)).toHaveCount(0)

    await search.fill('')
    await expect(userRows(app)).toHaveCount(2)
  })

  test('sorts by Email, ascending then descending', async ({ app, bridge }) => {
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

    // By name (last name first): Adler, Ott, Schmidt.
    await expect
      .poll(() => shownEmails(app))
      .toEqual(['zoe.adler@example.com', 'ben.ott@example.com', 'anna.schmidt@example.com'])
    const emailHeader = app.getByRole('columnheader', { name: 'Email', exact: true })
    await emailHeader.click()
    await expect
      .poll(() => shownEmails(app))
      .toEqual(['anna.schmidt@example.com', 'ben.ott@example.com', 'zoe.adler@example.com'])
    await emailHeader.click()
    await expect
      .poll(() => shownEmails(app))
      .toEqual(['zoe.adler@example.com', 'ben.ott@example.com', 'anna.schmidt@example.com'])
  })

  test('shows the same state after a reload', async ({ app }) => {
    const dialog = await openAddDialog(app)
    await fillPerson(dialog, { first: 'Clara', last: 'Weiss', email: 'clara.weiss@example.com' })
    await dialog.getByRole('button', { name: 'Create user' }).click()
    await expect(rowOf(app, 'Clara Weiss')).toBeVisible()
    const remove = await askToDelete(app, 'Ben Ott')
    await remove.getByRole('button', { name: 'Delete' }).click()
    await expect(rowOf(app, 'Ben Ott')).toHaveCount(0)

    await app.reload()
    await expect(rowOf(app, 'Clara Weiss')).toBeVisible()
    await expect(rowOf(app, 'Anna Schmidt')).toBeVisible()
    await expect(rowOf(app, 'Ben Ott')).toHaveCount(0)
    await expect(userRows(app)).toHaveCount(2)
  })
})

test.describe('Language and theme', () => {
  test('switches to German: labels and main’s messages are German, and stay after a reload', async ({
    app,
    saveScreenshot,
  }) => {
    await app.getByRole('button', { name: 'Language' }).click()
    await app.getByRole('menuitem', { name: 'Deutsch' }).click()

    await expect(app.getByRole('heading', { level: 1, name: 'Benutzer' })).toBeVisible()
    await expect(app.getByRole('button', { name: 'Benutzer hinzufügen' })).toBeVisible()
    await expect(app.getByRole('textbox', { name: 'Benutzer suchen' })).toBeVisible()
    await expect(app.getByRole('columnheader', { name: 'E-Mail', exact: true })).toBeVisible()
    await expect(app.getByText('Angemeldet als Anna Schmidt')).toBeVisible()
    await saveScreenshot('users-de-light')

    await app.getByRole('button', { name: 'Benutzer hinzufügen' }).click()
    const dialog = app.getByRole('dialog', { name: 'Benutzer hinzufügen' })
    await dialog.getByRole('textbox', { name: 'Vorname' }).fill('Anne')
    await dialog.getByRole('textbox', { name: 'Nachname' }).fill('Schmidt')
    await dialog.getByRole('textbox', { name: 'E-Mail' }).fill('anna.schmidt@example.com')
    await dialog.getByRole('button', { name: 'Benutzer anlegen' }).click()
    await expect(
      dialog.getByText('Die E-Mail-Adresse anna.schmidt@example.com wird schon von Anna Schmidt verwendet.'),
    ).toBeVisible()
    await saveScreenshot('add-user-duplicate-email-de')
    await dialog.getByRole('button', { name: 'Abbrechen' }).click()

    await app.reload()
    await expect(app.getByRole('heading', { level: 1, name: 'Benutzer' })).toBeVisible()
    await expect(app.getByRole('button', { name: 'Sprache' })).toBeVisible()
  })

  test('switches to the dark theme and back', async ({ app, saveScreenshot }) => {
    await expect(app.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible()
    expect(await backgroundLuminance(app)).toBeGreaterThan(0.7)

    await app.getByRole('button', { name: 'Switch to dark theme' }).click()
    const toLight = app.getByRole('button', { name: 'Switch to light theme' })
    await expect(toLight).toBeVisible()
    await expect.poll(() => backgroundLuminance(app)).toBeLessThan(0.3)
    await saveScreenshot('users-en-dark')

    await app.reload()
    await expect(toLight).toBeVisible()
    expect(await backgroundLuminance(app)).toBeLessThan(0.3)

    await app.getByRole('button', { name: 'Language' }).click()
    await app.getByRole('menuitem', { name: 'Deutsch' }).click()
    await expect(app.getByRole('heading', { level: 1, name: 'Benutzer' })).toBeVisible()
    await saveScreenshot('users-de-dark')
    await app.getByRole('button', { name: 'Zum hellen Design wechseln' }).click()
    await expect(app.getByRole('button', { name: 'Zum dunklen Design wechseln' })).toBeVisible()
    await expect.poll(() => backgroundLuminance(app)).toBeGreaterThan(0.7)
  })
})
