import { z } from 'zod'
import { LIMITS_MODEL } from '../../shared/domain'
import type {
  Device,
  FaxLine,
  Impact,
  Language,
  Target,
  User,
  UserDetail,
  UserListFilter,
  UserPage,
  UserRow,
  UserSortKey,
} from '../../shared/domain'
import type { CreateUserInput, ParsedInput } from '../../shared/contract'
import { fail, ok } from '../../shared/result'
import type { Result } from '../../shared/result'
import { faxLineViews } from '../fax/faxView'
import { extensionRuleBroken } from '../extensions/extensionRules'
import { fieldLabel, message } from '../messages'
import { toPhoneNumber } from '../numbers/numberView'
import { formatPhone } from '../numbers/phone'
import { parseTypedNumber } from '../numbers/typedNumber'
import { planIndex, targetKey } from '../planIndex'
import { fullName, requireAdmin, requireSelfOrAdmin } from '../rights'
import type { Actor } from '../rights'
import { routingGaps, routingOf } from '../routing/routingView'
import { DEFAULT_VOICEMAIL, appDevice, newId } from '../store/planFile'
import type { Plan, StoredUser } from '../store/planFile'
import { t } from './usersMessages'

// Kept here for callers from before rights.ts existed.
export { fullName }
export type { Actor }

/** What the renderer may see of a stored user: fields are picked, so new secrets never leak. */
export function toUserView(user: StoredUser): User {
  return {
    id: user.id,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    language: user.language,
    admin: user.admin,
    permissions: { telephony: user.permissions.telephony, fax: user.permissions.fax },
    locationId: user.locationId,
  }
}

const collator = new Intl.Collator('de', { sensitivity: 'base', numeric: true })

const compareName = (a: StoredUser, b: StoredUser): number =>
  collator.compare(a.lastName, b.lastName) ||
  collator.compare(a.firstName, b.firstName) ||
  collator.compare(a.email, b.email)

const compareEmail = (a: StoredUser, b: StoredUser): number =>
  collator.compare(a.email, b.email) || compareName(a, b)

/** Flag orders: users with the flag first, each group in name order. */
const flagOf: Record<'admin' | 'telephony' | 'fax', (user: StoredUser) => boolean> = {
  admin: (user) => user.admin,
  telephony: (user) => user.permissions.telephony,
  fax: (user) => user.permissions.fax,
}

/** The text a search looks in: first name, last name and email, lower case. */
const searchTextOf = (user: StoredUser): string =>
  `${user.firstName} ${user.lastName} ${user.email}`.toLowerCase()

/** Positions into `plan.users`. */
type Positions = readonly number[]

interface UsersIndex {
  /** Per sort key, the positions of all users in ascending order. */
  orders: Map<UserSortKey, Positions>
  /** Search text per position, computed on the first search of this plan state. */
  haystack: string[] | null
  /** The last search's matches (ascending order), reused for paging and narrowed while typing. */
  lastSearch: { sort: UserSortKey; tokens: readonly string[]; matches: Positions } | null
  /** The last filtered list, reused for paging. */
  lastFilter: { key: string; matches: Positions } | null
  /** Routing incomplete, per position; computed on the first filter by it. */
  incomplete: Uint8Array | null
}

/**
 * Sort orders, search text and the last search are computed once per plan state (the store
 * replaces the plan object on every change), so paging, flipping the direction and typing in the
 * search field do not re-sort or re-scan all users each time.
 */
const indexes = new WeakMap<Plan, UsersIndex>()

/**
 * The last computed order of ids per collating key. A new plan state (one user created, renamed
 * or deleted) starts its sort from the previous order, which the engine's merge sort (TimSort)
 * finishes in about n comparisons instead of n log n. Only speed depends on it, never the result.
 */
const previousOrder = new Map<'name' | 'email', readonly string[]>()

