/**
 * Child process for the kill test (planStore.kill.test.ts). Opens the plan given as argv[2] and
 * renames the account to `n<k>` for k = 1, 2, 3, … in an endless loop, printing
 * `inflight <k>` before each update and `confirmed <k>` after it resolved. The parent SIGKILLs it.
 * Stdout to a pipe is synchronous on Linux, so a printed line is out before the next step starts.
 */
import { ok } from '../../../shared/result'
import { PlanStore } from '../planStore'

const file = process.argv[2]
if (file === undefined) throw new Error('usage: killWriter <plan file>')

const store = await PlanStore.open(file)
const current = /^n(\d+)$/.exec(store.plan.account.name)
let n = current ? Number(current[1]) : 0
process.stdout.write(`ready ${n}\n`)
for (;;) {
  n += 1
  process.stdout.write(`inflight ${n}\n`)
  const result = await store.update('en', (draft) => {
    draft.account.name = `n${n}`
    return ok(n)
  })
  if (!result.ok) throw new Error(`update ${n} failed: ${result.error.message}`)
  process.stdout.write(`confirmed ${n}\n`)
}
