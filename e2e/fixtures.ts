/**
 * Playwright fixtures: each test gets a fresh data folder, its own browser bridge (the real backend
 * on 127.0.0.1, in this worker process) and a page opened on it. The page fails the test on any
 * console error, uncaught exception or Content-Security-Policy violation.
 * The renderer must be built first (`npm run build`, done by `npm test`).
 */
import * as fsp from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { test as base, expect } from '@playwright/test'
import type { Page } from '@playwright/test'
import { startBridge } from '../bridge/bridge'
import type { Bridge } from '../bridge/bridge'
import type { Plan } from '../src/main/store/planFile'
import type { Language } from '../src/shared/domain'

export { expect }

export const SCREENSHOT_DIR = path.resolve('test-results', 'screenshots')

/** Reports CSP violations to the console (Playwright's init scripts run before the page's own). */
const REPORT_CSP_VIOLATIONS = `
document.addEventListener('securitypolicyviolation', (event) => {
  console.error('CSP violation: ' + event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline code'))
})
`

interface Options {
  /** Language main speaks (and of a new plan). */
  bridgeLanguage: Language
  /** Text written to plan.json before the bridge starts (null: the bridge creates a new plan). */
  planSeed: string | null
}

interface Fixtures {
  dataDir: string
  bridge: Bridge
  /** Console errors, page errors and CSP violations seen so far; the test fails if any remain. */
  pageProblems: string[]
  /** The page, opened on the bridge's URL. */
  app: Page
  /** The plan file on disk, parsed. */
  readPlan: () => Promise<Plan>
  /** The plan file's exact text. */
  planText: () => Promise<string>
  /** Saves a full-page screenshot as test-results/screenshots/<name>.png. */
  saveScreenshot: (name: string) => Promise<string>
  /** Runs axe-core on the page as it is now; fails on any serious or critical violation. */
  expectAccessible: (screen: string) => Promise<void>
}

export const test = base.extend<Options & Fixtures>({
  bridgeLanguage: ['en', { option: true }],
  planSeed: [null, { option: true }],

  // Playwright's fixture API names the continuation `use`; it is not a React hook.
  dataDir: async ({}, use) => {
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'switchboard-e2e-'))
    await use(dir)
    await fsp.rm(dir, { recursive: true, force: true })
  },

  bridge: async ({ dataDir, bridgeLanguage, planSeed }, use) => {
    if (planSeed !== null) await fsp.writeFile(path.join(dataDir, 'plan.json'), planSeed)
    const bridge = await startBridge({ dataDir, port: 0, language: bridgeLanguage })
    await use(bridge)
    await bridge.close()
  },

  pageProblems: async ({ page }, use) => {
    const problems: string[] = []
    page.on('console', (message) => {
      if (message.type() !== 'error') return
      const where = message.location().url
      // Chromium asks for /favicon.ico on its own; the app has none (Electron never asks).
      if (where.endsWith('/favicon.ico')) return
      problems.push(`console error: ${message.text()}${where ? ` (${where})` : ''}`)
    })
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    await page.addInitScript({ content: REPORT_CSP_VIOLATIONS })
    await use(problems)
    expect(problems, 'the page logged errors or CSP violations').toEqual([])
  },

  app: async ({ page, bridge, pageProblems }, use) => {
    void pageProblems
    await page.goto(bridge.url)
    await use(page)
  },

  readPlan: async ({ bridge }, use) => {
    await use(async () => JSON.parse(await fsp.readFile(bridge.planFile, 'utf8')) as Plan)
  },

  planText: async ({ bridge }, use) => {
    await use(() => fsp.readFile(bridge.planFile, 'utf8'))
  },

  saveScreenshot: async ({ page }, use) => {
    await use(async (name) => {
      const file = path.join(SCREENSHOT_DIR, `${name}.png`)
      await page.screenshot({ path: file, fullPage: true, animations: 'disabled' })
      return file
    })
  },

  expectAccessible: async ({ page }, use) => {
    await use(async (screen) => {
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze()
      const serious = results.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map(
          (violation) =>
            `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
              .slice(0, 3)
              .map((node) => `${node.target.join(' ')} [${(node.failureSummary ?? '').replace(/\s+/g, ' ')}]`)
              .join(' | ')}`,
        )
      expect(serious, `axe on ${screen}`).toEqual([])
    })
  },
})
