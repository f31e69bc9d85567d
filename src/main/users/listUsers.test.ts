import { beforeEach, describe, expect, it } from 'vitest'
import { userSortKeys } from '../../shared/domain'
import type { User, UserPage, UserSortKey } from '../../shared/domain'
import { createBackend } from '../backend'
import type { Backend } from '../backend'
import { CURRENT_SCHEMA_VERSION } from '../store/planFile'
import type { Plan, StoredUser } from '../store/planFile'
import { generatePlan, writePlanFile } from '../testing/generatePlan'
import { expectData, tempPlanFile } from '../testing/planFixture'

async function backendFor(plan: Plan): Promise<Backend> {
  const file = await tempPlanFile()
  await writePlanFile(file, plan)
  return createBackend(file, 'en')
}

const person = (
  id: string,
  firstName: string,
  lastName: string,
  email: string,
  flags: { admin?: boolean; telephony?: boolean; fax?: boolean } = {},
): StoredUser => ({
  id,
  firstName,
  lastName,
  email,
  language: 'de',
  admin: flags.admin ?? false,
  permissions: { telephony: flags.telephony ?? false, fax: flags.fax ?? false },
  locationId: null,
  passwordHash: null,
  voicemail: { enabled: false, timeoutSeconds: 30 },
})

/** Schema v2: every user with telephony has its app. */
const withApps = (users: StoredUser[]): Plan['devices'] =>
  users
    .filter((user) => user.permissions.telephony)
    .map((user) => ({
      id: `app-${user.id}`,
      userId: user.id,
      type: 'app',
      name: 'Softphone app',
      active: true,
    }))

const smallPlan = (): Plan => {
  const users = [
    person('u1', 'Anna', 'Schmidt', 'anna.schmidt@example.com', { admin: true, telephony: true }),
    person('u2', 'Johann', 'Özdemir', 'johann.oezdemir@firma.de', { telephony: true, fax: true }),
    person('u3', 'Hannah', 'Peters', 'h.peters@example.com'),
    person('u4', 'Ben', 'Ott', 'ben.ott@example.com', { telephony: true }),
    person('u5', 'Zoë', 'Adler', 'zoe@adler.de', { admin: true }),
    person('u6', 'Max', 'Müller', 'max.mueller@example.com', { telephony: true }),
    person('u7', 'Greta', 'Müller', 'greta@example.com', { fax: true }),
  ]
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    account: { name: 'Test GmbH', country: 'DE', currency: 'EUR', extraDevicePrice: 4.95 },
    users,
    numbers: [],
    extensions: [],
    devices: withApps(users),
    faxLines: [],
    locations: [],
    history: [],
  }
}

const names = (page: UserPage): string[] => page.items.map((user) => `${user.firstName} ${user.lastName}`)

/** An independent reading of the documented orders, used to check big generated plans. */
const reference = {
  collate: (a: string, b: string) => a.localeCompare(b, 'de', { sensitivity: 'base', numeric: true }),
  name(a: User, b: User): number {
    return (
      reference.collate(a.lastName, b.lastName) ||
      reference.collate(a.firstName, b.firstName) ||
      reference.collate(a.email, b.email)
    )
  },
  compare(key: UserSortKey, a: User, b: User): number {
    if (key === 'name') return reference.name(a, b)
    if (key === 'email') return reference.collate(a.email, b.email) || reference.name(a, b)
    const flag = (user: User) => (key === 'admin' ? user.admin : user.permissions[key])
    return Number(flag(b)) - Number(flag(a)) || reference.name(a, b)
  },
  matches(search: string, user: StoredUser): boolean {
    const text = `${user.firstName} ${user.lastName} ${user.email}`.toLowerCase()
    return search
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean)
      .every((token) => text.includes(token))
  },
}

