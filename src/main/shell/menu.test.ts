import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import type { KnownPlan } from '../../shared/domain'
import { RECENT_IN_MENU, menuTemplate } from './menu'

const plan = (fileName: string, extra: Partial<KnownPlan> = {}): KnownPlan => ({
  path: `/data/plans/${fileName}.json`,
  fileName,
  accountName: `Account ${fileName}`,
  openedAt: null,
  current: false,
  available: true,
  ...extra,
})

function build(recent: KnownPlan[] = [], language: 'en' | 'de' = 'en') {
  const send = vi.fn()
  const template = menuTemplate({ language, isMac: false, isDev: false, openExternal: vi.fn(), send, recent })
  const menu = (label: string): MenuItemConstructorOptions[] => {
    const found = template.find((item) => item.label === label)
    return Array.isArray(found?.submenu) ? found.submenu : []
  }
  const click = (item: MenuItemConstructorOptions | undefined) =>
    item?.click?.(undefined as never, undefined, undefined as never)
  return { send, menu, click }
}

describe('File and Edit menus', () => {
  it('File has New plan…, Open…, Open recent, Save as… with the usual shortcuts, each sending its command', () => {
    const { send, menu, click } = build()
    const file = menu('File')
    expect(file.map((item) => item.label ?? item.role ?? item.type)).toEqual([
      'New plan…',
      'Open…',
      'Open recent',
      'separator',
      'Save as…',
      'separator',
      'quit',
    ])
    expect(file.map((item) => item.accelerator)).toEqual([
      'CmdOrCtrl+N',
      'CmdOrCtrl+O',
      undefined,
      undefined,
      'CmdOrCtrl+Shift+S',
      undefined,
      undefined,
    ])
    for (const index of [0, 1, 4]) click(file[index])
    expect(send.mock.calls).toEqual([
      [{ command: 'newPlan' }],
      [{ command: 'openPlan' }],
      [{ command: 'saveAs' }],
    ])
  })

  it('Open recent lists the known plans: the open one checked, unavailable ones disabled; a click opens it', () => {
    const many = Array.from({ length: 12 }, (_, n) => plan(`p${n}`))
    many[0] = plan('p0', { current: true })
    many[1] = plan('p1', { available: false, accountName: null })
    const { send, menu, click } = build(many)
    const recent = menu('File').find((item) => item.label === 'Open recent')
    const items = Array.isArray(recent?.submenu) ? recent.submenu : []
    expect(items).toHaveLength(RECENT_IN_MENU)
    expect(items[0]).toMatchObject({
      label: 'p0 — Account p0',
      type: 'checkbox',
      checked: true,
      enabled: false,
    })
    expect(items[1]).toMatchObject({ label: 'p1', enabled: false })
    expect(items[2]).toMatchObject({ label: 'p2 — Account p2', enabled: true })
    click(items[2])
    expect(send).toHaveBeenCalledWith({ command: 'openRecent', path: '/data/plans/p2.json' })
    // Only the open plan: a disabled line says there is nothing else.
    const alone = build([plan('p0', { current: true })], 'de').menu('Datei')
    const aloneRecent = alone.find((item) => item.label === 'Zuletzt geöffnet')
    expect(Array.isArray(aloneRecent?.submenu) && aloneRecent.submenu.at(-1)).toMatchObject({
      label: 'Keine anderen Pläne',
      enabled: false,
    })
  })

  it('Edit undo and redo are the plan’s (the page decides, so the shortcuts are shown, not registered)', () => {
    const { send, menu, click } = build()
    const edit = menu('Edit')
    expect(edit.slice(0, 2)).toMatchObject([
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false },
      { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', registerAccelerator: false },
    ])
    click(edit[0])
    click(edit[1])
    expect(send.mock.calls).toEqual([[{ command: 'undo' }], [{ command: 'redo' }]])
    expect(edit.map((item) => item.role).filter(Boolean)).toEqual(['cut', 'copy', 'paste', 'selectAll'])
  })
})
