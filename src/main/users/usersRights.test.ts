import { beforeEach, describe, expect, it } from 'vitest'
import type { Impact, User, UserDetail } from '../../shared/domain'
import { ok } from '../../shared/result'
import { createBackendWith } from '../backend'
import type { Backend } from '../backend'
import { Session } from '../session'
import { planInvariantProblem } from '../store/planFile'
import { PlanStore } from '../store/planStore'
import { expectData, expectError, fileBytes, openTestPlan } from '../testing/planFixture'

/** Everything through backend.call: the contract's parsing, the handlers, the rights, the file. */

const FAST = { N: 2 ** 10, r: 8, p: 1 }

let backend: Backend
let annaId: string
let benId: string

beforeEach(async () => {
  const store = await openTestPlan()
  backend = createBackendWith(store, new Session('en', { passwordParams: FAST, sleep: async () => {} }))
  annaId = store.plan.users[0]!.id
  benId = store.plan.users[1]!.id
  // A location to move to, and a fax line of Anna's with a number and an extension.
  expect(
    (
      await store.update('en', (draft) => {
        draft.locations.push({
          id: 'loc-1',
          name: 'HQ',
          street: 'Königsallee',
          houseNumber: '1',
          postcode: '40212',
          city: 'Düsseldorf',
          country: 'DE',
        })
        return ok(null)
      })
    ).ok,
  ).toBe(true)
})

const clara = {
  firstName: 'Clara',
  lastName: 'Berg',
  email: 'clara.berg@example.com',
  language: 'en',
  admin: false,
  permissions: { telephony: true, fax: false },
}

describe('rights of non-admin Ben after session:switch', () => {
  beforeEach(async () => {
    expect(expectData<User>(await backend.call('session:switch', { userId: benId })).id).toBe(benId)
  })

  it('may change its own name, email, language, location and password, and read itself', async () => {
    const updated = expectData<User>(
      await backend.call('users:update', {
        id: benId,
        firstName: 'Benjamin',
        email: 'benjamin.ott@example.com',
        language: 'de',
      }),
    )
    expect(updated).toMatchObject({
      firstName: 'Benjamin',
      email: 'benjamin.ott@example.com',
      language: 'de',
    })
    expect(
      expectData<User>(await backend.call('users:setLocation', { id: benId, locationId: 'loc-1' }))
        .locationId,
    ).toBe('loc-1')
    expectData(await backend.call('users:setPassword', { id: benId, password: 'my own secret' }))
    expectData(
      await backend.call('users:setPassword', {
        id: benId,
        password: 'my new secret',
        currentPassword: 'my own secret',
      }),
    )
    const detail = expectData<UserDetail>(await backend.call('users:get', { id: benId }))
    expect(detail).toMatchObject({ hasPassword: true, location: { id: 'loc-1', city: 'Düsseldorf' } })
    expect(detail.routing.numbers.map((number) => number.number)).toEqual(['+4921155581'])
    expect(planInvariantProblem(backend.store.plan)).toBeNull()
  })

  const refusals: [string, (ids: { anna: string; ben: string }) => [string, object]][] = [
    ['update Anna', ({ anna }) => ['users:update', { id: anna, lastName: 'X' }]],
    ['read Anna', ({ anna }) => ['users:get', { id: anna }]],
    ['set Anna’s password', ({ anna }) => ['users:setPassword', { id: anna, password: 'taken over!' }]],
    ['set Anna’s location', ({ anna }) => ['users:setLocation', { id: anna, locationId: 'loc-1' }]],
    ['make itself admin', ({ ben }) => ['users:setAdmin', { id: ben, admin: true }]],
    ['take Anna’s admin flag', ({ anna }) => ['users:setAdmin', { id: anna, admin: false }]],
    [
      'change its own permissions',
      ({ ben }) => ['users:setPermissions', { id: ben, telephony: true, fax: true }],
    ],
    [
      'change Anna’s permissions',
      ({ anna }) => ['users:setPermissions', { id: anna, telephony: false, fax: false, confirm: true }],
    ],
    [
      'ask a permission impact',
      ({ anna }) => ['users:permissionImpact', { id: anna, telephony: false, fax: false }],
    ],
    ['ask a deletion impact', ({ anna }) => ['users:deletionImpact', { id: anna }]],
    ['create a user', () => ['users:create', clara]],
    ['delete Anna', ({ anna }) => ['users:delete', { id: anna }]],
  ]
  for (const [what, request] of refusals) {
    it(`may not ${what}: forbidden, and the file keeps its bytes`, async () => {
      const before = await fileBytes(backend.store)
      const [channel, payload] = request({ anna: annaId, ben: benId })
      const error = expectError(await backend.call(channel, payload))
      expect(error.code).toBe('forbidden')
      expect(error.message).toMatch(/You are acting as Ben Ott\.$/)
      expect(await fileBytes(backend.store)).toEqual(before)
    })
  }

  it('may still list the users', async () => {
    expect(expectData<{ planTotal: number }>(await backend.call('users:list', {})).planTotal).toBe(2)
  })
})

