import type { Language } from '../../shared/domain'
import { defineMessages } from '../messages'
import type { ExtensionRule } from './extensionRules'

/** Every sentence about extensions, in both languages. */
export const t = defineMessages({
  'extension.empty': {
    en: 'Enter an extension: 2 to 4 digits.',
    de: 'Geben Sie eine Durchwahl ein: 2 bis 4 Ziffern.',
  },
  'extension.digits': {
    en: 'Extension "{value}" is not valid: an extension has 2 to 4 digits.',
    de: 'Die Durchwahl „{value}“ ist ungültig: Eine Durchwahl hat 2 bis 4 Ziffern.',
  },
  'extension.emergency': {
    en: 'Extension {value} is not allowed: extensions may not start with 110–119 (emergency numbers).',
    de: 'Die Durchwahl {value} ist nicht erlaubt: Durchwahlen dürfen nicht mit 110–119 beginnen (Notrufnummern).',
  },
  'extension.service': {
    en: 'Extension {value} is not allowed: extensions may not start with {prefix} (211, 311, … 911 are service numbers).',
    de: 'Die Durchwahl {value} ist nicht erlaubt: Durchwahlen dürfen nicht mit {prefix} beginnen (211, 311, … 911 sind Servicenummern).',
  },
  'extension.emergency999': {
    en: 'Extension {value} is not allowed: extensions may not start with 999 (emergency number).',
    de: 'Die Durchwahl {value} ist nicht erlaubt: Durchwahlen dürfen nicht mit 999 beginnen (Notrufnummer).',
  },
  'extension.reserved99': {
    en: 'Extension {value} is not allowed: 9900–9999 are reserved.',
    de: 'Die Durchwahl {value} ist nicht erlaubt: 9900–9999 sind reserviert.',
  },
  'extension.taken': {
    en: 'Extension {value} is already used by {name}.',
    de: 'Die Durchwahl {value} wird schon von {name} verwendet.',
  },
  'extension.limit': {
    en: '{name} already has {max} extensions, the most allowed.',
    de: '{name} hat schon {max} Durchwahlen, mehr sind nicht erlaubt.',
  },
  'extension.notOwned': {
    en: 'Extension {value} does not belong to {name}.',
    de: 'Die Durchwahl {value} gehört nicht zu {name}.',
  },
  'extension.selfOnly': {
    en: 'You may change only your own extensions. You are acting as {actor}.',
    de: 'Sie dürfen nur Ihre eigenen Durchwahlen ändern. Sie handeln als {actor}.',
  },
  'owner.userNotFound': { en: 'This user no longer exists.', de: 'Diesen Benutzer gibt es nicht mehr.' },
  'owner.faxNotFound': { en: 'This fax line no longer exists.', de: 'Diese Faxleitung gibt es nicht mehr.' },
})

/** The rule an extension breaks, as a sentence that names it. */
export function ruleMessage(language: Language, rule: ExtensionRule, value: string): string {
  switch (rule) {
    case 'digits':
      return value === '' ? t(language, 'extension.empty') : t(language, 'extension.digits', { value })
    case 'emergency':
      return t(language, 'extension.emergency', { value })
    case 'service':
      return t(language, 'extension.service', { value, prefix: value.slice(0, 3) })
    case 'emergency999':
      return t(language, 'extension.emergency999', { value })
    case 'reserved99':
      return t(language, 'extension.reserved99', { value })
  }
}
