/**
 * Benchmarks the account model through the real backend (parse, dispatch, store) on generated plans
 * of 10k and 50k users: reads per keystroke and per view, first call on a freshly opened plan (cold
 * plan index) and repeated (warm), and one write. Run with `npx tsx scripts/bench-model.ts`
 * (`npm run bench` runs it after the users benchmark). Prints the median wall-clock and CPU ms.
 *
 * A read that is proportional to what it touches shows about the same warm time at 10k and 50k;
 * cold calls and writes pay for the whole plan once (index build, clone, validation, file write).
 */
import { cpus, loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { createBackend } from '../src/main/backend'
import type { Backend } from '../src/main/backend'
import { generatePlan, tempPlanPath, writePlanFile } from '../src/main/testing/generatePlan'
import type { Plan } from '../src/main/store/planFile'
import type { Result } from '../src/shared/result'

interface Sample {
  wall: number
  cpu: number
}
interface Row {
  operation: string
  bySize: Map<number, { wall: number; cpu: number; n: number }>
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

async function timed(call: () => Promise<Result<unknown>>, allowRefusal = false): Promise<Sample> {
  const cpuStart = process.cpuUsage()
  const start = performance.now()
  const result = await call()
  const wall = performance.now() - start
  const cpuUsed = process.cpuUsage(cpuStart)
  if (!result.ok && !allowRefusal) {
    throw new Error(`benchmark call failed: ${result.error.code} ${result.error.message}`)
  }
  return { wall, cpu: (cpuUsed.user + cpuUsed.system) / 1000 }
}

const rows = new Map<string, Row>()
function record(size: number, operation: string, samples: Sample[]): void {
  const row = rows.get(operation) ?? { operation, bySize: new Map() }
  row.bySize.set(size, {
    wall: median(samples.map((sample) => sample.wall)),
    cpu: median(samples.map((sample) => sample.cpu)),
    n: samples.length,
  })
  rows.set(operation, row)
}

/** Ids spread over the plan, so no call benefits from a neighbour's cache line. */
const spread = <T>(list: readonly T[], count: number): T[] =>
  Array.from({ length: count }, (_, i) => list[Math.floor(((i + 0.5) * list.length) / count)] as T)

async function repeat(times: number, call: (i: number) => Promise<Sample>): Promise<Sample[]> {
  const samples: Sample[] = []
  for (let i = 0; i < times; i++) samples.push(await call(i))
  return samples
}

async function benchSize(size: number): Promise<void> {
  const temp = await tempPlanPath('switchboard-bench-model-')
  try {
    const plan: Plan = generatePlan(size, { seed: 11 })
    await writePlanFile(temp.file, plan)
    const users = spread(plan.users, 20).map((user) => user.id)
    const someNumber = plan.numbers[Math.floor(plan.numbers.length / 2)]?.number ?? '+49'
    const numberKeys = Array.from({ length: 8 }, (_, i) => `0${someNumber.slice(3, 6 + i)}`)
    const takenExtension = plan.extensions[Math.floor(plan.extensions.length / 2)]?.extension ?? '1234'
    const extensionKeys = ['1', '12', '123', '1234', takenExtension.slice(0, 2), takenExtension]

    // First calls: each on a freshly opened plan, so the plan index is built by that call.
    const cold = new Map<string, Sample[]>()
    const coldCall = async (name: string, backend: Backend, channel: string, payload: unknown) => {
      const list = cold.get(name) ?? []
      list.push(await timed(() => backend.call(channel, payload)))
      cold.set(name, list)
    }
    const opens: Sample[] = []
    const coldReps = size >= 50_000 ? 1 : 3
    for (let rep = 0; rep < coldReps; rep++) {
      for (const [name, channel, payload] of [
        ['users:get', 'users:get', { id: users[rep] }],
        ['routing:get', 'routing:get', { userId: users[rep] }],
        ['numbers:list free', 'numbers:list', { filter: 'free', limit: 50 }],
        ['extensions:check', 'extensions:check', { extension: takenExtension }],
        ['locations:list', 'locations:list', {}],
        ['plan:cost', 'plan:cost', {}],
      ] as const) {
        const cpuStart = process.cpuUsage()
        const start = performance.now()
        const fresh = await createBackend(temp.file, 'de')
        const cpuUsed = process.cpuUsage(cpuStart)
        opens.push({ wall: performance.now() - start, cpu: (cpuUsed.user + cpuUsed.system) / 1000 })
        await coldCall(`${name} (first call)`, fresh, channel, payload)
        // One writer per plan file: let go of it, or every later opening is read-only.
        await fresh.workspace.close()
      }
    }
    record(size, 'open plan file (store)', opens)
    for (const [name, samples] of cold) record(size, name, samples)

    // Repeated calls on one warm plan state.
    const backend = await createBackend(temp.file, 'de')
    await backend.call('plan:cost', {})
    record(
      size,
      'users:list page (warm)',
      await repeat(20, (i) =>
        timed(() => backend.call('users:list', { offset: (i * 500) % Math.max(1, size - 50), limit: 50 })),
      ),
    )
    record(
      size,
      'users:get',
      await repeat(20, (i) => timed(() => backend.call('users:get', { id: users[i] }))),
    )
    record(
      size,
      'routing:get',
      await repeat(20, (i) => timed(() => backend.call('routing:get', { userId: users[i] }))),
    )
    record(
      size,
      'numbers:list free, page',
      await repeat(20, (i) =>
        timed(() => backend.call('numbers:list', { filter: 'free', offset: i * 50, limit: 50 })),
      ),
    )
    record(
      size,
      `numbers:list search per keystroke (${numberKeys.length} keys)`,
      await repeat(numberKeys.length * 2, (i) =>
        timed(() => backend.call('numbers:list', { search: numberKeys[i % numberKeys.length], limit: 50 })),
      ),
    )
    record(
      size,
      `extensions:check per keystroke (${extensionKeys.length} keys)`,
      await repeat(extensionKeys.length * 3, (i) =>
        timed(() => backend.call('extensions:check', { extension: extensionKeys[i % extensionKeys.length] })),
      ),
    )
    record(size, 'locations:list', await repeat(10, () => timed(() => backend.call('locations:list', {}))))
    record(size, 'plan:cost (cached)', await repeat(20, () => timed(() => backend.call('plan:cost', {}))))

    // Writes: a change copies only what it touches (immer), validates the changed records and the
    // cross-record invariants, and writes the whole file (compact JSON, fsynced).
    const adds: Sample[] = []
    const readsAfter: Sample[] = []
    for (let i = 0; i < 5; i++) {
      adds.push(
        await timed(() =>
          backend.call('devices:add', {
            userId: users[i],
            device: { type: 'external', name: `Bench ${i}`, number: '+49 30 1234567' },
          }),
        ),
      )
      readsAfter.push(await timed(() => backend.call('routing:get', { userId: users[i + 5] })))
    }
    record(size, 'devices:add (write)', adds)
    record(size, 'routing:get, first after a write', readsAfter)
    await backend.workspace.close()
  } finally {
    await temp.remove()
  }
}

export async function runModelBench(sizes: readonly number[] = [10_000, 50_000]): Promise<void> {
  rows.clear()
  for (const size of sizes) await benchSize(size)
  console.log(
    `\nAccount model — Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')}; median wall ms (cpu ms)`,
  )
  const width = Math.max(...[...rows.keys()].map((name) => name.length))
  console.log(
    `${'operation'.padEnd(width)}  ${sizes.map((size) => `${size} users`.padStart(20)).join('')}  growth`,
  )
  for (const row of rows.values()) {
    const cells = sizes.map((size) => {
      const cell = row.bySize.get(size)
      return (cell ? `${cell.wall.toFixed(2)} (${cell.cpu.toFixed(2)})` : '-').padStart(20)
    })
    const first = row.bySize.get(sizes[0] as number)
    const last = row.bySize.get(sizes[sizes.length - 1] as number)
    const growth = first && last && first.cpu > 0.05 ? `×${(last.cpu / first.cpu).toFixed(1)}` : ''
    console.log(`${row.operation.padEnd(width)}  ${cells.join('')}  ${growth}`)
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runModelBench()
