import { defineMessages } from '../messages'

/** The sentences of plan files (new, open, save as, recent), in both languages. */
export const t = defineMessages({
  'plans.accountNameRequired': {
    en: 'Account name is required: the plan needs a name.',
    de: 'Kontoname ist erforderlich: Der Plan braucht einen Namen.',
  },
  'plans.accountName': { en: 'Account name', de: 'Kontoname' },
  'plans.ownerFirstName': { en: "Owner's first name", de: 'Vorname der Inhaberin/des Inhabers' },
  'plans.ownerLastName': { en: "Owner's last name", de: 'Nachname der Inhaberin/des Inhabers' },
  'plans.ownerEmail': { en: "Owner's email", de: 'E-Mail der Inhaberin/des Inhabers' },
  'plans.fieldRequired': { en: '{field} is required.', de: '{field} ist erforderlich.' },
  'plans.emailInvalid': {
    en: '"{value}" is not a valid email address.',
    de: '„{value}“ ist keine gültige E-Mail-Adresse.',
  },
  'plans.fileNameInvalid': {
    en: 'File name "{value}" cannot be used: use letters, digits, spaces, "-" and "_" (at most {max} characters, not starting with a dot).',
    de: 'Dateiname „{value}“ ist nicht möglich: Verwenden Sie Buchstaben, Ziffern, Leerzeichen, „-“ und „_“ (höchstens {max} Zeichen, nicht mit einem Punkt am Anfang).',
  },
  'plans.fileExists': {
    en: 'A plan named "{value}" already exists in the plans folder: choose another file name.',
    de: 'Ein Plan mit dem Namen „{value}“ gibt es im Planordner schon: Wählen Sie einen anderen Dateinamen.',
  },
  'plans.fileLocked': {
    en: '"{value}" is open in another Switchboard window right now and cannot be replaced.',
    de: '„{value}“ ist gerade in einem anderen Switchboard-Fenster geöffnet und kann nicht ersetzt werden.',
  },
  'plans.notKnown': {
    en: 'This plan file is not in the list of known plans: open it from the list or with Open….',
    de: 'Diese Plandatei steht nicht in der Liste bekannter Pläne: Öffnen Sie sie aus der Liste oder mit Öffnen….',
  },
  'plans.pathRequired': {
    en: 'Choose a plan from the list to open.',
    de: 'Wählen Sie einen Plan aus der Liste zum Öffnen.',
  },
  'plans.unavailable': {
    en: '"{value}" cannot be opened: the file is missing or cannot be read.',
    de: '„{value}“ kann nicht geöffnet werden: Die Datei fehlt oder ist nicht lesbar.',
  },
  'plans.notAPlan': {
    en: '"{value}" is not a Switchboard plan (or it is damaged); it was left untouched.',
    de: '„{value}“ ist kein Switchboard-Plan (oder beschädigt); die Datei bleibt unverändert.',
  },
  'plans.newerVersion': {
    en: 'This plan was written by a newer Switchboard: a copy would lose what this version does not know. Update Switchboard to save it under another name.',
    de: 'Dieser Plan stammt von einem neueren Switchboard: Eine Kopie verlöre, was diese Version nicht kennt. Aktualisieren Sie Switchboard, um ihn unter anderem Namen zu speichern.',
  },
  'plans.noPlanFiles': {
    en: 'Plan files cannot be opened or saved here.',
    de: 'Plandateien können hier nicht geöffnet oder gespeichert werden.',
  },
  'plans.writeFailed': {
    en: 'The plan could not be written to "{value}": {reason}',
    de: 'Der Plan konnte nicht nach „{value}“ geschrieben werden: {reason}',
  },
  'plans.adminOnly': {
    en: '{name} is not an admin of this plan: only admins may create, open or save plan files.',
    de: '{name} ist keine Administratorin/kein Administrator dieses Plans: Nur Admins dürfen Plandateien anlegen, öffnen oder speichern.',
  },
})
