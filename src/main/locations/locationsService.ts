import { getCountries } from 'libphonenumber-js/max'
import type { ParsedInput } from '../../shared/contract'
import type { Language, Location, LocationUsage, LocationView } from '../../shared/domain'
import { LIMITS_MODEL } from '../../shared/domain'
import { fail, ok } from '../../shared/result'
import type { Result } from '../../shared/result'
import { fieldLabel } from '../messages'
import { planIndex } from '../planIndex'
import { fullName, requireAdmin } from '../rights'
import type { Actor } from '../rights'
import { newId } from '../store/planFile'
import type { Plan, StoredUser } from '../store/planFile'
import { t } from './locationsMessages'

/** The users a usage answer lists (the confirmation shows who uses a location). */
export const USAGE_USERS = 50
/** The names a refused delete spells out before "and N more". */
const NAMES_IN_MESSAGE = 3

const collator = new Intl.Collator('de', { sensitivity: 'base', numeric: true })

const compareUsers = (a: StoredUser, b: StoredUser): number =>
  collator.compare(a.lastName, b.lastName) ||
  collator.compare(a.firstName, b.firstName) ||
  collator.compare(a.email, b.email)

const knownCountries = new Set<string>(getCountries())

/** ISO 3166 alpha-2 as upper case, when it is a country libphonenumber-js knows; else null. */
export function normalizeCountry(typed: string): string | null {
  const code = typed.trim().toUpperCase()
  return /^[A-Z]{2}$/.test(code) && knownCountries.has(code) ? code : null
}

type LocationFields = Omit<Location, 'id'>
const refuse = (message: string, field: string) => fail('validation', message, field)

const limits: Record<keyof LocationFields, number> = {
  name: LIMITS_MODEL.label,
  street: LIMITS_MODEL.street,
  houseNumber: LIMITS_MODEL.postcode,
  postcode: LIMITS_MODEL.postcode,
  city: LIMITS_MODEL.label,
  country: 2,
}

/**
 * DOMAIN.md: postcode, city and country are required; name is required too (a location without a
 * name cannot be picked). Street and house number may be empty. Every error names its field.
 */
export function checkLocation(language: Language, input: LocationFields): Result<LocationFields> {
  const trimmed: LocationFields = {
    name: input.name.trim(),
    street: input.street.trim(),
    houseNumber: input.houseNumber.trim(),
    postcode: input.postcode.trim(),
    city: input.city.trim(),
    country: input.country.trim().toUpperCase(),
  }
  for (const field of ['name', 'street', 'houseNumber', 'postcode', 'city', 'country'] as const) {
    const value = trimmed[field]
    const label = fieldLabel(language, field)
    if (value === '' && field !== 'street' && field !== 'houseNumber') {
      return refuse(t(language, 'location.required', { field: label }), field)
    }
    if (value.length > limits[field] && field !== 'country') {
      return refuse(t(language, 'location.tooLong', { field: label, max: limits[field] }), field)
    }
  }
  const country = normalizeCountry(trimmed.country)
  if (country === null) return refuse(t(language, 'location.country', { value: trimmed.country }), 'country')
  if (country === 'DE' && !/^\d{5}$/.test(trimmed.postcode)) {
    return refuse(t(language, 'location.postcodeDE', { value: trimmed.postcode }), 'postcode')
  }
  return ok({ ...trimmed, country })
}

const userCountAt = (plan: Plan, id: string): number => planIndex(plan).usersAt.get(id)?.length ?? 0

/** A location with the number of its users. `plan` is a confirmed state. */
export function toLocationView(plan: Plan, location: Location): LocationView {
  return { ...location, userCount: userCountAt(plan, location.id) }
}

/** Every location with its user count, by name (German collation). */
export function listLocations(plan: Plan): LocationView[] {
  return plan.locations
    .map((location) => toLocationView(plan, location))
    .sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.city, b.city))
}

/** Who uses a location: the count and the first users by name. `plan` is a confirmed state. */
export function locationUsage(plan: Plan, actor: Actor, id: string): Result<LocationUsage> {
  const location = plan.locations.find((candidate) => candidate.id === id)
  if (!location) return fail('not_found', t(actor.language, 'location.notFound'))
  const users = [...(planIndex(plan).usersAt.get(id) ?? [])].sort(compareUsers)
  return ok({
    location: { ...location },
    userCount: users.length,
    users: users.slice(0, USAGE_USERS).map((user) => ({ id: user.id, name: fullName(user) })),
  })
}

export function createLocation(
  draft: Plan,
  actor: Actor,
  input: ParsedInput<'locations:create'>,
): Result<Location> {
  const refused = requireAdmin(actor)
  if (refused) return refused
  const checked = checkLocation(actor.language, input)
  if (!checked.ok) return checked
  const location: Location = { id: newId(), ...checked.data }
  draft.locations.push(location)
  return ok({ ...location })
}

/** Changes the given fields; the whole location is checked again (a new country may change the postcode rule). */
export function updateLocation(
  draft: Plan,
  actor: Actor,
  input: ParsedInput<'locations:update'>,
): Result<Location> {
  const refused = requireAdmin(actor)
  if (refused) return refused
  const location = draft.locations.find((candidate) => candidate.id === input.id)
  if (!location) return fail('not_found', t(actor.language, 'location.notFound'))
  const merged: LocationFields = {
    name: input.name ?? location.name,
    street: input.street ?? location.street,
    houseNumber: input.houseNumber ?? location.houseNumber,
    postcode: input.postcode ?? location.postcode,
    city: input.city ?? location.city,
    country: input.country ?? location.country,
  }
  const checked = checkLocation(actor.language, merged)
  if (!checked.ok) return checked
  Object.assign(location, checked.data)
  return ok({ ...location })
}

/**
 * DOMAIN.md: a location in use is not deleted silently. Without `confirm` the answer is a conflict
 * that says who uses it; with it, those users lose the location and the location goes.
 */
export function deleteLocation(
  draft: Plan,
  actor: Actor,
  input: ParsedInput<'locations:delete'>,
): Result<{ id: string }> {
  const refused = requireAdmin(actor)
  if (refused) return refused
  const position = draft.locations.findIndex((candidate) => candidate.id === input.id)
  const location = draft.locations[position]
  if (!location) return fail('not_found', t(actor.language, 'location.notFound'))
  const users = draft.users.filter((user) => user.locationId === location.id)
  if (users.length > 0 && !input.confirm) {
    const first = [...users].sort(compareUsers).slice(0, NAMES_IN_MESSAGE).map(fullName).join(', ')
    const names =
      users.length > NAMES_IN_MESSAGE
        ? t(actor.language, 'location.andMore', { names: first, count: users.length - NAMES_IN_MESSAGE })
        : first
    const key = users.length === 1 ? 'location.inUse.one' : 'location.inUse.many'
    return fail('conflict', t(actor.language, key, { location: location.name, count: users.length, names }))
  }
  for (const user of users) user.locationId = null
  draft.locations.splice(position, 1)
  return ok({ id: location.id })
}
