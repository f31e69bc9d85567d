import type { ParsedInput } from '../../shared/contract'
import type { Routing } from '../../shared/domain'
import { fail, ok } from '../../shared/result'
import type { Result } from '../../shared/result'
import { fieldLabel } from '../messages'
import { requireSelfOrAdmin } from '../rights'
import type { Actor } from '../rights'
import type { Plan } from '../store/planFile'
import { t } from './routingMessages'
import { routingOf } from './routingView'

/** DOMAIN.md: the voicemail answers after a timeout of 5–600 s. */
export const VOICEMAIL_TIMEOUT = { min: 5, max: 600 } as const

/** A user's routing, for the user itself or an admin. `plan` is a confirmed state. */
export function getRouting(plan: Plan, actor: Actor, userId: string): Result<Routing> {
  const refused = requireSelfOrAdmin(actor, userId)
  if (refused) return refused
  const routing = routingOf(plan, userId)
  return routing ? ok(routing) : fail('not_found', t(actor.language, 'routing.userNotFound'))
}

/**
 * Switches the voicemail on or off and sets its timeout. The timeout is checked even when the
 * voicemail is switched off: it is kept and used when it is switched on again.
 */
export function setVoicemail(
  draft: Plan,
  actor: Actor,
  input: ParsedInput<'routing:setVoicemail'>,
): Result<{ userId: string }> {
  const refused = requireSelfOrAdmin(actor, input.userId)
  if (refused) return refused
  const user = draft.users.find((candidate) => candidate.id === input.userId)
  if (!user) return fail('not_found', t(actor.language, 'routing.userNotFound'))
  const { timeoutSeconds } = input
  if (
    !Number.isInteger(timeoutSeconds) ||
    timeoutSeconds < VOICEMAIL_TIMEOUT.min ||
    timeoutSeconds > VOICEMAIL_TIMEOUT.max
  ) {
    return fail(
      'validation',
      t(actor.language, 'voicemail.timeoutRange', {
        field: fieldLabel(actor.language, 'timeoutSeconds'),
        value: timeoutSeconds,
      }),
      'timeoutSeconds',
    )
  }
  user.voicemail = { enabled: input.enabled, timeoutSeconds }
  return ok({ userId: user.id })
}
