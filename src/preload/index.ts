import { contextBridge, ipcRenderer } from 'electron'
import type { IpcRendererEvent } from 'electron'
import { buildApi } from '../shared/api'
import type { Api } from '../shared/api'
import type { Result } from '../shared/result'
import { SHELL_COMMAND_CHANNEL, asShellCommand } from '../shared/shellCommands'
import type { ShellBridge, ShellCommand } from '../shared/shellCommands'

// The page gets exactly the contract's API as `window.api` (RELIABILITY.md 15): no ipcRenderer, no
// generic invoke, no process. Built as CommonJS (out/preload/index.cjs) for the sandboxed renderer.
const api: Api = buildApi((channel, input) => ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>)

contextBridge.exposeInMainWorld('api', api)

// One narrow event API for the native menus: the listener gets checked commands of one channel,
// never the event (it would hand out the sender) or anything else main might send.
const shell: ShellBridge = {
  onCommand(listener: (command: ShellCommand) => void) {
    const handler = (_event: IpcRendererEvent, message: unknown): void => {
      const command = asShellCommand(message)
      if (command) listener(command)
    }
    ipcRenderer.on(SHELL_COMMAND_CHANNEL, handler)
    return () => {
      ipcRenderer.removeListener(SHELL_COMMAND_CHANNEL, handler)
    }
  },
}

contextBridge.exposeInMainWorld('shell', shell)
