import type { Language } from '../../shared/domain'
import { defineMessages } from '../messages'
import type { PhoneProblem } from '../numbers/typedNumber'

/** The sentences of devices (and the typed-number problems fax lines share), in both languages. */
export const t = defineMessages({
  'device.notFound': { en: 'This device no longer exists.', de: 'Dieses Gerät gibt es nicht mehr.' },
  'mac.invalid': {
    en: '"{value}" is not a MAC address: use six pairs of hex digits, e.g. AA:BB:CC:DD:EE:FF, aa-bb-cc-dd-ee-ff, aabb.ccdd.eeff or aabbccddeeff.',
    de: '„{value}“ ist keine MAC-Adresse: Geben Sie sechs Paare aus Hex-Ziffern ein, z. B. AA:BB:CC:DD:EE:FF, aa-bb-cc-dd-ee-ff, aabb.ccdd.eeff oder aabbccddeeff.',
  },
  'mac.duplicate': {
    en: 'The MAC address {mac} is already used by the device "{device}" of {owner}: each MAC address may appear only once in the plan.',
    de: 'Die MAC-Adresse {mac} wird schon vom Gerät „{device}“ von {owner} verwendet: Jede MAC-Adresse darf im Plan nur einmal vorkommen.',
  },
  'mobile.fixedLine': {
    en: '{number} is a landline number; a mobile device needs a mobile number. Add a landline as an external line instead.',
    de: '{number} ist eine Festnetznummer; ein Mobilgerät braucht eine Mobilfunknummer. Legen Sie eine Festnetznummer stattdessen als externe Leitung an.',
  },
  'mobile.serviceNumber': {
    en: '{number} is a service number (toll-free, premium-rate or shared-cost); a mobile device needs a mobile number.',
    de: '{number} ist eine Servicenummer (kostenlos, Mehrwert- oder Sonderrufnummer); ein Mobilgerät braucht eine Mobilfunknummer.',
  },
  'app.remove': {
    en: 'The softphone app "{device}" of {owner} cannot be removed on its own: it comes and goes with the telephony permission. Switch it off in the routing instead, or take away the telephony permission.',
    de: 'Die Softphone-App „{device}“ von {owner} kann nicht einzeln entfernt werden: Sie kommt und geht mit der Telefonie-Berechtigung. Schalten Sie sie stattdessen im Routing aus oder entziehen Sie die Telefonie-Berechtigung.',
  },
  'phone.empty': { en: 'Phone number is required.', de: 'Rufnummer ist erforderlich.' },
  'phone.not_a_number': {
    en: '"{value}" is not a phone number.',
    de: '„{value}“ ist keine Rufnummer.',
  },
  'phone.too_short': {
    en: '"{value}" is too short for a phone number.',
    de: '„{value}“ ist zu kurz für eine Rufnummer.',
  },
  'phone.too_long': {
    en: '"{value}" is too long for a phone number.',
    de: '„{value}“ ist zu lang für eine Rufnummer.',
  },
  'phone.invalid_country': {
    en: '"{value}" has no valid country code: start it with + and the country code, e.g. +49.',
    de: '„{value}“ hat keine gültige Ländervorwahl: Beginnen Sie mit + und der Ländervorwahl, z. B. +49.',
  },
  'phone.invalid': {
    en: '"{value}" is not a valid phone number in {country}: check the area code and the number of digits.',
    de: '„{value}“ ist in {country} keine gültige Rufnummer: Prüfen Sie Vorwahl und Anzahl der Ziffern.',
  },
})

/** Why a typed number could not be used, naming what was typed. */
export const phoneProblemText = (
  language: Language,
  problem: PhoneProblem,
  value: string,
  country: string,
): string => t(language, `phone.${problem}`, { value: value.trim(), country })
