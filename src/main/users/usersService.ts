import { z } from 'zod'
import type { Language, User, UserPage, UserSortKey } from '../../shared/domain'
import type { CreateUserInput, ParsedInput } from '../../shared/contract'
import { fail, ok } from '../../shared/result'
import type { Result } from '../../shared/result'
import { fieldLabel, message } from '../messages'
import { newUserId } from '../store/planFile'
import type { Plan, StoredUser } from '../store/planFile'

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

export const fullName = (user: Pick<User, 'firstName' | 'lastName'>): string =>
  `${user.firstName} ${user.lastName}`.trim()

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
    index = { orders: new Map(), haystack: null, lastSearch: null }
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
 * One page of users matching a search (every whitespace-separated token must occur in the first
 * name, last name or email, ignoring case), in the requested order. A page costs its own users;
 * a new search one pass over the users (or over the last search's matches while typing on).
 */
export function listUsers(plan: Plan, query: ParsedInput<'users:list'>): UserPage {
  const tokens = query.search.toLowerCase().split(/\s+/).filter(Boolean)
  const positions = tokens.length === 0 ? orderOf(plan, query.sort) : matchesOf(plan, query.sort, tokens)
  const total = positions.length
  const items: User[] = []
  for (let rank = query.offset; rank < Math.min(query.offset + query.limit, total); rank += 1) {
    const position = positions[query.descending ? total - 1 - rank : rank]!
    items.push(toUserView(plan.users[position]!))
  }
  return { total, planTotal: plan.users.length, offset: query.offset, items }
}

export interface Actor {
  user: StoredUser
  language: Language
}

function requireAdmin(actor: Actor): Result<never> | null {
  return actor.user.admin
    ? null
    : fail('forbidden', message(actor.language, 'rights.adminOnly', { name: fullName(actor.user) }))
}

const emailSchema = z.email()

/** Checks a person's name and email against the rules; returns the first broken rule. */
function checkPersonalData(
  plan: Plan,
  input: Pick<CreateUserInput, 'firstName' | 'lastName' | 'email'>,
  language: Language,
  exceptId: string | null,
): Result<never> | null {
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
  if (!emailSchema.safeParse(email).success) {
    return fail('validation', message(language, 'email.invalid', { value: email }), 'email')
  }
  const lower = email.toLowerCase()
  const owner = plan.users.find((user) => user.id !== exceptId && user.email.toLowerCase() === lower)
  if (owner) {
    return fail(
      'conflict',
      message(language, 'email.duplicate', { value: email, name: fullName(owner) }),
      'email',
    )
  }
  return null
}

export function createUser(draft: Plan, actor: Actor, input: CreateUserInput): Result<User> {
  const refused = requireAdmin(actor) ?? checkPersonalData(draft, input, actor.language, null)
  if (refused) return refused
  const user: StoredUser = {
    id: newUserId(),
    firstName: input.firstName.trim(),
    lastName: input.lastName.trim(),
    email: input.email.trim(),
    language: input.language,
    admin: input.admin,
    permissions: { ...input.permissions },
    locationId: null,
  }
  draft.users.push(user)
  return ok(toUserView(user))
}

export function deleteUser(draft: Plan, actor: Actor, id: string): Result<{ id: string }> {
  const refused = requireAdmin(actor)
  if (refused) return refused
  const position = draft.users.findIndex((user) => user.id === id)
  const user = draft.users[position]
  if (!user) return fail('not_found', message(actor.language, 'user.notFound'))
  if (user.id === actor.user.id) {
    return fail('forbidden', message(actor.language, 'user.deleteSelf', { name: fullName(user) }))
  }
  if (user.admin && !draft.users.some((other) => other.admin && other.id !== id)) {
    return fail('conflict', message(actor.language, 'user.deleteLastAdmin', { name: fullName(user) }))
  }
  draft.users.splice(position, 1)
  return ok({ id })
}