describe('users:list search', () => {
  let backend: Backend
  beforeEach(async () => {
    backend = await backendFor(smallPlan())
  })
  const search = async (text: string) =>
    expectData<UserPage>(await backend.call('users:list', { search: text }))

  it('finds by first name, last name or email, ignoring case', async () => {
    expect(names(await search('ann'))).toEqual(['Johann Özdemir', 'Hannah Peters', 'Anna Schmidt'])
    expect(names(await search('ANNA'))).toEqual(['Hannah Peters', 'Anna Schmidt'])
    expect(names(await search('müller'))).toEqual(['Greta Müller', 'Max Müller'])
    expect(names(await search('MÜLLER'))).toEqual(['Greta Müller', 'Max Müller'])
    expect(names(await search('mueller'))).toEqual(['Max Müller'])
    expect(names(await search('@ADLER.de'))).toEqual(['Zoë Adler'])
    expect(names(await search('  ott  '))).toEqual(['Ben Ott'])
  })

  it('requires every word of a multi-word search, in any order', async () => {
    expect(names(await search('greta müller'))).toEqual(['Greta Müller'])
    expect(names(await search('müller   greta'))).toEqual(['Greta Müller'])
    expect(names(await search('example.com schmidt'))).toEqual(['Anna Schmidt'])
    expect(names(await search('anna adler'))).toEqual([])
  })

  it('reports the number of matches and of users in the plan', async () => {
    const none = await search('xyz')
    expect(none).toEqual({ total: 0, planTotal: 7, offset: 0, items: [] })
    const some = await search('example.com')
    expect(some.total).toBe(5)
    expect(some.planTotal).toBe(7)
  })

  it('gives the right users at every keystroke while typing and deleting', async () => {
    const typed = [
      'a',
      'an',
      'ann',
      'anna',
      'anna ',
      'anna s',
      'anna sc',
      'anna s',
      'anna',
      'an',
      'h',
      'ha',
      'ja',
    ]
    for (const sort of ['name', 'email'] as const) {
      for (const text of typed) {
        const page = expectData<UserPage>(await backend.call('users:list', { search: text, sort }))
        const expected = backend.store.plan.users.filter((user) => reference.matches(text, user))
        expect(page.items.map((user) => user.id).sort(), `"${text}" sorted by ${sort}`).toEqual(
          expected.map((user) => user.id).sort(),
        )
        expect(page.total).toBe(expected.length)
      }
    }
  })
})

describe('users:list sorting', () => {
  it('sorts by each key ascending and exactly reversed descending (German collation)', async () => {
    const backend = await backendFor(smallPlan())
    const expected: Record<UserSortKey, string[]> = {
      // Ö sorts with O, as in a German phone book: Ott, Özdemir, Peters.
      name: [
        'Zoë Adler',
        'Greta Müller',
        'Max Müller',
        'Ben Ott',
        'Johann Özdemir',
        'Hannah Peters',
        'Anna Schmidt',
      ],
      email: [
        'Anna Schmidt',
        'Ben Ott',
        'Greta Müller',
        'Hannah Peters',
        'Johann Özdemir',
        'Max Müller',
        'Zoë Adler',
      ],
      admin: [
        'Zoë Adler',
        'Anna Schmidt',
        'Greta Müller',
        'Max Müller',
        'Ben Ott',
        'Johann Özdemir',
        'Hannah Peters',
      ],
      telephony: [
        'Max Müller',
        'Ben Ott',
        'Johann Özdemir',
        'Anna Schmidt',
        'Zoë Adler',
        'Greta Müller',
        'Hannah Peters',
      ],
      fax: [
        'Greta Müller',
        'Johann Özdemir',
        'Zoë Adler',
        'Max Müller',
        'Ben Ott',
        'Hannah Peters',
        'Anna Schmidt',
      ],
    }
    for (const sort of userSortKeys) {
      const ascending = expectData<UserPage>(await backend.call('users:list', { sort }))
      expect(names(ascending), sort).toEqual(expected[sort])
      const descending = expectData<UserPage>(await backend.call('users:list', { sort, descending: true }))
      expect(names(descending), `${sort} descending`).toEqual([...expected[sort]].reverse())
    }
  })

  it('keeps every order correct on a large generated plan, with two plans open and after changes', async () => {
    const big = await backendFor(generatePlan(600, { seed: 7, adminEvery: 9 }))
    const small = await backendFor(smallPlan())
    const checkOrders = async (backend: Backend, label: string) => {
      for (const sort of userSortKeys) {
        const page = expectData<UserPage>(await backend.call('users:list', { sort, limit: 500 }))
        const rest = expectData<UserPage>(await backend.call('users:list', { sort, offset: 500, limit: 500 }))
        const all = [...page.items, ...rest.items]
        expect(all).toHaveLength(backend.store.plan.users.length)
        for (let i = 1; i < all.length; i += 1) {
          expect(
            reference.compare(sort, all[i - 1]!, all[i]!),
            `${label}: ${sort} at ${i}`,
          ).toBeLessThanOrEqual(0)
        }
      }
    }
    for (const backend of [big, small, big]) await checkOrders(backend, 'opened')
    // Changes reuse the previous order as a head start; the result must still be fully sorted.
    for (const [i, lastName] of ['Aab', 'Zzz', 'Müller', 'Özdemir'].entries()) {
      expectData(
        await big.call('users:create', {
          firstName: 'Neu',
          lastName,
          email: `neu.${i}@example.org`,
          language: 'de',
          admin: i % 2 === 0,
          permissions: { telephony: i % 2 === 1, fax: i === 2 },
        }),
      )
      const victim = big.store.plan.users.find((user) => !user.admin && user.lastName !== lastName)
      expectData(await big.call('users:delete', { id: victim?.id ?? '' }))
      await checkOrders(big, `after change ${i}`)
      await checkOrders(small, `other plan after change ${i}`)
    }
  })
})

