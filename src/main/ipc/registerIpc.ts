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
  const frame = event.senderFrame
  if (!frame || event.sender !== webContents || frame.parent !== null) return false
  let origin: string
  try {
    const url = new URL(frame.url)
    origin = url.protocol === 'app:' ? `app://${url.host}` : url.origin
  } catch {
    return false
  }
  return origin === APP_ORIGIN || (devServerOrigin !== null && origin === devServerOrigin)
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
      if (!trusted(event)) return fail('forbidden', message(backend.session.language, 'sender.untrusted'))
      return backend.call(channel, payload)
    })
  }
}
