import * as fsp from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from './fixtures'

// The plan is open in Switchboard on another computer (a plan on a shared folder): its lock is
// beside plan.json before the bridge opens it, so this bridge opens the plan read-only.
const LOCK = {
  pid: 4242,
  hostname: 'office-pc',
  startedAt: '2026-03-04T09:30:00.000Z',
  app: 'switchboard',
  token: 'ab'.repeat(16),
}

test.use({
  dataDir: async ({}, use) => {
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'switchboard-e2e-lock-'))
    await fsp.writeFile(path.join(dir, 'plan.json.lock'), JSON.stringify(LOCK))
    await use(dir)
    await fsp.rm(dir, { recursive: true, force: true })
  },
})

test('a plan locked by another Switchboard opens read-only with a banner naming the host', async ({
  app,
  dataDir,
  saveScreenshot,
  expectAccessible,
}) => {
  const banner = app.getByRole('status').filter({ hasText: 'Read-only' })
  await expect(banner).toContainText('open in another Switchboard window or process (on office-pc, since')
  await expectAccessible('plan locked banner')
  await saveScreenshot('plan-locked-en-light')
  // The lock is untouched and no plan file was written by this bridge.
  expect(JSON.parse(await fsp.readFile(path.join(dataDir, 'plan.json.lock'), 'utf8'))).toEqual(LOCK)
  await expect(fsp.access(path.join(dataDir, 'plan.json'))).rejects.toThrow()

  await app.getByRole('button', { name: 'Switch to dark theme' }).click()
  await expectAccessible('plan locked banner, dark')
  await saveScreenshot('plan-locked-en-dark')
  await app.getByRole('button', { name: /language/i }).click()
  await app.getByRole('menuitem', { name: 'Deutsch' }).click()
  const bannerDe = app.getByRole('status').filter({ hasText: 'Schreibgeschützt' })
  await expect(bannerDe).toContainText(
    'in einem anderen Switchboard-Fenster oder -Prozess geöffnet (auf office-pc, seit',
  )
  await saveScreenshot('plan-locked-de-dark')
})
