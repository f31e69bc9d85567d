import { describe, expect, it } from 'vitest'
import type { ParsedInput } from '../../shared/contract'
import { planInvariantProblem } from '../store/planFile'
import { PlanStore } from '../store/planStore'
import { actor, contextOf, fileBytes, openTestPlan, userNamed } from '../testing/planFixture'
import { locationsHandlers } from './locationsHandlers'
import {
  USAGE_USERS,
  createLocation,
  deleteLocation,
  listLocations,
  locationUsage,
  updateLocation,
} from './locationsService'

const duesseldorf: ParsedInput<'locations:create'> = {
  name: 'Düsseldorf HQ',
  street: 'Königsallee',
  houseNumber: '1',
  postcode: '40212',
  city: 'Düsseldorf',
  country: 'DE',
}

/** Creates a location as Anna (admin) and returns its id. */
async function create(
  store: PlanStore,
  input: Partial<ParsedInput<'locations:create'>> = {},
): Promise<string> {
  const anna = userNamed(store.plan, 'Anna')
  const result = await store.update('en', (draft) =>
    createLocation(draft, actor(anna), { ...duesseldorf, ...input }),
  )
  if (!result.ok) throw new Error(result.error.message)
  return result.data.id
}

/** Adds `count` users without telephony at `locationId` (directly, as test data). */
async function addUsersAt(store: PlanStore, locationId: string, names: string[]): Promise<void> {
  const result = await store.update('en', (draft) => {
    names.forEach((name, i) => {
      draft.users.push({
        id: `at-${locationId}-${i}`,
        firstName: name,
        lastName: 'Muster',
        email: `${name.toLowerCase()}.${i}@example.com`,
        language: 'de',
        admin: false,
        permissions: { telephony: false, fax: false },
        locationId,
        passwordHash: null,
        voicemail: { enabled: false, timeoutSeconds: 30 },
      })
    })
    return { ok: true, data: null }
  })
  if (!result.ok) throw new Error(result.error.message)
}

describe('locations:create', () => {
  it('an admin creates a location: trimmed, country upper-cased, saved to the file', async () => {
    const store = await openTestPlan('switchboard-locations-')
    const anna = userNamed(store.plan, 'Anna')
    const result = await store.update('en', (draft) =>
      createLocation(draft, actor(anna), {
        ...duesseldorf,
        name: '  Düsseldorf HQ ',
        city: ' Düsseldorf',
        country: 'de',
      }),
    )
    expect(result).toMatchObject({ ok: true, data: { ...duesseldorf } })
    const reopened = await PlanStore.open(store.file)
    expect(reopened.plan.locations).toEqual([{ id: result.ok ? result.data.id : '', ...duesseldorf }])
  })

  it('the handler answers with the view (user count 0)', async () => {
    const store = await openTestPlan('switchboard-locations-')
    const result = await locationsHandlers['locations:create'](duesseldorf, contextOf(store))
    expect(result).toMatchObject({ ok: true, data: { ...duesseldorf, userCount: 0 } })
  })

  it('street and house number may be empty', async () => {
    const store = await openTestPlan('switchboard-locations-')
    const id = await create(store, { street: ' ', houseNumber: '' })
    expect(store.plan.locations.find((location) => location.id === id)).toMatchObject({
      street: '',
      houseNumber: '',
    })
  })

  it.each(['name', 'postcode', 'city', 'country'] as const)(
    '%s is required (also when only spaces)',
    async (field) => {
      const store = await openTestPlan('switchboard-locations-')
      const anna = userNamed(store.plan, 'Anna')
      const before = await fileBytes(store)
      for (const language of ['en', 'de'] as const) {
        const result = await store.update(language, (draft) =>
          createLocation(draft, actor(anna, language), { ...duesseldorf, [field]: '  ' }),
        )
        expect(result).toMatchObject({ ok: false, error: { code: 'validation', field } })
        const label = {
          en: { name: 'Name', postcode: 'Postcode', city: 'City', country: 'Country' },
          de: { name: 'Name', postcode: 'Postleitzahl', city: 'Ort', country: 'Land' },
        }[language][field]
        expect(result.ok ? '' : result.error.message).toContain(label)
      }
      expect(await fileBytes(store)).toEqual(before)
    },
  )

  it.each(['XX', 'ZZ', 'D', '1A', 'EU'])(
    'country "%s" is not a real ISO 3166 country code',
    async (country) => {
      const store = await openTestPlan('switchboard-locations-')
      const anna = userNamed(store.plan, 'Anna')
      const result = await store.update('en', (draft) =>
        createLocation(draft, actor(anna), { ...duesseldorf, country }),
      )
      expect(result).toMatchObject({ ok: false, error: { code: 'validation', field: 'country' } })
      expect(result.ok ? '' : result.error.message).toContain(country)
    },
  )

  it.each(['4021', '402123', '4021A', 'D-40212'])(
    'a German postcode needs exactly 5 digits: "%s" is refused',
    async (postcode) => {
      const store = await openTestPlan('switchboard-locations-')
      const anna = userNamed(store.plan, 'Anna')
      const result = await store.update('de', (draft) =>
        createLocation(draft, actor(anna, 'de'), { ...duesseldorf, postcode }),
      )
      expect(result).toMatchObject({ ok: false, error: { code: 'validation', field: 'postcode' } })
      expect(result.ok ? '' : result.error.message).toMatch(/Postleitzahl.*5 Ziffern/)
    },
  )

  it('other countries take any postcode of 1–20 characters', async () => {
    const store = await openTestPlan('switchboard-locations-')
    await create(store, { country: 'gb', postcode: 'SW1A 1AA', city: 'London' })
    await create(store, { country: 'AT', postcode: '1010', city: 'Wien' })
    await create(store, { country: 'CH', postcode: '8' })
    expect(store.plan.locations.map((location) => location.country)).toEqual(['GB', 'AT', 'CH'])
  })

  it('a postcode longer than 20 characters is refused for any country', async () => {
    const store = await openTestPlan('switchboard-locations-')
    const anna = userNamed(store.plan, 'Anna')
    const result = await store.update('en', (draft) =>
      createLocation(draft, actor(anna), { ...duesseldorf, country: 'GB', postcode: 'A'.repeat(21) }),
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', field: 'postcode' } })
  })

  it('Ben (not an admin) may not create a location: forbidden, and the file is unchanged', async () => {
    const store = await openTestPlan('switchboard-locations-')
    const ben = userNamed(store.plan, 'Ben')
    const before = await fileBytes(store)
    const result = await store.update('en', (draft) => createLocation(draft, actor(ben), duesseldorf))
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await fileBytes(store)).toEqual(before)
  })
})

