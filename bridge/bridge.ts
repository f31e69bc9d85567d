/**
 * The browser bridge: serves the built renderer and the real backend (same handlers, same plan file
 * on disk) to a browser on 127.0.0.1, so Playwright can test the app where Electron cannot run.
 * A development and test tool only: it lives outside src/ and out/ and is never packaged.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import * as fsp from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { createBackend } from '../src/main/backend'
import type { Backend } from '../src/main/backend'
import { CONTENT_SECURITY_POLICY } from '../src/shared/csp'
import type { Language } from '../src/shared/domain'
import type { ErrorCode, Result } from '../src/shared/result'

const bridgeDir = path.dirname(fileURLToPath(import.meta.url))

/** Where `electron-vite build` puts the renderer. */
export const DEFAULT_RENDERER_DIR = path.resolve(bridgeDir, '..', 'out', 'renderer')

/** Largest request body accepted for an API call. */
export const MAX_BODY_BYTES = 1024 * 1024

export const TOKEN_HEADER = 'x-switchboard-token'
export const TOKEN_META_NAME = 'switchboard-bridge-token'
export const CLIENT_SCRIPT_PATH = '/bridge-client.js'

export interface BridgeOptions {
  /** Folder that holds `plan.json` (created when missing). */
  dataDir: string
  /** 0 (default) picks a free port. */
  port?: number
  /** Language main speaks, and of a newly created plan. Default `en`. */
  language?: Language
  /** The built renderer. Default `out/renderer`. */
  rendererDir?: string
}

export interface Bridge {
  readonly url: string
  readonly port: number
  readonly token: string
  readonly planFile: string
  readonly backend: Backend
  close(): Promise<void>
}

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
  '.txt': 'text/plain; charset=utf-8',
}

const escapeAttribute = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/**
 * Adds the token and the bridge client to the renderer's page: a classic script in <head> runs before
 * the deferred module scripts, so `window.api` exists when the app starts, as with the preload.
 */
export function injectBridge(html: string, token: string): string {
  const tags =
    `\n    <meta name="${TOKEN_META_NAME}" content="${escapeAttribute(token)}" />` +
    `\n    <script src=".${CLIENT_SCRIPT_PATH}"></script>`
  const head = /<head(\s[^>]*)?>/i.exec(html)
  if (!head) throw new Error('The renderer index.html has no <head>')
  let at = head.index + head[0].length
  // Keep <meta charset> first in <head>, where browsers look for it.
  const charset = /^\s*<meta\s+charset=[^>]*>/i.exec(html.slice(at))
  if (charset) at += charset[0].length
  return html.slice(0, at) + tags + html.slice(at)
}

let compiled: Promise<string> | null = null

/** Compiles bridge/client.ts (and the shared API it imports) into one classic script, once per process. */
export function compileClient(): Promise<string> {
  compiled ??= compileClientNow()
  compiled.catch(() => {
    compiled = null
  })
  return compiled
}

async function compileClientNow(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(bridgeDir, 'client.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  })
  const file = result.outputFiles[0]
  if (!file) throw new Error('esbuild produced no bridge client')
  return file.text
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
  }
}

function send(
  response: http.ServerResponse,
  status: number,
  body: string | Buffer,
  contentType: string,
  extra: Record<string, string> = {},
): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': contentType,
    'Content-Length': String(Buffer.byteLength(body)),
    ...extra,
  })
  response.end(body)
}

function sendResult(
  response: http.ServerResponse,
  status: number,
  result: Result<unknown>,
  extra: Record<string, string> = {},
): void {
  send(response, status, JSON.stringify(result), 'application/json; charset=utf-8', extra)
}

const failure = (code: ErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } })

function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** Reads the body up to `limit` bytes; a longer body is refused without reading it all. */
function readBody(request: http.IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? '0')
  if (Number.isFinite(declared) && declared > limit) {
    request.resume()
    return Promise.reject(new HttpError(413, 'validation', `Request body larger than ${limit} bytes`))
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let done = false
    request.on('data', (chunk: Buffer) => {
      if (done) return
      size += chunk.length
      if (size > limit) {
        done = true
        request.resume()
        reject(new HttpError(413, 'validation', `Request body larger than ${limit} bytes`))
        return
      }
      chunks.push(chunk)
    })
    request.on('end', () => {
      if (done) return
      done = true
      resolve(Buffer.concat(chunks))
    })
    request.on('error', (error) => {
      if (done) return
      done = true
      reject(error)
    })
  })
}

