import { defineMessages } from '../messages'

/** The sentences of plan settings, in both languages. */
export const t = defineMessages({
  'settings.nameRequired': {
    en: '{field} is required: the plan needs an account name.',
    de: '{field} ist erforderlich: Der Plan braucht einen Kontonamen.',
  },
  'settings.nameTooLong': {
    en: '{field} may be at most {max} characters long.',
    de: '{field} darf höchstens {max} Zeichen lang sein.',
  },
  'settings.country': {
    en: 'Country "{value}" is not a country code for phone numbers: use the two-letter ISO 3166 code, e.g. DE, AT or CH.',
    de: 'Land „{value}“ ist kein Ländercode für Rufnummern: Verwenden Sie den zweibuchstabigen ISO-3166-Code, z. B. DE, AT oder CH.',
  },
  'settings.priceRange': {
    en: '{field}: {value} is not allowed: the price must be between 0 and 1000 {currency} per month.',
    de: '{field}: {value} ist nicht erlaubt: Der Preis muss zwischen 0 und 1000 {currency} im Monat liegen.',
  },
})
