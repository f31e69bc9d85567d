import { parsePhoneNumberWithError, ParseError } from 'libphonenumber-js/max'
import type { CountryCode, NumberType } from 'libphonenumber-js/max'

/** Why a typed number could not be used. */
export type PhoneProblem = 'empty' | 'not_a_number' | 'too_short' | 'too_long' | 'invalid_country' | 'invalid'

export type ParsedPhone = { ok: true; e164: string } | { ok: false; problem: PhoneProblem }

/**
 * Parses a number as a person types it (`0211 5558 0`, `+49 211 55580`, `0049 211 55580`), using
 * the plan's country for numbers without `+`, and returns it in E.164 when it is a valid number.
 */
export function parsePhone(typed: string, country: string): ParsedPhone {
  const text = typed.trim().replace(/^00/, '+')
  if (text === '') return { ok: false, problem: 'empty' }
  try {
    const parsed = parsePhoneNumberWithError(text, country as CountryCode)
    if (!parsed.isValid()) return { ok: false, problem: 'invalid' }
    // The plan stores E.164 (at most 15 digits); libphonenumber accepts a few longer numbers.
    if (!/^\+[1-9]\d{6,14}$/.test(parsed.number)) return { ok: false, problem: 'too_long' }
    return { ok: true, e164: parsed.number }
  } catch (error) {
    if (error instanceof ParseError) {
      switch (error.message) {
        case 'INVALID_COUNTRY':
          return { ok: false, problem: 'invalid_country' }
        case 'TOO_SHORT':
          return { ok: false, problem: 'too_short' }
        case 'TOO_LONG':
          return { ok: false, problem: 'too_long' }
        default:
          return { ok: false, problem: 'not_a_number' }
      }
    }
    return { ok: false, problem: 'not_a_number' }
  }
}

/** National and international forms, as a person reads them (`0211 55580`, `+49 211 55580`). */
export function formatPhone(e164: string): { national: string; international: string } {
  try {
    const parsed = parsePhoneNumberWithError(e164)
    return { national: parsed.formatNational(), international: parsed.formatInternational() }
  } catch {
    return { national: e164, international: e164 }
  }
}

/**
 * What kind of line an E.164 number is, as libphonenumber-js (full metadata) classifies it:
 * `MOBILE`, `FIXED_LINE`, `FIXED_LINE_OR_MOBILE` (where a country cannot tell them apart), service
 * kinds like `TOLL_FREE`, or undefined when unknown.
 */
export function phoneType(e164: string): NumberType {
  try {
    return parsePhoneNumberWithError(e164).getType()
  } catch {
    return undefined
  }
}
