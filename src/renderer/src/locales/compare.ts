/** Strings of Compare plans (/compare). */
export const compareEn = {
  nav: 'Compare plans',
  title: 'Compare plans',
  subtitle: 'See what differs between the open plan and another plan file. The other file is only read.',
  pick: 'Plan to compare with',
  pickHint: 'Recent plans and the plans folder',
  unavailable: '{name} (cannot be read)',
  compare: 'Compare',
  noOthers:
    'There is no other plan yet. Create one or save this plan under another name from the Plan menu, then compare them here.',
  loadFailed: 'The plans could not be listed: {message}',
  from: 'From the open plan {current} to {other}',
  quoted: '“{name}”',
  same: 'No differences: both plans hold the same users, numbers, locations and settings.',
  none: 'None',
  more: 'and {count} more',
  moreChanges: 'and {count} more changes',
  count: 'No entries | 1 entry | {count} entries',
  users: 'No users | 1 user | {count} users',
  sections: {
    added: 'Users only in {name}',
    removed: 'Users only in the open plan',
    changed: 'Users who differ',
    numbers: 'Phone numbers',
    locations: 'Locations',
    other: 'Settings and fax lines',
  },
}

export const compareDe: typeof compareEn = {
  nav: 'Pläne vergleichen',
  title: 'Pläne vergleichen',
  subtitle:
    'Sehen Sie, was sich zwischen dem geöffneten Plan und einer anderen Plandatei unterscheidet. Die andere Datei wird nur gelesen.',
  pick: 'Vergleichen mit',
  pickHint: 'Zuletzt verwendete Pläne und der Plan-Ordner',
  unavailable: '{name} (nicht lesbar)',
  compare: 'Vergleichen',
  noOthers:
    'Es gibt noch keinen anderen Plan. Legen Sie im Menü „Plan“ einen an oder speichern Sie diesen Plan unter einem anderen Namen und vergleichen Sie sie dann hier.',
  loadFailed: 'Die Pläne konnten nicht aufgelistet werden: {message}',
  from: 'Vom geöffneten Plan {current} zu {other}',
  quoted: '„{name}“',
  same: 'Keine Unterschiede: Beide Pläne haben dieselben Benutzer, Rufnummern, Standorte und Einstellungen.',
  none: 'Keine',
  more: 'und {count} weitere',
  moreChanges: 'und {count} weitere Änderungen',
  count: 'Keine Einträge | 1 Eintrag | {count} Einträge',
  users: 'Keine Benutzer | 1 Benutzer | {count} Benutzer',
  sections: {
    added: 'Benutzer nur in {name}',
    removed: 'Benutzer nur im geöffneten Plan',
    changed: 'Benutzer mit Unterschieden',
    numbers: 'Rufnummern',
    locations: 'Standorte',
    other: 'Einstellungen und Faxanschlüsse',
  },
}
