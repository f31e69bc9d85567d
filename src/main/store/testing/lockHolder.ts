/**
 * Child process for the lock tests (planLock.test.ts). Opens the plan given as argv[2], prints
 * `status <json>` and then follows lines on stdin: `write <name>` renames the account and prints
 * `wrote <ok|code>`; `close` closes the store, prints `closed` and exits.
 */
import { createInterface } from 'node:readline'
import { ok } from '../../../shared/result'
import { PlanStore } from '../planStore'

const file = process.argv[2]
if (file === undefined) throw new Error('usage: lockHolder <plan file>')

const store = await PlanStore.open(file)
process.stdout.write(`status ${JSON.stringify(store.status())}\n`)
for await (const line of createInterface({ input: process.stdin })) {
  const [command, argument] = line.split(' ')
  if (command === 'write') {
    const result = await store.update('en', (draft) => {
      draft.account.name = argument ?? 'x'
      return ok(null)
    })
    process.stdout.write(`wrote ${result.ok ? 'ok' : result.error.code}\n`)
  } else if (command === 'close') {
    await store.close()
    process.stdout.write('closed\n')
    process.exit(0)
  }
}
