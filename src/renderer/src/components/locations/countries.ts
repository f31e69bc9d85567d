import { getCountries } from 'libphonenumber-js/min'

/** The ISO 3166 alpha-2 codes main accepts for a location (the countries libphonenumber-js knows). */
export const countryCodes: readonly string[] = getCountries()

const namesByLocale = new Map<string, Intl.DisplayNames>()

/** The country's name in the UI language ("Germany", "Deutschland"); the code when unknown. */
export function countryName(code: string, locale: string): string {
  let names = namesByLocale.get(locale)
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' })
    namesByLocale.set(locale, names)
  }
  try {
    return names.of(code) ?? code
  } catch {
    return code
  }
}

/** Every accepted country as a select item, sorted by its name in the UI language. */
export function countryItems(locale: string): { value: string; title: string }[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base' })
  return countryCodes
    .map((value) => ({ value, title: countryName(value, locale) }))
    .sort((a, b) => collator.compare(a.title, b.title))
}
