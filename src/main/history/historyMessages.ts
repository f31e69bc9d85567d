import { defineMessages } from '../messages'

export const t = defineMessages({
  more: {
    en: 'and {count} more changes',
    de: 'und {count} weitere Änderungen',
  },
})