function indexOf(plan: Plan): UsersIndex {
  let index = indexes.get(plan)
  if (!index) {
    index = { orders: new Map(), haystack: null, lastSearch: null, lastFilter: null, incomplete: null }
    indexes.set(plan, index)
  }
  return index
}

function collatedOrder(users: readonly StoredUser[], key: 'name' | 'email'): Positions {
  const hint = previousOrder.get(key)
  let start: number[]
  if (hint) {
    const positionOf = new Map<string, number>()
    for (let position = 0; position < users.length; position += 1)
      positionOf.set(users[position]!.id, position)
    const placed = new Uint8Array(users.length)
    start = []
    for (const id of hint) {
      const position = positionOf.get(id)
      if (position !== undefined && placed[position] === 0) {
        placed[position] = 1
        start.push(position)
      }
    }
    for (let position = 0; position < users.length; position += 1) {
      if (placed[position] === 0) start.push(position)
    }
  } else {
    start = users.map((_user, position) => position)
  }
  const compare = key === 'name' ? compareName : compareEmail
  const sorted = start.sort((a, b) => compare(users[a]!, users[b]!))
  previousOrder.set(
    key,
    sorted.map((position) => users[position]!.id),
  )
  return sorted
}

function orderOf(plan: Plan, key: UserSortKey): Positions {
  const index = indexOf(plan)
  let order = index.orders.get(key)
  if (!order) {
    if (key === 'name' || key === 'email') {
      order = collatedOrder(plan.users, key)
    } else {
      // A stable partition of the name order: no comparisons at all.
      const flag = flagOf[key]
      const users = plan.users
      const withFlag: number[] = []
      const without: number[] = []
      for (const position of orderOf(plan, 'name')) {
        if (flag(users[position]!)) withFlag.push(position)
        else without.push(position)
      }
      order = withFlag.concat(without)
    }
    index.orders.set(key, order)
  }
  return order
}

/** Every token of `before` is inside a token of `after`: what matches `after` matched `before`. */
const narrows = (before: readonly string[], after: readonly string[]): boolean =>
  before.every((old) => after.some((token) => token.includes(old)))

function matchesOf(plan: Plan, sort: UserSortKey, tokens: readonly string[]): Positions {
  const index = indexOf(plan)
  const last = index.lastSearch
  if (last && last.sort === sort && last.tokens.join(' ') === tokens.join(' ')) return last.matches
  index.haystack ??= plan.users.map(searchTextOf)
  const haystack = index.haystack
  const candidates =
    last && last.sort === sort && narrows(last.tokens, tokens) ? last.matches : orderOf(plan, sort)
  const matches = candidates.filter((position) => {
    const text = haystack[position]!
    return tokens.every((token) => text.includes(token))
  })
  index.lastSearch = { sort, tokens, matches }
  return matches
}

/**
 * Per position in `plan.users`: 1 when the user's routing is incomplete. One pass per plan state
 * (a few map lookups per user), shared by every search and page that filters on it.
 */
function incompleteFlags(plan: Plan): Uint8Array {
  const index = indexOf(plan)
  if (index.incomplete) return index.incomplete
  const lookups = planIndex(plan)
  const flags = new Uint8Array(plan.users.length)
  plan.users.forEach((user, position) => {
    if (!user.permissions.telephony) {
      flags[position] = 1
      return
    }
    const hasNumber = (lookups.numbersOf.get(targetKey({ kind: 'user', id: user.id }))?.length ?? 0) > 0
    const hasActive = (lookups.devicesOf.get(user.id) ?? []).some((device) => device.active)
    flags[position] = hasNumber && hasActive ? 0 : 1
  })
  index.incomplete = flags
  return flags
}

/** Whether the user at a position passes a list filter. */
function passesFilter(plan: Plan, position: number, filter: UserListFilter): boolean {
  const user = plan.users[position]!
  switch (filter) {
    case 'admins':
      return user.admin
    case 'withoutLocation':
      return user.locationId === null
    case 'routingIncomplete':
      return incompleteFlags(plan)[position] === 1
  }
}

