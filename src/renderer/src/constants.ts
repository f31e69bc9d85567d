import type { Language, UserSortKey } from '@shared/domain'

// The shared module defines these lists next to zod schemas; importing its values would bundle zod
// into the page. A Record over the shared union makes the compiler insist on every value instead.
const languageSet: Record<Language, true> = { de: true, en: true }
const sortKeySet: Record<UserSortKey, true> = {
  name: true,
  email: true,
  admin: true,
  telephony: true,
  fax: true,
}

export const uiLanguages = Object.keys(languageSet) as Language[]

export function isLanguage(value: string | null | undefined): value is Language {
  return value != null && Object.hasOwn(languageSet, value)
}

export function isUserSortKey(value: string): value is UserSortKey {
  return Object.hasOwn(sortKeySet, value)
}
