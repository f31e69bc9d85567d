import * as fsp from 'node:fs/promises'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { switchUser } from './helpers'
import type { Plan } from '../src/main/store/planFile'

const readJson = async (file: string): Promise<Plan> => JSON.parse(await fsp.readFile(file, 'utf8')) as Plan

async function planMenu(page: Page, item: string | RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Plan', exact: true }).click()
  await page.getByRole('menuitem', { name: item }).click()
}

test.describe('Plans as files', () => {
  // Long stories with several axe runs on a shared, loaded machine.
  test.slow()

  test('new plan with the wizard, undo and redo there, save as, and open the first plan from recent', async ({
    app,
    dataDir,
    readPlan,
    expectAccessible,
    saveScreenshot,
  }) => {
    await expect(app.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible()
    await expect(app).toHaveTitle('plan — Switchboard')

    // The Plan menu: keyboard usable (Enter opens it, the items are menu items).
    const planButton = app.getByRole('button', { name: 'Plan', exact: true })
    await planButton.focus()
    await app.keyboard.press('Enter')
    await expect(app.getByRole('menuitem', { name: 'New plan…' })).toBeVisible()
    await expect(app.getByRole('menuitem', { name: /^plan/ })).toHaveAttribute('aria-current', 'true')
    await expectAccessible('plan menu (light)')
    await saveScreenshot('plans-menu-en-light')
    await app.keyboard.press('Escape')
    await expect(app.getByRole('menuitem', { name: 'New plan…' })).toBeHidden()

    // New plan: step 1 the account, step 2 the owner; main's errors land at the fields.
    await planMenu(app, 'New plan…')
    const wizard = app.getByRole('dialog', { name: 'New plan' })
    await expect(wizard).toBeVisible()
    await expect(wizard.getByText('Step 1 of 2: The account')).toBeVisible()
    await wizard.getByRole('textbox', { name: 'Account name' }).fill('Office 2027')
    await expectAccessible('new plan wizard step 1 (light)')
    await saveScreenshot('plans-wizard-account-en-light')
    await wizard.getByRole('button', { name: 'Next' }).click()
    await expect(wizard.getByText('Step 2 of 2: The owner')).toBeVisible()
    await wizard.getByRole('textbox', { name: 'First name' }).fill('Clara')
    await wizard.getByRole('textbox', { name: 'Last name' }).fill('Berg')
    await wizard.getByRole('textbox', { name: 'Email' }).fill('clara.berg')
    await wizard.getByRole('button', { name: 'Create plan' }).click()
    await expect(wizard.getByText('"clara.berg" is not a valid email address.')).toBeVisible()
    await expectAccessible('new plan wizard with an error (light)')
    await saveScreenshot('plans-wizard-owner-error-en-light')
    await wizard.getByRole('textbox', { name: 'Email' }).fill('clara.berg@example.com')
    await wizard.getByRole('button', { name: 'Create plan' }).click()
    await expect(wizard).toBeHidden()
    await expect(app.getByText('New plan “Office 2027” created and opened.')).toBeVisible()
    await expect(app).toHaveTitle('Office 2027 — Switchboard')
    await expect(app.getByText('Acting as Clara Berg', { exact: true })).toBeVisible()
    await expect(app.getByRole('row').filter({ hasText: 'Clara Berg' })).toHaveCount(1)

    const newFile = path.join(dataDir, 'plans', 'Office 2027.json')
    const created = await readJson(newFile)
    expect(created.account).toMatchObject({ name: 'Office 2027', country: 'DE' })
    expect(created.users.map((user) => [user.firstName, user.lastName, user.admin])).toEqual([
      ['Clara', 'Berg', true],
      ['Ben', 'Ott', false],
    ])
    // The first plan is untouched.
    expect((await readPlan()).users.map((user) => user.firstName)).toEqual(['Anna', 'Ben'])

    // A change in the new plan, undone and redone there.
    await app.getByRole('button', { name: 'Actions for Ben Ott' }).click()
    await app.getByRole('menuitem', { name: 'Delete' }).click()
    const confirm = app.getByRole('dialog', { name: 'Delete user?' })
    await confirm.getByRole('button', { name: 'Delete' }).click()
    await expect(confirm).toBeHidden({ timeout: 30_000 })
    expect((await readJson(newFile)).users).toHaveLength(1)
    await app.getByRole('button', { name: 'Undo', exact: true }).click()
    await expect(app.getByRole('row').filter({ hasText: 'Ben Ott' })).toHaveCount(1)
    expect((await readJson(newFile)).users).toHaveLength(2)
    await app.getByRole('button', { name: 'Redo', exact: true }).click()
    await expect(app.getByRole('row').filter({ hasText: 'Ben Ott' })).toHaveCount(0)
    expect((await readJson(newFile)).users).toHaveLength(1)

    // Save as: an existing name is refused at the field; a new one is written and continued on.
    await planMenu(app, 'Save as…')
    const saveAs = app.getByRole('dialog', { name: 'Save plan as' })
    const fileName = saveAs.getByRole('textbox', { name: 'File name' })
    await expect(fileName).toHaveValue('Office 2027 2')
    await fileName.fill('Office 2027')
    await saveAs.getByRole('button', { name: 'Save' }).click()
    await expect(saveAs.getByText(/A plan named "Office 2027" already exists/)).toBeVisible()
    await expect(fileName).toBeFocused()
    await expectAccessible('save as with an error (light)')
    await saveScreenshot('plans-save-as-error-en-light')
    await fileName.fill('Office 2027 final')
    await saveAs.getByRole('button', { name: 'Save' }).click()
    await expect(saveAs).toBeHidden()
    await expect(app).toHaveTitle('Office 2027 final — Switchboard')
    const copy = path.join(dataDir, 'plans', 'Office 2027 final.json')
    expect(await fsp.readFile(copy, 'utf8')).toBe(await fsp.readFile(newFile, 'utf8'))

    // Open the first plan again from the recent plans.
    await planMenu(app, /^plan/)
    await expect(app).toHaveTitle('plan — Switchboard')
    await expect(app.getByText('Acting as Anna Schmidt', { exact: true })).toBeVisible()
    await expect(app.getByRole('row').filter({ hasText: 'Ben Ott' })).toHaveCount(1)
    await expect(app.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled()

    // The recent list on disk: newest first.
    const recent = JSON.parse(await fsp.readFile(path.join(dataDir, 'recent-plans.json'), 'utf8')) as {
      plans: { path: string }[]
    }
    expect(recent.plans.map((entry) => path.basename(entry.path))).toEqual([
      'plan.json',
      'Office 2027 final.json',
      'Office 2027.json',
    ])
  })

  test('Open… lists the known plans (the open one marked) in German and dark, and opens one', async ({
    app,
    dataDir,
    expectAccessible,
    saveScreenshot,
  }) => {
    await expect(app.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible()
    // A plan someone put into the plans folder, and a file there that is not a plan.
    const other = (await fsp.readFile(path.join(dataDir, 'plan.json'), 'utf8')).replace(
      '"name":"My company"',
      '"name":"Customer Kiel"',
    )
    await fsp.mkdir(path.join(dataDir, 'plans'), { recursive: true })
    await fsp.writeFile(path.join(dataDir, 'plans', 'Kiel.json'), other)
    await fsp.writeFile(path.join(dataDir, 'plans', 'Notes.json'), 'not a plan')

    await app.getByRole('button', { name: 'Switch to dark theme' }).click()
    await app.getByRole('button', { name: 'Language' }).click()
    await app.getByRole('menuitem', { name: 'Deutsch' }).click()
    await expect(app.getByRole('heading', { level: 1, name: 'Benutzer' })).toBeVisible()
    await expect(app).toHaveTitle('plan — Switchboard')

    await app.getByRole('button', { name: 'Plan', exact: true }).click()
    await expect(app.getByRole('menuitem', { name: /^Notes/ })).toBeDisabled()
    await expectAccessible('plan menu (de, dark)')
    await saveScreenshot('plans-menu-de-dark')
    await app.getByRole('menuitem', { name: 'Öffnen…' }).click()
    const dialog = app.getByRole('dialog', { name: 'Plan öffnen' })
    await expect(dialog.getByText('Customer Kiel · Im Planordner')).toBeVisible()
    await expect(dialog.getByText('Die Datei fehlt oder ist nicht lesbar')).toBeVisible()
    await expectAccessible('open dialog (de, dark)')
    await saveScreenshot('plans-open-de-dark')
    await dialog.getByRole('button', { name: /^Kiel/ }).click()
    await expect(dialog).toBeHidden()
    await expect(app.getByText('„Kiel“ geöffnet.')).toBeVisible()
    await expect(app).toHaveTitle('Kiel — Switchboard')
    await expect(app.getByText('Customer Kiel')).toBeVisible()
    // The file that is not a plan was left as it was.
    expect(await fsp.readFile(path.join(dataDir, 'plans', 'Notes.json'), 'utf8')).toBe('not a plan')

    await app.getByRole('button', { name: 'Plan', exact: true }).click()
    await app.getByRole('menuitem', { name: 'Neuer Plan…' }).click()
    const wizard = app.getByRole('dialog', { name: 'Neuer Plan' })
    await wizard.getByRole('textbox', { name: 'Kontoname' }).fill('Büro 2027')
    await expectAccessible('new plan wizard (de, dark)')
    await saveScreenshot('plans-wizard-account-de-dark')
    await wizard.getByRole('button', { name: 'Weiter' }).click()
    await saveScreenshot('plans-wizard-owner-de-dark')
    await app.keyboard.press('Escape')
    await expect(wizard).toBeHidden()
  })

  test('a non-admin has no Plan menu', async ({ app }) => {
    await expect(app.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible()
    await switchUser(app, 'Ben Ott')
    await expect(app.getByRole('button', { name: 'Plan', exact: true })).toHaveCount(0)
  })
})
