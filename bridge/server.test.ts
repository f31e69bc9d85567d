import * as fsp from 'node:fs/promises'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import vm from 'node:vm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Api } from '../src/shared/api'
import { channelNames } from '../src/shared/channels'
import { CONTENT_SECURITY_POLICY } from '../src/shared/csp'
import { MAX_BODY_BYTES, TOKEN_HEADER, compileClient, injectBridge, startBridge } from './bridge'
import type { Bridge } from './bridge'

interface Reply {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

/** A raw HTTP request: paths are sent as written (no `..` normalisation) and any Host can be set. */
function request(
  bridge: Bridge,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: bridge.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: `127.0.0.1:${bridge.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        )
        res.on('error', reject)
      },
    )
    // The server may answer (413) and close before the whole body is sent.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error)
    })
    if (options.body !== undefined) req.write(options.body)
    req.end()
  })
}

function callApi(
  bridge: Bridge,
  channel: string,
  payload: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  return request(bridge, {
    method: 'POST',
    path: `/api/${channel}`,
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: bridge.token, ...headers },
    body: JSON.stringify(payload),
  })
}

const newUser = {
  firstName: 'Clara',
  lastName: 'Weiss',
  email: 'clara.weiss@example.com',
  language: 'de',
  admin: false,
  permissions: { telephony: true, fax: true },
}

let root: string
let rendererDir: string
let bridge: Bridge

beforeEach(async () => {
  root = await fsp.mkdtemp(path.join(os.tmpdir(), 'switchboard-bridge-'))
  rendererDir = path.join(root, 'renderer')
  await fsp.mkdir(path.join(rendererDir, 'assets'), { recursive: true })
  await fsp.writeFile(
    path.join(rendererDir, 'index.html'),
    '<!doctype html>\n<html>\n  <head>\n    <meta charset="UTF-8" />\n' +
      '    <script type="module" crossorigin src="./assets/index.js"></script>\n  </head>\n' +
      '  <body><div id="app"></div></body>\n</html>\n',
  )
  await fsp.writeFile(path.join(rendererDir, 'assets', 'index.js'), 'console.log("app")\n')
  await fsp.writeFile(path.join(root, 'secret.txt'), 'outside the renderer\n')
  bridge = await startBridge({ dataDir: path.join(root, 'data'), port: 0, language: 'en', rendererDir })
})

afterEach(async () => {
  await bridge.close()
  await fsp.rm(root, { recursive: true, force: true })
})

const planText = (): Promise<string> => fsp.readFile(bridge.planFile, 'utf8')

describe('browser bridge', () => {
  it('listens on 127.0.0.1 only, on the port it picked', () => {
    expect(bridge.port).toBeGreaterThan(0)
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/`)
  })

  it('creates a user through users:create and the plan file on disk holds it', async () => {
    const reply = await callApi(bridge, 'users:create', newUser)
    expect(reply.status).toBe(200)
    const result = JSON.parse(reply.body) as { ok: boolean; data: { email: string } }
    expect(result.ok).toBe(true)
    expect(result.data.email).toBe('clara.weiss@example.com')
    const plan = JSON.parse(await planText()) as { users: { email: string; permissions: { fax: boolean } }[] }
    const stored = plan.users.find((user) => user.email === 'clara.weiss@example.com')
    expect(stored?.permissions.fax).toBe(true)
  })

  it('returns domain failures as Result values (duplicate email)', async () => {
    const before = await planText()
    const reply = await callApi(bridge, 'users:create', { ...newUser, email: 'ANNA.SCHMIDT@example.com' })
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'conflict', field: 'email' } })
    expect(await planText()).toBe(before)
  })

  it.each([
    ['missing', undefined],
    ['wrong', 'not-the-token'],
    ['empty', ''],
  ])('refuses an API call with a %s token (403) and changes nothing', async (_kind, token) => {
    const before = await planText()
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (token !== undefined) headers[TOKEN_HEADER] = token
    const reply = await request(bridge, {
      method: 'POST',
      path: '/api/users:create',
      headers,
      body: JSON.stringify(newUser),
    })
    expect(reply.status).toBe(403)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await planText()).toBe(before)
  })

  it.each(['evil.example:80', `127.0.0.1:${1}`, 'localhost', `attacker.test`])(
    'refuses a request with Host %s (403), for the API and the page',
    async (host) => {
      const before = await planText()
      const api = await callApi(bridge, 'users:create', newUser, { host })
      expect(api.status).toBe(403)
      const page = await request(bridge, { path: '/', headers: { host } })
      expect(page.status).toBe(403)
      expect(page.body).not.toContain(bridge.token)
      expect(await planText()).toBe(before)
    },
  )

  it('accepts Host localhost:<port>', async () => {
    const reply = await callApi(bridge, 'users:list', {}, { host: `localhost:${bridge.port}` })
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, data: { planTotal: 2 } })
  })

  it('refuses a cross-origin API call even with the token', async () => {
    const before = await planText()
    const reply = await callApi(bridge, 'users:create', newUser, { origin: 'http://evil.example' })
    expect(reply.status).toBe(403)
    expect(await planText()).toBe(before)
  })

  it.each(['GET', 'PUT', 'DELETE'])('allows only POST for the API (%s → 405)', async (method) => {
    const reply = await request(bridge, {
      method,
      path: '/api/users:list',
      headers: { [TOKEN_HEADER]: bridge.token },
    })
    expect(reply.status).toBe(405)
    expect(reply.headers.allow).toBe('POST')
    const bare = await request(bridge, { method, path: '/api' })
    expect(bare.status).toBe(405)
  })

  it('refuses a body over the size limit (413) and changes nothing', async () => {
    const before = await planText()
    const huge = JSON.stringify({ ...newUser, firstName: 'x'.repeat(MAX_BODY_BYTES + 10) })
    const reply = await callApi(bridge, 'users:create', JSON.parse(huge) as unknown)
    expect(reply.status).toBe(413)
    expect(await planText()).toBe(before)
  })

  it('refuses an oversize body sent without Content-Length (chunked) with 413', async () => {
    const reply = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: bridge.port,
          method: 'POST',
          path: '/api/users:create',
          headers: {
            host: `127.0.0.1:${bridge.port}`,
            'content-type': 'application/json',
            'transfer-encoding': 'chunked',
            [TOKEN_HEADER]: bridge.token,
          },
        },
        (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        },
      )
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error)
      })
      const chunk = Buffer.alloc(64 * 1024, 0x20)
      for (let sent = 0; sent <= MAX_BODY_BYTES; sent += chunk.length) req.write(chunk)
      req.end()
    })
    expect(reply).toBe(413)
  })

  it('answers an unknown channel with not_found', async () => {
    const reply = await callApi(bridge, 'users:explode', {})
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('answers malformed JSON with a validation failure', async () => {
    const reply = await request(bridge, {
      method: 'POST',
      path: '/api/users:create',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: bridge.token },
      body: '{"firstName":',
    })
    expect(reply.status).toBe(400)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'validation' } })
  })

  it('refuses an API call that is not JSON (415)', async () => {
    const reply = await request(bridge, {
      method: 'POST',
      path: '/api/users:list',
      headers: { 'content-type': 'text/plain', [TOKEN_HEADER]: bridge.token },
      body: '{}',
    })
    expect(reply.status).toBe(415)
  })

  it.each([
    '/../secret.txt',
    '/../../package.json',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets%2f..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%00index.html',
    '/assets',
  ])('does not serve %s (404)', async (target) => {
    const reply = await request(bridge, { path: target })
    expect(reply.status).toBe(404)
    expect(reply.body).not.toContain('outside the renderer')
  })

  it('does not follow a symbolic link out of the renderer folder', async () => {
    await fsp.symlink(path.join(root, 'secret.txt'), path.join(rendererDir, 'link.txt'))
    const reply = await request(bridge, { path: '/link.txt' })
    expect(reply.status).toBe(404)
  })

  it('serves renderer files with their content type', async () => {
    const reply = await request(bridge, { path: '/assets/index.js?v=1' })
    expect(reply.status).toBe(200)
    expect(reply.headers['content-type']).toMatch(/^text\/javascript/)
    expect(reply.body).toBe('console.log("app")\n')
  })

  it('serves the page with the token and the bridge client before the app module', async () => {
    const reply = await request(bridge, { path: '/' })
    expect(reply.status).toBe(200)
    expect(reply.headers['content-type']).toMatch(/^text\/html/)
    const head = reply.body.slice(reply.body.indexOf('<head>'), reply.body.indexOf('</head>'))
    const meta = head.indexOf(`<meta name="switchboard-bridge-token" content="${bridge.token}" />`)
    const client = head.indexOf('<script src="./bridge-client.js"></script>')
    const app = head.indexOf('<script type="module"')
    expect(meta).toBeGreaterThan(head.indexOf('<meta charset="UTF-8" />'))
    expect(client).toBeGreaterThan(meta)
    expect(app).toBeGreaterThan(client)
  })

  it('serves the compiled bridge client as a classic script', async () => {
    const reply = await request(bridge, { path: '/bridge-client.js' })
    expect(reply.status).toBe(200)
    expect(reply.headers['content-type']).toMatch(/^text\/javascript/)
    expect(reply.body).not.toMatch(/^\s*(import|export)\s/m)
  })

  it.each(['/', '/assets/index.js', '/bridge-client.js', '/missing', '/api/users:list'])(
    'sends the CSP and nosniff on %s',
    async (target) => {
      const reply =
        target === '/api/users:list'
          ? await callApi(bridge, 'users:list', {})
          : await request(bridge, { path: target })
      expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
      expect(reply.headers['x-content-type-options']).toBe('nosniff')
    },
  )

  it('gives a second bridge on the same folder the state the first one saved', async () => {
    await callApi(bridge, 'users:create', newUser)
    await bridge.close()
    bridge = await startBridge({
      dataDir: path.dirname(bridge.planFile),
      port: 0,
      language: 'en',
      rendererDir,
    })
    const reply = await callApi(bridge, 'users:list', { search: 'clara' })
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, data: { total: 1 } })
  })
})

