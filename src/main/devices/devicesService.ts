import { LIMITS_MODEL } from '../../shared/domain'
import type { Device } from '../../shared/domain'
import type { NewDeviceInput, ParsedInput } from '../../shared/contract'
import { fail, ok } from '../../shared/result'
import type { AppError, Result } from '../../shared/result'
import { fieldLabel, message } from '../messages'
import { formatPhone, phoneType } from '../numbers/phone'
import { parseTypedNumber } from '../numbers/typedNumber'
import { fullName, requireSelfOrAdmin } from '../rights'
import type { Actor } from '../rights'
import { newId } from '../store/planFile'
import type { Plan } from '../store/planFile'
import { phoneProblemText, t } from './devicesMessages'

/*
 * Devices of a user (DOMAIN.md "Devices"). Every function here runs on a draft inside
 * `store.update`: it scans the draft (never planIndex) and changes it only when it returns ok.
 */

type Failure = { ok: false; error: AppError }

/**
 * A MAC address in any common notation (`AA:BB:CC:DD:EE:FF`, `aa-bb-cc-dd-ee-ff`, `aabb.ccdd.eeff`,
 * `aabbccddeeff`), normalised to `aa:bb:cc:dd:ee:ff`; null when it is none of them.
 */
export function normaliseMac(typed: string): string | null {
  const text = typed.trim().toLowerCase()
  const notations = [
    /^([0-9a-f]{2}):([0-9a-f]{2}):([0-9a-f]{2}):([0-9a-f]{2}):([0-9a-f]{2}):([0-9a-f]{2})$/,
    /^([0-9a-f]{2})-([0-9a-f]{2})-([0-9a-f]{2})-([0-9a-f]{2})-([0-9a-f]{2})-([0-9a-f]{2})$/,
    /^([0-9a-f]{4})\.([0-9a-f]{4})\.([0-9a-f]{4})$/,
    /^([0-9a-f]{12})$/,
  ]
  for (const notation of notations) {
    const match = notation.exec(text)
    if (match) {
      const hex = match.slice(1).join('')
      return hex.match(/../g)!.join(':')
    }
  }
  return null
}

/** A trimmed label (device name), or a validation failure naming the field. */
function checkedLabel(actor: Actor, value: string, field: string): { ok: true; value: string } | Failure {
  const trimmed = value.trim()
  const label = fieldLabel(actor.language, field)
  if (trimmed === '')
    return fail('validation', message(actor.language, 'field.required', { field: label }), field)
  if (trimmed.length > LIMITS_MODEL.label) {
    return fail(
      'validation',
      message(actor.language, 'field.tooLong', { field: label, max: LIMITS_MODEL.label }),
      field,
    )
  }
  return { ok: true, value: trimmed }
}

/**
 * The typed `number` field (of a device or a fax line) in E.164, or the validation failure saying
 * why it cannot be used.
 */
export function typedNumberField(
  draft: Plan,
  actor: Actor,
  typed: string,
): { ok: true; e164: string } | Failure {
  const parsed = parseTypedNumber(typed, draft.account.country)
  if (parsed.ok) return parsed
  return fail(
    'validation',
    phoneProblemText(actor.language, parsed.problem, typed, draft.account.country),
    'number',
  )
}

/** The number of a mobile device or external line in E.164, checked for its kind (CSV import too). */
export function checkedDeviceNumber(
  draft: Plan,
  actor: Actor,
  type: 'mobile' | 'external',
  typed: string,
): { ok: true; e164: string } | Failure {
  const parsed = typedNumberField(draft, actor, typed)
  if (!parsed.ok) return parsed
  if (type === 'mobile') {
    const kind = phoneType(parsed.e164)
    const shown = formatPhone(parsed.e164).international
    if (kind === 'FIXED_LINE') {
      return fail('validation', t(actor.language, 'mobile.fixedLine', { number: shown }), 'number')
    }
    if (
      kind === 'TOLL_FREE' ||
      kind === 'PREMIUM_RATE' ||
      kind === 'SHARED_COST' ||
      kind === 'UAN' ||
      kind === 'VOICEMAIL'
    ) {
      return fail('validation', t(actor.language, 'mobile.serviceNumber', { number: shown }), 'number')
    }
  }
  return { ok: true, e164: parsed.e164 }
}

