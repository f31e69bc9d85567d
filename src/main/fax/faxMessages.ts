import { defineMessages } from '../messages'

/** The sentences of fax lines, in both languages. */
export const t = defineMessages({
  'fax.notFound': { en: 'This fax line no longer exists.', de: 'Diese Faxleitung gibt es nicht mehr.' },
  'fax.noPermission': {
    en: '{name} has no fax permission: give the fax permission first, then add fax lines.',
    de: '{name} hat keine Fax-Berechtigung: Erteilen Sie zuerst die Fax-Berechtigung, dann können Sie Faxleitungen anlegen.',
  },
  'fax.direction': {
    en: 'A fax line must send, receive or both: turn on at least one of Send and Receive.',
    de: 'Eine Faxleitung muss senden, empfangen oder beides: Schalten Sie mindestens Senden oder Empfangen ein.',
  },
  'fax.numberNotInPool': {
    en: "The number {number} is not in the plan's pool: add it to the pool first.",
    de: 'Die Rufnummer {number} ist nicht im Rufnummernpool des Plans: Fügen Sie sie zuerst dem Pool hinzu.',
  },
  'fax.numberOfUser': {
    en: 'The number {number} is already assigned to the user {name}: a number belongs to one user or fax line only. Pick a free number or unassign it first.',
    de: 'Die Rufnummer {number} ist schon dem Benutzer {name} zugewiesen: Eine Rufnummer gehört nur einem Benutzer oder einer Faxleitung. Wählen Sie eine freie Nummer oder heben Sie die Zuweisung zuerst auf.',
  },
  'fax.numberOfFax': {
    en: 'The number {number} is already assigned to the fax line "{name}": a number belongs to one user or fax line only. Pick a free number or unassign it first.',
    de: 'Die Rufnummer {number} ist schon der Faxleitung „{name}“ zugewiesen: Eine Rufnummer gehört nur einem Benutzer oder einer Faxleitung. Wählen Sie eine freie Nummer oder heben Sie die Zuweisung zuerst auf.',
  },
})
