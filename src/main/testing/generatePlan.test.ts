import { describe, expect, it } from 'vitest'
import { extensionRuleBroken } from '../extensions/extensionRules'
import { parseTypedNumber } from '../numbers/typedNumber'
import { planInvariantProblem, planSchema } from '../store/planFile'
import { PlanStore } from '../store/planStore'
import { generatePlan, tempPlanPath, writePlanFile } from './generatePlan'

describe('generatePlan', () => {
  it.each([
    [1, 1],
    [2, 7],
    [49, 3],
    [137, 5],
    [600, 7],
    [2_500, 11],
    [12_000, 42],
  ])('makes a valid schema-v2 plan of %i users (seed %i)', (size, seed) => {
    const plan = generatePlan(size, { seed })
    expect(planSchema.safeParse(plan).success).toBe(true)
    expect(planInvariantProblem(plan)).toBeNull()
    expect(plan.users).toHaveLength(size)
    expect(plan.users[0]?.admin).toBe(true)
    expect(plan.numbers.length).toBeGreaterThan(size)
    expect(plan.numbers.some((entry) => entry.assignedTo === null)).toBe(true)
    expect(plan.locations.length).toBe(Math.max(1, Math.round(size / 50)))
    for (const location of plan.locations) expect(location.postcode).toMatch(/^\d{5}$/)
    for (const { extension } of plan.extensions) expect(extensionRuleBroken(extension)).toBeNull()
  })

  it('is realistic: admins, telephony, numbers, extensions, devices, fax and voicemail in the expected shares', () => {
    const plan = generatePlan(5_000, { seed: 9 })
    const share = (count: number) => count / plan.users.length
    expect(share(plan.users.filter((user) => user.admin).length)).toBeCloseTo(1 / 25, 2)
    expect(share(plan.users.filter((user) => user.permissions.telephony).length)).toBeGreaterThan(0.85)
    expect(share(plan.users.filter((user) => user.permissions.fax).length)).toBeGreaterThan(0.05)
    expect(share(plan.users.filter((user) => user.voicemail.enabled).length)).toBeGreaterThan(0.2)
    expect(share(plan.users.filter((user) => user.locationId !== null).length)).toBeGreaterThan(0.8)
    const free = plan.numbers.filter((entry) => entry.assignedTo === null).length / plan.numbers.length
    expect(free).toBeGreaterThan(0.05)
    expect(free).toBeLessThan(0.2)
    expect(share(plan.extensions.filter((entry) => entry.owner.kind === 'user').length)).toBeGreaterThan(0.85)
    const types = new Set(plan.devices.map((device) => device.type))
    expect([...types].sort()).toEqual(['app', 'external', 'mobile', 'voip'])
    expect(plan.faxLines.length).toBeGreaterThan(0)
    const perUser = new Map<string, number>()
    for (const device of plan.devices) {
      if (device.type !== 'app') perUser.set(device.userId, (perUser.get(device.userId) ?? 0) + 1)
    }
    expect(Math.max(...perUser.values())).toBe(4)
    expect([...perUser.values()].some((count) => count > 2)).toBe(true) // someone pays for extra devices
    // Every number a person could type into the app parses as it is stored.
    const sample = [
      ...plan.numbers.slice(0, 200).map((entry) => entry.number),
      ...plan.devices.flatMap((device) => ('number' in device ? [device.number] : [])).slice(0, 200),
    ]
    for (const number of sample)
      expect(parseTypedNumber(number, 'DE'), number).toEqual({ ok: true, e164: number })
  })

  it('is deterministic per seed, differs between seeds, and keeps ids apart with idPrefix', () => {
    expect(generatePlan(300, { seed: 5 })).toEqual(generatePlan(300, { seed: 5 }))
    expect(generatePlan(300, { seed: 5 })).not.toEqual(generatePlan(300, { seed: 6 }))
    const a = generatePlan(50, { idPrefix: 'a-' })
    const b = generatePlan(50, { idPrefix: 'b-' })
    const ids = (plan: typeof a) => [
      ...plan.users.map((user) => user.id),
      ...plan.devices.map((device) => device.id),
      ...plan.faxLines.map((line) => line.id),
      ...plan.locations.map((location) => location.id),
    ]
    const bIds = new Set(ids(b))
    expect(ids(a).some((id) => bIds.has(id))).toBe(false)
  })

  it('stays valid beyond the extension space (50,000 users) and is fast', () => {
    const start = performance.now()
    const plan = generatePlan(10_000, { seed: 1 })
    expect(performance.now() - start).toBeLessThan(2_000) // about 100 ms alone; generous for a busy machine
    expect(planInvariantProblem(plan)).toBeNull()
    const big = generatePlan(50_000, { seed: 2 })
    expect(planInvariantProblem(big)).toBeNull()
    expect(planSchema.safeParse(big).success).toBe(true)
    expect(big.extensions.length).toBeGreaterThan(10_000)
  })

  it('writes a file the store opens unchanged', async () => {
    const temp = await tempPlanPath('switchboard-gen-')
    try {
      const plan = generatePlan(400, { seed: 3 })
      await writePlanFile(temp.file, plan)
      const store = await PlanStore.open(temp.file)
      expect(store.status().readOnly).toBeNull()
      expect(store.status().recovery).toBeNull()
      expect(store.plan).toEqual(plan)
    } finally {
      await temp.remove()
    }
  })
})
