import type { MenuItemConstructorOptions } from 'electron'
import type { KnownPlan, Language } from '../../shared/domain'
import type { ShellCommand } from '../../shared/shellCommands'

/**
 * The application menu: File (plan files), Edit (undo/redo of the plan, clipboard), View, Window,
 * Help. Items that need the renderer (the wizard, undo, a switch the screens must follow) send a
 * command to it (`window.shell.onCommand`); the rest are standard roles. Built as data so tests
 * check it without Electron.
 */

const LABELS = {
  de: {
    file: 'Datei',
    edit: 'Bearbeiten',
    view: 'Ansicht',
    window: 'Fenster',
    help: 'Hilfe',
    sipgate: 'sipgate-Website',
    newPlan: 'Neuer Plan…',
    open: 'Öffnen…',
    openRecent: 'Zuletzt geöffnet',
    noRecent: 'Keine anderen Pläne',
    saveAs: 'Speichern unter…',
    undo: 'Rückgängig',
    redo: 'Wiederholen',
  },
  en: {
    file: 'File',
    edit: 'Edit',
    view: 'View',
    window: 'Window',
    help: 'Help',
    sipgate: 'sipgate website',
    newPlan: 'New plan…',
    open: 'Open…',
    openRecent: 'Open recent',
    noRecent: 'No other plans',
    saveAs: 'Save as…',
    undo: 'Undo',
    redo: 'Redo',
  },
} as const satisfies Record<Language, Record<string, string>>

export const HELP_URL = 'https://www.sipgate.de/'

export interface MenuOptions {
  language: Language
  isMac: boolean
  /** Reload and developer tools only in development. */
  isDev: boolean
  openExternal: (url: string) => void
  /** Sends a command to the renderer (the window's webContents). */
  send: (command: ShellCommand) => void
  /** The known plans for File ▸ Open recent (the menu is rebuilt after every switch). */
  recent: readonly KnownPlan[]
}

/** How many plans File ▸ Open recent lists. */
export const RECENT_IN_MENU = 10

/**
 * Undo and redo show their shortcuts but do not register them: the page handles Ctrl/Cmd+Z itself
 * (text undo in fields, plan undo elsewhere), so one key press never undoes twice.
 */
const shownOnly = (accelerator: string) => ({ accelerator, registerAccelerator: false })

function recentItems(
  recent: readonly KnownPlan[],
  send: MenuOptions['send'],
  noRecent: string,
): MenuItemConstructorOptions[] {
  const items = recent.slice(0, RECENT_IN_MENU).map((plan): MenuItemConstructorOptions => ({
    label: plan.accountName ? `${plan.fileName} — ${plan.accountName}` : plan.fileName,
    type: plan.current ? 'checkbox' : 'normal',
    checked: plan.current,
    enabled: plan.available && !plan.current,
    click: () => send({ command: 'openRecent', path: plan.path }),
  }))
  return items.some((item) => item.enabled) ? items : [...items, { label: noRecent, enabled: false }]
}

export function menuTemplate({
  language,
  isMac,
  isDev,
  openExternal,
  send,
  recent,
}: MenuOptions): MenuItemConstructorOptions[] {
  const t = LABELS[language]
  const devItems: MenuItemConstructorOptions[] = isDev
    ? [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : []
  return [
    ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: t.file,
      submenu: [
        { label: t.newPlan, accelerator: 'CmdOrCtrl+N', click: () => send({ command: 'newPlan' }) },
        { label: t.open, accelerator: 'CmdOrCtrl+O', click: () => send({ command: 'openPlan' }) },
        { label: t.openRecent, submenu: recentItems(recent, send, t.noRecent) },
        { type: 'separator' },
        { label: t.saveAs, accelerator: 'CmdOrCtrl+Shift+S', click: () => send({ command: 'saveAs' }) },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: t.edit,
      submenu: [
        { label: t.undo, ...shownOnly('CmdOrCtrl+Z'), click: () => send({ command: 'undo' }) },
        { label: t.redo, ...shownOnly('CmdOrCtrl+Shift+Z'), click: () => send({ command: 'redo' }) },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: t.view,
      submenu: [
        ...devItems,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: t.window, role: 'windowMenu' },
    { label: t.help, role: 'help', submenu: [{ label: t.sipgate, click: () => openExternal(HELP_URL) }] },
  ]
}
