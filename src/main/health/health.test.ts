import { beforeEach, describe, expect, it } from 'vitest'
import type { User } from '../../shared/domain'
import type { PlanHealth } from '../../shared/health'
import { HEALTH_ITEMS } from '../../shared/health'
import type { Result } from '../../shared/result'
import { createBackend } from '../backend'
import type { Backend } from '../backend'
import { generatePlan } from '../testing/generatePlan'
import { expectData, expectError, tempPlanFile } from '../testing/planFixture'
import { planHealth } from './healthService'

let backend: Backend

beforeEach(async () => {
  backend = await createBackend(await tempPlanFile(), 'en')
})

const call = (channel: string, payload: unknown = {}): Promise<Result<unknown>> =>
  backend.call(channel, payload)
const health = async (): Promise<PlanHealth> => expectData<PlanHealth>(await call('plan:health'))
const ben = () => backend.store.plan.users[1]!

describe('plan:health', () => {
  it('the default plan: both users can call, eight numbers free, nobody has a location, no extra cost', async () => {
    const result = await health()
    expect(result.users).toBe(2)
    expect(result.routingIncomplete).toEqual({ total: 0, items: [] })
    expect(result.freeNumbers.total).toBe(8)
    expect(result.freeNumbers.items[0]).toEqual({
      number: '+4921155582',
      national: expect.stringContaining('211') as unknown,
      international: expect.stringContaining('+49') as unknown,
    })
    expect(result.withoutLocation).toMatchObject({ total: 2, locations: 0 })
    expect(result.withoutLocation.items.map((user) => user.name)).toEqual(['Ben Ott', 'Anna Schmidt'])
    expect(result.extraDevices).toMatchObject({ total: 0, items: [], extraDevices: 0, monthlyCost: 0 })
  })

  it('names what keeps a user from calling, the same rule as the users list filter', async () => {
    const created = expectData<User>(
      await call('users:create', {
        firstName: 'Cem',
        lastName: 'Demir',
        email: 'cem@example.com',
        language: 'en',
        admin: false,
        permissions: { telephony: true, fax: false },
      }),
    )
    expectData(
      await call('users:setPermissions', { id: ben().id, telephony: false, fax: false, confirm: true }),
    )
    const result = await health()
    expect(result.routingIncomplete.total).toBe(2)
    const byName = Object.fromEntries(result.routingIncomplete.items.map((user) => [user.name, user.missing]))
    expect(byName['Ben Ott']).toEqual(['telephony', 'activeDevice'])
    expect(byName['Cem Demir']).toEqual(expect.arrayContaining(['number']))
    expect(result.routingIncomplete.items.find((user) => user.id === created.id)?.email).toBe(
      'cem@example.com',
    )
  })

  it('counts extra devices and their monthly cost per user and for the plan', async () => {
    for (const name of ['One', 'Two', 'Three', 'Four']) {
      expectData(await call('devices:add', { userId: ben().id, device: { type: 'voip', name } }))
    }
    const result = await health()
    expect(result.extraDevices).toMatchObject({
      total: 1,
      extraDevices: 2,
      monthlyCost: 9.9,
      currency: 'EUR',
      extraDevicePrice: 4.95,
    })
    expect(result.extraDevices.items).toEqual([
      expect.objectContaining({ name: 'Ben Ott', countedDevices: 4, extraDevices: 2, monthlyCost: 9.9 }),
    ])
  })

  it('a number assigned and a location set leave their topics', async () => {
    expectData(
      await call('numbers:assign', { number: '+4921155582', target: { kind: 'user', id: ben().id } }),
    )
    const location = expectData<{ id: string }>(
      await call('locations:create', {
        name: 'HQ',
        street: '',
        houseNumber: '',
        postcode: '40210',
        city: 'Düsseldorf',
        country: 'DE',
      }),
    )
    expectData(await call('users:setLocation', { id: ben().id, locationId: location.id }))
    const result = await health()
    expect(result.freeNumbers.total).toBe(7)
    expect(result.freeNumbers.items.map((entry) => entry.number)).not.toContain('+4921155582')
    expect(result.withoutLocation).toMatchObject({ total: 1, locations: 1 })
  })

  it('is for admins: a standard user is refused with the rule', async () => {
    expectData(await call('session:switch', { userId: ben().id }))
    const error = expectError(await call('plan:health'))
    expect(error.code).toBe('forbidden')
    expect(error.message).toContain('Only an admin')
  })
})

describe('planHealth on a large plan', () => {
  it('lists at most the first items of each topic and is computed once per plan state', () => {
    const plan = generatePlan(5000, { telephonyShare: 0.5 })
    const started = performance.now()
    const result = planHealth(plan)
    expect(performance.now() - started).toBeLessThan(2000)
    expect(result.users).toBe(5000)
    expect(result.routingIncomplete.total).toBeGreaterThan(HEALTH_ITEMS)
    expect(result.routingIncomplete.items).toHaveLength(HEALTH_ITEMS)
    expect(result.withoutLocation.items.length).toBeLessThanOrEqual(HEALTH_ITEMS)
    expect(planHealth(plan)).toBe(result)
  })
})
