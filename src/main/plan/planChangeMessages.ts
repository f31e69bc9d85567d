import type { Language } from '../../shared/domain'
import type { NamedOwner, PlanChange } from '../../shared/planChange'
import { defineMessages } from '../messages'

/** One sentence per kind of change (and variant), in both languages. Names in quotes are labels. */
const t = defineMessages({
  userAdded: { en: 'user {user} added', de: 'Benutzer {user} hinzugefügt' },
  userRemoved: { en: 'user {user} deleted', de: 'Benutzer {user} gelöscht' },
  userRenamed: { en: '{from} renamed to {user}', de: '{from} umbenannt in {user}' },
  userEmail: {
    en: 'email address of {user} changed from {from} to {to}',
    de: 'E-Mail-Adresse von {user} von {from} in {to} geändert',
  },
  userLanguage: { en: 'language of {user} changed to {to}', de: 'Sprache von {user} auf {to} geändert' },
  adminOn: { en: '{user} made an admin', de: '{user} zum Admin gemacht' },
  adminOff: { en: 'admin right of {user} removed', de: 'Admin-Recht von {user} entzogen' },
  permissionOn: {
    en: '{permission} permission given to {user}',
    de: 'Berechtigung {permission} für {user} erteilt',
  },
  permissionOff: {
    en: '{permission} permission of {user} removed',
    de: 'Berechtigung {permission} von {user} entzogen',
  },
  locationSet: { en: '{user} assigned to location {to}', de: '{user} dem Standort {to} zugeordnet' },
  locationUnset: { en: '{user} removed from location {from}', de: '{user} vom Standort {from} entfernt' },
  locationMoved: {
    en: '{user} moved from location {from} to {to}',
    de: '{user} vom Standort {from} zum Standort {to} verschoben',
  },
  passwordSet: { en: 'password set for {user}', de: 'Passwort für {user} gesetzt' },
  passwordChanged: { en: 'password of {user} changed', de: 'Passwort von {user} geändert' },
  passwordRemoved: { en: 'password of {user} removed', de: 'Passwort von {user} entfernt' },
  voicemailOn: {
    en: 'voicemail of {user} on after {seconds} s',
    de: 'Voicemail von {user} nach {seconds} s eingeschaltet',
  },
  voicemailOff: { en: 'voicemail of {user} off', de: 'Voicemail von {user} ausgeschaltet' },
  numberAdded: { en: 'number {number} added', de: 'Rufnummer {number} hinzugefügt' },
  numberRemoved: { en: 'number {number} removed', de: 'Rufnummer {number} entfernt' },
  numberRemovedFrom: {
    en: 'number {number} of {from} removed',
    de: 'Rufnummer {number} von {from} entfernt',
  },
  numberAssigned: { en: 'number {number} assigned to {to}', de: 'Rufnummer {number} an {to} zugewiesen' },
  numberReleased: {
    en: 'number {number} of {from} released',
    de: 'Rufnummer {number} von {from} freigegeben',
  },
  numberMoved: {
    en: 'number {number} moved from {from} to {to}',
    de: 'Rufnummer {number} von {from} zu {to} verschoben',
  },
  extensionAdded: {
    en: 'extension {extension} added to {owner}',
    de: 'Durchwahl {extension} für {owner} hinzugefügt',
  },
  extensionRemoved: {
    en: 'extension {extension} of {owner} removed',
    de: 'Durchwahl {extension} von {owner} entfernt',
  },
  extensionMoved: {
    en: 'extension {extension} moved from {from} to {to}',
    de: 'Durchwahl {extension} von {from} zu {to} verschoben',
  },
  deviceAdded: { en: '{type} “{name}” added for {user}', de: '{type} „{name}“ für {user} hinzugefügt' },
  deviceRemoved: { en: '{type} “{name}” of {user} removed', de: '{type} „{name}“ von {user} entfernt' },
  deviceRenamed: {
    en: 'device “{from}” of {user} renamed to “{to}”',
    de: 'Gerät „{from}“ von {user} umbenannt in „{to}“',
  },
  deviceOn: { en: 'device “{name}” of {user} switched on', de: 'Gerät „{name}“ von {user} eingeschaltet' },
  deviceOff: { en: 'device “{name}” of {user} switched off', de: 'Gerät „{name}“ von {user} ausgeschaltet' },
  deviceChanged: {
    en: 'device “{name}” of {user} changed: {fields}',
    de: 'Gerät „{name}“ von {user} geändert: {fields}',
  },
  faxAdded: { en: 'fax line “{alias}” added for {user}', de: 'Faxleitung „{alias}“ für {user} hinzugefügt' },
  faxRemoved: { en: 'fax line “{alias}” of {user} removed', de: 'Faxleitung „{alias}“ von {user} entfernt' },
  faxChanged: {
    en: 'fax line “{alias}” of {user} changed: {details}',
    de: 'Faxleitung „{alias}“ von {user} geändert: {details}',
  },
  faxRenamed: { en: 'renamed from “{from}”', de: 'umbenannt von „{from}“' },
  faxSendOn: { en: 'sending on', de: 'Senden an' },
  faxSendOff: { en: 'sending off', de: 'Senden aus' },
  faxReceiveOn: { en: 'receiving on', de: 'Empfangen an' },
  faxReceiveOff: { en: 'receiving off', de: 'Empfangen aus' },
  faxOwner: { en: 'fax line “{alias}”', de: 'Faxleitung „{alias}“' },
  locationAdded: { en: 'location {name} added', de: 'Standort {name} hinzugefügt' },
  locationRemoved: { en: 'location {name} deleted', de: 'Standort {name} gelöscht' },
  locationRenamed: { en: 'location {from} renamed to {to}', de: 'Standort {from} umbenannt in {to}' },
  locationAddress: { en: 'address of location {name} changed', de: 'Adresse des Standorts {name} geändert' },
  settingName: {
    en: 'account name changed from {from} to {to}',
    de: 'Kontoname von {from} in {to} geändert',
  },
  settingCountry: {
    en: 'country of the plan changed from {from} to {to}',
    de: 'Land des Plans von {from} in {to} geändert',
  },
  settingCurrency: { en: 'currency changed from {from} to {to}', de: 'Währung von {from} in {to} geändert' },
  settingPrice: {
    en: 'price of an extra device changed from {from} to {to} per month',
    de: 'Preis eines zusätzlichen Geräts von {from} auf {to} pro Monat geändert',
  },
  'type.voip': { en: 'VoIP phone', de: 'VoIP-Telefon' },
  'type.mobile': { en: 'mobile device', de: 'Mobilgerät' },
  'type.external': { en: 'external line', de: 'externe Leitung' },
  'type.app': { en: 'app', de: 'App' },
  'permission.telephony': { en: 'telephony', de: 'Telefonie' },
  'permission.fax': { en: 'fax', de: 'Fax' },
  'language.de': { en: 'German', de: 'Deutsch' },
  'language.en': { en: 'English', de: 'Englisch' },
  'field.model': { en: 'model', de: 'Modell' },
  'field.mac': { en: 'MAC address', de: 'MAC-Adresse' },
  'field.number': { en: 'number', de: 'Rufnummer' },
})

