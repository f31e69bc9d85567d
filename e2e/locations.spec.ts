import type { Locator, Page } from '@playwright/test'
import type { Api } from '../src/shared/api'
import { expect, test } from './fixtures'

const rowOf = (page: Page, name: string): Locator =>
  page.getByRole('table').getByRole('row').filter({ hasText: name })

async function openLocations(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Locations' })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Locations' })).toBeVisible()
}

async function fillLocation(
  dialog: Locator,
  fields: { name?: string; street?: string; houseNumber?: string; postcode?: string; city?: string },
): Promise<void> {
  if (fields.name !== undefined) await dialog.getByRole('textbox', { name: 'Name' }).fill(fields.name)
  if (fields.street !== undefined) await dialog.getByRole('textbox', { name: 'Street' }).fill(fields.street)
  if (fields.houseNumber !== undefined)
    await dialog.getByRole('textbox', { name: 'House number' }).fill(fields.houseNumber)
  if (fields.postcode !== undefined)
    await dialog.getByRole('textbox', { name: 'Postcode' }).fill(fields.postcode)
  if (fields.city !== undefined) await dialog.getByRole('textbox', { name: 'City' }).fill(fields.city)
}

async function openAdd(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Add location' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add location' })
  await expect(dialog).toBeVisible()
  return dialog
}

async function addHeadOffice(page: Page): Promise<void> {
  const dialog = await openAdd(page)
  await fillLocation(dialog, {
    name: 'Head office',
    street: 'Königsallee',
    houseNumber: '1',
    postcode: '40212',
    city: 'Düsseldorf',
  })
  await dialog.getByRole('button', { name: 'Add location' }).click()
  await expect(dialog).toBeHidden()
  await expect(rowOf(page, 'Head office')).toBeVisible()
}

async function askToDelete(page: Page, name: string): Promise<Locator> {
  await page.getByRole('button', { name: `Actions for ${name}` }).click()
  await page.getByRole('menuitem', { name: 'Delete' }).click()
  const dialog = page.getByRole('dialog', { name: 'Delete location?' })
  await expect(dialog).toBeVisible()
  return dialog
}

/** Assigns the user with this email to the location through the API, as another screen would. */
async function assign(page: Page, email: string, locationId: string): Promise<void> {
  const ok = await page.evaluate(
    async ({ email, locationId }) => {
      // Runs in the page, where the preload (or the bridge) exposes the typed API as `window.api`.
      const api = (globalThis as unknown as { api: Api }).api
      const users = await api.users.list({})
      if (!users.ok) return false
      const user = users.data.items.find((candidate) => candidate.email === email)
      if (!user) return false
      const result = await api.users.setLocation({ id: user.id, locationId })
      return result.ok
    },
    { email, locationId },
  )
  expect(ok).toBe(true)
}

