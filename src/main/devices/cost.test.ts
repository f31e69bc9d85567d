import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Device } from '../../shared/domain'
import { ok } from '../../shared/result'
import type { NewDeviceInput } from '../../shared/contract'
import type { Actor } from '../rights'
import { createDefaultPlan, planInvariantProblem } from '../store/planFile'
import type { Plan } from '../store/planFile'
import { PlanStore } from '../store/planStore'
import { tempPlanPath } from '../testing/generatePlan'
import { planCost, userCost } from './cost'
import { addDevice } from './devicesService'

const device = (type: Device['type'], n = 0): Device => {
  const base = { id: `d${type}${n}`, userId: 'u', name: `${type} ${n}`, active: true }
  switch (type) {
    case 'voip':
      return { ...base, type, model: null, mac: null }
    case 'mobile':
    case 'external':
      return { ...base, type, number: '+4915123456789' }
    case 'app':
      return { ...base, type }
  }
}

describe('userCost', () => {
  it('two counted devices are included', () => {
    expect(userCost([device('voip', 1), device('mobile')], 4.95)).toEqual({
      countedDevices: 2,
      extraDevices: 0,
      monthlyCost: 0,
    })
  })

  it('the third counted device costs the extra-device price; the app does not count', () => {
    expect(userCost([device('app'), device('voip', 1), device('voip', 2)], 4.95)).toEqual({
      countedDevices: 2,
      extraDevices: 0,
      monthlyCost: 0,
    })
    expect(userCost([device('app'), device('voip', 1), device('mobile'), device('external')], 4.95)).toEqual({
      countedDevices: 3,
      extraDevices: 1,
      monthlyCost: 4.95,
    })
  })

  it('each further device costs the price again, rounded to cents', () => {
    const five = [
      device('voip', 1),
      device('voip', 2),
      device('voip', 3),
      device('voip', 4),
      device('voip', 5),
    ]
    expect(userCost(five, 4.95).monthlyCost).toBe(14.85)
    expect(userCost(five, 0.1).monthlyCost).toBe(0.3)
    expect(userCost(five, 3.333).monthlyCost).toBe(10)
    expect(userCost(five.slice(0, 3), 3.335).monthlyCost).toBe(3.34)
    expect(userCost(five, 0).monthlyCost).toBe(0)
  })
})

describe('planCost', () => {
  it('sums per user (extras are per user, not per plan)', () => {
    const plan = createDefaultPlan('en')
    const [anna, ben] = plan.users
    const voip = (userId: string, n: number): Device => ({
      ...device('voip', n),
      id: `${userId}-${n}`,
      userId,
    })
    plan.devices.push(
      voip(anna!.id, 1),
      voip(anna!.id, 2),
      voip(anna!.id, 3),
      voip(ben!.id, 1),
      voip(ben!.id, 2),
    )
    expect(planCost(plan)).toEqual({
      countedDevices: 5,
      extraDevices: 1,
      monthlyCost: 4.95,
      currency: 'EUR',
      extraDevicePrice: 4.95,
      users: 2,
    })
  })

  it('rounds the plan total to cents', () => {
    const plan = createDefaultPlan('en')
    plan.account.extraDevicePrice = 0.1
    const anna = plan.users[0]!.id
    for (let n = 1; n <= 5; n += 1) plan.devices.push({ ...device('voip', n), userId: anna })
    expect(planCost(plan).monthlyCost).toBe(0.3)
  })

  describe('on a stored plan', () => {
    let temp: Awaited<ReturnType<typeof tempPlanPath>>
    let store: PlanStore
    beforeEach(async () => {
      temp = await tempPlanPath()
      store = await PlanStore.open(temp.file, { language: 'en' })
    })
    afterEach(async () => {
      await temp.remove()
    })

    const add = async (userIndex: number, spec: NewDeviceInput): Promise<void> => {
      const actor: Actor = { user: store.plan.users[0]!, language: 'en' }
      const userId = store.plan.users[userIndex]!.id
      const result = await store.update('en', (draft: Plan) =>
        addDevice(draft, actor, { userId, device: spec }),
      )
      expect(result.ok).toBe(true)
      expect(planInvariantProblem(store.plan)).toBeNull()
    }

    it('the third added device costs extra, and follows a price change', async () => {
      expect(planCost(store.plan)).toMatchObject({ countedDevices: 0, extraDevices: 0, monthlyCost: 0 })
      await add(0, { type: 'voip', name: 'Desk' })
      await add(0, { type: 'mobile', name: 'Mobile', number: '0151 23456789' })
      expect(planCost(store.plan)).toMatchObject({ countedDevices: 2, extraDevices: 0, monthlyCost: 0 })
      await add(0, { type: 'external', name: 'Home', number: '0211 1234567' })
      expect(planCost(store.plan)).toMatchObject({ countedDevices: 3, extraDevices: 1, monthlyCost: 4.95 })
      await add(1, { type: 'voip', name: 'Ben desk' })
      expect(planCost(store.plan)).toMatchObject({ countedDevices: 4, extraDevices: 1, monthlyCost: 4.95 })

      await store.update('en', (draft) => {
        draft.account.extraDevicePrice = 7.5
        return ok(null)
      })
      expect(planCost(store.plan)).toMatchObject({ extraDevicePrice: 7.5, monthlyCost: 7.5 })
    })
  })
})
