import { defineMessages } from '../messages'

/** The sentences of CSV export and import, in both languages. */
export const t = defineMessages({
  'file.tooLarge': {
    en: 'The file is larger than {max} MB. Split it into smaller files and import them one after another.',
    de: 'Die Datei ist größer als {max} MB. Teilen Sie sie in kleinere Dateien auf und importieren Sie diese nacheinander.',
  },
  'file.tooManyRows': {
    en: 'The file has more than {max} rows. Split it into smaller files and import them one after another.',
    de: 'Die Datei hat mehr als {max} Zeilen. Teilen Sie sie in kleinere Dateien auf und importieren Sie diese nacheinander.',
  },
  'file.empty': {
    en: 'The file is empty: it needs a header row and at least one user.',
    de: 'Die Datei ist leer: Sie braucht eine Kopfzeile und mindestens einen Benutzer.',
  },
  'file.binary': {
    en: 'This is not a CSV text file (it contains binary data). Save it from your spreadsheet as CSV and try again.',
    de: 'Das ist keine CSV-Textdatei (sie enthält Binärdaten). Speichern Sie sie in Ihrer Tabellenkalkulation als CSV und versuchen Sie es erneut.',
  },
  'file.malformed': {
    en: 'The file cannot be read as CSV near line {line}: {reason}. Nothing was changed.',
    de: 'Die Datei lässt sich bei Zeile {line} nicht als CSV lesen: {reason}. Es wurde nichts geändert.',
  },
  'file.noNameColumns': {
    en: 'No column for the email address was found. The first row must name the columns, e.g. first_name, last_name, email.',
    de: 'Es wurde keine Spalte für die E-Mail-Adresse gefunden. Die erste Zeile muss die Spalten benennen, z. B. first_name, last_name, email.',
  },
  'file.duplicateColumn': {
    en: 'The columns "{first}" and "{second}" both mean {field}. Remove one of them.',
    de: 'Die Spalten „{first}“ und „{second}“ bedeuten beide {field}. Entfernen Sie eine davon.',
  },
  'import.notFound': {
    en: 'This import is no longer open. Choose the file again.',
    de: 'Dieser Import ist nicht mehr geöffnet. Wählen Sie die Datei erneut aus.',
  },
  'import.chunkInvalid': {
    en: 'A part of the file arrived damaged. Choose the file again.',
    de: 'Ein Teil der Datei kam beschädigt an. Wählen Sie die Datei erneut aus.',
  },
  'import.hasErrors': {
    en: 'Nothing was imported: {count} included rows still have errors. Fix or exclude them first.',
    de: 'Es wurde nichts importiert: {count} einbezogene Zeilen haben noch Fehler. Korrigieren oder schließen Sie sie zuerst aus.',
  },
  'import.nothingToDo': {
    en: 'Nothing to import: every included row is unchanged.',
    de: 'Nichts zu importieren: Alle einbezogenen Zeilen sind unverändert.',
  },
  'import.rowNotFound': {
    en: 'Row {index} is not part of this import.',
    de: 'Zeile {index} gehört nicht zu diesem Import.',
  },
  'row.tooManyCells': {
    en: 'This row has {count} cells, but the header names only {max} columns.',
    de: 'Diese Zeile hat {count} Zellen, die Kopfzeile nennt aber nur {max} Spalten.',
  },
  'row.language': {
    en: 'Language "{value}" is not known: use de or en.',
    de: 'Sprache „{value}“ ist unbekannt: Verwenden Sie de oder en.',
  },
  'row.boolean': {
    en: '{field} "{value}" is not yes or no.',
    de: '{field} „{value}“ ist weder yes noch no (ja/nein).',
  },
  'row.location': {
    en: 'There is no location named "{value}". Create it under Locations first, or leave the cell empty.',
    de: 'Es gibt keinen Standort namens „{value}“. Legen Sie ihn zuerst unter Standorte an oder lassen Sie die Zelle leer.',
  },
  'row.duplicateInFile': {
    en: '{value} appears again in line {line} of this file.',
    de: '{value} kommt in Zeile {line} dieser Datei noch einmal vor.',
  },
  'row.removesTelephony': {
    en: 'Telephony would be taken away from {name}, which removes the app: change this in the user\u2019s profile, not by import.',
    de: 'Telefonie würde {name} entzogen, wodurch die App entfernt wird: Ändern Sie das im Profil des Benutzers, nicht per Import.',
  },
  'row.removesFax': {
    en: 'Fax would be taken away from {name}, which removes their fax lines: change this in the user\u2019s profile, not by import.',
    de: 'Fax würde {name} entzogen, wodurch die Faxleitungen entfernt werden: Ändern Sie das im Profil des Benutzers, nicht per Import.',
  },
  'row.tooManyExtensions': {
    en: 'A user can have at most {max} extensions.',
    de: 'Ein Benutzer kann höchstens {max} Durchwahlen haben.',
  },
  'row.mobileName': { en: 'Mobile', de: 'Mobiltelefon' },
})
