import { openScreen } from './helpers'
import { expect, test } from './fixtures'

/**
 * axe-core on every screen of the drawer, in light and dark: no serious or critical violations.
 * Screens with dialogs and tabs also run axe in their own specs, on each state they open.
 */
const screens = [
  { link: 'My telephony', heading: 'My telephony' },
  { link: 'Users', heading: 'Users' },
  { link: 'Phone numbers', heading: 'Phone numbers' },
  { link: 'Plan settings', heading: 'Plan settings' },
  { link: 'Locations', heading: 'Locations' },
  { link: 'Rights management', heading: 'Rights management' },
] as const

for (const theme of ['light', 'dark'] as const) {
  for (const screen of screens) {
    test(`${screen.heading} passes axe (${theme})`, async ({ app, expectAccessible }) => {
      await expect(app.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible()
      if (theme === 'dark') await app.getByRole('button', { name: 'Switch to dark theme' }).click()
      await expect(
        app.getByRole('button', { name: `Switch to ${theme === 'dark' ? 'light' : 'dark'} theme` }),
      ).toBeVisible()
      await openScreen(app, screen.link, screen.heading)
      // Let lists load before checking them.
      await expect(app.getByRole('progressbar')).toHaveCount(0)
      await expectAccessible(`${screen.heading} (${theme})`)
    })
  }
}
