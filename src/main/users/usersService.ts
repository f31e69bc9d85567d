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

const compareBy: Record<UserSortKey, (a: StoredUser, b: StoredUser) => number> = {
  name: (a, b) =>
    collator.compare(a.lastName, b.lastName) ||
    collator.compare(a.firstName, b.firstName) ||
    collator.compare(a.email, b.email),
  email: (a, b) => collator.compare(a.email, b.email),
  admin: (a, b) => Number(b.admin) - Number(a.admin) || compareBy.name(a, b),
  telephony: (a, b) => Number(b.permissions.telephony) - Number(a.permissions.telephony) || compareBy.name(a, b),
  fax: (a, b) => Number(b.permissions.fax) - Number(a.permissions.fax) || compareBy.name(a, b),
}

interface UsersIndex {
  sorted: Map<UserSortKey, StoredUser[]>
  haystack: Map<StoredUser, string>
}

/**
 * Sort orders and search text are computed once per plan state (the store replaces the plan object
 * on every change), so paging and typing in the search field do not re-sort all users each time.
 */
const indexes = new WeakMap<Plan, UsersIndex>()

function indexOf(plan: Plan): UsersIndex {
  let index = indexes.get(plan)
  if (!index) {
    index = { sorted: new Map(), haystack: new Map() }
    for (const user of plan.users) {
      index.haystack.set(user, `${user.firstName} ${user.lastName} ${user.email}`.toLocaleLowerCase('de'))
    }
    indexes.set(plan, index)
  }
  return index
}

function sortedUsers(plan: Plan, key: UserSortKey): StoredUser[] {
  const index = indexOf(plan)
  let sorted = index.sorted.get(key)
  if (!sorted) {
    sorted = [...plan.users].sort(compareBy[key])
    index.sorted.set(key, sorted)
  }
  return sorted
}

/** One page of users matching a search, in the requested order. Cost: one pass over the sorted list. */
export function listUsers(plan: Plan, query: ParsedInput<'users:list'>): UserPage {
  const index = indexOf(plan)
  const tokens = query.search.toLocaleLowerCase('de').split(/\s+/).filter(Boolean)
  const sorted = sortedUsers(plan, query.sort)
  const ordered = query.descending ? [...sorted].reverse() : sorted
  const matching =
    tokens.length === 0
      ? ordered
      : ordered.filter((user) => {
          const text = index.haystack.get(user) ?? ''
          return tokens.every((token) => text.includes(token))
        })
  return {
    total: matching.length,
    planTotal: plan.users.length,
    offset: query.offset,
    items: matching.slice(query.offset, query.offset + query.limit).map(toUserView),
  }
}

export interface Actor {
  user: StoredUser
  language: Language
}

function requireAdmin(actor: Actor): Result<never> | null {
  return actor.user.admin ? null : fail('forbidden', message(actor.language, 'rights.adminOnly', { name: fullName(actor.user) }))
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
      return fail('validation', message(language, 'field.required', { field: fieldLabel(language, field) }), field)
    }
  }
  const email = input.email.trim()
  if (!emailSchema.safeParse(email).success) {
    return fail('validation', message(language, 'email.invalid', { value: email }), 'email')
  }
  const lower = email.toLowerCase()
  const owner = plan.users.find((user) => user.id !== exceptId && user.email.toLowerCase() === lower)
  if (owner) {
    return fail('conflict', message(language, 'email.duplicate', { value: email, name: fullName(owner) }), 'email')
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
