import type { MenuItemConstructorOptions } from 'electron'
import type { Language } from '../../shared/domain'

/** The application menu: standard roles, and in Help a link that goes through the external-URL check. */

const LABELS = {
  de: {
    file: 'Datei',
    edit: 'Bearbeiten',
    view: 'Ansicht',
    window: 'Fenster',
    help: 'Hilfe',
    sipgate: 'sipgate-Website',
  },
  en: {
    file: 'File',
    edit: 'Edit',
    view: 'View',
    window: 'Window',
    help: 'Help',
    sipgate: 'sipgate website',
  },
} as const satisfies Record<Language, Record<string, string>>

export const HELP_URL = 'https://www.sipgate.de/'

export interface MenuOptions {
  language: Language
  isMac: boolean
  /** Reload and developer tools only in development. */
  isDev: boolean
  openExternal: (url: string) => void
}

export function menuTemplate({
  language,
  isMac,
  isDev,
  openExternal,
}: MenuOptions): MenuItemConstructorOptions[] {
  const t = LABELS[language]
  const devItems: MenuItemConstructorOptions[] = isDev
    ? [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : []
  return [
    ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    { label: t.file, submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: t.edit,
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
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