function filteredOf(
  plan: Plan,
  sort: UserSortKey,
  tokens: readonly string[],
  filters: readonly UserListFilter[],
): Positions {
  const positions = tokens.length === 0 ? orderOf(plan, sort) : matchesOf(plan, sort, tokens)
  if (filters.length === 0) return positions
  const index = indexOf(plan)
  const key = `${sort}\u0000${tokens.join(' ')}\u0000${[...filters].sort().join(',')}`
  if (index.lastFilter?.key === key) return index.lastFilter.matches
  const matches = positions.filter((position) =>
    filters.every((filter) => passesFilter(plan, position, filter)),
  )
  index.lastFilter = { key, matches }
  return matches
}

/** A user as a row of the list: their numbers, extensions, devices, location and routing state. */
function toUserRow(plan: Plan, user: StoredUser): UserRow {
  const index = planIndex(plan)
  const key = targetKey({ kind: 'user', id: user.id })
  const devices = index.devicesOf.get(user.id) ?? []
  const activeDeviceCount = devices.filter((device) => device.active).length
  const numbers = index.numbersOf.get(key) ?? []
  const missing = routingGaps(user.permissions.telephony, numbers.length, activeDeviceCount)
  const location = user.locationId === null ? undefined : plan.locations.find((l) => l.id === user.locationId)
  return {
    ...toUserView(user),
    numbers: numbers.map((number) => ({ number, ...formatPhone(number) })),
    extensions: [...(index.extensionsOf.get(key) ?? [])].sort(),
    deviceCount: devices.length,
    activeDeviceCount,
    locationName: location?.name ?? null,
    routingComplete: missing.length === 0,
    missing,
  }
}

/**
 * One page of users matching a search (every whitespace-separated token must occur in the first
 * name, last name or email, ignoring case) and the filters that are on, in the requested order.
 * A page costs its own users; a new search or filter one pass over the users (or over the last
 * search's matches while typing on).
 */
export function listUsers(plan: Plan, query: ParsedInput<'users:list'>): UserPage {
  const tokens = query.search.toLowerCase().split(/\s+/).filter(Boolean)
  const positions = filteredOf(plan, query.sort, tokens, query.filters)
  const total = positions.length
  const items: UserRow[] = []
  for (let rank = query.offset; rank < Math.min(query.offset + query.limit, total); rank += 1) {
    const position = positions[query.descending ? total - 1 - rank : rank]!
    items.push(toUserRow(plan, plan.users[position]!))
  }
  return { total, planTotal: plan.users.length, offset: query.offset, items }
}

type Refusal = Extract<Result<never>, { ok: false }>

const emailSchema = z.email()

/** Checks a person's name and email against the rules; returns the first broken rule. */
function checkPersonalData(
  plan: Plan,
  input: Pick<CreateUserInput, 'firstName' | 'lastName' | 'email'>,
  language: Language,
  exceptId: string | null,
): Refusal | null {
  for (const field of ['firstName', 'lastName', 'email'] as const) {
    if (input[field].trim() === '') {
      return fail(
        'validation',
        message(language, 'field.required', { field: fieldLabel(language, field) }),
        field,
      )
    }
  }
  const email = input.email.trim()
  const lower = email.toLowerCase()
  return emailProblem(language, email, () =>
    plan.users.find((user) => user.id !== exceptId && user.email.toLowerCase() === lower),
  )
}

/**
 * The email rules (DOMAIN.md): valid, and unique ignoring case. `otherOwner` finds another user
 * who has the address already (a scan here; the CSV import asks its own index).
 */
