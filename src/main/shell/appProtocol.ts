import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { CONTENT_SECURITY_POLICY } from '../../shared/csp'

/**
 * The `app://switchboard/…` protocol that serves the built renderer (RELIABILITY.md 9, 10).
 * Nothing here imports Electron, so vitest runs it against real files.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'switchboard'

/** Privileges for `protocol.registerSchemesAsPrivileged`: a standard, secure origin that may use fetch. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.eot': 'application/vnd.ms-fontobject',
  '.wasm': 'application/wasm',
}

export function mimeTypeFor(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * Maps `app://switchboard/<path>` to a file inside `rootDir`, or `null` when the URL is not ours or
 * tries to leave the folder: another scheme or host, credentials or a port, `.`/`..` segments (also
 * percent-encoded), encoded slashes or backslashes, NUL, drive letters. `/` means `/index.html`.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): string | null {
  // The URL parser removes dot segments (`/a/../b` → `/b`); refuse them in the raw text instead.
  const rawPath = requestUrl.split(/[?#]/, 1)[0] ?? ''
  if (rawPath.split(/[/\\]/).some((segment) => /^(\.|%2e){1,2}$/i.test(segment))) return null
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname.toLowerCase() !== APP_HOST) return null
  if (url.username !== '' || url.password !== '' || url.port !== '') return null

  // Check the raw segments before decoding (catches %2e%2e, %2f, %5c in any spelling) …
  const rawSegments = url.pathname.split('/').slice(1)
  let segments: string[]
  try {
    segments = rawSegments.map((segment) => decodeURIComponent(segment))
  } catch {
    return null
  }
  // … and after: a decoded segment may not contain a separator or be a dot segment.
  for (const segment of segments) {
    if (segment === '.' || segment === '..') return null
    if (/[/\\:\0]/.test(segment)) return null
  }
  const parts = segments.filter((segment) => segment !== '')
  if (parts.length === 0) parts.push('index.html')

  const root = path.resolve(rootDir)
  const target = path.resolve(root, ...parts)
  const relative = path.relative(root, target)
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null
  return target
}

/** Headers on every response of the protocol, found or not. */
export function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  }
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') })
}

/**
 * Answers one request of the `app://` protocol from the files in `rootDir`: 404 for anything that
 * does not resolve to a readable file inside it, 405 for methods other than GET and HEAD.
 */
export async function serveAppRequest(
  rootDir: string,
  requestUrl: string,
  method = 'GET',
): Promise<Response> {
  if (method !== 'GET' && method !== 'HEAD') return textResponse(405, 'Method Not Allowed')
  const file = resolveAppPath(rootDir, requestUrl)
  if (file === null) return textResponse(404, 'Not Found')
  let body: Buffer
  try {
    body = await readFile(file)
  } catch {
    return textResponse(404, 'Not Found')
  }
  return new Response(method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: securityHeaders(mimeTypeFor(file)),
  })
}
