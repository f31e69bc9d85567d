import { contextBridge, ipcRenderer } from 'electron'
import { buildApi } from '../shared/api'
import type { Api } from '../shared/api'
import type { Result } from '../shared/result'

// The page gets exactly the contract's API as `window.api` (RELIABILITY.md 15): no ipcRenderer, no
// generic invoke, no process. Built as CommonJS (out/preload/index.cjs) for the sandboxed renderer.
const api: Api = buildApi((channel, input) => ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>)

contextBridge.exposeInMainWorld('api', api)
