import { spawn } from 'node:child_process'
import * as fsp from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PlanStore, parsePlanText } from './planStore'
import { bundleChildScript } from './testing/bundle'
import { tempDirs, tempFilesIn } from './testing/tempDirs'

/**
 * RELIABILITY.md item 2: a writer killed with SIGKILL at random points always leaves a file that
 * validates and equals the last confirmed or the in-flight state.
 *
 * 200 kills are the aim. A killed child cannot be reused, so each kill costs one child start:
 * about 0.2 s of Node start-up plus opening the plan (the script is bundled, see
 * testing/bundle.ts, because tsx would add 0.3 s more). Two lanes, each on its own plan folder, run
 * side by side on the two cores, 100 kills each: about 30-40 s on an idle machine (each kill
 * costs about 0.3 s of CPU, mostly Node's own start-up). On a machine busy with other test files a
 * start can take two seconds, so each lane also stops at a time budget; it must still reach
 * MIN_KILLS_PER_LANE, or the test fails rather than prove too little. The number of kills done is
 * printed.
 */
const KILLS_PER_LANE = 100
const MIN_KILLS_PER_LANE = 15
const LANE_BUDGET_MS = 50_000
const LANES = 2

/** Seeded PRNG (mulberry32), so a failing run can be told apart by its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface KillOutcome {
  ready: number | null
  confirmed: number | null
  inflight: number | null
  signal: NodeJS.Signals | null
  stderr: string
}

/** Starts the writer, kills it after `delayMs` (counted from `ready`, or from the start), collects its output. */
function runAndKill(script: string, file: string, delayMs: number, fromStart: boolean): Promise<KillOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, file], { stdio: ['ignore', 'pipe', 'pipe'] })
    const outcome: KillOutcome = { ready: null, confirmed: null, inflight: null, signal: null, stderr: '' }
    let buffered = ''
    let timer: NodeJS.Timeout | undefined
    const kill = () => child.kill('SIGKILL')
    const guard = setTimeout(kill, 15_000) // a child that never gets ready must not hang the test
    if (fromStart) timer = setTimeout(kill, delayMs)
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk
      let newline: number
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const [word, value] = buffered.slice(0, newline).split(' ')
        buffered = buffered.slice(newline + 1)
        const n = Number(value)
        if (word === 'ready') {
          outcome.ready = n
          if (!fromStart) timer = setTimeout(kill, delayMs)
        } else if (word === 'inflight') outcome.inflight = n
        else if (word === 'confirmed') outcome.confirmed = n
      }
    })
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => (outcome.stderr += chunk))
    child.on('error', reject)
    child.on('close', (_code, signal) => {
      clearTimeout(guard)
      clearTimeout(timer)
      outcome.signal = signal
      resolve(outcome)
    })
  })
}

const dirs = tempDirs()
let script = ''

beforeAll(async () => {
  script = await bundleChildScript('killWriter', await dirs.make('kill-bundle'))
})
afterAll(() => dirs.cleanup())

async function lane(seed: number): Promise<{ kills: number; strayTemps: number; midWrite: number }> {
  const rand = random(seed)
  const dir = await dirs.make(`kill-${seed}`)
  const file = path.join(dir, 'plan.json')
  // The parent creates the plan, so every kill hits a writer of an existing, valid file; it
  // closes it, so the children can take the lock (each kill leaves a stale lock to recover).
  await (await PlanStore.open(file, { maxBackups: 3 })).close()
  let lastConfirmed = 0
  let strayTemps = 0
  let midWrite = 0
  const deadline = Date.now() + LANE_BUDGET_MS
  let kill = 0
  for (; kill < KILLS_PER_LANE && Date.now() < deadline; kill++) {
    // Mostly kill while updates run; sometimes while the child starts and opens the plan.
    const fromStart = rand() < 0.15
    const delay = fromStart ? 50 + rand() * 250 : rand() * 40
    const outcome = await runAndKill(script, file, delay, fromStart)
    const context = `seed ${seed}, kill ${kill}, delay ${delay.toFixed(1)} ms, ${JSON.stringify(outcome)}`

    expect(outcome.signal, context).toBe('SIGKILL')
    expect(outcome.stderr, context).toBe('')
    if (outcome.ready !== null) expect(outcome.ready, context).toBe(lastConfirmed)

    const parsed = parsePlanText(await fsp.readFile(file, 'utf8'))
    expect(parsed.ok, context).toBe(true)
    if (parsed.ok !== true) continue
    const onDisk = Number(/^n(\d+)$/.exec(parsed.plan.account.name)?.[1] ?? 0)
    const confirmed = outcome.confirmed ?? lastConfirmed
    const allowed = [confirmed]
    if (outcome.inflight !== null && outcome.inflight !== outcome.confirmed) allowed.push(outcome.inflight)
    expect(allowed, context).toContain(onDisk)
    if (onDisk !== confirmed) midWrite += 1
    lastConfirmed = onDisk
    if ((await tempFilesIn(dir)).length > 0) strayTemps += 1
  }
  // A temp file left by a killed writer never stops the next open, and the open clears it.
  const store = await PlanStore.open(file, { maxBackups: 3 })
  expect(store.status().readOnly).toBeNull()
  expect(store.status().recovery).toBeNull()
  expect(store.plan.account.name).toBe(`n${lastConfirmed}`)
  expect(await tempFilesIn(dir)).toEqual([])
  await store.close()
  expect(kill).toBeGreaterThanOrEqual(MIN_KILLS_PER_LANE)
  return { kills: kill, strayTemps, midWrite }
}

describe('a writer killed at random points', () => {
  it(
    `always leaves the confirmed or the in-flight plan (${KILLS_PER_LANE * LANES} SIGKILLs)`,
    { timeout: 120_000 },
    async () => {
      const seeds = Array.from({ length: LANES }, (_, i) => 20_240 + i)
      const results = await Promise.all(seeds.map((seed) => lane(seed)))
      const total = results.reduce((sum, r) => sum + r.kills, 0)
      expect(total).toBeGreaterThanOrEqual(MIN_KILLS_PER_LANE * LANES)
      // The kills really landed inside updates: some left the in-flight state on disk.
      const landedMidWrite = results.reduce((sum, r) => sum + r.midWrite, 0)
      console.info(
        `kill test: ${total} kills, ${landedMidWrite} left the in-flight state, ` +
          `${results.reduce((sum, r) => sum + r.strayTemps, 0)} left a temp file`,
      )
    },
  )
})
