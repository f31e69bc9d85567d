import type { ParsedInput } from '../../shared/contract'
import type { Account } from '../../shared/domain'
import { LIMITS } from '../../shared/domain'
import { fail, ok } from '../../shared/result'
import type { Result } from '../../shared/result'
import { normalizeCountry } from '../locations/locationsService'
import { fieldLabel } from '../messages'
import { requireAdmin } from '../rights'
import type { Actor } from '../rights'
import type { Plan } from '../store/planFile'
import { t } from './planMessages'

export const EXTRA_DEVICE_PRICE = { min: 0, max: 1000 } as const

const roundCents = (value: number): number => Math.round(value * 100) / 100

/** Plan settings: admin only. Only the given fields change; each is checked and names its field. */
export function updateSettings(
  draft: Plan,
  actor: Actor,
  input: ParsedInput<'plan:updateSettings'>,
): Result<Account> {
  const refused = requireAdmin(actor)
  if (refused) return refused
  const { language } = actor
  const next: Account = { ...draft.account }
  if (input.name !== undefined) {
    const name = input.name.trim()
    const field = fieldLabel(language, 'name')
    if (name === '') return fail('validation', t(language, 'settings.nameRequired', { field }), 'name')
    if (name.length > LIMITS.name) {
      return fail('validation', t(language, 'settings.nameTooLong', { field, max: LIMITS.name }), 'name')
    }
    next.name = name
  }
  if (input.country !== undefined) {
    const country = normalizeCountry(input.country)
    if (country === null) {
      return fail('validation', t(language, 'settings.country', { value: input.country.trim() }), 'country')
    }
    next.country = country
  }
  if (input.extraDevicePrice !== undefined) {
    const price = input.extraDevicePrice
    if (!Number.isFinite(price) || price < EXTRA_DEVICE_PRICE.min || price > EXTRA_DEVICE_PRICE.max) {
      return fail(
        'validation',
        t(language, 'settings.priceRange', {
          field: fieldLabel(language, 'extraDevicePrice'),
          value: price,
          currency: draft.account.currency,
        }),
        'extraDevicePrice',
      )
    }
    next.extraDevicePrice = roundCents(price)
  }
  draft.account = next
  return ok({ ...next })
}
