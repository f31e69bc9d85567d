/**
 * Benchmarks the users service through the real backend (parse, dispatch, store) on plan files of
 * 1k, 10k and 50k users in temp folders. Run with `npx tsx scripts/bench-users.ts`.
 * Prints the median milliseconds per operation.
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

async function timed(call: () => Promise<Result<unknown>>): Promise<number> {
  const start = performance.now()
  const result = await call()
  const elapsed = performance.now() - start
  if (!result.ok) throw new Error(`benchmark call failed: ${result.error.code} ${result.error.message}`)
  return elapsed
}

type Row = { size: number; operation: string; medianMs: number; samples: number }
const rows: Row[] = []
const record = (size: number, operation: string, samples: number[]): void => {
  rows.push({ size, operation, medianMs: median(samples), samples: samples.length })
}

async function benchSize(size: number): Promise<void> {
  const temp = await tempPlanPath('switchboard-bench-')
  try {
    await writePlanFile(temp.file, generatePlan(size))
    const openStart = performance.now()
    let backend: Backend = await createBackend(temp.file, 'de')
    record(size, 'open plan file', [performance.now() - openStart])

    // First call per sort key on a fresh plan state (a reopened store has a cold index).
    const reps = size >= 50_000 ? 3 : 5
    const firstCalls = new Map<string, number[]>()
    for (let rep = 0; rep < reps; rep += 1) {
      backend = await createBackend(temp.file, 'de')
      for (const sort of userSortKeys) {
        for (const descending of [false, true]) {
          const key = `list first call, sort ${sort}${descending ? ' desc' : ''}`
          const samples = firstCalls.get(key) ?? []
          samples.push(await timed(() => backend.call('users:list', { sort, descending, limit: 50 })))
          firstCalls.set(key, samples)
        }
      }
    }
    for (const [key, samples] of firstCalls) record(size, key, samples)

    // Paging through a warm index.
    for (const descending of [false, true]) {
      const samples: number[] = []
      for (let page = 0; page < 40; page += 1) {
        const offset = (page * 50) % Math.max(1, size - 50)
        samples.push(
          await timed(() => backend.call('users:list', { sort: 'name', descending, offset, limit: 50 })),
        )
      }
      record(size, `list next page (warm${descending ? ', desc' : ''})`, samples)
    }

    // A search per keystroke, as a person types "anna schm".
    const perKeystroke: number[] = []
    for (let rep = 0; rep < 3; rep += 1) {
      for (const search of keystrokes) {
        perKeystroke.push(await timed(() => backend.call('users:list', { search, sort: 'name', limit: 50 })))
      }
    }
    record(size, `list search per keystroke (${keystrokes.length} keys)`, perKeystroke)

    if (size === 10_000) {
      const creates: number[] = []
      const listsAfter: number[] = []
      for (let i = 0; i < 20; i += 1) {
        const input = {
          firstName: 'Bench',
          lastName: `Person ${i}`,
          email: `bench.person.${i}@example.org`,
          language: 'de',
          admin: false,
          permissions: { telephony: true, fax: false },
        }
        creates.push(await timed(() => backend.call('users:create', input)))
        listsAfter.push(await timed(() => backend.call('users:list', { sort: 'name', limit: 50 })))
      }
      record(size, 'users:create', creates)
      record(size, 'list right after a create', listsAfter)
    }
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
console.log(`${'users'.padStart(6)}  ${'operation'.padEnd(width)}  ${'median ms'.padStart(10)}  n`)
for (const row of rows) {
  console.log(
    `${String(row.size).padStart(6)}  ${row.operation.padEnd(width)}  ${row.medianMs.toFixed(2).padStart(10)}  ${row.samples}`,
  )
}
