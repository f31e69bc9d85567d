import { describe, expect, it } from 'vitest'
import type { CreateUserInput } from '../../shared/contract'
import type { Impact } from '../../shared/domain'
import type { Result } from '../../shared/result'
import type { Actor } from '../rights'
import { createDefaultPlan, planInvariantProblem } from '../store/planFile'
import type { Plan, StoredUser } from '../store/planFile'
import { generatePlan } from '../testing/generatePlan'
import { expectError, expectOk } from '../testing/planFixture'
import {
  createUser,
  deleteUser,
  deletionImpact,
  holdingsFromDraft,
  holdingsFromIndex,
  permissionImpact,
  setAdmin,
  setLocation,
  setPasswordHash,
  setPermissions,
  updateUser,
  userDetail,
} from './usersService'

const HASH = `scrypt$1024$8$1$${Buffer.alloc(16, 1).toString('base64')}$${Buffer.alloc(32, 2).toString('base64')}`

interface Fixture {
  plan: Plan
  anna: StoredUser
  ben: StoredUser
  asAnna: Actor
  asBen: Actor
}

/** The default plan, and actors for its admin Anna and its standard user Ben. */
function fixture(language: 'en' | 'de' = 'en'): Fixture {
  const plan = createDefaultPlan(language)
  const [anna, ben] = plan.users as [StoredUser, StoredUser]
  return { plan, anna, ben, asAnna: { user: anna, language }, asBen: { user: ben, language } }
}

/** Runs a change like the store does: on a copy, kept only when ok; the result must be a valid plan. */
function change<T>(plan: Plan, run: (draft: Plan) => Result<T>): { result: Result<T>; plan: Plan } {
  const draft = structuredClone(plan)
  const result = run(draft)
  if (!result.ok) {
    expect(draft).toEqual(plan) // a refused change touches nothing
    return { result, plan }
  }
  expect(planInvariantProblem(draft)).toBeNull()
  return { result, plan: draft }
}

const clara = (overrides: Partial<CreateUserInput> = {}): CreateUserInput => ({
  firstName: 'Clara',
  lastName: 'Berg',
  email: 'clara.berg@example.com',
  language: 'en',
  admin: false,
  permissions: { telephony: true, fax: false },
  ...overrides,
})

const userTarget = (id: string) => ({ kind: 'user' as const, id })

