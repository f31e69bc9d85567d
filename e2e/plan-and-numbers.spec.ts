import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'

/** The machine running the e2e is shared and slow at times: writes get more time. */
const SLOW = { timeout: 30_000 }

/** The numbers table's data rows (the header row has no "+"). */
const numberRows = (page: Page): Locator =>
  page.getByRole('table').getByRole('row').filter({ hasText: '+49' })

async function setLanguage(page: Page, label: 'Deutsch' | 'English'): Promise<void> {
  await page.getByRole('button', { name: /^(Language|Sprache)$/ }).click()
  await page.getByRole('menuitem', { name: label }).click()
}

async function chooseFilter(page: Page, label: string): Promise<void> {
  // Vuetify lays the shown value over the combobox input; a person clicks that, so no actionability check.
  await page.getByRole('combobox', { name: 'Show' }).click({ force: true })
  await page.getByRole('option', { name: label, exact: true }).click()
}

async function setDark(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Switch to dark theme|Zum dunklen Design wechseln/ }).click()
}

test.describe('Plan settings', () => {
  test('changes the account name and the price: plan file, app bar and cost summary follow', async ({
    app,
    readPlan,
    saveScreenshot,
  }) => {
    await app
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Plan settings' })
      .click()
    await expect(app.getByRole('heading', { level: 1, name: 'Plan settings' })).toBeVisible()
    const cost = app.getByRole('region', { name: 'Monthly cost' })
    await expect(cost).toContainText('€4.95 per month')
    const save = app.getByRole('button', { name: 'Save' })
    await expect(save).toBeDisabled()
    await saveScreenshot('plan-settings-en-light')

    await app.getByRole('textbox', { name: 'Account name' }).fill('Ott & Schmidt GmbH')
    await app.getByRole('textbox', { name: 'Price per extra device' }).fill('6.50')
    await expect(save).toBeEnabled()
    await save.click()

    await expect(app.getByText('The plan settings were saved.')).toBeVisible()
    await expect(cost).toContainText('€6.50 per month')
    await expect(app.getByRole('banner')).toContainText('Ott & Schmidt GmbH')
    await expect(save).toBeDisabled()
    const plan = await readPlan()
    expect(plan.account).toMatchObject({ name: 'Ott & Schmidt GmbH', extraDevicePrice: 6.5 })

    await setDark(app)
    await saveScreenshot('plan-settings-en-dark')
    await setLanguage(app, 'Deutsch')
    await expect(app.getByRole('heading', { level: 1, name: 'Planeinstellungen' })).toBeVisible()
    await expect(app.getByRole('textbox', { name: 'Preis je weiteres Gerät' })).toHaveValue('6,50')
    await expect(app.getByRole('region', { name: 'Monatliche Kosten' })).toContainText('6,50 €')
    await saveScreenshot('plan-settings-de-dark')
    await app.getByRole('button', { name: 'Zum hellen Design wechseln' }).click()
    await saveScreenshot('plan-settings-de-light')
  })

  test('a negative price is refused with main’s message at the field', async ({ app, planText }) => {
    const before = await planText()
    await app.goto(`${app.url().split('#')[0]}#/settings`)
    const price = app.getByRole('textbox', { name: 'Price per extra device' })
    await price.fill('-1')
    await app.getByRole('button', { name: 'Save' }).click()
    await expect(price).toHaveAccessibleDescription(/Price per extra device/)
    await expect(app.getByText(/Price per extra device.*0/).first()).toBeVisible()
    expect(await planText()).toBe(before)
  })
})