export function emailProblem(
  language: Language,
  email: string,
  otherOwner: () => StoredUser | undefined,
): Refusal | null {
  if (!emailSchema.safeParse(email).success) {
    return fail('validation', message(language, 'email.invalid', { value: email }), 'email')
  }
  const owner = otherOwner()
  if (owner) {
    return fail(
      'conflict',
      message(language, 'email.duplicate', { value: email, name: fullName(owner) }),
      'email',
    )
  }
  return null
}

/** DOMAIN.md: a password has 8 to 200 characters (counted as a person counts them). */
export function passwordProblem(language: Language, password: string): Refusal | null {
  const { min, max } = LIMITS_MODEL.password
  if ([...password].length < min)
    return fail('validation', t(language, 'password.tooShort', { min }), 'password')
  if (password.length > max) return fail('validation', t(language, 'password.tooLong', { max }), 'password')
  return null
}

/** A form field left empty means "not given". */
const given = (value: string | undefined): value is string => value !== undefined && value.trim() !== ''

/** The name a person reads for an owner, found by scanning (usable on a draft). */
function ownerName(plan: Plan, target: Target): string {
  if (target.kind === 'user') {
    const user = plan.users.find((candidate) => candidate.id === target.id)
    return user ? fullName(user) : target.id
  }
  const line = plan.faxLines.find((candidate) => candidate.id === target.id)
  return line ? line.alias : target.id
}

/** A typed number that is in the pool and free; its position in `plan.numbers` (CSV import too). */
export function freePoolNumber(plan: Plan, language: Language, typed: string): Result<number> {
  const parsed = parseTypedNumber(typed, plan.account.country)
  if (!parsed.ok) {
    const reason = t(language, `number.problem.${parsed.problem}`)
    return fail('validation', t(language, 'number.invalid', { value: typed.trim(), reason }), 'number')
  }
  const shown = formatPhone(parsed.e164).international
  const position = plan.numbers.findIndex((entry) => entry.number === parsed.e164)
  const entry = plan.numbers[position]
  if (!entry) return fail('not_found', t(language, 'number.notInPool', { value: shown }), 'number')
  if (entry.assignedTo) {
    return fail(
      'conflict',
      t(language, 'number.taken', { value: shown, name: ownerName(plan, entry.assignedTo) }),
      'number',
    )
  }
  return ok(position)
}

/** A typed extension that keeps every rule and is not taken (CSV import too). */
export function freeExtension(plan: Plan, language: Language, typed: string): Result<string> {
  const extension = typed.trim()
  const rule = extensionRuleBroken(extension)
  if (rule)
    return fail('validation', t(language, `extension.rule.${rule}`, { value: extension }), 'extension')
  const taken = plan.extensions.find((entry) => entry.extension === extension)
  if (taken) {
    return fail(
      'conflict',
      t(language, 'extension.taken', { value: extension, name: ownerName(plan, taken.owner) }),
      'extension',
    )
  }
  return ok(extension)
}

interface CreateChecked {
  numberPosition: number | null
  extension: string | null
}

/**
 * Every rule of users:create, without changing anything: the handler runs it before the (slow)
 * password hashing, and createUser runs it again on the draft.
 */
export function checkCreateUser(plan: Plan, actor: Actor, input: CreateUserInput): Result<CreateChecked> {
  const refused =
    requireAdmin(actor) ??
    checkPersonalData(plan, input, actor.language, null) ??
    (input.password !== undefined && input.password !== ''
      ? passwordProblem(actor.language, input.password)
      : null)
  if (refused) return refused
  let numberPosition: number | null = null
  if (given(input.number)) {
    const found = freePoolNumber(plan, actor.language, input.number)
    if (!found.ok) return found
    numberPosition = found.data
  }
  let extension: string | null = null
  if (given(input.extension)) {
    const free = freeExtension(plan, actor.language, input.extension)
    if (!free.ok) return free
    extension = free.data
  }
  return ok({ numberPosition, extension })
}

/**
 * Creates a user with all its parts at once (or nothing): the number, the extension, the app when
 * it has telephony. A password must have been hashed by the caller (`passwordHash`).
 */
