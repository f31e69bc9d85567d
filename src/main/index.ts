import { join } from 'node:path'
import { app, dialog, ipcMain, Menu, protocol, session } from 'electron'
import type { BrowserWindow } from 'electron'
import icon from '../../resources/icon.png?asset'
import type { Language } from '../shared/domain'
import { createBackend } from './backend'
import { isTrustedSender, registerIpc } from './ipc/registerIpc'
import { APP_SCHEME, APP_SCHEME_PRIVILEGES } from './shell/appProtocol'
import { menuTemplate } from './shell/menu'
import { nativeFiles } from './shell/saveDialog'
import { nativePlanDialogs } from './shell/planDialogs'
import { SHELL_COMMAND_CHANNEL } from '../shared/shellCommands'
import { denyAllPermissions } from './shell/permissions'
import { handleAppProtocol } from './shell/protocol'
import { APP_ORIGIN_URL, devServerUrl } from './shell/security'
import { createMainWindow, lockDownWebContents, openExternalChecked } from './shell/window'

// Before `ready` (TESTING.md "Traps"): the privileged scheme, every renderer sandboxed, and one
// instance per plan file (RELIABILITY.md 1) — a second instance hands over to the first and quits.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])
app.enableSandbox()
// Another data folder (the plan, its backups and the instance lock), as `--user-data-dir` does for
// Chromium; the Electron e2e specs use it to give every test a fresh folder.
const dataDirOverride = process.env.SWITCHBOARD_DATA_DIR
if (dataDirOverride) app.setPath('userData', dataDirOverride)
const isPrimaryInstance = app.requestSingleInstanceLock()

// The main bundle is ESM (out/main/index.js): paths come from import.meta.dirname, not __dirname.
const outDir = join(import.meta.dirname, '..')
const rendererDir = join(outDir, 'renderer')
const preload = join(outDir, 'preload', 'index.cjs')

const devUrl = devServerUrl(process.env, app.isPackaged)
const devOrigin = devUrl === null ? null : new URL(devUrl).origin

let mainWindow: BrowserWindow | null = null
/** The workspace whose open plan's file lock is released before the app quits. */
let openStore: { close(): Promise<void> } | null = null

function focusMainWindow(): void {
  if (!mainWindow) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.show()
  mainWindow.focus()
}

async function start(): Promise<void> {
  const language: Language = app.getLocale().toLowerCase().startsWith('de') ? 'de' : 'en'
  denyAllPermissions(session.defaultSession)
  handleAppProtocol(rendererDir)

  // The embedded default plan is written on first start.
  const backend = await createBackend(
    join(app.getPath('userData'), 'plan.json'),
    language,
    {},
    { files: nativeFiles(() => mainWindow), planDialogs: nativePlanDialogs(() => mainWindow) },
  )
  // Closing the workspace releases whichever plan is open then.
  openStore = backend.workspace
  registerIpc(
    ipcMain,
    backend,
    (event) => mainWindow !== null && isTrustedSender(event, mainWindow.webContents, devOrigin),
  )

  const isMac = process.platform === 'darwin'
  // File ▸ Open recent follows the known plans: the menu is built again after every switch.
  const buildMenu = async (): Promise<void> => {
    const menu = menuTemplate({
      language,
      isMac,
      isDev: devUrl !== null,
      openExternal: openExternalChecked,
      send: (command) => mainWindow?.webContents.send(SHELL_COMMAND_CHANNEL, command),
      recent: await backend.workspace.known(),
    })
    Menu.setApplicationMenu(Menu.buildFromTemplate(menu))
  }
  await buildMenu()
  backend.workspace.onSwitch(() => {
    buildMenu().catch((error: unknown) => console.error('[menu]', error))
  })

  mainWindow = createMainWindow({ preload, icon }, devUrl ?? `${APP_ORIGIN_URL}/index.html`)
  mainWindow.on('closed', () => {
    mainWindow = null
  })
}

if (!isPrimaryInstance) {
  app.quit()
} else {
  app.on('second-instance', focusMainWindow)
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents, devOrigin))
  // One window, one backend: closing it ends the app on every platform.
  app.on('window-all-closed', () => app.quit())
  // The plan's lock goes with the app (a crash leaves a stale lock, recovered on the next open).
  app.on('will-quit', (event) => {
    const store = openStore
    if (!store) return
    openStore = null
    event.preventDefault()
    void store.close().finally(() => app.quit())
  })
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('[startup]', error)
      dialog.showErrorBox('Switchboard', `Switchboard could not start:\n${String(error)}`)
      app.exit(1)
    })
}