/** Maps a URL path to a file inside `root`, or null when it would leave it. */
async function resolveStatic(root: string, urlPath: string): Promise<string | null> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '')
  const candidate = path.resolve(root, relative)
  const inside = (base: string, target: string): boolean => {
    const rel = path.relative(base, target)
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)
  }
  if (!inside(root, candidate)) return null
  try {
    // Symbolic links must not lead out of the renderer folder either.
    const [realRoot, realFile] = await Promise.all([fsp.realpath(root), fsp.realpath(candidate)])
    if (!inside(realRoot, realFile)) return null
    const stat = await fsp.stat(realFile)
    return stat.isFile() ? realFile : null
  } catch {
    return null
  }
}

/** Starts the bridge on 127.0.0.1; resolves when it listens. */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const language = options.language ?? 'en'
  const rendererDir = path.resolve(options.rendererDir ?? DEFAULT_RENDERER_DIR)
  const planFile = path.join(path.resolve(options.dataDir), 'plan.json')
  const token = randomBytes(32).toString('base64url')
  const [backend, clientScript] = await Promise.all([createBackend(planFile, language), compileClient()])

  let allowedHosts: readonly string[] = []

  async function handleApi(request: http.IncomingMessage, response: http.ServerResponse, channel: string) {
    if (request.method !== 'POST') {
      sendResult(response, 405, failure('validation', 'Only POST is allowed for API calls'), {
        Allow: 'POST',
      })
      return
    }
    const tokenHeader = request.headers[TOKEN_HEADER]
    if (!sameSecret(typeof tokenHeader === 'string' ? tokenHeader : undefined, token)) {
      request.resume()
      sendResult(response, 403, failure('forbidden', 'Missing or wrong bridge token'))
      return
    }
    const origin = request.headers.origin
    if (origin !== undefined && !allowedHosts.some((host) => origin === `http://${host}`)) {
      request.resume()
      sendResult(response, 403, failure('forbidden', 'Cross-origin request refused'))
      return
    }
    const contentType = request.headers['content-type'] ?? ''
    if (!/^application\/json\s*(;|$)/i.test(contentType)) {
      request.resume()
      sendResult(response, 415, failure('validation', 'API calls take application/json'))
      return
    }
    const body = await readBody(request, MAX_BODY_BYTES)
    let payload: unknown = undefined
    if (body.length > 0) {
      try {
        payload = JSON.parse(body.toString('utf8'))
      } catch {
        sendResult(response, 400, failure('validation', 'The request body is not valid JSON'))
        return
      }
    }
    const result = await backend.call(channel, payload)
    sendResult(response, 200, result)
  }

  async function handleStatic(request: http.IncomingMessage, response: http.ServerResponse, urlPath: string) {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 405, 'Method not allowed', 'text/plain; charset=utf-8', { Allow: 'GET, HEAD' })
      return
    }
    if (urlPath === CLIENT_SCRIPT_PATH) {
      send(response, 200, clientScript, CONTENT_TYPES['.js'] ?? 'text/javascript')
      return
    }
    const file = await resolveStatic(rendererDir, urlPath)
    if (file === null) {
      send(response, 404, 'Not found', 'text/plain; charset=utf-8')
      return
    }
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
    let content = await fsp.readFile(file)
    if (file === path.join(await fsp.realpath(rendererDir), 'index.html')) {
      content = Buffer.from(injectBridge(content.toString('utf8'), token))
    }
    if (request.method === 'HEAD') {
      response.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': type,
        'Content-Length': String(content.length),
      })
      response.end()
      return
    }
    send(response, 200, content, type)
  }

  const server = http.createServer((request, response) => {
    const handle = async (): Promise<void> => {
      // DNS rebinding: only our own host names reach the backend or the page.
      if (!allowedHosts.includes(request.headers.host ?? '')) {
        request.resume()
        send(response, 403, 'Forbidden host', 'text/plain; charset=utf-8')
        return
      }
      const rawUrl = request.url ?? '/'
      const urlPath = rawUrl.split(/[?#]/, 1)[0] ?? '/'
      if (urlPath === '/api' || urlPath.startsWith('/api/')) {
        let channel: string
        try {
          channel = decodeURIComponent(urlPath.slice('/api/'.length))
        } catch {
          channel = ''
        }
        await handleApi(request, response, channel)
        return
      }
      await handleStatic(request, response, urlPath)
    }
    handle().catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy()
        return
      }
      if (error instanceof HttpError) {
        sendResult(response, error.status, failure(error.code, error.message), { Connection: 'close' })
        return
      }
      console.error('[bridge]', error)
      sendResult(response, 500, failure('internal', 'The bridge failed to handle the request'))
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`]

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    planFile,
    backend,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }).finally(() => backend.store.close()), // releases the plan file's lock
  }
}