describe('createUser (schema v2)', () => {
  it('gives a user with telephony its app, default voicemail, no password', () => {
    const { plan, asAnna } = fixture()
    const { result, plan: after } = change(plan, (draft) => createUser(draft, asAnna, clara()))
    const user = expectOk(result)
    const stored = after.users.find((candidate) => candidate.id === user.id)
    expect(stored).toMatchObject({ passwordHash: null, voicemail: { enabled: false, timeoutSeconds: 30 } })
    const devices = after.devices.filter((device) => device.userId === user.id)
    expect(devices).toHaveLength(1)
    expect(devices[0]).toMatchObject({ type: 'app', active: true, name: 'Softphone app' })
  })

  it('gives a user without telephony no device', () => {
    const { plan, asAnna } = fixture()
    const { result, plan: after } = change(plan, (draft) =>
      createUser(draft, asAnna, clara({ permissions: { telephony: false, fax: true } })),
    )
    const user = expectOk(result)
    expect(after.devices.filter((device) => device.userId === user.id)).toEqual([])
  })

  for (const typed of ['0211 5558 2', '+49 211 55582', '0049 211 55582', '0211/55582']) {
    it(`assigns a free pool number typed as "${typed}"`, () => {
      const { plan, asAnna } = fixture()
      const { result, plan: after } = change(plan, (draft) =>
        createUser(draft, asAnna, clara({ number: typed })),
      )
      const user = expectOk(result)
      expect(after.numbers.find((entry) => entry.number === '+4921155582')?.assignedTo).toEqual(
        userTarget(user.id),
      )
    })
  }

  it('treats empty number, extension and password fields as not given', () => {
    const { plan, asAnna } = fixture()
    const { result, plan: after } = change(plan, (draft) =>
      createUser(draft, asAnna, clara({ number: ' ', extension: '', password: '' })),
    )
    const user = expectOk(result)
    expect(after.numbers.filter((entry) => entry.assignedTo?.id === user.id)).toEqual([])
    expect(after.extensions.filter((entry) => entry.owner.id === user.id)).toEqual([])
  })

  it('refuses a number that is not in the pool (not_found), is taken (conflict, naming the owner) or invalid', () => {
    const { plan, asAnna } = fixture()
    const missing = expectError(
      change(plan, (draft) => createUser(draft, asAnna, clara({ number: '0211 5559 0' }))).result,
    )
    expect(missing).toMatchObject({ code: 'not_found', field: 'number' })
    expect(missing.message).toContain('+49 211 55590')
    const taken = expectError(
      change(plan, (draft) => createUser(draft, asAnna, clara({ number: '0211 55580' }))).result,
    )
    expect(taken).toMatchObject({ code: 'conflict', field: 'number' })
    expect(taken.message).toBe('The number +49 211 55580 is already assigned to Anna Schmidt.')
    const invalid = expectError(
      change(plan, (draft) => createUser(draft, asAnna, clara({ number: 'abc' }))).result,
    )
    expect(invalid).toMatchObject({ code: 'validation', field: 'number' })
    expect(invalid.message).toContain('abc')
  })

  it('gives an extension, refusing blocked ones with the rule named and taken ones with the owner named', () => {
    const { plan, asAnna } = fixture()
    const { result, plan: after } = change(plan, (draft) =>
      createUser(draft, asAnna, clara({ extension: ' 12 ' })),
    )
    const user = expectOk(result)
    expect(after.extensions).toContainEqual({ extension: '12', owner: userTarget(user.id) })

    const rules: [string, RegExp][] = [
      ['112', /110–119 \(emergency numbers\)/],
      ['2113', /211, 311, 411, 511, 611, 711, 811 or 911/],
      ['999', /999/],
      ['9912', /9900–9999/],
      ['1', /2 to 4 digits/],
      ['12345', /2 to 4 digits/],
      ['1a', /2 to 4 digits/],
    ]
    for (const [extension, rule] of rules) {
      const error = expectError(
        change(plan, (draft) => createUser(draft, asAnna, clara({ extension }))).result,
      )
      expect(error).toMatchObject({ code: 'validation', field: 'extension' })
      expect(error.message).toMatch(new RegExp(`^Extension ${extension} is not allowed: `))
      expect(error.message).toMatch(rule)
    }
    const taken = expectError(
      change(plan, (draft) => createUser(draft, asAnna, clara({ extension: '11' }))).result,
    )
    expect(taken).toMatchObject({ code: 'conflict', field: 'extension' })
    expect(taken.message).toBe('Extension 11 is already used by Ben Ott.')
  })

  it('names the rules in German too', () => {
    const { plan, asAnna } = fixture('de')
    const error = expectError(
      change(plan, (draft) => createUser(draft, asAnna, clara({ extension: '112' }))).result,
    )
    expect(error.message).toBe(
      'Durchwahl 112 ist nicht erlaubt: Durchwahlen dürfen nicht mit 110–119 beginnen (Notrufnummern).',
    )
    const taken = expectError(
      change(plan, (draft) => createUser(draft, asAnna, clara({ number: '+4921155581' }))).result,
    )
    expect(taken.message).toBe('Die Rufnummer +49 211 55581 ist schon Ben Ott zugewiesen.')
  })

  it('is all or nothing: a good number with a taken extension changes nothing', () => {
    const { plan, asAnna } = fixture()
    const { result, plan: after } = change(plan, (draft) =>
      createUser(draft, asAnna, clara({ number: '0211 55585', extension: '10' })),
    )
    expect(expectError(result).field).toBe('extension')
    expect(after).toBe(plan)
  })

  it('checks the password length and stores only the hash it is given', () => {
    const { plan, asAnna } = fixture()
    const short = expectError(
      change(plan, (draft) => createUser(draft, asAnna, clara({ password: 'seven77' }))).result,
    )
    expect(short).toMatchObject({ code: 'validation', field: 'password' })
    expect(short.message).toBe('The password must be at least 8 characters long.')
    expect(() => createUser(structuredClone(plan), asAnna, clara({ password: 'long enough' }))).toThrow(
      /hash/,
    )
    const { result, plan: after } = change(plan, (draft) =>
      createUser(draft, asAnna, clara({ password: 'long enough' }), HASH),
    )
    const user = expectOk(result)
    expect(after.users.find((candidate) => candidate.id === user.id)?.passwordHash).toBe(HASH)
    expect(JSON.stringify(user)).not.toContain('scrypt')
  })

  it('is admin only', () => {
    const { plan, asBen } = fixture()
    expect(expectError(change(plan, (draft) => createUser(draft, asBen, clara())).result).code).toBe(
      'forbidden',
    )
  })
})

