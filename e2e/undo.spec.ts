import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import type { Plan } from '../src/main/store/planFile'

const hasBen = (plan: Plan): boolean => plan.users.some((user) => user.email === 'ben.ott@example.com')
const benNumber = (plan: Plan) => plan.numbers.find((entry) => entry.number === '+4921155581')?.assignedTo

async function deleteBen(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Actions for Ben Ott' }).click()
  await page.getByRole('menuitem', { name: 'Delete' }).click()
  const dialog = page.getByRole('dialog', { name: 'Delete user?' })
  await dialog.getByRole('button', { name: 'Delete' }).click()
  await expect(dialog).toBeHidden({ timeout: 30_000 })
}

const benRow = (page: Page): Locator => page.getByRole('row').filter({ hasText: 'Ben Ott' })

test.describe('Undo and redo', () => {
  test('delete a user, undo with the button, redo, and Ctrl+Z outside text fields', async ({
    app,
    readPlan,
    expectAccessible,
    saveScreenshot,
  }) => {
    const undo = app.getByRole('button', { name: 'Undo', exact: true })
    const redo = app.getByRole('button', { name: 'Redo', exact: true })
    await expect(undo).toBeDisabled()
    await expect(undo).toHaveAccessibleDescription('Nothing to undo')
    await expect(redo).toBeDisabled()
    await expect(redo).toHaveAccessibleDescription('Nothing to redo')

    await deleteBen(app)
    await expect(undo).toBeEnabled()
    await expect(undo).toHaveAccessibleDescription('Undo delete user')
    expect(hasBen(await readPlan())).toBe(false)
    await expectAccessible('app bar with undo (light)')
    await saveScreenshot('undo-available-en-light')

    await undo.click()
    await expect(app.getByText('Undone: delete user')).toBeVisible()
    await expect(benRow(app)).toHaveCount(1)
    const restored = await readPlan()
    expect(hasBen(restored)).toBe(true)
    expect(benNumber(restored)?.kind).toBe('user')
    await expect(redo).toBeEnabled()
    await expect(redo).toHaveAccessibleDescription('Redo delete user')

    await redo.click()
    await expect(benRow(app)).toHaveCount(0)
    expect(hasBen(await readPlan())).toBe(false)

    // In a text field Ctrl+Z is the field's own text undo: the plan stays as it is.
    const search = app.getByRole('textbox', { name: /Search/ })
    await search.fill('x')
    await search.press('Control+z')
    expect(hasBen(await readPlan())).toBe(false)
    await search.fill('')

    // Outside text fields Ctrl+Z undoes, Ctrl+Shift+Z redoes.
    await app.getByRole('heading', { level: 1 }).first().click()
    await app.keyboard.press('Control+z')
    await expect(benRow(app)).toHaveCount(1)
    expect(hasBen(await readPlan())).toBe(true)
    await app.keyboard.press('Control+Shift+z')
    await expect(benRow(app)).toHaveCount(0)
    expect(hasBen(await readPlan())).toBe(false)
    await app.keyboard.press('Control+z')
    await expect(benRow(app)).toHaveCount(1)

    await app.getByRole('button', { name: 'Switch to dark theme' }).click()
    await app.getByRole('button', { name: 'Language' }).click()
    await app.getByRole('menuitem', { name: 'Deutsch' }).click()
    const redoDe = app.getByRole('button', { name: 'Wiederholen', exact: true })
    await expect(redoDe).toBeEnabled()
    await expect(redoDe).toHaveAccessibleDescription('Wiederholen: Benutzer löschen')
    await expectAccessible('app bar with undo and redo (dark, de)')
    await saveScreenshot('undo-redo-de-dark')
  })
})