function ownerText(language: Language, owner: NamedOwner): string {
  return owner.kind === 'user' ? owner.name : t(language, 'faxOwner', { alias: owner.name })
}

function price(language: Language, value: string, currency: string): string {
  const amount = Number(value)
  if (!Number.isFinite(amount)) return value
  try {
    return new Intl.NumberFormat(language, { style: 'currency', currency }).format(amount)
  } catch {
    return value
  }
}

/** One change as a sentence in `language`; `number` formats a number in E.164 for reading. */
export function describeWith(
  language: Language,
  change: PlanChange,
  number: (e164: string) => string,
): string {
  const owner = (target: NamedOwner): string => ownerText(language, target)
  switch (change.kind) {
    case 'userAdded':
    case 'userRemoved':
      return t(language, change.kind, { user: change.userName })
    case 'userRenamed':
      return t(language, 'userRenamed', { user: change.userName, from: change.from })
    case 'userField':
      return change.field === 'email'
        ? t(language, 'userEmail', { user: change.userName, from: change.from, to: change.to })
        : t(language, 'userLanguage', {
            user: change.userName,
            to: change.to === 'de' || change.to === 'en' ? t(language, `language.${change.to}`) : change.to,
          })
    case 'userAdmin':
      return t(language, change.admin ? 'adminOn' : 'adminOff', { user: change.userName })
    case 'userPermission':
      return t(language, change.on ? 'permissionOn' : 'permissionOff', {
        user: change.userName,
        permission: t(language, `permission.${change.permission}`),
      })
    case 'userLocation': {
      const params = { user: change.userName, from: change.from ?? '', to: change.to ?? '' }
      if (change.from === null) return t(language, 'locationSet', params)
      if (change.to === null) return t(language, 'locationUnset', params)
      return t(language, 'locationMoved', params)
    }
    case 'userPassword':
      return t(
        language,
        change.action === 'set'
          ? 'passwordSet'
          : change.action === 'changed'
            ? 'passwordChanged'
            : 'passwordRemoved',
        { user: change.userName },
      )
    case 'voicemail':
      return t(language, change.enabled ? 'voicemailOn' : 'voicemailOff', {
        user: change.userName,
        seconds: change.timeoutSeconds,
      })
    case 'numberAdded':
      return t(language, 'numberAdded', { number: number(change.number) })
    case 'numberRemoved':
      return change.from === null
        ? t(language, 'numberRemoved', { number: number(change.number) })
        : t(language, 'numberRemovedFrom', { number: number(change.number), from: owner(change.from) })
    case 'numberAssigned':
      return t(language, 'numberAssigned', { number: number(change.number), to: owner(change.to) })
    case 'numberReleased':
      return t(language, 'numberReleased', { number: number(change.number), from: owner(change.from) })
    case 'numberMoved':
      return t(language, 'numberMoved', {
        number: number(change.number),
        from: owner(change.from),
        to: owner(change.to),
      })
    case 'extensionAdded':
    case 'extensionRemoved':
      return t(language, change.kind, { extension: change.extension, owner: owner(change.owner) })
    case 'extensionMoved':
      return t(language, 'extensionMoved', {
        extension: change.extension,
        from: owner(change.from),
        to: owner(change.to),
      })
    case 'deviceAdded':
    case 'deviceRemoved':
      return t(language, change.kind, {
        type: t(language, `type.${change.deviceType}`),
        name: change.name,
        user: change.userName,
      })
    case 'deviceRenamed':
      return t(language, 'deviceRenamed', { user: change.userName, from: change.from, to: change.to })
    case 'deviceActive':
      return t(language, change.active ? 'deviceOn' : 'deviceOff', {
        user: change.userName,
        name: change.name,
      })
    case 'deviceChanged':
      return t(language, 'deviceChanged', {
        user: change.userName,
        name: change.name,
        fields: change.fields.map((field) => t(language, `field.${field}`)).join(', '),
      })
    case 'faxAdded':
    case 'faxRemoved':
      return t(language, change.kind, { alias: change.alias, user: change.userName })
    case 'faxChanged': {
      const details: string[] = []
      if (change.fields.includes('alias')) details.push(t(language, 'faxRenamed', { from: change.fromAlias }))
      if (change.fields.includes('send')) details.push(t(language, change.send ? 'faxSendOn' : 'faxSendOff'))
      if (change.fields.includes('receive'))
        details.push(t(language, change.receive ? 'faxReceiveOn' : 'faxReceiveOff'))
      return t(language, 'faxChanged', {
        alias: change.alias,
        user: change.userName,
        details: details.join(', '),
      })
    }
    case 'locationAdded':
    case 'locationRemoved':
    case 'locationAddress':
      return t(language, change.kind, { name: change.name })
    case 'locationRenamed':
      return t(language, 'locationRenamed', { from: change.from, to: change.to })
    case 'setting':
      switch (change.field) {
        case 'name':
          return t(language, 'settingName', { from: change.from, to: change.to })
        case 'country':
          return t(language, 'settingCountry', { from: change.from, to: change.to })
        case 'currency':
          return t(language, 'settingCurrency', { from: change.from, to: change.to })
        case 'extraDevicePrice':
          return t(language, 'settingPrice', {
            from: price(language, change.from, 'EUR'),
            to: price(language, change.to, 'EUR'),
          })
      }
  }
}
