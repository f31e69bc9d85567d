/**
 * Electron-only behaviour: the real window, its settings and the single-instance lock. These run
 * wherever the Electron binary is installed (`npm install` with internet); on machines where it
 * cannot be downloaded each test is skipped with the reason "Electron binary not installed".
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import * as fsp from 'node:fs/promises'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import type { ElectronApplication } from '@playwright/test'

const require = createRequire(import.meta.url)

/** The Electron executable, or null when the package was installed without its binary. */
function electronBinary(): string | null {
  try {
    const binary = require('electron') as unknown
    return typeof binary === 'string' && existsSync(binary) ? binary : null
  } catch {
    return null
  }
}

const binary = electronBinary()
const MAIN = path.resolve('out', 'main', 'index.js')

test.describe('Electron app', () => {
  test.skip(binary === null, 'skipped: Electron binary not installed')

  let dataDir: string
  let app: ElectronApplication

  test.beforeEach(async () => {
    dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'switchboard-electron-'))
    app = await electron.launch({
      executablePath: binary ?? undefined,
      args: [MAIN, ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
      env: { ...process.env, SWITCHBOARD_DATA_DIR: dataDir, LANG: 'en_US.UTF-8' },
    })
  })

  test.afterEach(async () => {
    await app.close()
    await fsp.rm(dataDir, { recursive: true, force: true })
  })

  test('opens on the embedded default plan with its two users', async () => {
    const page = await app.firstWindow()
    await expect(page).toHaveTitle(/Switchboard/)
    await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible()
    await expect(page.getByRole('cell', { name: 'anna.schmidt@example.com' })).toBeVisible()
    await expect(page.getByRole('cell', { name: 'ben.ott@example.com' })).toBeVisible()
    const plan = JSON.parse(await fsp.readFile(path.join(dataDir, 'plan.json'), 'utf8')) as {
      users: { email: string }[]
    }
    expect(plan.users.map((user) => user.email).sort()).toEqual([
      'anna.schmidt@example.com',
      'ben.ott@example.com',
    ])
  })

  test('the page is served from app:// and reaches only window.api, no Node or Electron', async () => {
    const page = await app.firstWindow()
    await page.waitForLoadState('domcontentloaded')
    expect(page.url()).toMatch(/^app:\/\/switchboard\//)
    const reachable = await page.evaluate(() => ({
      api: Object.keys((globalThis as unknown as { api: object }).api).sort(),
      electron: typeof (globalThis as unknown as { electron?: unknown }).electron,
      require: typeof (globalThis as unknown as { require?: unknown }).require,
      process: typeof (globalThis as unknown as { process?: unknown }).process,
    }))
    expect(reachable).toEqual({
      api: ['app', 'session', 'users'],
      electron: 'undefined',
      require: 'undefined',
      process: 'undefined',
    })
  })

  test('a second instance on the same data folder hands over and exits, leaving the plan as it was', async () => {
    const page = await app.firstWindow()
    await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible()
    const before = await fsp.readFile(path.join(dataDir, 'plan.json'))
    const second = spawn(binary ?? '', [MAIN, ...(process.platform === 'linux' ? ['--no-sandbox'] : [])], {
      env: { ...process.env, SWITCHBOARD_DATA_DIR: dataDir },
      stdio: 'ignore',
    })
    const exitCode = await new Promise<number | null>((resolve) => second.on('exit', resolve))
    expect(exitCode).toBe(0)
    expect(await fsp.readFile(path.join(dataDir, 'plan.json'))).toEqual(before)
    expect(app.windows()).toHaveLength(1)
  })
})
