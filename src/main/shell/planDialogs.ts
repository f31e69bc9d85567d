import { dialog } from 'electron'
import type { BrowserWindow, OpenDialogOptions, SaveDialogOptions } from 'electron'
import type { PlanDialogs } from '../workspace/workspace'

const PLAN_FILTERS = [{ name: 'Switchboard', extensions: ['json'] }]

/** The workspace's plan dialogs in Electron: the native Open and Save dialogs, owned by the window. */
export function nativePlanDialogs(window: () => BrowserWindow | null): PlanDialogs {
  return {
    async chooseOpen(folder) {
      const options: OpenDialogOptions = {
        defaultPath: folder,
        filters: PLAN_FILTERS,
        properties: ['openFile'],
      }
      const owner = window()
      const chosen = owner
        ? await dialog.showOpenDialog(owner, options)
        : await dialog.showOpenDialog(options)
      return chosen.canceled ? null : (chosen.filePaths[0] ?? null)
    },
    async chooseSave(suggestedPath) {
      const options: SaveDialogOptions = {
        defaultPath: suggestedPath,
        filters: PLAN_FILTERS,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      }
      const owner = window()
      const chosen = owner
        ? await dialog.showSaveDialog(owner, options)
        : await dialog.showSaveDialog(options)
      return chosen.canceled || !chosen.filePath ? null : chosen.filePath
    },
  }
}
