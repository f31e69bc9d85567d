import type { Api } from '../shared/api'

declare global {
  interface Window {
    /** The typed IPC API the preload exposes (src/shared/api.ts). */
    api: Api
  }
}

export {}
