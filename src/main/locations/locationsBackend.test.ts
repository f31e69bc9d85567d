import { beforeEach, describe, expect, it } from 'vitest'
import type { Result } from '../../shared/result'
import { createBackend } from '../backend'
import type { Backend } from '../backend'
import { planInvariantProblem } from '../store/planFile'
import { tempPlanFile } from '../testing/planFixture'

/** Locations, routing and plan settings through the backend: the contract's parsing, then the handlers. */

let backend: Backend

beforeEach(async () => {
  backend = await createBackend(await tempPlanFile(), 'en')
})

const call = async (channel: string, payload: unknown): Promise<Result<unknown>> => {
  const result = await backend.call(channel, payload)
  expect(planInvariantProblem(backend.store.plan)).toBeNull()
  return result
}
const location = {
  name: 'HQ',
  street: '',
  houseNumber: '',
  postcode: '40212',
  city: 'Düsseldorf',
  country: 'de',
}

describe('locations, routing and plan settings through the backend (acting as Anna, the first admin)', () => {
  it('creates, lists, uses and deletes a location with confirm', async () => {
    const created = await call('locations:create', location)
    expect(created).toMatchObject({ ok: true, data: { name: 'HQ', country: 'DE', userCount: 0 } })
    const id = created.ok ? (created.data as { id: string }).id : ''
    const ben = backend.store.plan.users[1]!
    expect(await call('users:setLocation', { id: ben.id, locationId: id })).toMatchObject({ ok: true })
    expect(await call('locations:list', {})).toMatchObject({ ok: true, data: [{ id, userCount: 1 }] })
    expect(await call('locations:usage', { id })).toMatchObject({
      ok: true,
      data: { userCount: 1, users: [{ id: ben.id, name: 'Ben Ott' }] },
    })
    // confirm defaults to false: a conflict naming Ben.
    const refused = await call('locations:delete', { id })
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(refused.ok ? '' : refused.error.message).toContain('Ben Ott')
    expect(await call('locations:delete', { id, confirm: true })).toEqual({ ok: true, data: { id } })
    expect(backend.store.plan.users[1]?.locationId).toBeNull()
  })

  it('the contract refuses a country longer than 2 characters before the handler runs', async () => {
    expect(await call('locations:create', { ...location, country: 'DEU' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'country' },
    })
  })

  it('routing:get and routing:setVoicemail', async () => {
    const ben = backend.store.plan.users[1]!
    expect(await call('routing:get', { userId: ben.id })).toMatchObject({
      ok: true,
      data: { complete: true },
    })
    expect(
      await call('routing:setVoicemail', { userId: ben.id, enabled: true, timeoutSeconds: 700 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'timeoutSeconds' },
    })
    expect(
      await call('routing:setVoicemail', { userId: ben.id, enabled: true, timeoutSeconds: 60 }),
    ).toMatchObject({
      ok: true,
      data: { voicemail: { enabled: true, timeoutSeconds: 60 } },
    })
  })

  it('plan settings and cost', async () => {
    expect(await call('plan:updateSettings', { name: 'Acme', extraDevicePrice: 2.499 })).toMatchObject({
      ok: true,
      data: { name: 'Acme', extraDevicePrice: 2.5 },
    })
    expect(await call('plan:settings', {})).toMatchObject({ ok: true, data: { name: 'Acme' } })
    expect(await call('plan:cost', {})).toMatchObject({
      ok: true,
      data: { extraDevicePrice: 2.5, monthlyCost: 0 },
    })
    expect(await call('plan:updateSettings', { extraDevicePrice: 1001 })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'extraDevicePrice' },
    })
  })

  it('acting as Ben (not an admin): he reads locations and settings and sets his own voicemail, nothing else', async () => {
    const anna = backend.store.plan.users[0]!
    const ben = backend.store.plan.users[1]!
    expect(await call('locations:create', location)).toMatchObject({ ok: true })
    expect(await call('session:switch', { userId: ben.id })).toMatchObject({ ok: true, data: { id: ben.id } })
    const id = backend.store.plan.locations[0]!.id
    expect(await call('locations:list', {})).toMatchObject({ ok: true, data: [{ id }] })
    expect(await call('locations:usage', { id })).toMatchObject({ ok: true })
    expect(await call('plan:settings', {})).toMatchObject({ ok: true })
    expect(await call('plan:cost', {})).toMatchObject({ ok: true })
    expect(
      await call('routing:setVoicemail', { userId: ben.id, enabled: true, timeoutSeconds: 20 }),
    ).toMatchObject({
      ok: true,
    })
    for (const [channel, payload] of [
      ['locations:create', location],
      ['locations:update', { id, name: 'Mine' }],
      ['locations:delete', { id, confirm: true }],
      ['plan:updateSettings', { name: 'Bens Firma' }],
      ['routing:setVoicemail', { userId: anna.id, enabled: true, timeoutSeconds: 20 }],
      ['routing:get', { userId: anna.id }],
    ] as const) {
      expect(await call(channel, payload)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    expect(backend.store.plan.locations.map((entry) => entry.name)).toEqual(['HQ'])
    expect(backend.store.plan.account.name).toBe('My company')
  })
})
