import { writeFile } from 'node:fs/promises'
import { dialog } from 'electron'
import type { BrowserWindow } from 'electron'
import type { FilesPort } from '../handlers'

/** The files port in Electron: the native Save dialog, then the text written as UTF-8. */
export function nativeFiles(window: () => BrowserWindow | null): FilesPort {
  return {
    async saveText(suggestedName, text) {
      const owner = window()
      const options = {
        defaultPath: suggestedName,
        filters: [{ name: 'CSV', extensions: ['csv'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'] as (
          'createDirectory' | 'showOverwriteConfirmation'
        )[],
      }
      const chosen = owner
        ? await dialog.showSaveDialog(owner, options)
        : await dialog.showSaveDialog(options)
      if (chosen.canceled || !chosen.filePath) return { saved: false }
      await writeFile(chosen.filePath, text, 'utf8')
      return { saved: true, path: chosen.filePath }
    },
  }
}