describe('updateUser', () => {
  it('trims and checks name and email like create; an email may keep its own address in another case', () => {
    const { plan, ben, asBen } = fixture()
    const { result } = change(plan, (draft) =>
      updateUser(draft, asBen, {
        id: ben.id,
        firstName: ' Benjamin ',
        email: ' BEN.OTT@example.com ',
        language: 'de',
      }),
    )
    expect(expectOk(result)).toMatchObject({
      firstName: 'Benjamin',
      lastName: 'Ott',
      email: 'BEN.OTT@example.com',
      language: 'de',
    })
    for (const [input, code, field] of [
      [{ firstName: '  ' }, 'validation', 'firstName'],
      [{ lastName: '' }, 'validation', 'lastName'],
      [{ email: 'ben@' }, 'validation', 'email'],
      [{ email: 'Anna.Schmidt@example.com' }, 'conflict', 'email'],
    ] as const) {
      const error = expectError(
        change(plan, (draft) => updateUser(draft, asBen, { id: ben.id, ...input })).result,
      )
      expect(error).toMatchObject({ code, field })
    }
  })

  it('lets an admin change anyone, a non-admin only itself', () => {
    const { plan, anna, ben, asAnna, asBen } = fixture()
    expect(
      change(plan, (draft) => updateUser(draft, asAnna, { id: ben.id, lastName: 'Otto' })).result.ok,
    ).toBe(true)
    const refused = expectError(
      change(plan, (draft) => updateUser(draft, asBen, { id: anna.id, lastName: 'X' })).result,
    )
    expect(refused.code).toBe('forbidden')
    expect(refused.message).toBe(
      'You may change only your own settings, devices and routing. You are acting as Ben Ott.',
    )
  })
})

