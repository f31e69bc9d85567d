import { numbersEn } from './numbers'
import { usersEn } from './users'
import { planEn } from './plan'
import { rightsEn } from './rights'
import { routingEn } from './routing'
import { locationsEn } from './locations'
import { csvEn } from './csv'
import { devicesEn } from './devices'
import { profileEn } from './profile'
import { undoEn } from './undo'
import { plansEn } from './plans'
import { healthEn } from './health'
import { compareEn } from './compare'
import { historyEn } from './history'
/**
 * English UI strings. `de.ts` must have exactly the same keys (checked by the compiler).
 * vue-i18n message syntax: `{name}` is a parameter, `|` separates plural forms; avoid `@` and `|` in text.
 */
export const en = {
  app: {
    title: 'Switchboard',
  },
  shell: {
    mainNavigation: 'Main navigation',
    showNavigation: 'Show navigation',
    phoneSystem: 'Phone system',
    account: 'Account',
    actingAs: 'Acting as {name}',
    darkTheme: 'Switch to dark theme',
    lightTheme: 'Switch to light theme',
    language: 'Language',
  },
  languages: {
    de: 'Deutsch',
    en: 'English',
  },
  nav: {
    locations: 'Locations',
    settings: 'Plan settings',
    numbers: 'Phone numbers',
    users: 'Users',
  },
  banner: {
    readOnlyTitle: 'Read-only',
    newerVersion:
      'This plan was saved by a newer version of Switchboard. It is open read-only: you can look at everything, but nothing can be changed. Update Switchboard to edit it.',
    noWritePermission:
      'Switchboard is not allowed to write to this plan file ({path}). It is open read-only: you can look at everything, but nothing can be changed.',
    locked:
      'This plan is open in another Switchboard window or process (on {host}, since {since}), which is the one that saves it. It is open read-only here: you can look at everything, but nothing can be changed. Close it there, then open it again here.',
    lockedUnknown:
      'This plan ({path}) is being opened or saved by another Switchboard window or process. It is open read-only here: you can look at everything, but nothing can be changed. Close it there, then open it again here.',
    recoveryTitle: 'The plan file could not be read',
    restored:
      'The damaged file was kept unchanged as {keptAs}. Switchboard restored the plan from the backup {restoredFrom}; changes made after that backup are missing.',
    newPlan:
      'The damaged file was kept unchanged as {keptAs}. No usable backup was found, so Switchboard started a new plan.',
    statusFailed: 'The plan could not be loaded: {message}',
  },
  errors: {
    unreachable: 'Switchboard did not answer ({detail}). Nothing was changed.',
  },
  users: usersEn,
  rights: rightsEn,
  routing: routingEn,
  plan: planEn,
  numbers: numbersEn,
  locations: locationsEn,
  csv: csvEn,
  devices: devicesEn,
  profile: profileEn,
  undo: undoEn,
  plans: plansEn,
  health: healthEn,
  compare: compareEn,
  history: historyEn,
  common: {
    close: 'Close',
    cancel: 'Cancel',
  },
}

export type MessageSchema = typeof en
