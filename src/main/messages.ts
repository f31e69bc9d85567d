import type { Language } from '../shared/domain'

/**
 * Every sentence main sends to a person, in both languages. Keys name the rule that was hit, so the
 * same rule always reads the same.
 */
const catalog = {
  'field.required': { en: '{field} is required.', de: '{field} ist erforderlich.' },
  'field.tooLong': {
    en: '{field} may be at most {max} characters long.',
    de: '{field} darf höchstens {max} Zeichen lang sein.',
  },
  'email.invalid': {
    en: '"{value}" is not a valid email address.',
    de: '„{value}“ ist keine gültige E-Mail-Adresse.',
  },
  'email.duplicate': {
    en: 'The email address {value} is already used by {name}.',
    de: 'Die E-Mail-Adresse {value} wird schon von {name} verwendet.',
  },
  'user.notFound': { en: 'This user no longer exists.', de: 'Diesen Benutzer gibt es nicht mehr.' },
  'user.deleteLastAdmin': {
    en: '{name} is the last admin. Make another user an admin first: at least one admin always remains.',
    de: '{name} ist der letzte Admin. Machen Sie zuerst einen anderen Benutzer zum Admin: Mindestens ein Admin muss bleiben.',
  },
  'user.deleteSelf': {
    en: 'You are acting as {name}; you cannot delete yourself.',
    de: 'Sie handeln als {name} und können sich nicht selbst löschen.',
  },
  'rights.adminOnly': {
    en: 'Only an admin may do this. You are acting as {name}.',
    de: 'Das darf nur ein Admin. Sie handeln als {name}.',
  },
  'rights.selfOnly': {
    en: 'You may change only your own settings, devices and routing. You are acting as {name}.',
    de: 'Sie dürfen nur Ihre eigenen Einstellungen, Geräte und Ihr eigenes Routing ändern. Sie handeln als {name}.',
  },
  'plan.readOnly': {
    en: 'This plan is open read-only; nothing was changed.',
    de: 'Dieser Plan ist schreibgeschützt geöffnet; es wurde nichts geändert.',
  },
  'plan.writeFailed': {
    en: 'The plan could not be saved ({reason}). Nothing was changed.',
    de: 'Der Plan konnte nicht gespeichert werden ({reason}). Es wurde nichts geändert.',
  },
  'plan.nothingToUndo': {
    en: 'There is no change to undo.',
    de: 'Es gibt keine Änderung, die rückgängig gemacht werden kann.',
  },
  'plan.nothingToRedo': {
    en: 'There is no undone change to redo.',
    de: 'Es gibt keine rückgängig gemachte Änderung, die wiederholt werden kann.',
  },
  'input.invalid': {
    en: 'The request was not understood: {detail}',
    de: 'Die Anfrage wurde nicht verstanden: {detail}',
  },
  'channel.unknown': { en: 'Unknown request {channel}.', de: 'Unbekannte Anfrage {channel}.' },
  'internal.error': {
    en: 'Something went wrong inside Switchboard. Nothing was changed.',
    de: 'In Switchboard ist ein Fehler aufgetreten. Es wurde nichts geändert.',
  },
  'session.noUsers': {
    en: 'This plan has no users Switchboard can act as.',
    de: 'Dieser Plan hat keinen Benutzer, als der Switchboard handeln kann.',
  },
  'sender.untrusted': {
    en: 'Request refused: it did not come from the Switchboard window.',
    de: 'Anfrage abgelehnt: Sie kam nicht aus dem Switchboard-Fenster.',
  },
} satisfies Record<string, Record<Language, string>>

export type MessageKey = keyof typeof catalog

const fieldNames: Record<string, Record<Language, string>> = {
  firstName: { en: 'First name', de: 'Vorname' },
  lastName: { en: 'Last name', de: 'Nachname' },
  email: { en: 'Email', de: 'E-Mail' },
  language: { en: 'Language', de: 'Sprache' },
  admin: { en: 'Admin', de: 'Admin' },
  permissions: { en: 'Permissions', de: 'Berechtigungen' },
  'permissions.telephony': { en: 'Telephony', de: 'Telefonie' },
  'permissions.fax': { en: 'Fax', de: 'Fax' },
  telephony: { en: 'Telephony', de: 'Telefonie' },
  fax: { en: 'Fax', de: 'Fax' },
  search: { en: 'Search', de: 'Suche' },
  password: { en: 'Password', de: 'Passwort' },
  currentPassword: { en: 'Current password', de: 'Aktuelles Passwort' },
  number: { en: 'Phone number', de: 'Rufnummer' },
  base: { en: 'First number of the block', de: 'Erste Nummer des Blocks' },
  count: { en: 'Count', de: 'Anzahl' },
  extension: { en: 'Extension', de: 'Durchwahl' },
  name: { en: 'Name', de: 'Name' },
  model: { en: 'Model', de: 'Modell' },
  mac: { en: 'MAC address', de: 'MAC-Adresse' },
  alias: { en: 'Alias', de: 'Bezeichnung' },
  send: { en: 'Send', de: 'Senden' },
  receive: { en: 'Receive', de: 'Empfangen' },
  enabled: { en: 'Voicemail', de: 'Mailbox' },
  timeoutSeconds: { en: 'Voicemail after (seconds)', de: 'Mailbox nach (Sekunden)' },
  street: { en: 'Street', de: 'Straße' },
  houseNumber: { en: 'House number', de: 'Hausnummer' },
  postcode: { en: 'Postcode', de: 'Postleitzahl' },
  city: { en: 'City', de: 'Ort' },
  country: { en: 'Country', de: 'Land' },
  extraDevicePrice: { en: 'Price per extra device', de: 'Preis je weiteres Gerät' },
  locationId: { en: 'Location', de: 'Standort' },
  accountName: { en: 'Account name', de: 'Kontoname' },
  ownerFirstName: { en: "Owner's first name", de: 'Vorname der Inhaberin/des Inhabers' },
  ownerLastName: { en: "Owner's last name", de: 'Nachname der Inhaberin/des Inhabers' },
  ownerEmail: { en: "Owner's email", de: 'E-Mail der Inhaberin/des Inhabers' },
  fileName: { en: 'File name', de: 'Dateiname' },
  path: { en: 'Plan file', de: 'Plandatei' },
}

export function fieldLabel(language: Language, field: string): string {
  return Object.hasOwn(fieldNames, field) ? (fieldNames[field]?.[language] ?? field) : field
}

export function message(
  language: Language,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return catalog[key][language].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  )
}

/**
 * A message catalog of one domain folder (e.g. `numbers/numbersMessages.ts`), so each feature keeps
 * its sentences beside its rules: `const t = defineMessages({ 'number.invalid': { en, de } })`, then
 * `t(language, 'number.invalid', { value })`.
 */
export function defineMessages<K extends string>(entries: Record<K, Record<Language, string>>) {
  return (language: Language, key: K, params: Record<string, string | number> = {}): string =>
    entries[key][language].replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    )
}
