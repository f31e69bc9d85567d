import type { Api } from '@shared/api'
import type { Result } from '@shared/result'
import { undoableChannels } from '@shared/undo'
import { i18n } from '../plugins/i18n'

const planChangeListeners = new Set<() => void>()

/**
 * Calls `listener` after every successful call that changed the plan (a channel of
 * `undoableChannels`), whoever made it; returns the function that stops it. The undo store
 * refreshes what undo offers this way, without every store having to tell it.
 */
export function onPlanChanged(listener: () => void): () => void {
  planChangeListeners.add(listener)
  return () => planChangeListeners.delete(listener)
}

/** `raw` with each changing channel wrapped so its success reaches `onPlanChanged`. */
function watchChanges(raw: Api): Api {
  const wrapped: Record<string, Record<string, unknown>> = {}
  for (const [domain, verbs] of Object.entries(raw)) wrapped[domain] = { ...(verbs as object) }
  for (const channel of undoableChannels) {
    const [domain, verb] = channel.split(':') as [string, string]
    const call = (
      raw as unknown as Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>>
    )[domain]![verb]!
    wrapped[domain]![verb] = async (input: unknown): Promise<Result<unknown>> => {
      const result = await call(input)
      if (result.ok) for (const listener of planChangeListeners) listener()
      return result
    }
  }
  return wrapped as unknown as Api
}

/** The one way the renderer talks to main: the typed API that the preload exposes as `window.api`. */
export const api: Api = watchChanges(window.api)

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
