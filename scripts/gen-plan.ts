/**
 * Writes a generated, valid plan file: `npx tsx scripts/gen-plan.ts --users N --out FILE [--seed S]`
 * (`npm run gen:plan -- --users 10000 --out /tmp/plan.json`). The file is written durably (temp
 * file, fsync, rename) and opens in the app like any saved plan. Prints a one-line summary.
 */
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { planInvariantProblem, planSchema } from '../src/main/store/planFile'
import { generatePlan, writePlanFile } from '../src/main/testing/generatePlan'

const usage = 'usage: gen-plan --users N --out FILE [--seed S] [--id-prefix P]'

function fail(text: string): never {
  console.error(`gen-plan: ${text}\n${usage}`)
  process.exit(2)
}

let values: { users?: string; out?: string; seed?: string; 'id-prefix'?: string; help?: boolean }
try {
  ;({ values } = parseArgs({
    options: {
      users: { type: 'string', short: 'u' },
      out: { type: 'string', short: 'o' },
      seed: { type: 'string', short: 's' },
      'id-prefix': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }))
} catch (error) {
  fail(error instanceof Error ? error.message : String(error))
}
if (values.help) {
  console.log(usage)
  process.exit(0)
}
const users = Number(values.users)
if (!Number.isInteger(users) || users < 1 || users > 1_000_000)
  fail('--users must be a whole number from 1 to 1000000')
if (!values.out) fail('--out is required')
const seed = values.seed === undefined ? 42 : Number(values.seed)
if (!Number.isInteger(seed)) fail('--seed must be a whole number')

const start = performance.now()
const plan = generatePlan(users, { seed, idPrefix: values['id-prefix'] })
const problem = planInvariantProblem(plan) ?? (planSchema.safeParse(plan).success ? null : 'schema')
if (problem !== null) fail(`generated plan is invalid (${problem}); this is a bug in the generator`)
const out = path.resolve(values.out)
await mkdir(path.dirname(out), { recursive: true })
await writePlanFile(out, plan)
const free = plan.numbers.filter((entry) => entry.assignedTo === null).length
console.log(
  `${out}: ${plan.users.length} users (${plan.users.filter((user) => user.admin).length} admins), ` +
    `${plan.locations.length} locations, ${plan.numbers.length} numbers (${free} free), ` +
    `${plan.extensions.length} extensions, ${plan.devices.length} devices, ${plan.faxLines.length} fax lines; ` +
    `seed ${seed}, ${Math.round(performance.now() - start)} ms`,
)
