import type { Language } from '../../shared/domain'
import { defineMessages } from '../messages'
import type { PhoneProblem } from './typedNumber'

/** Every sentence of the numbers pool, in both languages. */
export const t = defineMessages({
  'number.empty': {
    en: 'Enter a phone number, e.g. 0211 5558 0 or +49 211 5558 0.',
    de: 'Geben Sie eine Rufnummer ein, z. B. 0211 5558 0 oder +49 211 5558 0.',
  },
  'number.notANumber': {
    en: '"{value}" is not a phone number: a number consists of digits, optionally with +, spaces, - ( ) / or dots.',
    de: '„{value}“ ist keine Rufnummer: Eine Rufnummer besteht aus Ziffern, wahlweise mit +, Leerzeichen, - ( ) / oder Punkten.',
  },
  'number.tooShort': {
    en: '"{value}" is too short for a phone number.',
    de: '„{value}“ ist zu kurz für eine Rufnummer.',
  },
  'number.tooLong': {
    en: '"{value}" is too long for a phone number.',
    de: '„{value}“ ist zu lang für eine Rufnummer.',
  },
  'number.invalidCountry': {
    en: '"{value}" has no known country code. Start with + and the country code, e.g. +49.',
    de: '„{value}“ hat keine bekannte Ländervorwahl. Beginnen Sie mit + und der Ländervorwahl, z. B. +49.',
  },
  'number.invalidFor': {
    en: '"{value}" is not a valid phone number for {country}.',
    de: '„{value}“ ist keine gültige Rufnummer für {country}.',
  },
  'number.invalid': {
    en: '"{value}" is not a valid phone number.',
    de: '„{value}“ ist keine gültige Rufnummer.',
  },
  'number.inPool': {
    en: '{number} is already in the number pool.',
    de: '{number} ist schon im Rufnummernpool.',
  },
  'number.notInPool': {
    en: '{number} is not in the number pool of this plan.',
    de: '{number} ist nicht im Rufnummernpool dieses Plans.',
  },
  'block.lengthChanges': {
    en: 'A block of {count} numbers from {base} would end at {last}, which has one digit more. A block keeps the length of its first number: choose a smaller count or another first number.',
    de: 'Ein Block von {count} Rufnummern ab {base} würde bei {last} enden, das eine Ziffer mehr hat. Ein Block behält die Länge seiner ersten Nummer: Wählen Sie eine kleinere Anzahl oder eine andere erste Nummer.',
  },
  'block.invalidMember': {
    en: 'The block would contain {number}, which is not a valid phone number. Nothing was added.',
    de: 'Der Block würde {number} enthalten, das keine gültige Rufnummer ist. Es wurde nichts hinzugefügt.',
  },
  'block.inPool': {
    en: '{count} numbers of this block are already in the number pool: {numbers}. Nothing was added.',
    de: '{count} Rufnummern dieses Blocks sind schon im Rufnummernpool: {numbers}. Es wurde nichts hinzugefügt.',
  },
  'block.inPoolOne': {
    en: '{numbers} of this block is already in the number pool. Nothing was added.',
    de: '{numbers} aus diesem Block ist schon im Rufnummernpool. Es wurde nichts hinzugefügt.',
  },
  'list.more': { en: '{list} and {count} more', de: '{list} und {count} weitere' },
  'assign.taken': {
    en: '{number} is assigned to {name}. Unassign it there first: a number belongs to one user or fax line.',
    de: '{number} ist {name} zugewiesen. Heben Sie die Zuweisung dort zuerst auf: Eine Rufnummer gehört zu einem Benutzer oder einer Faxleitung.',
  },
  'assign.notFree': {
    en: '{number} is assigned to {name}. You may assign only free numbers to yourself. You are acting as {actor}.',
    de: '{number} ist {name} zugewiesen. Sie dürfen sich nur freie Rufnummern zuweisen. Sie handeln als {actor}.',
  },
  'assign.selfOnly': {
    en: 'You may assign numbers only to yourself. You are acting as {actor}.',
    de: 'Sie dürfen Rufnummern nur sich selbst zuweisen. Sie handeln als {actor}.',
  },
  'assign.faxHasNumber': {
    en: 'The fax line {name} already has the number {number}. A fax line has one number: unassign it first.',
    de: 'Die Faxleitung {name} hat schon die Rufnummer {number}. Eine Faxleitung hat eine Rufnummer: Heben Sie diese Zuweisung zuerst auf.',
  },
  'target.userNotFound': {
    en: 'This user no longer exists.',
    de: 'Diesen Benutzer gibt es nicht mehr.',
  },
  'target.faxNotFound': {
    en: 'This fax line no longer exists.',
    de: 'Diese Faxleitung gibt es nicht mehr.',
  },
  'unassign.notOwn': {
    en: '{number} is not assigned to you. You may unassign only your own numbers. You are acting as {actor}.',
    de: '{number} ist Ihnen nicht zugewiesen. Sie dürfen nur Zuweisungen Ihrer eigenen Rufnummern aufheben. Sie handeln als {actor}.',
  },
  'remove.assigned': {
    en: '{number} is assigned to {name}. Removing it from the pool unassigns it from {name}. Confirm to remove it.',
    de: '{number} ist {name} zugewiesen. Wenn Sie sie aus dem Pool entfernen, wird die Zuweisung an {name} aufgehoben. Bestätigen Sie das Entfernen.',
  },
})

/** The country's name as a person reads it ("Germany", "Deutschland"), or its code. */
export function countryName(language: Language, country: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(country) ?? country
  } catch {
    return country
  }
}

/** Why a typed number could not be used, as a sentence. */
export function phoneProblemMessage(
  language: Language,
  problem: PhoneProblem,
  typed: string,
  country: string | null,
): string {
  const value = typed.trim()
  switch (problem) {
    case 'empty':
      return t(language, 'number.empty')
    case 'not_a_number':
      return t(language, 'number.notANumber', { value })
    case 'too_short':
      return t(language, 'number.tooShort', { value })
    case 'too_long':
      return t(language, 'number.tooLong', { value })
    case 'invalid_country':
      return t(language, 'number.invalidCountry', { value })
    case 'invalid':
      return country === null
        ? t(language, 'number.invalid', { value })
        : t(language, 'number.invalidFor', { value, country: countryName(language, country) })
  }
}

/** The first few items of a list, then "and N more". */
export function firstFew(language: Language, items: readonly string[], few = 3): string {
  if (items.length <= few) return items.join(', ')
  return t(language, 'list.more', { list: items.slice(0, few).join(', '), count: items.length - few })
}
