import type { PlanStatus } from '../../../../shared/domain'

type Translate = (key: string, values?: Record<string, unknown>) => string

/** The banner text for a plan that is open read-only, in the UI language; null when writable. */
export function readOnlyText(
  status: PlanStatus | null | undefined,
  t: Translate,
  locale: string,
): string | null {
  if (!status?.readOnly) return null
  switch (status.readOnly) {
    case 'newer_version':
      return t('banner.newerVersion')
    case 'no_write_permission':
      return t('banner.noWritePermission', { path: status.path })
    case 'locked': {
      const holder = status.lockedBy
      const since = holder?.since ? new Date(holder.since) : null
      const sinceText =
        since && !Number.isNaN(since.getTime())
          ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(since)
          : null
      return holder?.hostname && sinceText
        ? t('banner.locked', { host: holder.hostname, since: sinceText, path: status.path })
        : t('banner.lockedUnknown', { path: status.path })
    }
  }
}