describe('setPasswordHash', () => {
  it('stores and removes a hash; refuses when the hash changed since it was checked', () => {
    const { plan, ben, asBen } = fixture()
    const set = change(plan, (draft) =>
      setPasswordHash(draft, asBen, { id: ben.id, hash: HASH, previousHash: null, currentVerified: false }),
    )
    expect(expectOk(set.result)).toEqual({ hasPassword: true })
    expect(set.plan.users[1]?.passwordHash).toBe(HASH)
    const raced = change(set.plan, (draft) =>
      setPasswordHash(draft, asBen, { id: ben.id, hash: null, previousHash: null, currentVerified: true }),
    )
    expect(expectError(raced.result)).toMatchObject({ code: 'conflict' })
    const benWithPassword = { user: set.plan.users[1]!, language: 'en' as const }
    const unverified = change(set.plan, (draft) =>
      setPasswordHash(draft, benWithPassword, {
        id: ben.id,
        hash: null,
        previousHash: HASH,
        currentVerified: false,
      }),
    )
    expect(expectError(unverified.result)).toMatchObject({ code: 'forbidden', field: 'currentPassword' })
    const removed = change(set.plan, (draft) =>
      setPasswordHash(draft, benWithPassword, {
        id: ben.id,
        hash: null,
        previousHash: HASH,
        currentVerified: true,
      }),
    )
    expect(expectOk(removed.result)).toEqual({ hasPassword: false })
  })

  it('lets an admin set anyone’s password without the current one, a non-admin never another’s', () => {
    const { plan, anna, ben, asAnna, asBen } = fixture()
    const withHash = change(plan, (draft) =>
      setPasswordHash(draft, asAnna, { id: ben.id, hash: HASH, previousHash: null, currentVerified: false }),
    ).plan
    expect(
      change(withHash, (draft) =>
        setPasswordHash(draft, asAnna, {
          id: ben.id,
          hash: null,
          previousHash: HASH,
          currentVerified: false,
        }),
      ).result.ok,
    ).toBe(true)
    expect(
      expectError(
        change(plan, (draft) =>
          setPasswordHash(draft, asBen, {
            id: anna.id,
            hash: HASH,
            previousHash: null,
            currentVerified: false,
          }),
        ).result,
      ).code,
    ).toBe('forbidden')
  })
})

describe('setAdmin', () => {
  it('is admin only', () => {
    const { plan, ben, asBen } = fixture()
    expect(
      expectError(change(plan, (draft) => setAdmin(draft, asBen, { id: ben.id, admin: true })).result).code,
    ).toBe('forbidden')
  })

  it('refuses to take admin rights from the last admin, naming the rule', () => {
    const { plan, anna, asAnna } = fixture()
    const error = expectError(
      change(plan, (draft) => setAdmin(draft, asAnna, { id: anna.id, admin: false })).result,
    )
    expect(error.code).toBe('conflict')
    expect(error.message).toBe(
      'Anna Schmidt is the last admin: admin rights cannot be removed. Make another user an admin first: at least one admin always remains.',
    )
  })

  it('lets an admin give up its own admin flag while another admin remains', () => {
    const { plan, anna, ben, asAnna } = fixture()
    const promoted = change(plan, (draft) => setAdmin(draft, asAnna, { id: ben.id, admin: true }))
    expect(expectOk(promoted.result).admin).toBe(true)
    const stepped = change(promoted.plan, (draft) => setAdmin(draft, asAnna, { id: anna.id, admin: false }))
    expect(expectOk(stepped.result).admin).toBe(false)
    expect(stepped.plan.users.filter((user) => user.admin).map((user) => user.id)).toEqual([ben.id])
  })
})

describe('setLocation', () => {
  const withLocation = (plan: Plan): Plan => ({
    ...plan,
    locations: [
      {
        id: 'loc-1',
        name: 'HQ',
        street: 'Königsallee',
        houseNumber: '1',
        postcode: '40212',
        city: 'Düsseldorf',
        country: 'DE',
      },
    ],
  })

  it('assigns an existing location or none; an unknown one is not_found on locationId', () => {
    const { plan, ben, asBen } = fixture()
    const located = withLocation(plan)
    const set = change(located, (draft) => setLocation(draft, asBen, { id: ben.id, locationId: 'loc-1' }))
    expect(expectOk(set.result).locationId).toBe('loc-1')
    const cleared = change(set.plan, (draft) => setLocation(draft, asBen, { id: ben.id, locationId: null }))
    expect(expectOk(cleared.result).locationId).toBeNull()
    const unknown = expectError(
      change(located, (draft) => setLocation(draft, asBen, { id: ben.id, locationId: 'nope' })).result,
    )
    expect(unknown).toMatchObject({ code: 'not_found', field: 'locationId' })
  })

  it('is self or admin', () => {
    const { plan, anna, ben, asAnna, asBen } = fixture()
    const located = withLocation(plan)
    expect(
      change(located, (draft) => setLocation(draft, asAnna, { id: ben.id, locationId: 'loc-1' })).result.ok,
    ).toBe(true)
    expect(
      expectError(
        change(located, (draft) => setLocation(draft, asBen, { id: anna.id, locationId: 'loc-1' })).result,
      ).code,
    ).toBe('forbidden')
  })
})

