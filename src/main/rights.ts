import type { Language } from '../shared/domain'
import { fail } from '../shared/result'
import type { AppError } from '../shared/result'
import type { HandlerContext } from './handlers'
import { message } from './messages'
import type { StoredUser } from './store/planFile'

/** Who asks, in which language: every service function that changes the plan takes one. */
export interface Actor {
  user: StoredUser
  language: Language
}

export const actorOf = ({ store, session }: HandlerContext): Actor => ({
  user: session.actingUser(store.plan),
  language: session.language,
})

export const fullName = (user: Pick<StoredUser, 'firstName' | 'lastName'>): string =>
  `${user.firstName} ${user.lastName}`.trim()

type Refusal = { ok: false; error: AppError }

/** DOMAIN.md: an admin may do everything. Returns a `forbidden` result, or null when allowed. */
export function requireAdmin(actor: Actor): Refusal | null {
  return actor.user.admin
    ? null
    : fail('forbidden', message(actor.language, 'rights.adminOnly', { name: fullName(actor.user) }))
}

/**
 * DOMAIN.md: a non-admin may change only itself (name, email, password, language, location) and
 * its own devices and routing. Returns a `forbidden` result, or null when allowed.
 */
export function requireSelfOrAdmin(actor: Actor, userId: string): Refusal | null {
  return actor.user.admin || actor.user.id === userId
    ? null
    : fail('forbidden', message(actor.language, 'rights.selfOnly', { name: fullName(actor.user) }))
}