export function createUser(
  draft: Plan,
  actor: Actor,
  input: CreateUserInput,
  passwordHash: string | null = null,
): Result<User> {
  const checked = checkCreateUser(draft, actor, input)
  if (!checked.ok) return checked
  if (input.password !== undefined && input.password !== '' && passwordHash === null) {
    throw new Error('createUser: hash the password first (hashPassword)')
  }
  const user: StoredUser = {
    id: newId(),
    firstName: input.firstName.trim(),
    lastName: input.lastName.trim(),
    email: input.email.trim(),
    language: input.language,
    admin: input.admin,
    permissions: { ...input.permissions },
    locationId: null,
    passwordHash,
    voicemail: { ...DEFAULT_VOICEMAIL },
  }
  draft.users.push(user)
  const owner: Target = { kind: 'user', id: user.id }
  const { numberPosition, extension } = checked.data
  if (numberPosition !== null) draft.numbers[numberPosition]!.assignedTo = owner
  if (extension !== null) draft.extensions.push({ extension, owner })
  if (user.permissions.telephony) draft.devices.push(appDevice(user.id, user.language))
  return ok(toUserView(user))
}

const findUser = (plan: Plan, id: string): StoredUser | undefined => plan.users.find((user) => user.id === id)
const userNotFound = (language: Language): Refusal => fail('not_found', message(language, 'user.notFound'))

/** Name, email and language: the user itself or an admin; the same rules as on create. */
export function updateUser(draft: Plan, actor: Actor, input: ParsedInput<'users:update'>): Result<User> {
  const refused = requireSelfOrAdmin(actor, input.id)
  if (refused) return refused
  const user = findUser(draft, input.id)
  if (!user) return userNotFound(actor.language)
  const next = {
    firstName: input.firstName ?? user.firstName,
    lastName: input.lastName ?? user.lastName,
    email: input.email ?? user.email,
  }
  const broken = checkPersonalData(draft, next, actor.language, user.id)
  if (broken) return broken
  user.firstName = next.firstName.trim()
  user.lastName = next.lastName.trim()
  user.email = next.email.trim()
  if (input.language !== undefined) user.language = input.language
  return ok(toUserView(user))
}

export interface PasswordChange {
  id: string
  /** The new hash, or null to remove the password. */
  hash: string | null
  /** The hash the caller saw when it checked the request; a different one means a race. */
  previousHash: string | null
  /** Whether the caller checked the current password. */
  currentVerified: boolean
}

/** A non-admin changing (or removing) its own password must prove it knows the current one. */
export const needsCurrentPassword = (actor: Actor, user: StoredUser): boolean =>
  !actor.user.admin && actor.user.id === user.id && user.passwordHash !== null

/** Stores a password hash the caller made (hashing is slow and asynchronous, so it happens first). */
export function setPasswordHash(
  draft: Plan,
  actor: Actor,
  change: PasswordChange,
): Result<{ hasPassword: boolean }> {
  const refused = requireSelfOrAdmin(actor, change.id)
  if (refused) return refused
  const user = findUser(draft, change.id)
  if (!user) return userNotFound(actor.language)
  if (user.passwordHash !== change.previousHash) {
    return fail(
      'conflict',
      t(actor.language, 'password.changedMeanwhile', { name: fullName(user) }),
      'password',
    )
  }
  if (needsCurrentPassword(actor, user) && !change.currentVerified) {
    return fail('forbidden', t(actor.language, 'password.currentRequired'), 'currentPassword')
  }
  user.passwordHash = change.hash
  return ok({ hasPassword: change.hash !== null })
}

