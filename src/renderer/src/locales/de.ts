import { numbersDe } from './numbers'
import { planDe } from './plan'
import type { MessageSchema } from './en'
import { rightsDe } from './rights'
import { routingDe } from './routing'
import { locationsDe } from './locations'

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
  users: {
    title: 'Benutzer',
    count: 'Keine Benutzer | 1 Benutzer | {count} Benutzer',
    matchCount: '{matches} von {count} Benutzern',
    search: 'Benutzer suchen',
    add: 'Benutzer hinzufügen',
    columns: {
      name: 'Name',
      email: 'E-Mail',
      admin: 'Admin',
      telephony: 'Telefonie',
      fax: 'Fax',
      actions: 'Aktionen',
    },
    admin: 'Admin',
    standard: 'Standard',
    yes: 'Ja',
    no: 'Nein',
    actionsFor: 'Aktionen für {name}',
    delete: 'Löschen',
    noMatch: 'Keine Benutzer passen zu „{search}“',
    noUsers: 'Noch keine Benutzer',
    loading: 'Benutzer werden geladen …',
    loadFailed: 'Die Benutzer konnten nicht geladen werden: {message}',
    retry: 'Erneut versuchen',
  },
  create: {
    title: 'Benutzer hinzufügen',
    firstName: 'Vorname',
    lastName: 'Nachname',
    email: 'E-Mail',
    language: 'Sprache',
    languageHint: 'Sprache der Apps und E-Mails des Benutzers',
    rights: 'Rechte und Funktionen',
    admin: 'Admin-Rechte',
    adminHint: 'Admins können alles im Plan ändern.',
    telephony: 'Telefonie',
    telephonyHint: 'Anrufe führen und annehmen; inklusive Softphone-App.',
    fax: 'Fax',
    faxHint: 'Faxe senden und empfangen.',
    cancel: 'Abbrechen',
    submit: 'Benutzer anlegen',
    added: '{name} wurde hinzugefügt.',
  },
  remove: {
    title: 'Benutzer löschen?',
    text: '{name} ({email}) wird aus dem Plan gelöscht. Das kann nicht rückgängig gemacht werden.',
    cancel: 'Abbrechen',
    confirm: 'Löschen',
    deleted: '{name} wurde gelöscht.',
  },
  rights: rightsDe,
  routing: routingDe,
  plan: planDe,
  numbers: numbersDe,
  locations: locationsDe,
  common: {
    close: 'Schließen',
    cancel: 'Abbrechen',
  },
}