/** The owner's full name for messages (the device's user id when the user is gone). */
function ownerName(draft: Plan, userId: string): string {
  const owner = draft.users.find((user) => user.id === userId)
  return owner ? fullName(owner) : userId
}

/** DOMAIN.md: a new voip, mobile or external device of a user, active in its routing. */
export function addDevice(
  draft: Plan,
  actor: Actor,
  input: { userId: string; device: NewDeviceInput },
): Result<Device> {
  const user = draft.users.find((candidate) => candidate.id === input.userId)
  if (!user) return fail('not_found', message(actor.language, 'user.notFound'), 'userId')
  const refused = requireSelfOrAdmin(actor, user.id)
  if (refused) return refused

  const spec = input.device
  const name = checkedLabel(actor, spec.name, 'name')
  if (!name.ok) return name
  const base = { id: newId(), userId: user.id, name: name.value, active: true }

  let device: Device
  if (spec.type === 'voip') {
    const model = (spec.model ?? '').trim()
    if (model.length > LIMITS_MODEL.model) {
      return fail(
        'validation',
        message(actor.language, 'field.tooLong', {
          field: fieldLabel(actor.language, 'model'),
          max: LIMITS_MODEL.model,
        }),
        'model',
      )
    }
    let mac: string | null = null
    if (spec.mac !== undefined && spec.mac.trim() !== '') {
      mac = normaliseMac(spec.mac)
      if (mac === null)
        return fail('validation', t(actor.language, 'mac.invalid', { value: spec.mac.trim() }), 'mac')
      const holder = draft.devices.find((other) => other.type === 'voip' && other.mac === mac)
      if (holder) {
        return fail(
          'conflict',
          t(actor.language, 'mac.duplicate', {
            mac,
            device: holder.name,
            owner: ownerName(draft, holder.userId),
          }),
          'mac',
        )
      }
    }
    device = { ...base, type: 'voip', model: model === '' ? null : model, mac }
  } else {
    const number = checkedDeviceNumber(draft, actor, spec.type, spec.number)
    if (!number.ok) return number
    device = { ...base, type: spec.type, number: number.e164 }
  }
  draft.devices.push(device)
  return ok({ ...device })
}

/** Finds a device of the draft and checks the actor may change it (own devices, or admin). */
function ownDevice(draft: Plan, actor: Actor, id: string): { ok: true; device: Device } | Failure {
  const device = draft.devices.find((candidate) => candidate.id === id)
  if (!device) return fail('not_found', t(actor.language, 'device.notFound'), 'id')
  const refused = requireSelfOrAdmin(actor, device.userId)
  if (refused) return refused
  return { ok: true, device }
}

/** Any device, the app included, can be renamed. */
export function renameDevice(
  draft: Plan,
  actor: Actor,
  input: ParsedInput<'devices:rename'>,
): Result<Device> {
  const found = ownDevice(draft, actor, input.id)
  if (!found.ok) return found
  const name = checkedLabel(actor, input.name, 'name')
  if (!name.ok) return name
  found.device.name = name.value
  return ok({ ...found.device })
}

/** Whether a device rings in its user's routing; any device, the app included. */
export function setDeviceActive(
  draft: Plan,
  actor: Actor,
  input: ParsedInput<'devices:setActive'>,
): Result<Device> {
  const found = ownDevice(draft, actor, input.id)
  if (!found.ok) return found
  found.device.active = input.active
  return ok({ ...found.device })
}

/** Removes a voip, mobile or external device; the app goes only with the telephony permission. */
export function removeDevice(
  draft: Plan,
  actor: Actor,
  input: ParsedInput<'devices:remove'>,
): Result<{ id: string }> {
  const found = ownDevice(draft, actor, input.id)
  if (!found.ok) return found
  const device = found.device
  if (device.type === 'app') {
    return fail(
      'conflict',
      t(actor.language, 'app.remove', { device: device.name, owner: ownerName(draft, device.userId) }),
      'id',
    )
  }
  draft.devices = draft.devices.filter((candidate) => candidate.id !== device.id)
  return ok({ id: device.id })
}
