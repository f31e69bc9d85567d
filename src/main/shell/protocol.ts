import { protocol } from 'electron'
import { APP_SCHEME, serveAppRequest } from './appProtocol'

/**
 * Serves the built renderer under `app://switchboard/` (call after `ready`). Registering the scheme
 * as privileged has to happen before `ready`, so `index.ts` does that at its top level.
 */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request.url, request.method))
}
