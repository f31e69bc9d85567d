import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import type { PlanStatus, ReadOnlyReason } from '../../../../shared/domain'
import { de } from '../../locales/de'
import { en } from '../../locales/en'
import { readOnlyText } from './readOnlyText'

const reasons: ReadOnlyReason[] = ['newer_version', 'no_write_permission', 'locked']
const base: PlanStatus = { path: '/plans/plan.json', accountName: 'A', readOnly: null, recovery: null }

describe('the read-only banner text', () => {
  for (const language of ['en', 'de'] as const) {
    const i18n = createI18n({ legacy: false, locale: language, messages: { en, de } })
    const t = (key: string, values?: Record<string, unknown>): string => i18n.global.t(key, values ?? {})

    it(`names every read-only reason in ${language}`, () => {
      expect(readOnlyText(base, t, language)).toBeNull()
      const texts = reasons.map((reason) => readOnlyText({ ...base, readOnly: reason }, t, language))
      for (const text of texts) expect(text).toMatch(/\S{10}/)
      expect(new Set(texts).size).toBe(reasons.length)
      for (const text of texts) expect(text).not.toMatch(/banner\.|\{/)
    })

    it(`says which host holds the lock and since when in ${language}`, () => {
      const status: PlanStatus = {
        ...base,
        readOnly: 'locked',
        lockedBy: { hostname: 'office-pc', pid: 42, since: '2026-03-04T09:30:00.000Z' },
      }
      const text = readOnlyText(status, t, language) ?? ''
      expect(text).toContain('office-pc')
      expect(text).toContain('2026')
      expect(text).not.toBe(readOnlyText({ ...base, readOnly: 'locked' }, t, language))
    })
  }
})
