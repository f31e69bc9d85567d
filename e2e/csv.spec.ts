import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const badFile = Buffer.from(
  '\uFEFFfirst_name;last_name;email;extensions\r\nCara;Neu;cara@example.com;30\r\nDirk;Fehler;dirk@example.com;112\r\n',
  'utf8',
)

async function openImport(page: Page): Promise<void> {
  await page.goto(`${page.url().replace(/#.*$/, '')}#/users/import`)
  await expect(page.getByRole('heading', { level: 1, name: 'Import users from CSV' })).toBeVisible()
}

async function chooseFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer })
}

const rowOfLine = (page: Page, line: number) => page.locator(`[data-csv-row="${line}"]`)

test.describe('CSV export and import', () => {
  test('export downloads the users as CSV; an import with one bad row is fixed in the grid and committed', async ({
    app,
    readPlan,
    expectAccessible,
  }) => {
    await openImport(app)
    await expectAccessible('CSV import, no file')

    // Export through the dialog: a download in the browser bridge.
    await app.getByRole('button', { name: 'Export…' }).click()
    const dialog = app.getByRole('dialog', { name: 'Export users as CSV' })
    await expect(dialog).toBeVisible()
    await expect(dialog.getByRole('radio', { name: /Comma/ })).toBeChecked()
    await expectAccessible('CSV export dialog')
    const downloading = app.waitForEvent('download')
    await dialog.getByRole('button', { name: 'Export', exact: true }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toMatch(/^switchboard-users-\d{4}-\d{2}-\d{2}\.csv$/)
    const text = await readFile((await download.path())!, 'utf8')
    expect(text.startsWith('\uFEFFid,first_name,last_name,email,')).toBe(true)
    const lines = text.split('\r\n')
    expect(lines).toHaveLength(4)
    const anna = lines.find((line) => line.includes(',Anna,Schmidt,'))
    expect(anna).toMatch(
      /,Anna,Schmidt,anna\.schmidt@example\.com,[a-z]{2},yes,yes,no,10,'\+49 211 55580,1,0,0\.00,,yes$/,
    )
    expect(text).toContain("'+49 211 55581")
    expect(text).not.toMatch(/scrypt|password/i)
    await expect(dialog).toBeHidden()
    await expect(app.getByRole('button', { name: 'Export…' })).toBeFocused()

    // Import: one good row, one with a blocked extension.
    await chooseFile(app, 'new-users.csv', badFile)
    const bad = rowOfLine(app, 3)
    await expect(bad).toContainText('Dirk')
    await expect(bad).toContainText('extensions:')
    await expect(bad).toContainText(/112/)
    await expect(app.locator('[data-csv-counts]')).toContainText(
      '1 new · 0 to update · 0 unchanged · 1 with errors',
    )
    const commit = app.getByRole('button', { name: /^Import (one user|\d+ users)$/ })
    await expect(commit).toBeDisabled()
    await expectAccessible('CSV import, review with an error')

    // Fix the cell in the grid: main checks it again.
    await bad.getByRole('button', { name: 'Fix' }).click()
    const fix = app.getByRole('dialog', { name: 'Fix line 3' })
    await expect(fix).toBeVisible()
    const extensions = fix.getByRole('textbox', { name: 'Extensions' })
    await expect(extensions).toHaveValue('112')
    await expect(fix).toContainText(/emergency/i)
    await expectAccessible('CSV fix dialog')
    await extensions.fill('11')
    await fix.getByRole('button', { name: 'Check again' }).click()
    await expect(fix).toContainText(/Ben Ott/)
    await extensions.fill('31')
    await fix.getByRole('button', { name: 'Check again' }).click()
    await expect(fix).toBeHidden()

    await app.getByRole('checkbox', { name: 'Only rows with errors' }).uncheck()
    await expect(rowOfLine(app, 3)).toContainText('New')
    await expect(rowOfLine(app, 2)).toContainText('New')
    await expect(app.getByRole('button', { name: 'Import 2 users' })).toBeEnabled()
    await app.getByRole('button', { name: 'Import 2 users' }).click()
    await expect(app.getByRole('status').filter({ hasText: 'Import finished' })).toContainText('2 created')

    const plan = await readPlan()
    const dirk = plan.users.find((user) => user.email === 'dirk@example.com')!
    const cara = plan.users.find((user) => user.email === 'cara@example.com')!
    expect(dirk).toMatchObject({ firstName: 'Dirk', lastName: 'Fehler', admin: false })
    expect(cara).toMatchObject({ firstName: 'Cara', lastName: 'Neu' })
    expect(plan.extensions).toContainEqual({ extension: '31', owner: { kind: 'user', id: dirk.id } })
    expect(plan.extensions).toContainEqual({ extension: '30', owner: { kind: 'user', id: cara.id } })
  })

  test('a malformed file is refused with a clear message and changes nothing', async ({ app, planText }) => {
    await openImport(app)
    const before = await planText()
    await chooseFile(app, 'broken.csv', Buffer.from('first_name,last_name,email\nAnn,"Lee,ann@example.com\n'))
    await expect(app.getByRole('alert')).toContainText('cannot be read as CSV')
    expect(await planText()).toBe(before)
  })

  test('screenshots: review and fix dialog in English and German, light and dark', async ({
    app,
    saveScreenshot,
    expectAccessible,
  }) => {
    await openImport(app)
    await chooseFile(app, 'new-users.csv', badFile)
    await app.getByRole('checkbox', { name: 'Only rows with errors' }).uncheck()
    await expect(rowOfLine(app, 3)).toContainText('Error')
    await saveScreenshot('csv-review-en-light')
    await app.getByRole('button', { name: 'Switch to dark theme' }).click()
    await expect(app.getByRole('button', { name: 'Switch to light theme' })).toBeVisible()
    await expectAccessible('CSV import review (dark)')
    await saveScreenshot('csv-review-en-dark')
    await app.getByRole('button', { name: 'Language' }).click()
    await app.getByRole('menuitem', { name: 'Deutsch' }).click()
    await expect(app.getByRole('heading', { level: 1, name: 'Benutzer aus CSV importieren' })).toBeVisible()
    await saveScreenshot('csv-review-de-dark')
    await rowOfLine(app, 3).getByRole('button', { name: 'Korrigieren' }).click()
    const fix = app.getByRole('dialog', { name: 'Zeile 3 korrigieren' })
    await expect(fix).toBeVisible()
    await expectAccessible('CSV fix dialog (dark, de)')
    await saveScreenshot('csv-fix-de-dark')
    await fix.getByRole('button', { name: 'Abbrechen' }).click()
    await app.getByRole('button', { name: 'Exportieren…' }).click()
    await expect(app.getByRole('dialog', { name: 'Benutzer als CSV exportieren' })).toBeVisible()
    await saveScreenshot('csv-export-de-dark')
    await app.keyboard.press('Escape')
    await app.getByRole('button', { name: 'Zum hellen Design wechseln' }).click()
    await saveScreenshot('csv-review-de-light')
  })
})
