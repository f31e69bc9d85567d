import { defineMessages } from '../messages'

/** The sentences of the users and session rules, in both languages. */
export const t = defineMessages({
  'number.invalid': {
    en: '"{value}" is not a valid phone number: {reason}',
    de: '„{value}“ ist keine gültige Rufnummer: {reason}',
  },
  'number.problem.empty': { en: 'it is empty.', de: 'Sie ist leer.' },
  'number.problem.not_a_number': { en: 'it contains no phone number.', de: 'Sie enthält keine Rufnummer.' },
  'number.problem.too_short': { en: 'it is too short.', de: 'Sie ist zu kurz.' },
  'number.problem.too_long': { en: 'it is too long.', de: 'Sie ist zu lang.' },
  'number.problem.invalid_country': {
    en: 'the country code is unknown.',
    de: 'Die Ländervorwahl ist unbekannt.',
  },
  'number.problem.invalid': {
    en: 'no such number exists in its country.',
    de: 'Eine solche Nummer gibt es in ihrem Land nicht.',
  },
  'number.notInPool': {
    en: 'The number {value} is not in the plan’s number pool. Add it to the pool first.',
    de: 'Die Rufnummer {value} ist nicht im Rufnummernpool des Plans. Fügen Sie sie zuerst dem Pool hinzu.',
  },
  'number.taken': {
    en: 'The number {value} is already assigned to {name}.',
    de: 'Die Rufnummer {value} ist schon {name} zugewiesen.',
  },
  'extension.rule.digits': {
    en: 'Extension {value} is not allowed: an extension has 2 to 4 digits and nothing else.',
    de: 'Durchwahl {value} ist nicht erlaubt: Eine Durchwahl hat 2 bis 4 Ziffern und sonst nichts.',
  },
  'extension.rule.emergency': {
    en: 'Extension {value} is not allowed: extensions may not start with 110–119 (emergency numbers).',
    de: 'Durchwahl {value} ist nicht erlaubt: Durchwahlen dürfen nicht mit 110–119 beginnen (Notrufnummern).',
  },
  'extension.rule.service': {
    en: 'Extension {value} is not allowed: extensions may not start with 211, 311, 411, 511, 611, 711, 811 or 911 (service numbers).',
    de: 'Durchwahl {value} ist nicht erlaubt: Durchwahlen dürfen nicht mit 211, 311, 411, 511, 611, 711, 811 oder 911 beginnen (Servicenummern).',
  },
  'extension.rule.emergency999': {
    en: 'Extension {value} is not allowed: extensions may not start with 999 (emergency number).',
    de: 'Durchwahl {value} ist nicht erlaubt: Durchwahlen dürfen nicht mit 999 beginnen (Notrufnummer).',
  },
  'extension.rule.reserved99': {
    en: 'Extension {value} is not allowed: 9900–9999 are reserved.',
    de: 'Durchwahl {value} ist nicht erlaubt: 9900–9999 sind reserviert.',
  },
  'extension.taken': {
    en: 'Extension {value} is already used by {name}.',
    de: 'Die Durchwahl {value} wird schon von {name} verwendet.',
  },
  'password.tooShort': {
    en: 'The password must be at least {min} characters long.',
    de: 'Das Passwort muss mindestens {min} Zeichen lang sein.',
  },
  'password.tooLong': {
    en: 'The password may be at most {max} characters long.',
    de: 'Das Passwort darf höchstens {max} Zeichen lang sein.',
  },
  'password.currentRequired': {
    en: 'Enter your current password to change or remove it. Nothing was changed.',
    de: 'Geben Sie Ihr aktuelles Passwort ein, um es zu ändern oder zu entfernen. Es wurde nichts geändert.',
  },
  'password.currentWrong': {
    en: 'The current password is not correct. Nothing was changed.',
    de: 'Das aktuelle Passwort ist nicht richtig. Es wurde nichts geändert.',
  },
  'password.changedMeanwhile': {
    en: 'The password of {name} was changed in the meantime. Nothing was changed; please try again.',
    de: 'Das Passwort von {name} wurde inzwischen geändert. Es wurde nichts geändert; bitte versuchen Sie es erneut.',
  },
  'admin.lastAdmin': {
    en: '{name} is the last admin: admin rights cannot be removed. Make another user an admin first: at least one admin always remains.',
    de: '{name} ist der letzte Admin: Die Admin-Rechte können nicht entzogen werden. Machen Sie zuerst einen anderen Benutzer zum Admin: Mindestens ein Admin muss bleiben.',
  },
  'location.notFound': {
    en: 'This location does not exist (any more).',
    de: 'Diesen Standort gibt es nicht (mehr).',
  },
  'permissions.confirm': {
    en: 'Changing the permissions of {name} removes {impact}. Confirm to go ahead; nothing was changed yet.',
    de: 'Das Ändern der Berechtigungen von {name} entfernt {impact}. Bestätigen Sie, um fortzufahren; es wurde noch nichts geändert.',
  },
  'impact.devices': { en: 'the devices {list}', de: 'die Geräte {list}' },
  'impact.faxLines': { en: 'the fax lines {list}', de: 'die Faxanschlüsse {list}' },
  'impact.numbers': {
    en: 'the numbers {list} (they go back to the pool)',
    de: 'die Rufnummern {list} (sie gehen zurück in den Pool)',
  },
  'impact.extensions': { en: 'the extensions {list}', de: 'die Durchwahlen {list}' },
  'impact.and': { en: 'and', de: 'und' },
  'rights.readSelfOnly': {
    en: 'You may see only your own details. You are acting as {name}.',
    de: 'Sie dürfen nur Ihre eigenen Angaben sehen. Sie handeln als {name}.',
  },
  'session.userNotFound': {
    en: 'This user no longer exists; Switchboard still acts as {name}.',
    de: 'Diesen Benutzer gibt es nicht mehr; Switchboard handelt weiter als {name}.',
  },
  'session.passwordRequired': {
    en: '{name} has a password: enter it to act as {name}.',
    de: '{name} hat ein Passwort: Geben Sie es ein, um als {name} zu handeln.',
  },
  'session.passwordWrong': {
    en: 'The password of {name} is not correct; Switchboard still acts as {current}.',
    de: 'Das Passwort von {name} ist nicht richtig; Switchboard handelt weiter als {current}.',
  },
})
