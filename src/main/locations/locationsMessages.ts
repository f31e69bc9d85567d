import { defineMessages } from '../messages'

/** The sentences of locations, in both languages. */
export const t = defineMessages({
  'location.notFound': { en: 'This location no longer exists.', de: 'Diesen Standort gibt es nicht mehr.' },
  'location.required': {
    en: '{field} is required: a location needs a name, postcode, city and country.',
    de: '{field} ist erforderlich: Ein Standort braucht Name, Postleitzahl, Ort und Land.',
  },
  'location.tooLong': {
    en: '{field} may be at most {max} characters long.',
    de: '{field} darf höchstens {max} Zeichen lang sein.',
  },
  'location.postcodeDE': {
    en: 'Postcode "{value}" is not valid for Germany: a German postcode has exactly 5 digits, e.g. 40212.',
    de: 'Die Postleitzahl „{value}“ ist für Deutschland ungültig: Eine deutsche Postleitzahl hat genau 5 Ziffern, z. B. 40212.',
  },
  'location.country': {
    en: 'Country "{value}" is not a country code: use the two-letter ISO 3166 code, e.g. DE, AT or CH.',
    de: 'Land „{value}“ ist kein Ländercode: Verwenden Sie den zweibuchstabigen ISO-3166-Code, z. B. DE, AT oder CH.',
  },
  'location.inUse.one': {
    en: 'The location "{location}" is used by 1 user ({names}). Confirm to remove the location from this user and delete it.',
    de: 'Der Standort „{location}“ wird von 1 Benutzer verwendet ({names}). Bestätigen Sie, um den Standort bei diesem Benutzer zu entfernen und ihn zu löschen.',
  },
  'location.inUse.many': {
    en: 'The location "{location}" is used by {count} users ({names}). Confirm to remove the location from these users and delete it.',
    de: 'Der Standort „{location}“ wird von {count} Benutzern verwendet ({names}). Bestätigen Sie, um den Standort bei diesen Benutzern zu entfernen und ihn zu löschen.',
  },
  'location.andMore': { en: '{names} and {count} more', de: '{names} und {count} weitere' },
})
