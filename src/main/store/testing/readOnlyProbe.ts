/**
 * Child process for the permission tests (planStore.permissions.test.ts), run as a non-root user
 * because root ignores file modes. Opens the plan given as argv[2], tries one update and prints
 * one JSON line: the status after open and the update's result.
 */
import { ok } from '../../../shared/result'
import { PlanStore } from '../planStore'

const file = process.argv[2]
if (file === undefined) throw new Error('usage: readOnlyProbe <plan file>')

const store = await PlanStore.open(file)
const status = store.status()
const update = await store.update('en', (draft) => {
  draft.account.name = 'changed by the probe'
  return ok(null)
})
process.stdout.write(
  `${JSON.stringify({ uid: process.getuid?.() ?? null, status, update, accountName: store.plan.account.name })}\n`,
)
