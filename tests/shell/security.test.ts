import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { APP_ORIGIN } from '../../src/main/ipc/registerIpc'
import { HELP_URL, menuTemplate } from '../../src/main/shell/menu'
import {
  APP_ORIGIN_URL,
  EXTERNAL_URL_ALLOW_LIST,
  devServerUrl,
  isAllowedExternalUrl,
  isAppUrl,
  originOf,
} from '../../src/main/shell/security'

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://www.sipgate.de/',
    'https://www.sipgate.de/team/hilfe?x=1#top',
    'https://github.com/',
    'https://github.com/electron/electron',
    'HTTPS://WWW.SIPGATE.DE/',
  ])('opens an allow-listed https URL: %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true)
  })

  it.each([
    'http://www.sipgate.de/',
    'https://sipgate.de/',
    'https://www.sipgate.de.evil.example/',
    'https://evil.example/https://www.sipgate.de/',
    'https://github.com@evil.example/',
    'https://user:pw@github.com/',
    'https://github.com:8443/',
    'https://gist.github.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'smb://github.com/share',
    'ms-msdt:/id PCWDiagnostic',
    'app://switchboard/index.html',
    'github.com',
    '',
  ])('refuses anything else: %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false)
  })

  it('is a short list of https prefixes', () => {
    expect(EXTERNAL_URL_ALLOW_LIST.length).toBeGreaterThan(0)
    for (const prefix of EXTERNAL_URL_ALLOW_LIST) {
      expect(new URL(prefix).protocol).toBe('https:')
      expect(prefix.endsWith('/')).toBe(true)
    }
  })

  it('honours the path of a prefix', () => {
    const list = ['https://github.com/switchboard/']
    expect(isAllowedExternalUrl('https://github.com/switchboard/app', list)).toBe(true)
    expect(isAllowedExternalUrl('https://github.com/other/app', list)).toBe(false)
  })
})

describe('navigation origin', () => {
  it('uses the same app origin as the IPC sender check', () => {
    expect(APP_ORIGIN_URL).toBe(APP_ORIGIN)
  })

  it('lets the window move only within app://switchboard (and the dev server in development)', () => {
    expect(isAppUrl('app://switchboard/index.html#/users', null)).toBe(true)
    expect(isAppUrl('app://other/index.html', null)).toBe(false)
    expect(isAppUrl('https://www.sipgate.de/', null)).toBe(false)
    expect(isAppUrl('file:///etc/passwd', null)).toBe(false)
    expect(isAppUrl('about:blank', null)).toBe(false)
    expect(isAppUrl('http://localhost:5173/', null)).toBe(false)
    expect(isAppUrl('http://localhost:5173/#/users', 'http://localhost:5173')).toBe(true)
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false)
  })

  it('gives null for URLs without an origin', () => {
    expect(originOf('data:text/html,x')).toBeNull()
    expect(originOf('nonsense')).toBeNull()
    expect(originOf('APP://Switchboard/x')).toBe('app://switchboard')
  })
})

describe('devServerUrl', () => {
  it('is used only unpackaged and only on loopback', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173/' }
    expect(devServerUrl(env, false)).toBe('http://localhost:5173/')
    expect(devServerUrl(env, true)).toBeNull()
    expect(devServerUrl({}, false)).toBeNull()
    expect(devServerUrl({ ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173' }, false)).toBe(
      'http://127.0.0.1:5173/',
    )
    expect(devServerUrl({ ELECTRON_RENDERER_URL: 'https://evil.example/' }, false)).toBeNull()
    expect(devServerUrl({ ELECTRON_RENDERER_URL: 'file:///tmp/x.html' }, false)).toBeNull()
    expect(devServerUrl({ ELECTRON_RENDERER_URL: 'not a url' }, false)).toBeNull()
  })
})

describe('application menu', () => {
  const roles = (items: MenuItemConstructorOptions[]): string[] =>
    items.flatMap((item) => [
      ...(item.role ? [item.role] : []),
      ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
    ])

  it('has developer tools and reload only in development', () => {
    const openExternal = vi.fn()
    const production = menuTemplate({
      language: 'en',
      isMac: false,
      isDev: false,
      openExternal,
      send: vi.fn(),
      recent: [],
    })
    expect(roles(production)).not.toContain('toggleDevTools')
    expect(roles(production)).not.toContain('reload')
    expect(roles(production)).not.toContain('forceReload')
    const development = menuTemplate({
      language: 'en',
      isMac: false,
      isDev: true,
      openExternal,
      send: vi.fn(),
      recent: [],
    })
    expect(roles(development)).toContain('toggleDevTools')
  })

  it('speaks the app language and opens help through the checked opener', () => {
    const openExternal = vi.fn()
    const german = menuTemplate({
      language: 'de',
      isMac: false,
      isDev: false,
      openExternal,
      send: vi.fn(),
      recent: [],
    })
    expect(german.map((item) => item.label)).toEqual(['Datei', 'Bearbeiten', 'Ansicht', 'Fenster', 'Hilfe'])
    const help = german.find((item) => item.role === 'help')
    const link = Array.isArray(help?.submenu) ? help.submenu[0] : undefined
    expect(link?.label).toBe('sipgate-Website')
    link?.click?.(undefined as never, undefined, undefined as never)
    expect(openExternal).toHaveBeenCalledWith(HELP_URL)
    expect(isAllowedExternalUrl(HELP_URL)).toBe(true)
  })

  it('has the macOS app menu only on macOS', () => {
    const openExternal = vi.fn()
    expect(
      roles(
        menuTemplate({ language: 'en', isMac: true, isDev: false, openExternal, send: vi.fn(), recent: [] }),
      ),
    ).toContain('appMenu')
    expect(
      roles(
        menuTemplate({ language: 'en', isMac: false, isDev: false, openExternal, send: vi.fn(), recent: [] }),
      ),
    ).not.toContain('appMenu')
  })
})