/** Admin only; at least one admin always remains. */
export function setAdmin(draft: Plan, actor: Actor, input: ParsedInput<'users:setAdmin'>): Result<User> {
  const refused = requireAdmin(actor)
  if (refused) return refused
  const user = findUser(draft, input.id)
  if (!user) return userNotFound(actor.language)
  if (!input.admin && user.admin && !draft.users.some((other) => other.admin && other.id !== user.id)) {
    return fail('conflict', t(actor.language, 'admin.lastAdmin', { name: fullName(user) }), 'admin')
  }
  user.admin = input.admin
  return ok(toUserView(user))
}

/** The user itself or an admin; the location must exist. */
export function setLocation(
  draft: Plan,
  actor: Actor,
  input: ParsedInput<'users:setLocation'>,
): Result<User> {
  const refused = requireSelfOrAdmin(actor, input.id)
  if (refused) return refused
  const user = findUser(draft, input.id)
  if (!user) return userNotFound(actor.language)
  if (input.locationId !== null && !draft.locations.some((location) => location.id === input.locationId)) {
    return fail('not_found', t(actor.language, 'location.notFound'), 'locationId')
  }
  user.locationId = input.locationId
  return ok(toUserView(user))
}

// ── Impact: what a permission change or a deletion releases and removes ─────────────────────────

interface HeldNumber {
  number: string
  /** Position in plan.numbers (pool order). */
  position: number
  owner: Target
}
interface HeldExtension {
  extension: string
  owner: Target
}

/** Everything a user holds: its numbers and extensions and those of its fax lines, devices, lines. */
export interface Holdings {
  user: StoredUser
  numbers: HeldNumber[]
  extensions: HeldExtension[]
  devices: Device[]
  faxLines: FaxLine[]
}

const byExtension = (a: HeldExtension, b: HeldExtension): number =>
  a.extension < b.extension ? -1 : a.extension > b.extension ? 1 : 0

/** From a confirmed plan state, through the plan index: costs what the user holds. */
export function holdingsFromIndex(plan: Plan, userId: string): Holdings | null {
  const index = planIndex(plan)
  const user = index.userById.get(userId)
  if (!user) return null
  const numbers: HeldNumber[] = []
  const extensions: HeldExtension[] = []
  const collect = (owner: Target): void => {
    const key = targetKey(owner)
    for (const number of index.numbersOf.get(key) ?? []) {
      numbers.push({ number, position: index.numberPosition.get(number) ?? 0, owner })
    }
    for (const extension of index.extensionsOf.get(key) ?? []) extensions.push({ extension, owner })
  }
  collect({ kind: 'user', id: userId })
  const faxLines = index.faxLinesOf.get(userId) ?? []
  for (const line of faxLines) collect({ kind: 'fax', id: line.id })
  numbers.sort((a, b) => a.position - b.position)
  extensions.sort(byExtension)
  return {
    user,
    numbers,
    extensions,
    devices: [...(index.devicesOf.get(userId) ?? [])],
    faxLines: [...faxLines],
  }
}

/** From a draft, by one scan of each collection (the plan index must not see a draft). */
export function holdingsFromDraft(plan: Plan, userId: string): Holdings | null {
  const user = findUser(plan, userId)
  if (!user) return null
  const faxLines = plan.faxLines.filter((line) => line.userId === userId)
  const lineIds = new Set(faxLines.map((line) => line.id))
  const held = (owner: Target): boolean =>
    owner.kind === 'user' ? owner.id === userId : lineIds.has(owner.id)
  const numbers: HeldNumber[] = []
  plan.numbers.forEach((entry, position) => {
    if (entry.assignedTo && held(entry.assignedTo)) {
      numbers.push({ number: entry.number, position, owner: entry.assignedTo })
    }
  })
  const extensions = plan.extensions
    .filter((entry) => held(entry.owner))
    .map((entry) => ({ extension: entry.extension, owner: entry.owner }))
    .sort(byExtension)
  const devices = plan.devices.filter((device) => device.userId === userId)
  return { user, numbers, extensions, devices, faxLines }
}

/** The part of a user's holdings that goes: a subset of Holdings, same shapes. */
type Removal = Omit<Holdings, 'user'>

