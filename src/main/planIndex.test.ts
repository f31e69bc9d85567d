import { afterEach, describe, expect, it } from 'vitest'
import { ok } from '../shared/result'
import { planIndex, targetKey } from './planIndex'
import { PlanStore } from './store/planStore'
import { tempPlanPath } from './testing/generatePlan'

let remove: (() => Promise<void>) | null = null
afterEach(async () => {
  await remove?.()
  remove = null
})

async function openStore(): Promise<PlanStore> {
  const temp = await tempPlanPath('switchboard-plan-index-')
  remove = temp.remove
  return PlanStore.open(temp.file, { language: 'en' })
}

describe('planIndex after a change', () => {
  it('rebuilds what the change touched and reuses the rest', async () => {
    const store = await openStore()
    const before = planIndex(store.plan)
    const ben = store.plan.users[1]!
    await store.update('en', (draft) => {
      draft.devices.push({
        id: 'mobile-1',
        userId: ben.id,
        name: 'Mobile',
        active: true,
        type: 'mobile',
        number: '+4915112345678',
      })
      return ok(null)
    })
    const after = planIndex(store.plan)
    expect(after).not.toBe(before)
    expect(after.devicesOf.get(ben.id)?.map((device) => device.name)).toEqual(['Softphone app', 'Mobile'])
    expect(before.devicesOf.get(ben.id)).toHaveLength(1)
    expect(after.userById).toBe(before.userById)
    expect(after.numberPosition).toBe(before.numberPosition)
  })

  it('sees numbers, extensions and users that changed', async () => {
    const store = await openStore()
    planIndex(store.plan)
    const ben = store.plan.users[1]!
    await store.update('en', (draft) => {
      draft.numbers[5]!.assignedTo = { kind: 'user', id: ben.id }
      draft.extensions.push({ extension: '12', owner: { kind: 'user', id: ben.id } })
      draft.users[1]!.firstName = 'Benjamin'
      return ok(null)
    })
    const index = planIndex(store.plan)
    const key = targetKey({ kind: 'user', id: ben.id })
    expect(index.numbersOf.get(key)).toEqual(['+4921155581', '+4921155585'])
    expect(index.freeNumbers).not.toContain('+4921155585')
    expect(index.extensionsOf.get(key)).toEqual(['11', '12'])
    expect(index.userById.get(ben.id)?.firstName).toBe('Benjamin')
  })
})