describe('users:list paging', () => {
  it('pages through all users with offset and limit, in both directions', async () => {
    const backend = await backendFor(generatePlan(137, { seed: 3 }))
    const everyone = expectData<UserPage>(await backend.call('users:list', { limit: 500 }))
    expect(everyone.total).toBe(137)
    for (const descending of [false, true]) {
      const pages: User[] = []
      for (let offset = 0; offset < 137; offset += 20) {
        const page = expectData<UserPage>(await backend.call('users:list', { offset, limit: 20, descending }))
        expect(page).toMatchObject({ total: 137, planTotal: 137, offset })
        expect(page.items.length).toBe(Math.min(20, 137 - offset))
        pages.push(...page.items)
      }
      expect(pages).toEqual(descending ? [...everyone.items].reverse() : everyone.items)
    }
    const beyond = expectData<UserPage>(await backend.call('users:list', { offset: 1000 }))
    expect(beyond).toEqual({ total: 137, planTotal: 137, offset: 1000, items: [] })
  })

  it('pages through search results: total counts matches, planTotal all users', async () => {
    const backend = await backendFor(generatePlan(300, { seed: 5 }))
    const matching = backend.store.plan.users.filter((user) => reference.matches('müller', user))
    expect(matching.length).toBeGreaterThan(5)
    const seen: string[] = []
    for (let offset = 0; offset < matching.length; offset += 4) {
      const page = expectData<UserPage>(
        await backend.call('users:list', { search: 'müller', offset, limit: 4 }),
      )
      expect(page.total).toBe(matching.length)
      expect(page.planTotal).toBe(300)
      seen.push(...page.items.map((user) => user.id))
    }
    expect(seen.sort()).toEqual(matching.map((user) => user.id).sort())
  })
})

describe('users:list after a change', () => {
  it('shows a created user in sorted order and in searches, and forgets a deleted one', async () => {
    const backend = await backendFor(smallPlan())
    for (const sort of userSortKeys) expectData(await backend.call('users:list', { sort }))
    expectData(await backend.call('users:list', { search: 'aa' }))
    const created = expectData<User>(
      await backend.call('users:create', {
        firstName: 'Aaron',
        lastName: 'Aab',
        email: 'aaron@aab.de',
        language: 'de',
        admin: false,
        permissions: { telephony: true, fax: true },
      }),
    )
    const byName = expectData<UserPage>(await backend.call('users:list', {}))
    expect(names(byName)[0]).toBe('Aaron Aab')
    expect(byName.planTotal).toBe(8)
    const byEmail = expectData<UserPage>(await backend.call('users:list', { sort: 'email' }))
    expect(names(byEmail)[0]).toBe('Aaron Aab')
    const byFax = expectData<UserPage>(await backend.call('users:list', { sort: 'fax' }))
    expect(names(byFax).slice(0, 3)).toEqual(['Aaron Aab', 'Greta Müller', 'Johann Özdemir'])
    expect(names(expectData<UserPage>(await backend.call('users:list', { search: 'aab' })))).toEqual([
      'Aaron Aab',
    ])

    expectData(await backend.call('users:delete', { id: created.id }))
    expect(names(expectData<UserPage>(await backend.call('users:list', {})))).not.toContain('Aaron Aab')
    expect(expectData<UserPage>(await backend.call('users:list', { search: 'aab' })).total).toBe(0)
  })
})

