import { ParseError, parsePhoneNumberWithError, validatePhoneNumberLength } from 'libphonenumber-js/max'
import type { CountryCode } from 'libphonenumber-js/max'
import { e164Schema } from '../../shared/domain'
import { formatPhone } from './phone'

/** Why a typed number could not be used. */
export type PhoneProblem = 'empty' | 'not_a_number' | 'too_short' | 'too_long' | 'invalid_country' | 'invalid'

/**
 * A phone number as a person typed it, read: in E.164, or the reason it cannot be used. `country`
 * is the country whose rules were applied, for the message ("not a valid number for Germany"); it
 * is set for `invalid` only.
 */
export type TypedNumber =
  { ok: true; e164: string } | { ok: false; problem: PhoneProblem; country: string | null }

/** Digits, spaces and the separators people write (`+49 (0)211/5558-0`, `0211.55580`). */
const numberCharacters = /^\+?[\d\s\-()/.]*$/

function countryOf(text: string, planCountry: string): string | null {
  if (!text.startsWith('+')) return planCountry
  try {
    return parsePhoneNumberWithError(text).country ?? null
  } catch {
    return null
  }
}

/** libphonenumber-js's reasons for not parsing at all, as ours. */
function parseErrorProblem(error: unknown): PhoneProblem {
  if (!(error instanceof ParseError)) return 'not_a_number'
  switch (error.message) {
    case 'INVALID_COUNTRY':
      return 'invalid_country'
    case 'TOO_SHORT':
      return 'too_short'
    case 'TOO_LONG':
      return 'too_long'
    default:
      return 'not_a_number'
  }
}

/**
 * THE way to read a typed phone number (pool numbers, user numbers, mobile and external devices,
 * fax lines): `0211 5558 0`, `+49 211 55580`, `0049 211 55580`, `(0211) 5558-0` — the plan's
 * country applies to numbers without `+`. Only the characters people use in numbers are accepted
 * (libphonenumber-js would pick a number out of any text), the reason is spelled out (too short,
 * too long, …) where libphonenumber-js only says "not valid", and a number longer than E.164
 * allows (15 digits, which libphonenumber-js accepts for a few) is too long.
 */
export function parseTypedNumber(typed: string, planCountry: string): TypedNumber {
  const text = typed.trim().replace(/^00/, '+')
  if (text === '') return { ok: false, problem: 'empty', country: null }
  if (!numberCharacters.test(text) || !/\d/.test(text)) {
    return { ok: false, problem: 'not_a_number', country: null }
  }
  let problem: PhoneProblem
  try {
    const parsed = parsePhoneNumberWithError(text, planCountry as CountryCode)
    if (parsed.isValid()) {
      if (!e164Schema.safeParse(parsed.number).success)
        return { ok: false, problem: 'too_long', country: null }
      return { ok: true, e164: parsed.number }
    }
    const length = validatePhoneNumberLength(text, planCountry as CountryCode)
    problem = length === 'TOO_SHORT' ? 'too_short' : length === 'TOO_LONG' ? 'too_long' : 'invalid'
  } catch (error) {
    problem = parseErrorProblem(error)
  }
  return { ok: false, problem, country: problem === 'invalid' ? countryOf(text, planCountry) : null }
}

/**
 * A number of the pool by what was typed: the exact E.164 key when the pool has it (so a stored
 * number is found even if a later libphonenumber-js no longer calls it valid), else the parsed form.
 */
export function poolKeyOf(
  typed: string,
  planCountry: string,
  inPool: (e164: string) => boolean,
): TypedNumber {
  const compact = typed
    .trim()
    .replace(/^00/, '+')
    .replace(/[\s\-()/.]/g, '')
  if (compact.startsWith('+') && inPool(compact)) return { ok: true, e164: compact }
  return parseTypedNumber(typed, planCountry)
}

export interface NumberForms {
  national: string
  international: string
  /** The digits of the national form (`021155580`), for search. */
  nationalDigits: string
}

/**
 * Formatting costs a parse (a few µs each, ~60 ms for 10,000 numbers); a number's forms never
 * change, so they are kept across plan states. Bounded, so many opened plans do not pile up.
 */
const forms = new Map<string, NumberForms>()
const MAX_FORMS = 200_000

export function formsOf(e164: string): NumberForms {
  let cached = forms.get(e164)
  if (!cached) {
    const { national, international } = formatPhone(e164)
    cached = { national, international, nationalDigits: national.replace(/\D/g, '') }
    if (forms.size >= MAX_FORMS) forms.clear()
    forms.set(e164, cached)
  }
  return cached
}
