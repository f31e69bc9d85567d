#!/usr/bin/env node
/**
 * `npm test`: every check and every test suite, in order, continuing after a failure.
 * Counts each vitest and Playwright test as one test (from their JSON reports) and typecheck, lint,
 * build and security as one check each. The last line is `N passed, N failed[, N skipped]`; the exit
 * code is non-zero when anything failed.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const reports = mkdtempSync(path.join(os.tmpdir(), 'switchboard-test-all-'))
const vitestReport = path.join(reports, 'vitest.json')
const playwrightReport = path.join(reports, 'playwright.json')
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

const totals = { passed: 0, failed: 0, skipped: 0 }
/** @type {{ name: string, outcome: string, seconds: number }[]} */
const summary = []

/** Runs a command with inherited output; resolves to its exit code (1 when it could not start). */
function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1', ...env },
      shell: process.platform === 'win32',
    })
    child.on('error', (error) => {
      console.error(`could not start ${command}: ${error.message}`)
      resolve(1)
    })
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

/** One check: passed or failed by its exit code. */
async function check(name, command, args) {
  await step(name, async () => {
    const code = await run(command, args)
    if (code === 0) totals.passed += 1
    else totals.failed += 1
    return code === 0 ? 'passed' : `failed (exit code ${code})`
  })
}

async function step(name, body) {
  console.log(`\n━━ ${name} ━━`)
  const started = Date.now()
  const outcome = await body()
  const seconds = (Date.now() - started) / 1000
  summary.push({ name, outcome, seconds })
  console.log(`━━ ${name}: ${outcome} in ${seconds.toFixed(1)} s`)
}

/** Counts a suite's tests; a failing run without failed tests (crash, broken file) counts as one failure. */
function countSuite(code, counts) {
  if (counts === null) {
    totals.failed += 1
    return `failed (exit code ${code}, no report)`
  }
  let { passed, failed, skipped } = counts
  if (code !== 0 && failed === 0) failed = 1
  totals.passed += passed
  totals.failed += failed
  totals.skipped += skipped
  return `${passed} passed, ${failed} failed, ${skipped} skipped${code === 0 ? '' : ` (exit code ${code})`}`
}

function vitestCounts(report) {
  if (report === null) return null
  return {
    passed: report.numPassedTests ?? 0,
    // A test file that fails to load has no failed tests but a failed suite.
    failed:
      (report.numFailedTests ?? 0) +
      (report.testResults ?? []).filter(
        (file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0,
      ).length,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  }
}

function playwrightCounts(report) {
  if (report === null || typeof report.stats !== 'object') return null
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats
  // Errors outside tests (config, global setup, a file that does not load) fail the run too.
  const outside = (report.errors ?? []).length
  return { passed: expected + flaky, failed: unexpected + (unexpected === 0 ? outside : 0), skipped }
}

const started = Date.now()
try {
  await check('typecheck', npm, ['run', 'typecheck'])
  await check('lint', npm, ['run', 'lint'])
  await check('build', npm, ['run', 'build'])
  await step('unit tests (vitest)', async () => {
    rmSync(vitestReport, { force: true })
    const code = await run(npx, [
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${vitestReport}`,
    ])
    return countSuite(code, vitestCounts(readJson(vitestReport)))
  })
  await check('security (electronegativity)', npm, ['run', 'security'])
  await step('end-to-end tests (playwright)', async () => {
    rmSync(playwrightReport, { force: true })
    const code = await run(npx, ['playwright', 'test', '--reporter=list,json'], {
      PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightReport,
    })
    return countSuite(code, playwrightCounts(readJson(playwrightReport)))
  })
} finally {
  rmSync(reports, { recursive: true, force: true })
}

console.log('\nSummary')
for (const { name, outcome, seconds } of summary) {
  console.log(`  ${name.padEnd(32)} ${outcome} (${seconds.toFixed(1)} s)`)
}
console.log(`  total time ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : ''
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`)
process.exitCode = totals.failed > 0 ? 1 : 0
