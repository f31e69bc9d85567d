import { watchEffect } from 'vue'
import { useI18n } from 'vue-i18n'
import { planFileName } from '../stores/planFiles'
import { useSessionStore } from '../stores/session'

/**
 * The window title: `<plan file name> — Switchboard`, with "(read-only)" when the plan cannot be
 * changed; Electron shows the page's title as the window's. Follows every open, new and save as.
 */
export function useWindowTitle(): void {
  const { t } = useI18n({ useScope: 'global' })
  const session = useSessionStore()
  watchEffect(() => {
    const status = session.status
    if (!status) {
      document.title = t('app.title')
      return
    }
    const title = t('plans.windowTitle', { file: planFileName(status.path), app: t('app.title') })
    document.title = status.readOnly ? `${title} ${t('plans.readOnlySuffix')}` : title
  })
}
