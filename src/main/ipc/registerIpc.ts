import { channelNames } from '../../shared/channels'
import { fail } from '../../shared/result'
import type { Result } from '../../shared/result'
import type { Backend } from '../backend'
import { message } from '../messages'

/** The parts of Electron's IPC types this module needs; kept structural so tests need no Electron. */
export interface SenderFrame {
  url: string
  parent: unknown
}
export interface InvokeEvent {
  sender: unknown
  senderFrame: SenderFrame | null
}
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, payload: unknown) => Promise<Result<unknown>>): void
}

export const APP_ORIGIN = 'app://switchboard'

/**
 * A request is trusted only from the main frame of our own window showing our own origin
 * (RELIABILITY.md 16). `webContents` is the window's; `devServerOrigin` is set only in development.
 */
export function isTrustedSender(
  event: InvokeEvent,
  webContents: unknown,
  devServerOrigin: string | null = null,
): boolean {
  if (webContents === null || webContents === undefined || event.sender !== webContents) return false
  const frame = event.senderFrame
  if (!frame || frame.parent !== null) return false
  const origin = originOf(frame.url)
  if (origin === null) return false
  return origin === APP_ORIGIN || (devServerOrigin !== null && origin === originOf(devServerOrigin))
}

/**
 * `app://switchboard` for our protocol, the web origin for http(s), and null for anything without
 * an origin of its own (file:, data:, about:, blob: and unparsable URLs), which is never trusted.
 */
function originOf(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol === 'app:') return parsed.host ? `app://${parsed.host}` : null
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null
  return parsed.origin
}

/** Puts every channel of the contract on `ipcMain`; each call checks the sender, then the backend parses. */
export function registerIpc(
  ipcMain: IpcMainLike,
  backend: Backend,
  trusted: (event: InvokeEvent) => boolean,
): void {
  const registered = new Set<string>()
  for (const channel of channelNames) {
    if (registered.has(channel)) throw new Error(`Channel ${channel} registered twice`)
    registered.add(channel)
    ipcMain.handle(channel, async (event, payload) => {
      if (!isTrusted(trusted, event)) {
        return fail('forbidden', message(backend.session.language, 'sender.untrusted'))
      }
      return backend.call(channel, payload)
    })
  }
}

/** A sender check that throws (e.g. a frame destroyed mid-request) refuses the request. */
function isTrusted(trusted: (event: InvokeEvent) => boolean, event: InvokeEvent): boolean {
  try {
    return trusted(event) === true
  } catch {
    return false
  }
}
