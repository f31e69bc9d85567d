import { BrowserWindow, shell } from 'electron'
import type { WebContents } from 'electron'
import { isAllowedExternalUrl, isAppUrl } from './security'

/** Opens `url` in the person's browser, but only an allow-listed https URL (RELIABILITY.md 11). */
export function openExternalChecked(url: string): void {
  if (!isAllowedExternalUrl(url)) {
    console.warn('[shell] refused to open external URL', url.slice(0, 200))
    return
  }
  void shell.openExternal(url)
}

/**
 * Navigation and new windows are denied for every web contents (RELIABILITY.md 11): the page may
 * only move within our own origin; allow-listed https links open in the browser instead.
 */
export function lockDownWebContents(contents: WebContents, devServerOrigin: string | null): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url, devServerOrigin)) return
    event.preventDefault()
    openExternalChecked(url)
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, devServerOrigin)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    openExternalChecked(url)
    return { action: 'deny' }
  })
}

export interface WindowPaths {
  /** The built CommonJS preload, `out/preload/index.cjs`. */
  preload: string
  icon: string
}

/**
 * The main window. The options are written out as one literal so that Electronegativity and
 * tests/shell can read the security settings where they take effect (RELIABILITY.md 9).
 */
export function createMainWindow({ preload, icon }: WindowPaths, startUrl: string): BrowserWindow {
  const win = new BrowserWindow({
    title: 'Switchboard',
    icon,
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Middle-click (auxclick) must not open windows; the window-open handler denies them anyway.
      disableBlinkFeatures: 'Auxclick',
    },
  })
  win.once('ready-to-show', () => win.show())
  void win.loadURL(startUrl)
  return win
}
