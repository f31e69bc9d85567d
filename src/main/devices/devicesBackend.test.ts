import { beforeEach, describe, expect, it } from 'vitest'
import type { Device, FaxLineView } from '../../shared/domain'
import type { Result } from '../../shared/result'
import { ok } from '../../shared/result'
import { createBackend } from '../backend'
import type { Backend } from '../backend'
import { planCost } from './cost'
import { planInvariantProblem } from '../store/planFile'
import { expectData, expectError, tempPlanFile } from '../testing/planFixture'

/** Devices and fax lines through the backend: the contract's parsing, then the handlers. */

let backend: Backend

beforeEach(async () => {
  backend = await createBackend(await tempPlanFile(), 'en')
})

const anna = () => backend.store.plan.users[0]!
const ben = () => backend.store.plan.users[1]!
const call = async (channel: string, payload: unknown): Promise<Result<unknown>> => {
  const result = await backend.call(channel, payload)
  expect(planInvariantProblem(backend.store.plan)).toBeNull()
  return result
}

describe('devices through the backend', () => {
  it('the third device of a user costs extra; the app does not count', async () => {
    for (const name of ['One', 'Two']) {
      expectData<Device>(await call('devices:add', { userId: anna().id, device: { type: 'voip', name } }))
    }
    expect(planCost(backend.store.plan).monthlyCost).toBe(0)
    const third = expectData<Device>(
      await call('devices:add', {
        userId: anna().id,
        device: { type: 'voip', name: 'Three', mac: 'aabb.ccdd.eeff' },
      }),
    )
    expect(third).toMatchObject({ type: 'voip', mac: 'aa:bb:cc:dd:ee:ff', active: true })
    expect(planCost(backend.store.plan)).toMatchObject({
      countedDevices: 3,
      extraDevices: 1,
      monthlyCost: 4.95,
    })
    expectData(await call('devices:remove', { id: third.id }))
    expect(planCost(backend.store.plan).monthlyCost).toBe(0)
  })

  it('refuses the app as a new device at the contract', async () => {
    const error = expectError(
      await call('devices:add', { userId: anna().id, device: { type: 'app', name: 'App' } }),
    )
    expect(error.code).toBe('validation')
  })

  it('Ben (non-admin) may add a device to himself but not to Anna, and cannot touch fax lines', async () => {
    expectData(await call('session:switch', { userId: ben().id }))
    expectData<Device>(
      await call('devices:add', {
        userId: ben().id,
        device: { type: 'mobile', name: 'Mobile', number: '0151 23456789' },
      }),
    )
    expect(
      expectError(await call('devices:add', { userId: anna().id, device: { type: 'voip', name: 'x' } })),
    ).toMatchObject({
      code: 'forbidden',
    })
    expect(
      expectError(await call('fax:add', { userId: ben().id, alias: 'Fax', send: true, receive: true })),
    ).toMatchObject({
      code: 'forbidden',
    })
  })
})

describe('fax lines through the backend', () => {
  it('add, update and remove; the number goes back to the pool', async () => {
    await backend.store.update('en', (draft) => {
      draft.users[0]!.permissions.fax = true
      return ok(null)
    })
    const line = expectData<FaxLineView>(
      await call('fax:add', {
        userId: anna().id,
        alias: 'Office',
        number: '0211 55585',
        send: true,
        receive: true,
      }),
    )
    expect(line.number?.number).toBe('+4921155585')
    const moved = expectData<FaxLineView>(await call('fax:update', { id: line.id, number: '0211 55586' }))
    expect(moved.number?.number).toBe('+4921155586')
    expectData(await call('fax:remove', { id: line.id }))
    const pool = backend.store.plan.numbers
    expect(pool.find((entry) => entry.number === '+4921155586')?.assignedTo).toBeNull()
    expect(pool.find((entry) => entry.number === '+4921155585')?.assignedTo).toBeNull()
  })
})
