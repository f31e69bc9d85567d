import { defineMessages } from '../messages'

/** The sentences of routing (voicemail), in both languages. */
export const t = defineMessages({
  'routing.userNotFound': {
    en: 'This user no longer exists, so there is no routing to show or change.',
    de: 'Diesen Benutzer gibt es nicht mehr, daher gibt es kein Routing zum Anzeigen oder Ändern.',
  },
  'voicemail.timeoutRange': {
    en: '{field}: {value} is not allowed: the voicemail answers after 5 to 600 seconds.',
    de: '{field}: {value} ist nicht erlaubt: Die Mailbox springt nach 5 bis 600 Sekunden an.',
  },
})
