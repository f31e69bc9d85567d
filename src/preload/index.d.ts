import type { Api } from '../shared/api'
import type { ShellBridge } from '../shared/shellCommands'

declare global {
  interface Window {
    /** The typed IPC API the preload exposes (src/shared/api.ts). */
    api: Api
    /** The native menus' commands (Electron only; absent in the browser bridge). */
    shell?: ShellBridge
  }
}

export {}