describe('users:list filters and rows', () => {
  /** The small plan plus numbers, an extension, a location and an inactive device. */
  const furnishedPlan = (): Plan => {
    const plan = smallPlan()
    plan.locations = [
      {
        id: 'loc1',
        name: 'Düsseldorf office',
        street: 'Königsallee',
        houseNumber: '1',
        postcode: '40212',
        city: 'Düsseldorf',
        country: 'DE',
      },
    ]
    plan.users = plan.users.map((user) =>
      user.id === 'u1' || user.id === 'u5' ? { ...user, locationId: 'loc1' } : user,
    )
    plan.numbers = [
      { number: '+4921155580', assignedTo: { kind: 'user', id: 'u1' } },
      { number: '+4921155581', assignedTo: { kind: 'user', id: 'u4' } },
      { number: '+4921155582', assignedTo: { kind: 'user', id: 'u6' } },
      { number: '+4921155583', assignedTo: null },
    ]
    plan.extensions = [{ extension: '10', owner: { kind: 'user', id: 'u1' } }]
    // Max Müller's only device is switched off: his routing is incomplete.
    plan.devices = plan.devices.map((device) =>
      device.userId === 'u6' ? { ...device, active: false } : device,
    )
    return plan
  }
  let backend: Backend
  beforeEach(async () => {
    backend = await backendFor(furnishedPlan())
  })
  const list = async (input: object) => expectData<UserPage>(await backend.call('users:list', input))

  it('shows numbers, extensions, devices, location and routing state per row', async () => {
    const page = await list({})
    const anna = page.items.find((user) => user.id === 'u1')!
    expect(anna.numbers).toEqual([
      { number: '+4921155580', national: '0211 55580', international: '+49 211 55580' },
    ])
    expect(anna.extensions).toEqual(['10'])
    expect(anna.deviceCount).toBe(1)
    expect(anna.activeDeviceCount).toBe(1)
    expect(anna.locationName).toBe('Düsseldorf office')
    expect(anna.routingComplete).toBe(true)
    expect(anna.missing).toEqual([])
    const max = page.items.find((user) => user.id === 'u6')!
    expect(max.routingComplete).toBe(false)
    expect(max.missing).toEqual(['activeDevice'])
    const hannah = page.items.find((user) => user.id === 'u3')!
    expect(hannah.missing).toEqual(['telephony', 'number', 'activeDevice'])
    expect(hannah.locationName).toBeNull()
    // Never any password material in a row.
    expect(Object.keys(anna)).not.toContain('passwordHash')
  })

  it('filters admins, users without location and incomplete routing, combined', async () => {
    expect(names(await list({ filters: ['admins'] }))).toEqual(['Zoë Adler', 'Anna Schmidt'])
    expect(names(await list({ filters: ['withoutLocation'] }))).toEqual([
      'Greta Müller',
      'Max Müller',
      'Ben Ott',
      'Johann Özdemir',
      'Hannah Peters',
    ])
    expect(names(await list({ filters: ['routingIncomplete'] }))).toEqual([
      'Zoë Adler',
      'Greta Müller',
      'Max Müller',
      'Johann Özdemir',
      'Hannah Peters',
    ])
    expect(names(await list({ filters: ['routingIncomplete', 'withoutLocation'] }))).toEqual([
      'Greta Müller',
      'Max Müller',
      'Johann Özdemir',
      'Hannah Peters',
    ])
    expect(names(await list({ filters: ['admins', 'routingIncomplete'] }))).toEqual(['Zoë Adler'])
    const filtered = await list({ filters: ['admins', 'withoutLocation'] })
    expect(filtered).toMatchObject({ total: 0, planTotal: 7, items: [] })
  })

  it('combines filters with search, sort direction and paging', async () => {
    const page = await list({ filters: ['routingIncomplete'], search: 'müller', descending: true })
    expect(names(page)).toEqual(['Max Müller', 'Greta Müller'])
    const second = await list({ filters: ['routingIncomplete'], offset: 2, limit: 2 })
    expect(second.total).toBe(5)
    expect(names(second)).toEqual(['Max Müller', 'Johann Özdemir'])
  })

  it('follows changes: a number and an active device complete a user', async () => {
    expect(names(await list({ filters: ['routingIncomplete'] }))).toContain('Max Müller')
    const max = backend.store.plan.devices.find((device) => device.userId === 'u6')!
    expectData(await backend.call('devices:setActive', { id: max.id, active: true }))
    expect(names(await list({ filters: ['routingIncomplete'] }))).not.toContain('Max Müller')
    expectData(await backend.call('users:setLocation', { id: 'u6', locationId: 'loc1' }))
    expect(names(await list({ filters: ['withoutLocation'] }))).not.toContain('Max Müller')
  })

  it('refuses unknown or repeated-beyond-limit filters with a field error', async () => {
    const unknown = await backend.call('users:list', { filters: ['nobody'] })
    expect(unknown).toMatchObject({ ok: false, error: { code: 'validation', field: 'filters.0' } })
    const tooMany = await backend.call('users:list', { filters: ['admins', 'admins', 'admins', 'admins'] })
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'validation' } })
  })
})
