import { parsePhoneNumberWithError } from 'libphonenumber-js/max'
import type { NumberType } from 'libphonenumber-js/max'

/* Reading a typed number: parseTypedNumber in ./typedNumber. */

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
