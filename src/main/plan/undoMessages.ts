import type { Language } from '../../shared/domain'
import type { UndoableChannel } from '../../shared/undo'
import { defineMessages } from '../messages'

/** Short labels of undo steps ("Undo delete user"), one per channel that changes the plan. */
const labels = {
  'plan:updateSettings': { en: 'change plan settings', de: 'Planeinstellungen ändern' },
  'users:create': { en: 'add user', de: 'Benutzer hinzufügen' },
  'users:update': { en: 'edit user', de: 'Benutzer bearbeiten' },
  'users:setPassword': { en: 'set password', de: 'Passwort setzen' },
  'users:setAdmin': { en: 'change admin right', de: 'Admin-Recht ändern' },
  'users:setLocation': { en: 'change location of user', de: 'Standort des Benutzers ändern' },
  'users:setPermissions': { en: 'change permissions', de: 'Berechtigungen ändern' },
  'users:delete': { en: 'delete user', de: 'Benutzer löschen' },
  'numbers:add': { en: 'add number', de: 'Rufnummer hinzufügen' },
  'numbers:addBlock': { en: 'add number block', de: 'Rufnummernblock hinzufügen' },
  'numbers:assign': { en: 'assign number', de: 'Rufnummer zuweisen' },
  'numbers:unassign': { en: 'release number', de: 'Rufnummer freigeben' },
  'numbers:remove': { en: 'remove number', de: 'Rufnummer entfernen' },
  'extensions:add': { en: 'add extension', de: 'Durchwahl hinzufügen' },
  'extensions:remove': { en: 'remove extension', de: 'Durchwahl entfernen' },
  'devices:add': { en: 'add device', de: 'Gerät hinzufügen' },
  'devices:rename': { en: 'rename device', de: 'Gerät umbenennen' },
  'devices:remove': { en: 'remove device', de: 'Gerät entfernen' },
  'devices:setActive': { en: 'switch device on or off', de: 'Gerät ein- oder ausschalten' },
  'fax:add': { en: 'add fax line', de: 'Faxleitung hinzufügen' },
  'fax:update': { en: 'edit fax line', de: 'Faxleitung bearbeiten' },
  'fax:remove': { en: 'remove fax line', de: 'Faxleitung entfernen' },
  'routing:setVoicemail': { en: 'change voicemail', de: 'Voicemail ändern' },
  'locations:create': { en: 'add location', de: 'Standort hinzufügen' },
  'locations:update': { en: 'edit location', de: 'Standort bearbeiten' },
  'locations:delete': { en: 'delete location', de: 'Standort löschen' },
  'csv:importCommit': { en: 'CSV import', de: 'CSV-Import' },
  change: { en: 'last change', de: 'letzte Änderung' },
} satisfies Record<UndoableChannel | 'change', Record<Language, string>>

const label = defineMessages(labels)

/** The readable label of a step recorded under `name` (a channel); unknown names read "last change". */
export function stepLabel(language: Language, name: string): string {
  return label(language, name in labels ? (name as keyof typeof labels) : 'change')
}

/** Refusals of undo and redo. */
export const t = defineMessages({
  'undo.othersStep': {
    en: 'Only an admin may undo or redo this change ({label}): it was not made by you. You are acting as {name}.',
    de: 'Nur ein Admin darf diese Änderung ({label}) rückgängig machen oder wiederholen: Sie stammt nicht von Ihnen. Sie handeln als {name}.',
  },
})
