import { numbersEn } from './numbers'
import { planEn } from './plan'
import { rightsEn } from './rights'
import { routingEn } from './routing'
import { locationsEn } from './locations'
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
  users: {
    title: 'Users',
    count: 'No users | 1 user | {count} users',
    matchCount: '{matches} of {count} users',
    search: 'Search users',
    add: 'Add user',
    columns: {
      name: 'Name',
      email: 'Email',
      admin: 'Admin',
      telephony: 'Telephony',
      fax: 'Fax',
      actions: 'Actions',
    },
    admin: 'Admin',
    standard: 'Standard',
    yes: 'Yes',
    no: 'No',
    actionsFor: 'Actions for {name}',
    delete: 'Delete',
    noMatch: 'No users match “{search}”',
    noUsers: 'No users yet',
    loading: 'Loading users…',
    loadFailed: 'The users could not be loaded: {message}',
    retry: 'Try again',
  },
  create: {
    title: 'Add user',
    firstName: 'First name',
    lastName: 'Last name',
    email: 'Email',
    language: 'Language',
    languageHint: 'Language of the user’s apps and emails',
    rights: 'Rights and features',
    admin: 'Admin rights',
    adminHint: 'Admins can change everything in the plan.',
    telephony: 'Telephony',
    telephonyHint: 'Make and take calls; includes the softphone app.',
    fax: 'Fax',
    faxHint: 'Send and receive faxes.',
    cancel: 'Cancel',
    submit: 'Create user',
    added: '{name} was added.',
  },
  remove: {
    title: 'Delete user?',
    text: '{name} ({email}) will be deleted from the plan. This cannot be undone.',
    cancel: 'Cancel',
    confirm: 'Delete',
    deleted: '{name} was deleted.',
  },
  rights: rightsEn,
  routing: routingEn,
  plan: planEn,
  numbers: numbersEn,
  locations: locationsEn,
  common: {
    close: 'Close',
    cancel: 'Cancel',
  },
}

export type MessageSchema = typeof en
