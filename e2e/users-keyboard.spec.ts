import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'

/**
 * Adding a user with a phone number and an extension by keyboard alone: Tab, Shift+Tab, Enter,
 * Space, arrow keys and typing. Locators only check where the focus is and what is visible.
 */

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails after `limit` presses. */
async function tabTo(
  page: Page,
  target: Locator,
  options: { back?: boolean; limit?: number } = {},
): Promise<void> {
  const key = options.back ? 'Shift+Tab' : 'Tab'
  for (let step = 0; step < (options.limit ?? 40); step++) {
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement)) return
    await page.keyboard.press(key)
  }
  await expect(target).toBeFocused()
}

test('adds a user with a number and an extension using only the keyboard', async ({ app, readPlan }) => {
  test.setTimeout(240_000)
  const addButton = app.getByRole('button', { name: 'Add user' })
  await expect(addButton).toBeVisible()
  await tabTo(app, addButton)
  await app.keyboard.press('Enter')

  const dialog = app.getByRole('dialog', { name: 'Add user' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('textbox', { name: 'First name' })).toBeFocused()
  await app.keyboard.type('Dora')
  await app.keyboard.press('Tab')
  await expect(dialog.getByRole('textbox', { name: 'Last name' })).toBeFocused()
  await app.keyboard.type('Keys')
  await app.keyboard.press('Tab')
  await expect(dialog.getByRole('textbox', { name: 'Email' })).toBeFocused()
  await app.keyboard.type('dora.keys@example.com')

  // Admin rights with Space.
  const admin = dialog
    .getByRole('switch', { name: 'Admin rights' })
    .or(dialog.getByRole('checkbox', { name: 'Admin rights' }))
  await tabTo(app, admin)
  await app.keyboard.press('Space')
  await expect(admin).toBeChecked()

  // A free number: type to search, arrow down to the offer, Enter to take it.
  const number = dialog.getByRole('combobox', { name: 'Phone number (optional)' })
  await tabTo(app, number)
  await app.keyboard.type('55584')
  const offer = app.getByRole('option', { name: '+49 211 55584' })
  // Main's search narrows the list to the one number (before that, the first offer is another).
  await expect(app.getByRole('option')).toHaveCount(1)
  await expect(offer).toBeVisible()
  await app.keyboard.press('ArrowDown')
  await app.keyboard.press('Enter')
  await expect(number).toHaveValue('+49 211 55584')

  // The extension: a taken one is refused live, a free one confirmed.
  const extension = dialog.getByRole('textbox', { name: 'Extension (optional)' })
  await tabTo(app, extension)
  await app.keyboard.type('11')
  await expect(extension).toHaveAccessibleDescription('Extension 11 is already used by Ben Ott.')
  await app.keyboard.press('Backspace')
  await app.keyboard.press('Backspace')
  await app.keyboard.type('42')
  await expect(extension).toHaveAccessibleDescription('Extension 42 is free')

  // Back up to check the email once more (Shift+Tab), then submit with Enter from the form.
  await tabTo(app, dialog.getByRole('textbox', { name: 'Email' }), { back: true })
  await expect(dialog.getByRole('textbox', { name: 'Email' })).toHaveValue('dora.keys@example.com')
  await tabTo(app, dialog.getByRole('button', { name: 'Create user' }))
  await app.keyboard.press('Enter')

  await expect(dialog).toBeHidden({ timeout: 30_000 })
  await expect(app.getByText('Dora Keys was added.')).toBeVisible({ timeout: 30_000 })
  await expect(addButton).toBeFocused()
  const row = app.getByRole('table').getByRole('row').filter({ hasText: 'Dora Keys' })
  await expect(row).toContainText('+49 211 55584')
  await expect(row).toContainText('42')

  const plan = await readPlan()
  const user = plan.users.find((entry) => entry.email === 'dora.keys@example.com')
  expect(user).toMatchObject({ firstName: 'Dora', lastName: 'Keys', admin: true })
  expect(plan.numbers.find((entry) => entry.number === '+4921155584')?.assignedTo).toEqual({
    kind: 'user',
    id: user?.id,
  })
  expect(plan.extensions).toContainEqual({ extension: '42', owner: { kind: 'user', id: user?.id } })
})
