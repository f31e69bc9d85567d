/** Strings of the plan health overview (/health). */
export const healthEn = {
  nav: 'Plan health',
  title: 'Plan health',
  subtitle: 'The whole plan at a glance: what still keeps it from working, and what it costs.',
  loadFailed: 'The plan health could not be loaded: {message}',
  retry: 'Try again',
  allGoodTitle: 'All good',
  allGood:
    'Every user can make calls, every number is assigned, everybody has a location and no device costs extra.',
  nothing: 'Nothing to do',
  more: 'and {count} more',
  openProfileOf: 'Open the profile of {name}',
  routingIncomplete: {
    title: 'Users who cannot make calls yet',
    count: 'No user | 1 user | {count} users',
    link: 'Show them in the users list',
  },
  freeNumbers: {
    title: 'Numbers not assigned',
    count: 'No number | 1 number | {count} numbers',
    link: 'Assign them in Phone numbers',
  },
  withoutLocation: {
    title: 'Users without a location',
    count: 'No user | 1 user | {count} users',
    link: 'Show them in the users list',
    noLocations: 'The plan has no locations yet.',
    createLocation: 'Create a location',
  },
  extraDevices: {
    title: 'Extra devices',
    count: 'No extra device | 1 extra device | {count} extra devices',
    summary:
      '{cost} per month in total ({price} per extra device; from the third device of a user, apps not counted)',
    user: '{count} extra, {cost} per month',
    link: 'See the cost in Plan settings',
  },
}

export const healthDe: typeof healthEn = {
  nav: 'Plan-Check',
  title: 'Plan-Check',
  subtitle: 'Der ganze Plan auf einen Blick: was noch fehlt, damit alles funktioniert, und was er kostet.',
  loadFailed: 'Der Plan-Check konnte nicht geladen werden: {message}',
  retry: 'Erneut versuchen',
  allGoodTitle: 'Alles in Ordnung',
  allGood:
    'Alle Benutzer können telefonieren, jede Rufnummer ist zugewiesen, alle haben einen Standort und kein Gerät kostet extra.',
  nothing: 'Nichts zu tun',
  more: 'und {count} weitere',
  openProfileOf: 'Profil von {name} öffnen',
  routingIncomplete: {
    title: 'Benutzer, die noch nicht telefonieren können',
    count: 'Kein Benutzer | 1 Benutzer | {count} Benutzer',
    link: 'In der Benutzerliste zeigen',
  },
  freeNumbers: {
    title: 'Nicht zugewiesene Rufnummern',
    count: 'Keine Rufnummer | 1 Rufnummer | {count} Rufnummern',
    link: 'Unter Rufnummern zuweisen',
  },
  withoutLocation: {
    title: 'Benutzer ohne Standort',
    count: 'Kein Benutzer | 1 Benutzer | {count} Benutzer',
    link: 'In der Benutzerliste zeigen',
    noLocations: 'Der Plan hat noch keine Standorte.',
    createLocation: 'Standort anlegen',
  },
  extraDevices: {
    title: 'Zusätzliche Geräte',
    count: 'Kein zusätzliches Gerät | 1 zusätzliches Gerät | {count} zusätzliche Geräte',
    summary:
      'Insgesamt {cost} pro Monat ({price} je zusätzlichem Gerät; ab dem dritten Gerät eines Benutzers, Apps zählen nicht)',
    user: '{count} zusätzlich, {cost} pro Monat',
    link: 'Kosten in den Planeinstellungen ansehen',
  },
}
