import type { Page } from '@playwright/test'
import type { Api } from '../src/shared/api'
import { expect } from './fixtures'

/**
 * Acts as another user through the app bar's "Switch user" dialog, the way a person does it.
 * `password` is typed when main asks for one.
 */
export async function switchUser(page: Page, name: string, password?: string): Promise<void> {
  await page.getByRole('button', { name: 'Switch user' }).click()
  const dialog = page.getByRole('dialog', { name: 'Switch user' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('combobox', { name: 'User' }).fill(name.split(' ')[0] ?? name)
  await page.getByRole('option', { name: new RegExp(name) }).click()
  await dialog.getByRole('button', { name: 'Switch', exact: true }).click()
  if (password !== undefined) {
    // Main asks for the password only after the user is chosen.
    await dialog.getByLabel('Password').fill(password)
    await dialog.getByRole('button', { name: 'Switch', exact: true }).click()
  }
  await expect(dialog).toBeHidden()
  await expect(page.getByText(`Acting as ${name}`, { exact: true })).toBeVisible()
}

/** Opens a screen from the main navigation drawer and waits for its heading. */
export async function openScreen(page: Page, link: string, heading: string = link): Promise<void> {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: link }).click()
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
}

/** A new standard user with telephony, whose app does not ring: no number, no active device. */
export async function createIncompleteUser(page: Page): Promise<string> {
  const id = await page.evaluate(async () => {
    const { api } = globalThis as unknown as { api: Api }
    const created = await api.users.create({
      firstName: 'Carla',
      lastName: 'Neumann',
      email: 'carla.neumann@example.com',
      language: 'en',
      admin: false,
      permissions: { telephony: true, fax: false },
    })
    if (!created.ok) return null
    const routing = await api.routing.get({ userId: created.data.id })
    if (!routing.ok) return null
    for (const device of routing.data.devices) await api.devices.setActive({ id: device.id, active: false })
    return created.data.id
  })
  expect(id).not.toBeNull()
  return id ?? ''
}
