import { numbersDe } from './numbers'
import { usersDe } from './users'
import { planDe } from './plan'
import type { MessageSchema } from './en'
import { rightsDe } from './rights'
import { routingDe } from './routing'
import { locationsDe } from './locations'
import { csvDe } from './csv'
import { devicesDe } from './devices'
import { profileDe } from './profile'
import { undoDe } from './undo'
import { plansDe } from './plans'
import { healthDe } from './health'
import { compareDe } from './compare'
import { historyDe } from './history'

/** German UI strings; the type makes the compiler check that every English key is here too. */
export const de: MessageSchema = {
  app: {
    title: 'Switchboard',
  },
  shell: {
    mainNavigation: 'Hauptnavigation',
    showNavigation: 'Navigation anzeigen',
    phoneSystem: 'Telefonanlage',
    account: 'Konto',
    actingAs: 'Angemeldet als {name}',
    darkTheme: 'Zum dunklen Design wechseln',
    lightTheme: 'Zum hellen Design wechseln',
    language: 'Sprache',
  },
  languages: {
    de: 'Deutsch',
    en: 'English',
  },
  nav: {
    locations: 'Standorte',
    settings: 'Planeinstellungen',
    numbers: 'Rufnummern',
    users: 'Benutzer',
  },
  banner: {
    readOnlyTitle: 'Schreibgeschützt',
    newerVersion:
      'Dieser Plan wurde mit einer neueren Version von Switchboard gespeichert. Er ist schreibgeschützt geöffnet: Sie können alles ansehen, aber nichts ändern. Aktualisieren Sie Switchboard, um ihn zu bearbeiten.',
    noWritePermission:
      'Switchboard darf diese Plandatei nicht schreiben ({path}). Sie ist schreibgeschützt geöffnet: Sie können alles ansehen, aber nichts ändern.',
    locked:
      'Dieser Plan ist in einem anderen Switchboard-Fenster oder -Prozess geöffnet (auf {host}, seit {since}), das ihn speichert. Hier ist er schreibgeschützt geöffnet: Sie können alles ansehen, aber nichts ändern. Schließen Sie ihn dort und öffnen Sie ihn hier erneut.',
    lockedUnknown:
      'Dieser Plan ({path}) wird gerade von einem anderen Switchboard-Fenster oder -Prozess geöffnet oder gespeichert. Hier ist er schreibgeschützt geöffnet: Sie können alles ansehen, aber nichts ändern. Schließen Sie ihn dort und öffnen Sie ihn hier erneut.',
    recoveryTitle: 'Die Plandatei konnte nicht gelesen werden',
    restored:
      'Die beschädigte Datei wurde unverändert als {keptAs} aufbewahrt. Switchboard hat den Plan aus der Sicherung {restoredFrom} wiederhergestellt; Änderungen nach dieser Sicherung fehlen.',
    newPlan:
      'Die beschädigte Datei wurde unverändert als {keptAs} aufbewahrt. Es gab keine brauchbare Sicherung, daher hat Switchboard einen neuen Plan begonnen.',
    statusFailed: 'Der Plan konnte nicht geladen werden: {message}',
  },
  errors: {
    unreachable: 'Switchboard hat nicht geantwortet ({detail}). Es wurde nichts geändert.',
  },
  users: usersDe,
  rights: rightsDe,
  routing: routingDe,
  plan: planDe,
  numbers: numbersDe,
  locations: locationsDe,
  csv: csvDe,
  devices: devicesDe,
  profile: profileDe,
  undo: undoDe,
  plans: plansDe,
  health: healthDe,
  compare: compareDe,
  history: historyDe,
  common: {
    close: 'Schließen',
    cancel: 'Abbrechen',
  },
}