test.describe('Locations', () => {
  test('starts empty and invites an admin to add one', async ({ app, saveScreenshot }) => {
    await openLocations(app)
    await expect(app.getByText('No locations yet')).toBeVisible()
    await expect(app.getByRole('button', { name: 'Add location' })).toHaveCount(1)
    await saveScreenshot('locations-empty-en-light')
  })

  test('creates, refuses with main’s reasons at the field, edits', async ({
    app,
    readPlan,
    planText,
    saveScreenshot,
  }) => {
    await openLocations(app)
    let dialog = await openAdd(app)
    // The country defaults to the plan's country.
    await expect(dialog.getByRole('combobox', { name: 'Country' })).toHaveValue('Germany')

    // A missing city: main's message under "City", nothing saved.
    const before = await planText()
    await fillLocation(dialog, {
      name: 'Head office',
      street: 'Königsallee',
      houseNumber: '1',
      postcode: '40212',
    })
    await dialog.getByRole('button', { name: 'Add location' }).click()
    const city = dialog.getByRole('textbox', { name: 'City' })
    await expect(city).toHaveAccessibleDescription(/City is required/)
    await expect(dialog.getByText(/City is required/)).toBeVisible()
    expect(await planText()).toBe(before)

    // A German postcode with 4 digits: the postcode rule under "Postcode".
    await fillLocation(dialog, { postcode: '4021', city: 'Düsseldorf' })
    await dialog.getByRole('button', { name: 'Add location' }).click()
    const postcode = dialog.getByRole('textbox', { name: 'Postcode' })
    await expect(postcode).toHaveAccessibleDescription(/German postcode has exactly 5 digits/)
    await saveScreenshot('location-dialog-error-en-light')
    expect(await planText()).toBe(before)

    await fillLocation(dialog, { postcode: '40212' })
    await dialog.getByRole('button', { name: 'Add location' }).click()
    await expect(dialog).toBeHidden()
    await expect(app.getByText('Location Head office was added.')).toBeVisible()
    const row = rowOf(app, 'Head office')
    await expect(row).toContainText('Königsallee 1, 40212 Düsseldorf, Germany')
    await expect(row).toContainText('Nobody')

    let plan = await readPlan()
    expect(plan.locations).toHaveLength(1)
    expect(plan.locations[0]).toMatchObject({
      name: 'Head office',
      street: 'Königsallee',
      houseNumber: '1',
      postcode: '40212',
      city: 'Düsseldorf',
      country: 'DE',
    })

    // Edit: the same dialog, titled "Edit location", with the stored values.
    await app.getByRole('button', { name: 'Actions for Head office' }).click()
    await app.getByRole('menuitem', { name: 'Edit' }).click()
    dialog = app.getByRole('dialog', { name: 'Edit location' })
    await expect(dialog).toBeVisible()
    await expect(dialog.getByRole('textbox', { name: 'City' })).toHaveValue('Düsseldorf')
    await fillLocation(dialog, {
      name: 'Vienna office',
      street: 'Graben',
      houseNumber: '21',
      postcode: '1010',
      city: 'Wien',
    })
    await dialog.getByRole('combobox', { name: 'Country' }).fill('Austri')
    await app.getByRole('option', { name: 'Austria' }).click()
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect(dialog).toBeHidden()
    await expect(rowOf(app, 'Vienna office')).toContainText('Graben 21, 1010 Wien, Austria')
    plan = await readPlan()
    expect(plan.locations).toHaveLength(1)
    expect(plan.locations[0]).toMatchObject({
      name: 'Vienna office',
      postcode: '1010',
      city: 'Wien',
      country: 'AT',
    })
    await saveScreenshot('locations-en-light')
  })

  test('deleting a location in use names its users and unassigns them after confirmation', async ({
    app,
    readPlan,
    planText,
    saveScreenshot,
  }) => {
    await openLocations(app)
    await addHeadOffice(app)
    const locationId = (await readPlan()).locations[0]?.id ?? ''
    await assign(app, 'ben.ott@example.com', locationId)
    expect((await readPlan()).users.find((user) => user.email === 'ben.ott@example.com')?.locationId).toBe(
      locationId,
    )
    await app.reload()
    await expect(rowOf(app, 'Head office')).toContainText('1 user')

    // Cancel keeps everything.
    const before = await planText()
    let dialog = await askToDelete(app, 'Head office')
    await expect(dialog).toContainText('Ben Ott')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(dialog).toBeHidden()
    await expect(rowOf(app, 'Head office')).toBeVisible()
    expect(await planText()).toBe(before)

    dialog = await askToDelete(app, 'Head office')
    await expect(dialog).toContainText('Head office is used by 1 user. They will be unassigned from it:')
    await expect(dialog.getByRole('listitem')).toHaveText(['Ben Ott'])
    await saveScreenshot('location-delete-dialog-en-light')
    await dialog.getByRole('button', { name: 'Delete' }).click()
    await expect(dialog).toBeHidden()
    await expect(app.getByText('Location Head office was deleted.')).toBeVisible()
    await expect(app.getByText('No locations yet')).toBeVisible()

    const plan = await readPlan()
    expect(plan.locations).toEqual([])
    expect(plan.users.find((user) => user.email === 'ben.ott@example.com')?.locationId).toBeNull()
  })

  test('a location nobody uses says so before deletion', async ({ app, readPlan }) => {
    await openLocations(app)
    await addHeadOffice(app)
    const dialog = await askToDelete(app, 'Head office')
    await expect(dialog).toContainText('Nobody uses Head office.')
    await dialog.getByRole('button', { name: 'Delete' }).click()
    await expect(dialog).toBeHidden()
    expect((await readPlan()).locations).toEqual([])
  })

  test('German and dark: list and the dialog with an error', async ({ app, saveScreenshot }) => {
    await openLocations(app)
    await addHeadOffice(app)
    await app.getByRole('button', { name: 'Switch to dark theme' }).click()
    await expect(app.getByRole('button', { name: 'Switch to light theme' })).toBeVisible()
    await saveScreenshot('locations-en-dark')
    let dialog = await openAdd(app)
    await fillLocation(dialog, { name: 'Branch', postcode: '123', city: 'Köln' })
    await dialog.getByRole('button', { name: 'Add location' }).click()
    await expect(dialog.getByText(/German postcode has exactly 5 digits/)).toBeVisible()
    await saveScreenshot('location-dialog-error-en-dark')
    await dialog.getByRole('button', { name: 'Cancel' }).click()

    await app.getByRole('button', { name: 'Language' }).click()
    await app.getByRole('menuitem', { name: 'Deutsch' }).click()
    await expect(app.getByRole('heading', { level: 1, name: 'Standorte' })).toBeVisible()
    await expect(rowOf(app, 'Head office')).toContainText('Königsallee 1, 40212 Düsseldorf, Deutschland')
    await expect(app.getByRole('columnheader', { name: 'Adresse', exact: true })).toBeVisible()
    await saveScreenshot('locations-de-dark')

    await app.getByRole('button', { name: 'Standort hinzufügen' }).click()
    dialog = app.getByRole('dialog', { name: 'Standort hinzufügen' })
    await expect(dialog.getByRole('combobox', { name: 'Land' })).toHaveValue('Deutschland')
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Filiale')
    await dialog.getByRole('textbox', { name: 'Postleitzahl' }).fill('5067')
    await dialog.getByRole('button', { name: 'Standort hinzufügen' }).click()
    await expect(dialog.getByRole('textbox', { name: 'Ort' })).toHaveAccessibleDescription(
      /Ort ist erforderlich/,
    )
    await saveScreenshot('location-dialog-error-de-dark')
    await dialog.getByRole('button', { name: 'Abbrechen' }).click()

    await app.getByRole('button', { name: 'Zum hellen Design wechseln' }).click()
    await expect(app.getByRole('button', { name: 'Zum dunklen Design wechseln' })).toBeVisible()
    await saveScreenshot('locations-de-light')
    await app.getByRole('button', { name: 'Standort hinzufügen' }).click()
    dialog = app.getByRole('dialog', { name: 'Standort hinzufügen' })
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Filiale')
    await dialog.getByRole('textbox', { name: 'Postleitzahl' }).fill('5067')
    await dialog.getByRole('textbox', { name: 'Ort' }).fill('Köln')
    await dialog.getByRole('button', { name: 'Standort hinzufügen' }).click()
    await expect(dialog.getByText(/genau 5 Ziffern/)).toBeVisible()
    await saveScreenshot('location-dialog-error-de-light')
  })
})
