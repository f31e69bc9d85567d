import { LIMITS_MODEL } from '../../shared/domain'
import type { FaxLine, Target } from '../../shared/domain'
import type { ParsedInput } from '../../shared/contract'
import { fail, ok } from '../../shared/result'
import type { AppError, Result } from '../../shared/result'
import { typedNumberField } from '../devices/devicesService'
import { fieldLabel, message } from '../messages'
import { formatPhone } from '../numbers/phone'
import { fullName, requireAdmin } from '../rights'
import type { Actor } from '../rights'
import { newId } from '../store/planFile'
import type { Plan, StoredUser } from '../store/planFile'
import { t } from './faxMessages'

/*
 * Fax lines (DOMAIN.md "Fax"): admin only. Every function here runs on a draft inside
 * `store.update`: it scans the draft (never planIndex) and changes it only when it returns ok.
 * They return the line's id; the handler builds the view from the confirmed plan.
 */

type Failure = { ok: false; error: AppError }

const sameTarget = (a: Target | null, b: Target): boolean => a !== null && a.kind === b.kind && a.id === b.id

function checkedAlias(actor: Actor, value: string): { ok: true; value: string } | Failure {
  const alias = value.trim()
  const label = fieldLabel(actor.language, 'alias')
  if (alias === '')
    return fail('validation', message(actor.language, 'field.required', { field: label }), 'alias')
  if (alias.length > LIMITS_MODEL.label) {
    return fail(
      'validation',
      message(actor.language, 'field.tooLong', { field: label, max: LIMITS_MODEL.label }),
      'alias',
    )
  }
  return { ok: true, value: alias }
}

function withFaxPermission(actor: Actor, user: StoredUser): Failure | null {
  return user.permissions.fax
    ? null
    : fail('conflict', t(actor.language, 'fax.noPermission', { name: fullName(user) }), 'userId')
}

function checkedDirection(actor: Actor, send: boolean, receive: boolean): Failure | null {
  return send || receive ? null : fail('validation', t(actor.language, 'fax.direction'), 'send')
}

/**
 * The pool entry a typed number names, when it is free or already this line's; a blank entry
 * means "no number" (null).
 */
function checkedNumber(
  draft: Plan,
  actor: Actor,
  typed: string,
  line: Target,
): { ok: true; entry: Plan['numbers'][number] | null } | Failure {
  if (typed.trim() === '') return { ok: true, entry: null }
  const parsed = typedNumberField(draft, actor, typed)
  if (!parsed.ok) return parsed
  const shown = formatPhone(parsed.e164).international
  const entry = draft.numbers.find((candidate) => candidate.number === parsed.e164)
  if (!entry) return fail('not_found', t(actor.language, 'fax.numberNotInPool', { number: shown }), 'number')
  const holder = entry.assignedTo
  if (holder !== null && !sameTarget(holder, line)) {
    if (holder.kind === 'user') {
      const user = draft.users.find((candidate) => candidate.id === holder.id)
      const name = user ? fullName(user) : holder.id
      return fail('conflict', t(actor.language, 'fax.numberOfUser', { number: shown, name }), 'number')
    }
    const other = draft.faxLines.find((candidate) => candidate.id === holder.id)
    const name = other ? other.alias : holder.id
    return fail('conflict', t(actor.language, 'fax.numberOfFax', { number: shown, name }), 'number')
  }
  return { ok: true, entry }
}

/** Gives the line exactly this pool entry (or none): its other numbers go back to the pool. */
function setLineNumber(draft: Plan, line: Target, entry: Plan['numbers'][number] | null): void {
  for (const candidate of draft.numbers) {
    if (candidate !== entry && sameTarget(candidate.assignedTo, line)) candidate.assignedTo = null
  }
  if (entry) entry.assignedTo = { kind: 'fax', id: line.id }
}

/** A new fax line of a user with the fax permission; optionally with a free number of the pool. */
export function addFaxLine(draft: Plan, actor: Actor, input: ParsedInput<'fax:add'>): Result<{ id: string }> {
  const refused = requireAdmin(actor)
  if (refused) return refused
  const user = draft.users.find((candidate) => candidate.id === input.userId)
  if (!user) return fail('not_found', message(actor.language, 'user.notFound'), 'userId')
  const noPermission = withFaxPermission(actor, user)
  if (noPermission) return noPermission
  const alias = checkedAlias(actor, input.alias)
  if (!alias.ok) return alias
  const direction = checkedDirection(actor, input.send, input.receive)
  if (direction) return direction
  const target: Target = { kind: 'fax', id: newId() }
  const number =
    input.number === null
      ? { ok: true as const, entry: null }
      : checkedNumber(draft, actor, input.number, target)
  if (!number.ok) return number

  const line: FaxLine = {
    id: target.id,
    userId: user.id,
    alias: alias.value,
    send: input.send,
    receive: input.receive,
  }
  draft.faxLines.push(line)
  setLineNumber(draft, target, number.entry)
  return ok({ id: line.id })
}

/** Changes alias, number (null releases it) or directions of a fax line. */
export function updateFaxLine(
  draft: Plan,
  actor: Actor,
  input: ParsedInput<'fax:update'>,
): Result<{ id: string }> {
  const refused = requireAdmin(actor)
  if (refused) return refused
  const line = draft.faxLines.find((candidate) => candidate.id === input.id)
  if (!line) return fail('not_found', t(actor.language, 'fax.notFound'), 'id')
  const user = draft.users.find((candidate) => candidate.id === line.userId)
  if (!user) return fail('not_found', message(actor.language, 'user.notFound'), 'userId')
  const noPermission = withFaxPermission(actor, user)
  if (noPermission) return noPermission
  const alias =
    input.alias === undefined ? { ok: true as const, value: line.alias } : checkedAlias(actor, input.alias)
  if (!alias.ok) return alias
  const send = input.send ?? line.send
  const receive = input.receive ?? line.receive
  const direction = checkedDirection(actor, send, receive)
  if (direction) return direction
  const target: Target = { kind: 'fax', id: line.id }
  let number: { ok: true; entry: Plan['numbers'][number] | null } | Failure | undefined
  if (input.number === null) number = { ok: true, entry: null }
  else if (input.number !== undefined) number = checkedNumber(draft, actor, input.number, target)
  if (number && !number.ok) return number

  line.alias = alias.value
  line.send = send
  line.receive = receive
  if (number) setLineNumber(draft, target, number.entry)
  return ok({ id: line.id })
}

/** Removes a fax line: its numbers go back to the pool, its extensions disappear. */
export function removeFaxLine(
  draft: Plan,
  actor: Actor,
  input: ParsedInput<'fax:remove'>,
): Result<{ id: string }> {
  const refused = requireAdmin(actor)
  if (refused) return refused
  const line = draft.faxLines.find((candidate) => candidate.id === input.id)
  if (!line) return fail('not_found', t(actor.language, 'fax.notFound'), 'id')
  const target: Target = { kind: 'fax', id: line.id }
  setLineNumber(draft, target, null)
  draft.extensions = draft.extensions.filter((entry) => !sameTarget(entry.owner, target))
  draft.faxLines = draft.faxLines.filter((candidate) => candidate.id !== line.id)
  return ok({ id: line.id })
}
