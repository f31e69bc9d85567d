import { APP_HOST, APP_SCHEME } from './appProtocol'

/**
 * Pure checks behind the shell's navigation, new-window and external-link rules
 * (RELIABILITY.md 11). No Electron import, so vitest runs them.
 */

/** Sites the app may open in the person's browser: an https URL must start with one of these. */
export const EXTERNAL_URL_ALLOW_LIST: readonly string[] = ['https://www.sipgate.de/', 'https://github.com/']

/** The app's own origin as `URL.origin` would spell it for a standard scheme. */
export const APP_ORIGIN_URL = `${APP_SCHEME}://${APP_HOST}`

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/**
 * True only for an https URL without credentials or a port whose origin and path start with an
 * allow-listed prefix (compared on the parsed URL, so `https://www.sipgate.de.evil.example/` and
 * `https://github.com@evil.example/` do not pass).
 */
export function isAllowedExternalUrl(
  url: string,
  allowList: readonly string[] = EXTERNAL_URL_ALLOW_LIST,
): boolean {
  const parsed = parse(url)
  if (!parsed || parsed.protocol !== 'https:') return false
  if (parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return false
  return allowList.some((prefix) => {
    const allowed = parse(prefix)
    if (!allowed) return false
    return parsed.origin === allowed.origin && parsed.pathname.startsWith(allowed.pathname)
  })
}

/** The origin of a URL, with `app://switchboard` for our scheme (Node gives `null` for non-special schemes). */
export function originOf(url: string): string | null {
  const parsed = parse(url)
  if (!parsed) return null
  if (parsed.protocol === `${APP_SCHEME}:`) return `${APP_SCHEME}://${parsed.host.toLowerCase()}`
  return parsed.origin === 'null' ? null : parsed.origin
}

/** May the window navigate to `url`? Only within the app's own origin (or the dev server's in development). */
export function isAppUrl(url: string, devServerOrigin: string | null): boolean {
  const origin = originOf(url)
  if (origin === null) return false
  return origin === APP_ORIGIN_URL || (devServerOrigin !== null && origin === devServerOrigin)
}

/**
 * The electron-vite dev server URL, honoured only in an unpackaged app and only on the loopback
 * interface: a packaged app never loads a page named by an environment variable.
 */
export function devServerUrl(
  env: Readonly<Record<string, string | undefined>>,
  isPackaged: boolean,
): string | null {
  if (isPackaged) return null
  const value = env['ELECTRON_RENDERER_URL']
  if (!value) return null
  const parsed = parse(value)
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return null
  if (!['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname)) return null
  return parsed.href
}
