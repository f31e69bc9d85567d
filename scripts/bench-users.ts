/**
 * Benchmarks the users service through the real backend (parse, dispatch, store) on plan files of
 * 1k, 10k and 50k users in temp folders. Run with `npx tsx scripts/bench-users.ts` (`npm run bench`);
 * the account-model benchmark (scripts/bench-model.ts) runs after it.
 * Prints the median wall-clock and CPU milliseconds per operation (the first call per sort key is
 * measured on a freshly opened store, so its index is cold).
 */
import { cpus, loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { createBackend } from '../src/main/backend'
import type { Backend } from '../src/main/backend'
import { generatePlan, tempPlanPath, writePlanFile } from '../src/main/testing/generatePlan'
import { userSortKeys } from '../src/shared/domain'
import type { Result } from '../src/shared/result'

const sizes = [1_000, 10_000, 50_000]
const keystrokes = ['a', 'an', 'ann', 'anna', 'anna ', 'anna s', 'anna sc', 'anna sch', 'anna schm']

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

/** Wall-clock and CPU milliseconds of one call; CPU time hardly depends on other work on the machine. */
interface Sample {
  wall: number
  cpu: number
}

async function timed(call: () => Promise<Result<unknown>>): Promise<Sample> {
  const cpuStart = process.cpuUsage()
  const start = performance.now()
  const result = await call()
  const wall = performance.now() - start
  const cpuUsed = process.cpuUsage(cpuStart)
  if (!result.ok) throw new Error(`benchmark call failed: ${result.error.code} ${result.error.message}`)
  return { wall, cpu: (cpuUsed.user + cpuUsed.system) / 1000 }
}

type Row = { size: number; operation: string; wallMs: number; cpuMs: number; samples: number }
const rows: Row[] = []
const record = (size: number, operation: string, samples: Sample[]): void => {
  rows.push({
    size,
    operation,
    wallMs: median(samples.map((sample) => sample.wall)),
    cpuMs: median(samples.map((sample) => sample.cpu)),
    samples: samples.length,
  })
}

async function benchSize(size: number): Promise<void> {
  const temp = await tempPlanPath('switchboard-bench-')
  try {
    await writePlanFile(temp.file, generatePlan(size))
    const opens: Sample[] = []
    let backend: Backend | undefined
    for (let rep = 0; rep < 3; rep += 1) {
      // One writer per plan file: the previous opening lets go of it first (else this one is read-only).
      await backend?.workspace.close()
      const cpuStart = process.cpuUsage()
      const start = performance.now()
      backend = await createBackend(temp.file, 'de')
      const cpuUsed = process.cpuUsage(cpuStart)
      opens.push({ wall: performance.now() - start, cpu: (cpuUsed.user + cpuUsed.system) / 1000 })
    }
    record(size, 'open plan file (store)', opens)
    const open = backend!

    // First call per sort key on a plan whose users were never listed: a cold index, a full sort.
    const reps = size >= 50_000 ? 3 : 5
    const firstCalls = new Map<string, Sample[]>()
    for (let rep = 0; rep < reps; rep += 1) {
      const cold = await tempPlanPath('switchboard-bench-')
      try {
        await writePlanFile(cold.file, generatePlan(size, { idPrefix: `${size}-${rep}-` }))
        const fresh = await createBackend(cold.file, 'de')
        for (const sort of userSortKeys) {
          for (const descending of [false, true]) {
            const key = `list first call, sort ${sort}${descending ? ' desc' : ''}`
            const samples = firstCalls.get(key) ?? []
            samples.push(await timed(() => fresh.call('users:list', { sort, descending, limit: 50 })))
            firstCalls.set(key, samples)
          }
        }
        await fresh.workspace.close()
      } finally {
        await cold.remove()
      }
    }
    for (const [key, samples] of firstCalls) record(size, key, samples)

    // Paging through a warm index.
    for (const descending of [false, true]) {
      const samples: Sample[] = []
      for (let page = 0; page < 40; page += 1) {
        const offset = (page * 50) % Math.max(1, size - 50)
        samples.push(
          await timed(() => open.call('users:list', { sort: 'name', descending, offset, limit: 50 })),
        )
      }
      record(size, `list next page (warm${descending ? ', desc' : ''})`, samples)
    }

    // A search per keystroke, as a person types "anna schm".
    const perKeystroke: Sample[] = []
    for (let rep = 0; rep < 3; rep += 1) {
      for (const search of keystrokes) {
        perKeystroke.push(await timed(() => open.call('users:list', { search, sort: 'name', limit: 50 })))
      }
    }
    record(size, `list search per keystroke (${keystrokes.length} keys)`, perKeystroke)

    // Filters: the first filtered page scans the users once; paging on reuses that result. The
    // searches match (almost) everyone, so each repetition filters the whole plan afresh.
    const broad = ['@', '.', 'e']
    for (const filters of [['routingIncomplete'], ['withoutLocation', 'admins']] as const) {
      const first: Sample[] = []
      const paging: Sample[] = []
      for (let rep = 0; rep < 3; rep += 1) {
        first.push(await timed(() => open.call('users:list', { filters: [...filters], search: broad[rep] })))
        for (let page = 0; page < 10; page += 1) {
          paging.push(
            await timed(() =>
              open.call('users:list', { filters: [...filters], search: broad[rep], offset: page * 50 }),
            ),
          )
        }
      }
      record(size, `list filter ${filters.join('+')} (first page)`, first)
      record(size, `list filter ${filters.join('+')} (next pages)`, paging)
    }

    if (size >= 10_000) {
      const creates: Sample[] = []
      const listsAfter: Sample[] = []
      for (let i = 0; i < (size === 10_000 ? 20 : 5); i += 1) {
        const input = {
          firstName: 'Bench',
          lastName: `Person ${i}`,
          email: `bench.person.${i}@example.org`,
          language: 'de',
          admin: false,
          permissions: { telephony: true, fax: false },
        }
        creates.push(await timed(() => open.call('users:create', input)))
        listsAfter.push(await timed(() => open.call('users:list', { sort: 'name', limit: 50 })))
      }
      record(size, 'users:create', creates)
      record(size, 'list by name right after a create', listsAfter)
    }
    await open.workspace.close()
  } finally {
    await temp.remove()
  }
}

for (const size of sizes) await benchSize(size)

console.log(
  `Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()
    .map((load) => load.toFixed(1))
    .join(' ')} (numbers grow with the load)`,
)
const width = Math.max(...rows.map((row) => row.operation.length))
console.log(
  `${'users'.padStart(6)}  ${'operation'.padEnd(width)}  ${'wall ms'.padStart(9)}  ${'cpu ms'.padStart(9)}  n`,
)
for (const row of rows) {
  console.log(
    `${String(row.size).padStart(6)}  ${row.operation.padEnd(width)}  ${row.wallMs.toFixed(2).padStart(9)}  ${row.cpuMs
      .toFixed(2)
      .padStart(9)}  ${row.samples}`,
  )
}

const { runModelBench } = await import('./bench-model')
await runModelBench()