/** Ben with fax permission, a second number, a voip phone and two fax lines with a number and extension each. */
function richPlan(): Fixture {
  const base = fixture()
  const plan = base.plan
  const ben = plan.users[1]!
  ben.permissions.fax = true
  plan.numbers[2]!.assignedTo = userTarget(ben.id)
  plan.devices.push({
    id: 'voip-1',
    userId: ben.id,
    type: 'voip',
    name: 'Desk',
    model: null,
    mac: '00:11:22:33:44:55',
    active: true,
  })
  plan.faxLines.push(
    { id: 'fax-1', userId: ben.id, alias: 'Office fax', send: true, receive: true },
    { id: 'fax-2', userId: ben.id, alias: 'Orders', send: false, receive: true },
  )
  plan.numbers[5]!.assignedTo = { kind: 'fax', id: 'fax-1' }
  plan.numbers[4]!.assignedTo = { kind: 'fax', id: 'fax-2' }
  plan.extensions.push(
    { extension: '50', owner: { kind: 'fax', id: 'fax-1' } },
    { extension: '12', owner: userTarget(ben.id) },
  )
  expect(planInvariantProblem(plan)).toBeNull()
  return { ...base, ben, asBen: { user: ben, language: 'en' } }
}

const numbersOf = (impact: Impact): string[] => impact.releasedNumbers.map((number) => number.number)

