/** Strings of the Change history screen. vue-i18n syntax: `{name}` is a parameter, `|` separates plural forms. */
export const historyEn = {
  nav: 'Change history',
  title: 'Change history',
  count: 'No changes | 1 change | {count} changes',
  matchCount: '{matches} of {count} changes match',
  search: 'Search the history',
  columns: {
    when: 'When',
    who: 'Who',
    what: 'What changed',
  },
  loading: 'Loading the history…',
  loadFailed: 'The history could not be loaded: {message}',
  retry: 'Try again',
  noMatch: 'No change matches “{search}”.',
  emptyTitle: 'No changes yet',
  emptyText: 'Every change made in this plan appears here: when, by whom, and what changed.',
  unknownActor: 'Outside the app',
  openProfile: 'Open profile of {name}',
  keptNote:
    'The history is kept in the plan file (the newest 2,000 changes). Undo takes a change back together with its entry.',
}

export const historyDe: typeof historyEn = {
  nav: 'Änderungsverlauf',
  title: 'Änderungsverlauf',
  count: 'Keine Änderungen | 1 Änderung | {count} Änderungen',
  matchCount: '{matches} von {count} Änderungen passen',
  search: 'Verlauf durchsuchen',
  columns: {
    when: 'Wann',
    who: 'Wer',
    what: 'Was geändert wurde',
  },
  loading: 'Verlauf wird geladen …',
  loadFailed: 'Der Verlauf konnte nicht geladen werden: {message}',
  retry: 'Erneut versuchen',
  noMatch: 'Keine Änderung passt zu „{search}“.',
  emptyTitle: 'Noch keine Änderungen',
  emptyText: 'Jede Änderung an diesem Plan erscheint hier: wann, von wem und was geändert wurde.',
  unknownActor: 'Außerhalb der App',
  openProfile: 'Profil von {name} öffnen',
  keptNote:
    'Der Verlauf wird in der Plandatei gespeichert (die neuesten 2.000 Änderungen). Rückgängig nimmt eine Änderung samt ihrem Eintrag zurück.',
}
