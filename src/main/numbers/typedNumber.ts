import { parsePhoneNumberWithError, validatePhoneNumberLength } from 'libphonenumber-js/max'
import type { CountryCode } from 'libphonenumber-js/max'
import { e164Schema } from '../../shared/domain'
import { formatPhone, parsePhone } from './phone'
import type { PhoneProblem } from './phone'

/**
 * A pool number as a person types it, checked more closely than `parsePhone` alone: only the
 * characters people use in numbers, and the reason spelled out (too short, too long, …) where
 * libphonenumber-js only says "not valid". `country` is the country whose rules were applied, for
 * the message ("not a valid number for Germany").
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

export function parseTypedNumber(typed: string, planCountry: string): TypedNumber {
  const text = typed.trim().replace(/^00/, '+')
  if (text === '') return { ok: false, problem: 'empty', country: null }
  if (!numberCharacters.test(text) || !/\d/.test(text)) {
    return { ok: false, problem: 'not_a_number', country: null }
  }
  const parsed = parsePhone(text, planCountry)
  if (parsed.ok) {
    // libphonenumber-js accepts a few numbers longer than E.164 allows (15 digits).
    if (!e164Schema.safeParse(parsed.e164).success) return { ok: false, problem: 'too_long', country: null }
    return parsed
  }
  let problem: PhoneProblem = parsed.problem
  if (problem === 'invalid') {
    const length = validatePhoneNumberLength(text, planCountry as CountryCode)
    if (length === 'TOO_SHORT') problem = 'too_short'
    else if (length === 'TOO_LONG') problem = 'too_long'
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