test.describe('Phone numbers', () => {
  test('lists the pool, adds single numbers and blocks, filters and unassigns', async ({
    app,
    readPlan,
    saveScreenshot,
  }) => {
    await app
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Phone numbers' })
      .click()
    await expect(app.getByRole('heading', { level: 1, name: 'Phone numbers' })).toBeVisible()
    await expect(numberRows(app)).toHaveCount(10)
    await expect(numberRows(app).filter({ hasText: 'Anna Schmidt' })).toHaveCount(1)
    await expect(numberRows(app).filter({ hasText: 'Ben Ott' })).toHaveCount(1)
    await saveScreenshot('numbers-en-light')

    // A single number, typed as a person types it: stored in E.164.
    await app.getByRole('button', { name: 'Add numbers' }).click()
    let dialog = app.getByRole('dialog', { name: 'Add numbers' })
    await expect(dialog).toBeVisible()
    await dialog.getByRole('textbox', { name: 'Phone number' }).fill('0211 5558 20')
    await dialog.getByRole('button', { name: 'Add', exact: true }).click()
    // The snackbar first: it shows for five seconds, which a slow close of the dialog may outlast.
    await expect(app.getByText('1 number added')).toBeVisible(SLOW)
    await expect(dialog).toBeHidden(SLOW)
    expect((await readPlan()).numbers.map((entry) => entry.number)).toContain('+4921155582' + '0')
    await expect(numberRows(app)).toHaveCount(11)

    // The same number again: main's conflict message at the field.
    await app.getByRole('button', { name: 'Add numbers' }).click()
    dialog = app.getByRole('dialog', { name: 'Add numbers' })
    const field = dialog.getByRole('textbox', { name: 'Phone number' })
    await field.fill('+49 211 5558 20')
    await dialog.getByRole('button', { name: 'Add', exact: true }).click()
    await expect(field).toHaveAccessibleDescription(/already in the number pool/)
    await saveScreenshot('numbers-add-duplicate-en')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(dialog).toBeHidden(SLOW)

    // A block of five.
    await app.getByRole('button', { name: 'Add numbers' }).click()
    dialog = app.getByRole('dialog', { name: 'Add numbers' })
    await dialog.getByRole('radio', { name: 'Block' }).check()
    await dialog.getByRole('textbox', { name: 'First number of the block' }).fill('0211 5559 0')
    await dialog.getByRole('spinbutton', { name: 'Count' }).fill('5')
    await saveScreenshot('numbers-add-block-en')
    await dialog.getByRole('button', { name: 'Add', exact: true }).click()
    // The snackbar first: it shows for five seconds, which a slow close of the dialog may outlast.
    await expect(app.getByText('5 numbers added')).toBeVisible(SLOW)
    await expect(dialog).toBeHidden(SLOW)
    const afterBlock = await readPlan()
    expect(afterBlock.numbers).toHaveLength(16)
    for (let digit = 0; digit < 5; digit++) {
      expect(afterBlock.numbers.map((entry) => entry.number)).toContain(`+492115559${digit}`)
    }

    // Free only: the assigned ones are gone.
    await chooseFilter(app, 'Free')
    await expect(numberRows(app)).toHaveCount(14)
    await expect(numberRows(app).filter({ hasText: 'Ben Ott' })).toHaveCount(0)
    await chooseFilter(app, 'All')
    await expect(numberRows(app)).toHaveCount(16)

    // Unassign Ben's number.
    const ben = (await readPlan()).users.find((user) => user.firstName === 'Ben')
    const bensNumber = afterBlock.numbers.find((entry) => entry.assignedTo?.id === ben?.id)
    expect(bensNumber).toBeDefined()
    const benRow = numberRows(app).filter({ hasText: 'Ben Ott' })
    await benRow.getByRole('button', { name: /^Actions for \+49/ }).click()
    await app.getByRole('menuitem', { name: 'Unassign' }).click()
    await expect(numberRows(app).filter({ hasText: 'Ben Ott' })).toHaveCount(0)
    const unassigned = (await readPlan()).numbers.find((entry) => entry.number === bensNumber?.number)
    expect(unassigned?.assignedTo).toBeNull()
  })

  test('removing an assigned number asks first, naming the holder', async ({ app, readPlan }) => {
    await app.goto(`${app.url().split('#')[0]}#/numbers`)
    const annaRow = numberRows(app).filter({ hasText: 'Anna Schmidt' })
    await annaRow.getByRole('button', { name: /^Actions for \+49/ }).click()
    await app.getByRole('menuitem', { name: 'Remove' }).click()
    const dialog = app.getByRole('dialog', { name: 'Remove number?' })
    await expect(dialog).toContainText('assigned to Anna Schmidt')
    expect((await readPlan()).numbers).toHaveLength(10)
    await dialog.getByRole('button', { name: 'Remove' }).click()
    await expect(dialog).toBeHidden(SLOW)
    await expect(numberRows(app)).toHaveCount(9)
    expect((await readPlan()).numbers).toHaveLength(9)
  })

  test('screenshots in German and dark', async ({ app, saveScreenshot }) => {
    await app.goto(`${app.url().split('#')[0]}#/numbers`)
    await expect(numberRows(app)).toHaveCount(10)
    await setDark(app)
    await saveScreenshot('numbers-en-dark')
    await setLanguage(app, 'Deutsch')
    await expect(app.getByRole('heading', { level: 1, name: 'Rufnummern' })).toBeVisible()
    await expect(app.getByRole('columnheader', { name: 'Zugewiesen an' })).toBeVisible()
    await saveScreenshot('numbers-de-dark')
    await app.getByRole('button', { name: 'Zum hellen Design wechseln' }).click()
    await saveScreenshot('numbers-de-light')
  })
})