/** Deleting a user releases and removes everything it holds. */
const deletionRemoval = (holdings: Holdings): Removal => ({
  numbers: holdings.numbers,
  extensions: holdings.extensions,
  devices: holdings.devices,
  faxLines: holdings.faxLines,
})

/**
 * Going to `telephony`/`fax`: without telephony the app goes (other devices stay, they ring again
 * once telephony is back); without fax the fax lines go, with their numbers and extensions.
 */
function permissionRemoval(holdings: Holdings, telephony: boolean, fax: boolean): Removal {
  const fromFax = (owner: Target): boolean => !fax && owner.kind === 'fax'
  return {
    numbers: holdings.numbers.filter((entry) => fromFax(entry.owner)),
    extensions: holdings.extensions.filter((entry) => fromFax(entry.owner)),
    devices: telephony ? [] : holdings.devices.filter((device) => device.type === 'app'),
    faxLines: fax ? [] : holdings.faxLines,
  }
}

const isEmpty = (removal: Removal): boolean =>
  removal.numbers.length === 0 &&
  removal.extensions.length === 0 &&
  removal.devices.length === 0 &&
  removal.faxLines.length === 0

/** The renderer's view of a removal; `plan` must be a confirmed state. */
function toImpact(plan: Plan, removal: Removal): Impact {
  return {
    releasedNumbers: removal.numbers.map((entry) => toPhoneNumber(plan, entry.number)),
    removedExtensions: removal.extensions.map((entry) => entry.extension),
    removedDevices: removal.devices.map((device) => ({ ...device })),
    removedFaxLines: removal.faxLines.map((line) => ({ ...line })),
  }
}

/** Applies a removal computed from the same draft by holdingsFromDraft. */
function applyRemoval(draft: Plan, removal: Removal): void {
  for (const entry of removal.numbers) draft.numbers[entry.position]!.assignedTo = null
  if (removal.extensions.length > 0) {
    const gone = new Set(removal.extensions.map((entry) => entry.extension))
    draft.extensions = draft.extensions.filter((entry) => !gone.has(entry.extension))
  }
  if (removal.devices.length > 0) {
    const gone = new Set(removal.devices.map((device) => device.id))
    draft.devices = draft.devices.filter((device) => !gone.has(device.id))
  }
  if (removal.faxLines.length > 0) {
    const gone = new Set(removal.faxLines.map((line) => line.id))
    draft.faxLines = draft.faxLines.filter((line) => !gone.has(line.id))
  }
}

const quoted = (language: Language, text: string): string => (language === 'de' ? `„${text}“` : `“${text}”`)

