import { defineMessages } from '../messages'

/** The sentences of Compare plans, in both languages. */
export const t = defineMessages({
  'compare.pathRequired': {
    en: 'Choose the plan to compare with.',
    de: 'Wählen Sie den Plan, mit dem verglichen werden soll.',
  },
  'compare.notKnown': {
    en: 'This plan is not in the list of known plans. Choose one from the list.',
    de: 'Dieser Plan ist nicht in der Liste der bekannten Pläne. Wählen Sie einen aus der Liste.',
  },
  'compare.unavailable': {
    en: 'The plan file {value} could not be read. It may have been moved or deleted.',
    de: 'Die Plandatei {value} konnte nicht gelesen werden. Vielleicht wurde sie verschoben oder gelöscht.',
  },
  'compare.notAPlan': {
    en: 'The file {value} is not a Switchboard plan (or it is damaged); it was left as it is.',
    de: 'Die Datei {value} ist kein Switchboard-Plan (oder sie ist beschädigt); sie wurde nicht verändert.',
  },
})
