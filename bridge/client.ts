/**
 * Runs in the page served by the browser bridge, before the app: provides the same `window.api`
 * the preload provides in Electron (built from the same shared contract), over fetch.
 */
import { buildApi } from '../src/shared/api'
import type { Invoke } from '../src/shared/api'
import type { Result } from '../src/shared/result'

const TOKEN_META = 'meta[name="switchboard-bridge-token"]'

const failure = (message: string): Result<never> => ({ ok: false, error: { code: 'internal', message } })

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false
  if (value.ok === true) return 'data' in value
  if (value.ok !== false || !('error' in value)) return false
  const error = value.error
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error
}

const token = document.querySelector<HTMLMetaElement>(TOKEN_META)?.content ?? ''

const invoke: Invoke = async (channel, input) => {
  try {
    const response = await fetch(`./api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-switchboard-token': token },
      body: input === undefined ? '{}' : JSON.stringify(input),
      cache: 'no-store',
      credentials: 'omit',
    })
    const body: unknown = await response.json()
    if (isResult(body)) return body
    return failure(`Unexpected answer from the bridge (HTTP ${response.status})`)
  } catch (error) {
    return failure(error instanceof Error ? error.message : String(error))
  }
}

const api = buildApi(invoke)
for (const domain of Object.values(api)) Object.freeze(domain)
Object.defineProperty(window, 'api', { value: Object.freeze(api), enumerable: true })
