import { createI18n } from 'vue-i18n'
import type { Language } from '@shared/domain'
import { de } from '../locales/de'
import { en } from '../locales/en'
import type { MessageSchema } from '../locales/en'
import { initialLanguage } from '../stores/preferences'

/**
 * vue-i18n 11 compiles each message just in time into an AST and interprets it: no `eval` and no
 * `new Function`, so the full build runs under the CSP `script-src 'self'`.
 */
export const i18n = createI18n<[MessageSchema], Language, false>({
  legacy: false,
  locale: initialLanguage(),
  fallbackLocale: 'en',
  messages: { en, de },
})