describe('bridge client', () => {
  it('builds window.api from the contract and posts each call with the token', async () => {
    const script = await compileClient()
    const calls: { url: string; init: { method: string; headers: Record<string, string>; body: string } }[] =
      []
    const window: Record<string, unknown> = {}
    let PageError: ErrorConstructor = Error
    const context = vm.createContext({
      window,
      document: {
        querySelector: (selector: string) =>
          selector === 'meta[name="switchboard-bridge-token"]' ? { content: 'TOKEN-1' } : null,
      },
      fetch: (url: string, init: { method: string; headers: Record<string, string>; body: string }) => {
        calls.push({ url, init })
        // fetch rejects with an error of the page's own realm, as in a browser.
        if (url.endsWith('users:delete')) return Promise.reject(new PageError('connection refused'))
        return Promise.resolve({
          status: 200,
          json: () => Promise.resolve({ ok: true, data: { echo: url } }),
        })
      },
    })
    PageError = vm.runInContext('Error', context) as ErrorConstructor
    vm.runInContext(script, context)
    const api = window.api as Api
    const exposed = Object.entries(api).flatMap(([domain, verbs]) =>
      Object.keys(verbs as object).map((verb) => `${domain}:${verb}`),
    )
    expect(exposed.sort()).toEqual([...channelNames].sort())
    expect(await api.users.list({ search: 'a' })).toEqual({ ok: true, data: { echo: './api/users:list' } })
    expect(calls[0]?.init.method).toBe('POST')
    expect(calls[0]?.init.headers['x-switchboard-token']).toBe('TOKEN-1')
    expect(JSON.parse(calls[0]?.init.body ?? 'null')).toEqual({ search: 'a' })
    expect(await api.users.delete({ id: 'x' })).toEqual({
      ok: false,
      error: { code: 'internal', message: 'connection refused' },
    })
  })

  it('puts the tags into a head without a charset meta too', () => {
    const html = injectBridge('<html><head lang="en"><title>x</title></head></html>', 'T')
    expect(html).toBe(
      '<html><head lang="en">\n    <meta name="switchboard-bridge-token" content="T" />\n' +
        '    <script src="./bridge-client.js"></script><title>x</title></head></html>',
    )
  })
})
