import type { Api } from '@shared/api'
import type { Result } from '@shared/result'
import { i18n } from '../plugins/i18n'

/** The one way the renderer talks to main: the typed API that the preload exposes as `window.api`. */
export const api: Api = window.api

/**
 * Every call already answers with a Result; a rejected promise means the transport itself failed
 * (main crashed, the bridge went away). Turn that into a Result too, so the UI has one path.
 */
export async function settle<T>(call: Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    return {
      ok: false,
      error: { code: 'internal', message: i18n.global.t('errors.unreachable', { detail }) },
    }
  }
}