describe('users:create through the backend', () => {
  it('assigns a typed free number and an extension and gives the app, all at once', async () => {
    const user = expectData<User>(
      await backend.call('users:create', {
        ...clara,
        number: '0211 5558 3',
        extension: '30',
        password: 'clara pass',
      }),
    )
    const detail = expectData<UserDetail>(await backend.call('users:get', { id: user.id }))
    expect(detail.hasPassword).toBe(true)
    expect(detail.routing.numbers.map((number) => number.number)).toEqual(['+4921155583'])
    expect(detail.routing.extensions).toEqual(['30'])
    expect(detail.routing.devices.map((device) => device.type)).toEqual(['app'])
    expect(detail.routing.voicemail).toEqual({ enabled: false, timeoutSeconds: 30 })
    expect(detail.routing.complete).toBe(true)
  })

  it('changes nothing when a part is refused', async () => {
    const before = await fileBytes(backend.store)
    const error = expectError(
      await backend.call('users:create', { ...clara, number: '0211 5558 3', extension: '911' }),
    )
    expect(error).toMatchObject({ code: 'validation', field: 'extension' })
    const taken = expectError(await backend.call('users:create', { ...clara, number: '+49 211 55581' }))
    expect(taken).toMatchObject({ code: 'conflict', field: 'number' })
    expect(taken.message).toContain('Ben Ott')
    expect(
      expectError(await backend.call('users:create', { ...clara, password: 'x'.repeat(201) })).field,
    ).toBe('password')
    expect(await fileBytes(backend.store)).toEqual(before)
  })
})

describe('permissions and deletion with impact, through the backend', () => {
  beforeEach(async () => {
    // Ben gets fax and a fax line with a number and an extension.
    await backend.store.update('en', (draft) => {
      draft.users[1]!.permissions.fax = true
      draft.faxLines.push({ id: 'fax-1', userId: benId, alias: 'Office fax', send: true, receive: true })
      draft.numbers[6]!.assignedTo = { kind: 'fax', id: 'fax-1' }
      draft.extensions.push({ extension: '60', owner: { kind: 'fax', id: 'fax-1' } })
      return ok(null)
    })
  })

  it('takes fax away only after confirmation, exactly as the impact said', async () => {
    const impact = expectData<Impact>(
      await backend.call('users:permissionImpact', { id: benId, telephony: true, fax: false }),
    )
    expect(impact.releasedNumbers.map((number) => number.number)).toEqual(['+4921155586'])
    expect(impact.removedExtensions).toEqual(['60'])
    expect(impact.removedFaxLines.map((line) => line.id)).toEqual(['fax-1'])
    const before = await fileBytes(backend.store)
    const refused = expectError(
      await backend.call('users:setPermissions', { id: benId, telephony: true, fax: false }),
    )
    expect(refused.code).toBe('conflict')
    expect(refused.message).toContain('“Office fax”')
    expect(await fileBytes(backend.store)).toEqual(before)
    expectData(
      await backend.call('users:setPermissions', { id: benId, telephony: true, fax: false, confirm: true }),
    )
    const plan = backend.store.plan
    expect(plan.faxLines).toEqual([])
    expect(plan.numbers[6]).toEqual({ number: '+4921155586', assignedTo: null })
    expect(plan.extensions.map((entry) => entry.extension)).toEqual(['10', '11'])
  })

  it('taking telephony away removes the app after confirmation; granting it back gives one app', async () => {
    const impact = expectData<Impact>(
      await backend.call('users:permissionImpact', { id: benId, telephony: false, fax: true }),
    )
    expect(impact.removedDevices.map((device) => device.type)).toEqual(['app'])
    expect(
      expectError(await backend.call('users:setPermissions', { id: benId, telephony: false, fax: true }))
        .code,
    ).toBe('conflict')
    expectData(
      await backend.call('users:setPermissions', { id: benId, telephony: false, fax: true, confirm: true }),
    )
    expect(backend.store.plan.devices.filter((device) => device.userId === benId)).toEqual([])
    expectData(await backend.call('users:setPermissions', { id: benId, telephony: true, fax: true }))
    expectData(await backend.call('users:setPermissions', { id: benId, telephony: true, fax: true }))
    expect(backend.store.plan.devices.filter((device) => device.userId === benId)).toHaveLength(1)
  })

  it('deletes a user releasing and removing exactly what deletionImpact reported', async () => {
    const impact = expectData<Impact>(await backend.call('users:deletionImpact', { id: benId }))
    expect(impact.releasedNumbers.map((number) => number.number)).toEqual(['+4921155581', '+4921155586'])
    expect(impact.removedExtensions).toEqual(['11', '60'])
    expect(impact.removedDevices.map((device) => device.type)).toEqual(['app'])
    expect(impact.removedFaxLines.map((line) => line.alias)).toEqual(['Office fax'])
    const before = backend.store.plan
    expectData(await backend.call('users:delete', { id: benId }))
    const after = backend.store.plan
    expect(after.numbers.map((entry) => entry.number)).toEqual(before.numbers.map((entry) => entry.number))
    expect(after.numbers.filter((entry) => entry.assignedTo !== null).map((entry) => entry.number)).toEqual([
      '+4921155580',
    ])
    expect(after.extensions.map((entry) => entry.extension)).toEqual(['10'])
    expect(after.devices.map((device) => device.userId)).toEqual([annaId])
    expect(after.faxLines).toEqual([])
    const reopened = await PlanStore.open(backend.store.file)
    expect(reopened.plan).toEqual(after)
  })

  it('refuses to take the last admin’s flag, with a clear message, changing nothing', async () => {
    const before = await fileBytes(backend.store)
    const error = expectError(await backend.call('users:setAdmin', { id: annaId, admin: false }))
    expect(error.code).toBe('conflict')
    expect(error.message).toContain('Anna Schmidt is the last admin')
    expect(await fileBytes(backend.store)).toEqual(before)
  })
})
