import type { Api } from '../src/shared/api'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { switchUser } from './helpers'
import type { Plan } from '../src/main/store/planFile'

const adminSwitch = (page: Page, name: string): Locator =>
  page.getByRole('switch', { name: `Admin rights for ${name}` })

const adminOf = (plan: Plan, firstName: string): boolean | undefined =>
  plan.users.find((user) => user.firstName === firstName)?.admin

async function openRights(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Rights management' })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Rights management' })).toBeVisible()
}

async function openSwitchDialog(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Switch user' }).click()
  const dialog = page.getByRole('dialog', { name: 'Switch user' })
  await expect(dialog).toBeVisible()
  return dialog
}

async function chooseUser(page: Page, dialog: Locator, name: string): Promise<void> {
  const field = dialog.getByRole('combobox', { name: 'User' })
  await field.fill(name.split(' ')[0] ?? name)
  await page.getByRole('option', { name: new RegExp(name) }).click()
}

test.describe('Rights management', () => {
  test('grants and takes admin rights; the last admin is refused', async ({
    app,
    readPlan,
    planText,
    saveScreenshot,
  }) => {
    await openRights(app)
    await expect(app.getByText('Acting as Anna Schmidt', { exact: true })).toBeVisible()
    await expect(adminSwitch(app, 'Anna Schmidt')).toBeChecked()
    await expect(adminSwitch(app, 'Ben Ott')).not.toBeChecked()

    // Ben becomes an admin: at once, in the plan file too.
    await adminSwitch(app, 'Ben Ott').click()
    await expect(app.getByText('Ben Ott is now an admin.')).toBeVisible()
    await expect(adminSwitch(app, 'Ben Ott')).toBeChecked()
    await expect.poll(async () => adminOf(await readPlan(), 'Ben')).toBe(true)
    await saveScreenshot('rights-en-light')

    // With Ben an admin, Anna may give up her own rights: she is no longer an admin, so the
    // rights screen is gone for her.
    await adminSwitch(app, 'Anna Schmidt').click()
    await expect.poll(async () => adminOf(await readPlan(), 'Anna')).toBe(false)
    await expect(app.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible()
    await expect(app.getByRole('link', { name: 'Rights management' })).toHaveCount(0)

    // Act as Ben (the only admin now) and try to take his rights: refused, nothing changes.
    const dialog = await openSwitchDialog(app)
    await chooseUser(app, dialog, 'Ben Ott')
    await dialog.getByRole('button', { name: 'Switch', exact: true }).click()
    await expect(app.getByText('Now acting as Ben Ott')).toBeVisible()
    await expect(dialog).toBeHidden()
    await expect(app.getByText('Acting as Ben Ott', { exact: true })).toBeVisible()
    await openRights(app)
    const before = await planText()
    await adminSwitch(app, 'Ben Ott').click()
    await expect(app.getByRole('alert')).toContainText(/admin/i)
    await expect(adminSwitch(app, 'Ben Ott')).toBeChecked()
    await saveScreenshot('rights-last-admin-refused-en')
    expect(await planText()).toBe(before)

    // The change survives a reload.
    await app.reload()
    await expect(adminSwitch(app, 'Ben Ott')).toBeChecked()
    await expect(adminSwitch(app, 'Anna Schmidt')).not.toBeChecked()
  })

  test('switching to a non-admin hides the rights screen', async ({ app }) => {
    await openRights(app)
    await switchUser(app, 'Ben Ott')
    // Ben is no admin: he lands on the users list and sees no rights management.
    await expect(app.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible()
    await expect(app.getByRole('link', { name: 'Rights management' })).toHaveCount(0)
    await expect(app.getByRole('link', { name: 'Users' })).toBeVisible()
    // A non-admin's drawer has only what they may use: their telephony and the users list.
    const drawer = app.getByRole('navigation', { name: 'Main navigation' })
    await expect(drawer.getByRole('link')).toHaveText(['My telephony', 'Users'])
    // An admin screen reached by URL gives way to the users list.
    await app.goto(app.url().replace(/#.*$/, '#/numbers'))
    await expect(app.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible()
    await expect(app.getByRole('heading', { level: 1, name: 'Phone numbers' })).toHaveCount(0)
  })

  test('switching to a user with a password asks for it', async ({ app, saveScreenshot }) => {
    await expect(app.getByText('Acting as Anna Schmidt', { exact: true })).toBeVisible()
    const set = await app.evaluate(async () => {
      const page = await (globalThis as unknown as { api: Api }).api.users.list({
        search: 'ben',
        sort: 'name',
        descending: false,
        offset: 0,
        limit: 1,
      })
      if (!page.ok || !page.data.items[0]) return false
      const result = await (globalThis as unknown as { api: Api }).api.users.setPassword({
        id: page.data.items[0].id,
        password: 'Ben-secret-42',
      })
      return result.ok
    })
    expect(set).toBe(true)

    const dialog = await openSwitchDialog(app)
    await chooseUser(app, dialog, 'Ben Ott')
    await dialog.getByRole('button', { name: 'Switch', exact: true }).click()
    const password = dialog.getByLabel('Password')
    await expect(password).toBeVisible()
    await expect(dialog).toContainText('Ben Ott has a password: enter it to act as Ben Ott.')

    await password.fill('wrong-password')
    await dialog.getByRole('button', { name: 'Switch', exact: true }).click()
    await expect(dialog.getByText('The password of Ben Ott is not correct')).toBeVisible({
      timeout: 20_000,
    })
    await expect(app.getByText('Acting as Anna Schmidt', { exact: true })).toBeVisible()
    await saveScreenshot('switch-user-password-error-en-light')

    await password.fill('Ben-secret-42')
    await dialog.getByRole('button', { name: 'Switch', exact: true }).click()
    await expect(dialog).toBeHidden()
    await expect(app.getByText('Acting as Ben Ott', { exact: true })).toBeVisible()
  })

  test('screenshots in German and dark', async ({ app, saveScreenshot }) => {
    await openRights(app)
    await app.getByRole('button', { name: 'Switch to dark theme' }).click()
    await expect(app.getByRole('button', { name: 'Switch to light theme' })).toBeVisible()
    // The theme button's tooltip would cover the screen's corner.
    await app.mouse.move(640, 700)
    await saveScreenshot('rights-en-dark')

    await app.getByRole('button', { name: 'Language' }).click()
    await app.getByRole('menuitem', { name: 'Deutsch' }).click()
    await expect(app.getByRole('heading', { level: 1, name: 'Rechteverwaltung' })).toBeVisible()
    await expect(app.getByRole('switch', { name: 'Admin-Rechte für Anna Schmidt' })).toBeChecked()
    await saveScreenshot('rights-de-dark')

    await app.evaluate(async () => {
      const page = await (globalThis as unknown as { api: Api }).api.users.list({
        search: 'ben',
        sort: 'name',
        descending: false,
        offset: 0,
        limit: 1,
      })
      if (page.ok && page.data.items[0]) {
        await (globalThis as unknown as { api: Api }).api.users.setPassword({
          id: page.data.items[0].id,
          password: 'Ben-secret-42',
        })
      }
    })
    await app.getByRole('button', { name: 'Benutzer wechseln' }).click()
    const dialog = app.getByRole('dialog', { name: 'Benutzer wechseln' })
    const field = dialog.getByRole('combobox', { name: 'Benutzer' })
    await field.fill('Ben')
    await app.getByRole('option', { name: /Ben Ott/ }).click()
    await dialog.getByRole('button', { name: 'Wechseln', exact: true }).click()
    await dialog.getByLabel('Passwort').fill('falsch')
    await dialog.getByRole('button', { name: 'Wechseln', exact: true }).click()
    await expect(dialog.getByText('Das Passwort von Ben Ott ist nicht richtig')).toBeVisible({
      timeout: 20_000,
    })
    await saveScreenshot('switch-user-password-error-de-dark')

    await dialog.getByRole('button', { name: 'Abbrechen' }).click()
    await app.getByRole('button', { name: 'Zum hellen Design wechseln' }).click()
    await app.mouse.move(640, 700)
    await saveScreenshot('rights-de-light')
    await app.getByRole('button', { name: 'Benutzer wechseln' }).click()
    await expect(dialog).toBeVisible()
    await saveScreenshot('switch-user-de-light')
  })
})