describe('locations:update', () => {
  it('changes only the given fields and checks the whole location again', async () => {
    const store = await openTestPlan('switchboard-locations-')
    const anna = userNamed(store.plan, 'Anna')
    const id = await create(store)
    const renamed = await store.update('en', (draft) =>
      updateLocation(draft, actor(anna), { id, name: ' Office ' }),
    )
    expect(renamed).toMatchObject({ ok: true, data: { ...duesseldorf, id, name: 'Office' } })
    // Switching the country to DE checks the postcode against the German rule.
    await store.update('en', (draft) =>
      updateLocation(draft, actor(anna), { id, country: 'GB', postcode: 'SW1A 1AA' }),
    )
    const back = await store.update('en', (draft) =>
      updateLocation(draft, actor(anna), { id, country: 'de' }),
    )
    expect(back).toMatchObject({ ok: false, error: { code: 'validation', field: 'postcode' } })
    const emptied = await store.update('en', (draft) => updateLocation(draft, actor(anna), { id, city: '' }))
    expect(emptied).toMatchObject({ ok: false, error: { code: 'validation', field: 'city' } })
  })

  it('an unknown location is not_found; Ben may not update', async () => {
    const store = await openTestPlan('switchboard-locations-')
    const id = await create(store)
    const anna = userNamed(store.plan, 'Anna')
    const ben = userNamed(store.plan, 'Ben')
    expect(
      await store.update('en', (draft) => updateLocation(draft, actor(anna), { id: 'nope', name: 'x' })),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
    expect(
      await store.update('en', (draft) => updateLocation(draft, actor(ben), { id, name: 'Mine' })),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
  })

  it('the handler answers with the saved view and its user count', async () => {
    const store = await openTestPlan('switchboard-locations-')
    const id = await create(store)
    await addUsersAt(store, id, ['Carla', 'Dieter'])
    const result = await locationsHandlers['locations:update']({ id, houseNumber: '2a' }, contextOf(store))
    expect(result).toMatchObject({ ok: true, data: { id, houseNumber: '2a', userCount: 2 } })
  })
})

describe('locations:list and locations:usage', () => {
  it('lists every location with its user count, by name in German collation (everyone may read)', async () => {
    const store = await openTestPlan('switchboard-locations-')
    const zoo = await create(store, { name: 'Zoo' })
    const oel = await create(store, { name: 'Ölhafen' })
    const aachen = await create(store, { name: 'aachen' })
    await addUsersAt(store, oel, ['Carla', 'Dieter', 'Emil'])
    await addUsersAt(store, zoo, ['Frida'])
    const list = listLocations(store.plan)
    expect(list.map((location) => [location.name, location.userCount])).toEqual([
      ['aachen', 0],
      ['Ölhafen', 3],
      ['Zoo', 1],
    ])
    expect(list[0]?.id).toBe(aachen)
    const viaHandler = await locationsHandlers['locations:list']({}, contextOf(store))
    expect(viaHandler).toEqual({ ok: true, data: list })
  })

  it('usage: the count and the first 50 users by name; Ben may read it', async () => {
    const store = await openTestPlan('switchboard-locations-')
    const id = await create(store)
    const names = Array.from({ length: 60 }, (_, i) => `User${String(59 - i).padStart(2, '0')}`)
    await addUsersAt(store, id, names)
    const ben = userNamed(store.plan, 'Ben')
    const usage = locationUsage(store.plan, actor(ben), id)
    expect(usage.ok).toBe(true)
    if (!usage.ok) return
    expect(usage.data.userCount).toBe(60)
    expect(usage.data.users).toHaveLength(USAGE_USERS)
    expect(usage.data.users[0]?.name).toBe('User00 Muster')
    expect(usage.data.users.at(-1)?.name).toBe('User49 Muster')
    expect(locationUsage(store.plan, actor(ben), 'nope')).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
  })
})

describe('locations:delete', () => {
  it('an unused location is deleted without confirmation', async () => {
    const store = await openTestPlan('switchboard-locations-')
    const id = await create(store)
    const result = await locationsHandlers['locations:delete']({ id, confirm: false }, contextOf(store))
    expect(result).toEqual({ ok: true, data: { id } })
    expect(store.plan.locations).toEqual([])
  })

  it('a used location without confirm: a conflict that says who uses it, and the file bytes stay the same', async () => {
    const store = await openTestPlan('switchboard-locations-')
    const id = await create(store)
    await addUsersAt(store, id, ['Carla', 'Dieter', 'Emil', 'Frida', 'Gustav'])
    const before = await fileBytes(store)
    const result = await locationsHandlers['locations:delete']({ id, confirm: false }, contextOf(store))
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } })
    const text = result.ok ? '' : result.error.message
    expect(text).toContain('5 users')
    expect(text).toContain('Carla Muster, Dieter Muster, Emil Muster and 2 more')
    expect(text).toContain('Düsseldorf HQ')
    expect(await fileBytes(store)).toEqual(before)
    expect(store.plan.locations).toHaveLength(1)
  })

  it('the conflict names a single user in German too', async () => {
    const store = await openTestPlan('switchboard-locations-')
    const id = await create(store)
    await addUsersAt(store, id, ['Carla'])
    const anna = userNamed(store.plan, 'Anna')
    const result = await store.update('de', (draft) =>
      deleteLocation(draft, actor(anna, 'de'), { id, confirm: false }),
    )
    expect(result.ok ? '' : result.error.message).toContain('von 1 Benutzer verwendet (Carla Muster)')
  })

  it('with confirm the users are unassigned, the location is removed, and the saved plan keeps its invariants', async () => {
    const store = await openTestPlan('switchboard-locations-')
    const id = await create(store)
    const other = await create(store, { name: 'Berlin', postcode: '10115', city: 'Berlin' })
    await addUsersAt(store, id, ['Carla', 'Dieter'])
    await addUsersAt(store, other, ['Emil'])
    const result = await locationsHandlers['locations:delete']({ id, confirm: true }, contextOf(store))
    expect(result).toEqual({ ok: true, data: { id } })
    const reopened = await PlanStore.open(store.file)
    expect(reopened.plan.locations.map((location) => location.id)).toEqual([other])
    expect(reopened.plan.users.filter((user) => user.locationId === id)).toEqual([])
    expect(reopened.plan.users.find((user) => user.firstName === 'Carla')?.locationId).toBeNull()
    expect(reopened.plan.users.find((user) => user.firstName === 'Emil')?.locationId).toBe(other)
    expect(planInvariantProblem(reopened.plan)).toBeNull()
  })

  it('Ben may not delete a location, even confirmed; an unknown one is not_found', async () => {
    const store = await openTestPlan('switchboard-locations-')
    const id = await create(store)
    const ben = userNamed(store.plan, 'Ben')
    const anna = userNamed(store.plan, 'Anna')
    const before = await fileBytes(store)
    expect(
      await store.update('en', (draft) => deleteLocation(draft, actor(ben), { id, confirm: true })),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    expect(await fileBytes(store)).toEqual(before)
    expect(
      await store.update('en', (draft) => deleteLocation(draft, actor(anna), { id: 'nope', confirm: true })),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
  })
})