describe('permissions with impact', () => {
  it('reports that taking telephony away removes the app (only the app)', () => {
    const { plan, ben, asAnna } = richPlan()
    const impact = expectOk(permissionImpact(plan, asAnna, { id: ben.id, telephony: false, fax: true }))
    expect(impact.removedDevices.map((device) => device.type)).toEqual(['app'])
    expect(impact).toMatchObject({ releasedNumbers: [], removedExtensions: [], removedFaxLines: [] })
  })

  it('reports that taking fax away removes the fax lines, releases their numbers and removes their extensions', () => {
    const { plan, ben, asAnna } = richPlan()
    const impact = expectOk(permissionImpact(plan, asAnna, { id: ben.id, telephony: true, fax: false }))
    expect(impact.removedFaxLines.map((line) => line.id)).toEqual(['fax-1', 'fax-2'])
    expect(numbersOf(impact)).toEqual(['+4921155584', '+4921155585'])
    expect(impact.releasedNumbers[1]?.assignedTo).toMatchObject({
      kind: 'fax',
      id: 'fax-1',
      name: 'Office fax',
    })
    expect(impact.removedExtensions).toEqual(['50'])
    expect(impact.removedDevices).toEqual([])
  })

  it('an unchanged permission has no impact and needs no confirmation', () => {
    const { plan, ben, asAnna } = richPlan()
    const impact = expectOk(permissionImpact(plan, asAnna, { id: ben.id, telephony: true, fax: true }))
    expect(impact).toEqual({
      releasedNumbers: [],
      removedExtensions: [],
      removedDevices: [],
      removedFaxLines: [],
    })
    expect(
      change(plan, (draft) =>
        setPermissions(draft, asAnna, { id: ben.id, telephony: true, fax: true, confirm: false }),
      ).result.ok,
    ).toBe(true)
  })

  it('refuses an impactful change without confirm, stating the impact', () => {
    const { plan, ben, asAnna } = richPlan()
    const error = expectError(
      change(plan, (draft) =>
        setPermissions(draft, asAnna, { id: ben.id, telephony: false, fax: false, confirm: false }),
      ).result,
    )
    expect(error.code).toBe('conflict')
    expect(error.message).toBe(
      'Changing the permissions of Ben Ott removes the devices “Softphone app”, the fax lines “Office fax” and “Orders”, the numbers +49 211 55584 and +49 211 55585 (they go back to the pool) and the extensions 50. Confirm to go ahead; nothing was changed yet.',
    )
  })

  it('with confirm, applies exactly the impact it reported', () => {
    const { plan, ben, asAnna } = richPlan()
    const impact = expectOk(permissionImpact(plan, asAnna, { id: ben.id, telephony: false, fax: false }))
    const { result, plan: after } = change(plan, (draft) =>
      setPermissions(draft, asAnna, { id: ben.id, telephony: false, fax: false, confirm: true }),
    )
    expect(expectOk(result).permissions).toEqual({ telephony: false, fax: false })
    expectApplied(plan, after, impact)
    // The voip phone and Ben's own numbers and extensions stay.
    expect(after.devices.find((device) => device.id === 'voip-1')).toBeDefined()
    expect(after.numbers[1]?.assignedTo).toEqual(userTarget(ben.id))
    expect(after.extensions).toContainEqual({ extension: '12', owner: userTarget(ben.id) })
  })

  it('granting telephony creates the app once, never twice', () => {
    const { plan, ben, asAnna } = fixture()
    const off = change(plan, (draft) =>
      setPermissions(draft, asAnna, { id: ben.id, telephony: false, fax: false, confirm: true }),
    ).plan
    expect(off.devices.filter((device) => device.userId === ben.id)).toEqual([])
    const on = change(off, (draft) =>
      setPermissions(draft, asAnna, { id: ben.id, telephony: true, fax: false, confirm: false }),
    ).plan
    const again = change(on, (draft) =>
      setPermissions(draft, asAnna, { id: ben.id, telephony: true, fax: true, confirm: false }),
    ).plan
    expect(again.devices.filter((device) => device.userId === ben.id && device.type === 'app')).toHaveLength(
      1,
    )
  })

  it('is admin only, for the impact as for the change', () => {
    const { plan, ben, asBen } = richPlan()
    expect(expectError(permissionImpact(plan, asBen, { id: ben.id, telephony: true, fax: false })).code).toBe(
      'forbidden',
    )
    expect(
      expectError(
        change(plan, (draft) =>
          setPermissions(draft, asBen, { id: ben.id, telephony: true, fax: false, confirm: true }),
        ).result,
      ).code,
    ).toBe('forbidden')
  })
})

/** `after` differs from `before` by exactly the impact: released numbers free, the rest gone, nothing else. */
function expectApplied(before: Plan, after: Plan, impact: Impact): void {
  const released = new Set(numbersOf(impact))
  expect(after.numbers.map((entry) => entry.number)).toEqual(before.numbers.map((entry) => entry.number))
  for (const [position, entry] of after.numbers.entries()) {
    const previous = before.numbers[position]!
    if (released.has(entry.number)) {
      expect(previous.assignedTo).not.toBeNull()
      expect(entry.assignedTo).toBeNull()
    } else {
      expect(entry.assignedTo).toEqual(previous.assignedTo)
    }
  }
  const goneExtensions = new Set(impact.removedExtensions)
  expect(after.extensions).toEqual(before.extensions.filter((entry) => !goneExtensions.has(entry.extension)))
  const goneDevices = new Set(impact.removedDevices.map((device) => device.id))
  expect(after.devices).toEqual(before.devices.filter((device) => !goneDevices.has(device.id)))
  const goneLines = new Set(impact.removedFaxLines.map((line) => line.id))
  expect(after.faxLines).toEqual(before.faxLines.filter((line) => !goneLines.has(line.id)))
}