function listed(language: Language, items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} ${t(language, 'impact.and')} ${items[items.length - 1]}`
}

/** A removal in words: "the devices “Softphone app” and the numbers +49 211 55582 (…)". */
export function describeRemoval(language: Language, removal: Removal): string {
  const parts: string[] = []
  if (removal.devices.length > 0) {
    const list = listed(
      language,
      removal.devices.map((device) => quoted(language, device.name)),
    )
    parts.push(t(language, 'impact.devices', { list }))
  }
  if (removal.faxLines.length > 0) {
    const list = listed(
      language,
      removal.faxLines.map((line) => quoted(language, line.alias)),
    )
    parts.push(t(language, 'impact.faxLines', { list }))
  }
  if (removal.numbers.length > 0) {
    const list = listed(
      language,
      removal.numbers.map((entry) => formatPhone(entry.number).international),
    )
    parts.push(t(language, 'impact.numbers', { list }))
  }
  if (removal.extensions.length > 0) {
    const list = listed(
      language,
      removal.extensions.map((entry) => entry.extension),
    )
    parts.push(t(language, 'impact.extensions', { list }))
  }
  return listed(language, parts)
}

/** What going to these permissions would remove; admin only (only an admin can change them). */
export function permissionImpact(
  plan: Plan,
  actor: Actor,
  input: ParsedInput<'users:permissionImpact'>,
): Result<Impact> {
  const refused = requireAdmin(actor)
  if (refused) return refused
  const holdings = holdingsFromIndex(plan, input.id)
  if (!holdings) return userNotFound(actor.language)
  return ok(toImpact(plan, permissionRemoval(holdings, input.telephony, input.fax)))
}

/**
 * Admin only. Taking telephony away removes the app, taking fax away the fax lines (their numbers
 * go back to the pool, their extensions disappear): only with `confirm`. Granting telephony gives
 * the user its app (one, never two).
 */
export function setPermissions(
  draft: Plan,
  actor: Actor,
  input: ParsedInput<'users:setPermissions'>,
): Result<User> {
  const refused = requireAdmin(actor)
  if (refused) return refused
  const holdings = holdingsFromDraft(draft, input.id)
  if (!holdings) return userNotFound(actor.language)
  const { user } = holdings
  const removal = permissionRemoval(holdings, input.telephony, input.fax)
  if (!isEmpty(removal) && !input.confirm) {
    const impact = describeRemoval(actor.language, removal)
    return fail(
      'conflict',
      t(actor.language, 'permissions.confirm', { name: fullName(user), impact }),
      'confirm',
    )
  }
  applyRemoval(draft, removal)
  user.permissions = { telephony: input.telephony, fax: input.fax }
  if (input.telephony && !holdings.devices.some((device) => device.type === 'app')) {
    draft.devices.push(appDevice(user.id, user.language))
  }
  return ok(toUserView(user))
}

/** What deleting the user would release and remove; admin only (only an admin can delete). */
export function deletionImpact(plan: Plan, actor: Actor, id: string): Result<Impact> {
  const refused = requireAdmin(actor)
  if (refused) return refused
  const holdings = holdingsFromIndex(plan, id)
  if (!holdings) return userNotFound(actor.language)
  return ok(toImpact(plan, deletionRemoval(holdings)))
}

/**
 * Admin only; never the acting user, never the last admin. Releases and removes exactly what
 * deletionImpact reports: its numbers (and its fax lines' numbers) go back to the pool, its
 * extensions, devices and fax lines disappear.
 */
export function deleteUser(draft: Plan, actor: Actor, id: string): Result<{ id: string }> {
  const refused = requireAdmin(actor)
  if (refused) return refused
  const position = draft.users.findIndex((user) => user.id === id)
  const user = draft.users[position]
  if (!user) return userNotFound(actor.language)
  if (user.id === actor.user.id) {
    return fail('forbidden', message(actor.language, 'user.deleteSelf', { name: fullName(user) }))
  }
  if (user.admin && !draft.users.some((other) => other.admin && other.id !== id)) {
    return fail('conflict', message(actor.language, 'user.deleteLastAdmin', { name: fullName(user) }))
  }
  const holdings = holdingsFromDraft(draft, id)
  if (holdings) applyRemoval(draft, deletionRemoval(holdings))
  draft.users.splice(position, 1)
  return ok({ id })
}

/** One user with its routing and fax lines; a non-admin may read only itself. */
export function userDetail(plan: Plan, actor: Actor, id: string): Result<UserDetail> {
  if (!actor.user.admin && actor.user.id !== id) {
    return fail('forbidden', t(actor.language, 'rights.readSelfOnly', { name: fullName(actor.user) }))
  }
  const user = planIndex(plan).userById.get(id)
  const routing = routingOf(plan, id)
  if (!user || !routing) return userNotFound(actor.language)
  const location =
    user.locationId === null ? null : (plan.locations.find((entry) => entry.id === user.locationId) ?? null)
  return ok({
    user: toUserView(user),
    hasPassword: user.passwordHash !== null,
    location: location ? { ...location } : null,
    routing,
    faxLines: faxLineViews(plan, id),
  })
}