describe('deleting a user with impact', () => {
  it('reports the numbers, devices, fax lines and extensions that go', () => {
    const { plan, ben, asAnna } = richPlan()
    const impact = expectOk(deletionImpact(plan, asAnna, ben.id))
    expect(numbersOf(impact)).toEqual(['+4921155581', '+4921155582', '+4921155584', '+4921155585'])
    expect(impact.removedExtensions).toEqual(['11', '12', '50'])
    expect(impact.removedDevices.map((device) => device.type)).toEqual(['app', 'voip'])
    expect(impact.removedFaxLines.map((line) => line.alias)).toEqual(['Office fax', 'Orders'])
  })

  it('removes and releases exactly what deletionImpact reported (numbers stay in the pool)', () => {
    const { plan, ben, asAnna } = richPlan()
    const impact = expectOk(deletionImpact(plan, asAnna, ben.id))
    const { result, plan: after } = change(plan, (draft) => deleteUser(draft, asAnna, ben.id))
    expect(expectOk(result)).toEqual({ id: ben.id })
    expectApplied(plan, after, impact)
    expect(after.users.map((user) => user.id)).toEqual([plan.users[0]!.id])
  })

  it('agrees with the effect for every user of a generated plan', () => {
    const plan = generatePlan(80, { seed: 11 })
    const admin = plan.users.find((user) => user.admin)!
    const actor: Actor = { user: admin, language: 'en' }
    let checked = 0
    for (const user of plan.users) {
      if (user.id === admin.id) continue
      const impact = deletionImpact(plan, actor, user.id)
      const { result, plan: after } = change(plan, (draft) => deleteUser(draft, actor, user.id))
      if (!result.ok) continue
      expectApplied(plan, after, expectOk(impact))
      checked += 1
    }
    expect(checked).toBeGreaterThan(70)
  })

  it('holdings read through the index equal holdings scanned from a draft', () => {
    const plan = generatePlan(300, { seed: 5 })
    for (const user of plan.users)
      expect(holdingsFromIndex(plan, user.id)).toEqual(holdingsFromDraft(plan, user.id))
    expect(holdingsFromIndex(plan, 'nobody')).toBeNull()
  })

  it('is admin only, and the impact of an unknown user is not_found', () => {
    const { plan, anna, ben, asAnna, asBen } = richPlan()
    expect(expectError(deletionImpact(plan, asBen, anna.id)).code).toBe('forbidden')
    expect(expectError(deletionImpact(plan, asBen, ben.id)).code).toBe('forbidden')
    expect(expectError(deletionImpact(plan, asAnna, 'nobody')).code).toBe('not_found')
  })
})

describe('userDetail', () => {
  it('shows the user, whether it has a password, its location, routing and fax lines — never the hash', () => {
    const { plan, ben, asAnna } = richPlan()
    ben.passwordHash = HASH
    const detail = expectOk(userDetail(plan, asAnna, ben.id))
    expect(detail.user.id).toBe(ben.id)
    expect(detail.hasPassword).toBe(true)
    expect(detail.location).toBeNull()
    expect(detail.routing.numbers.map((number) => number.number)).toEqual(['+4921155581', '+4921155582'])
    expect(detail.routing.extensions).toEqual(['11', '12'])
    expect(detail.faxLines.map((line) => [line.alias, line.number?.number, line.extensions])).toEqual([
      ['Office fax', '+4921155585', ['50']],
      ['Orders', '+4921155584', []],
    ])
    expect(JSON.stringify(detail)).not.toContain('scrypt')
  })

  it('a non-admin sees only itself', () => {
    const { plan, anna, ben, asBen } = richPlan()
    expect(expectOk(userDetail(plan, asBen, ben.id)).hasPassword).toBe(false)
    const refused = expectError(userDetail(plan, asBen, anna.id))
    expect(refused.code).toBe('forbidden')
    expect(refused.message).toBe('You may see only your own details. You are acting as Ben Ott.')
  })
})
