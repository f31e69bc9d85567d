import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  APP_SCHEME_PRIVILEGES,
  mimeTypeFor,
  resolveAppPath,
  serveAppRequest,
} from '../../src/main/shell/appProtocol'
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp'

// The renderer folder served under app://switchboard/, with a secret next to it that must stay out of reach.
let base: string
let root: string

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'switchboard-protocol-'))
  root = path.join(base, 'renderer')
  await mkdir(path.join(root, 'assets'), { recursive: true })
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Switchboard</title>')
  await writeFile(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)')
  await writeFile(path.join(root, 'assets', 'index-abc.css'), 'body{}')
  await writeFile(path.join(root, 'assets', 'font file.woff2'), 'w')
  await writeFile(path.join(base, 'secret.txt'), 'not for the page')
  await mkdir(path.join(base, 'renderer-evil'))
  await writeFile(path.join(base, 'renderer-evil', 'x.js'), 'evil')
})

afterAll(async () => {
  await rm(base, { recursive: true, force: true })
})

describe('resolveAppPath', () => {
  it('maps our URLs to files inside the renderer folder', () => {
    expect(resolveAppPath(root, 'app://switchboard/index.html')).toBe(path.join(root, 'index.html'))
    expect(resolveAppPath(root, 'app://switchboard/')).toBe(path.join(root, 'index.html'))
    expect(resolveAppPath(root, 'app://switchboard')).toBe(path.join(root, 'index.html'))
    expect(resolveAppPath(root, 'app://switchboard/assets/index-abc.js?v=1#x')).toBe(
      path.join(root, 'assets', 'index-abc.js'),
    )
    expect(resolveAppPath(root, 'app://switchboard/assets/font%20file.woff2')).toBe(
      path.join(root, 'assets', 'font file.woff2'),
    )
  })

  it.each([
    'app://switchboard/../secret.txt',
    'app://switchboard/../../etc/passwd',
    'app://switchboard/assets/../../secret.txt',
    'app://switchboard/%2e%2e/secret.txt',
    'app://switchboard/%2E%2E/%2e%2e/etc/passwd',
    'app://switchboard/.%2e/secret.txt',
    'app://switchboard/..%2fsecret.txt',
    'app://switchboard/..%2F..%2Fetc%2Fpasswd',
    'app://switchboard/assets%2f..%2f..%2fsecret.txt',
    'app://switchboard/..%5csecret.txt',
    'app://switchboard/..\\secret.txt',
    'app://switchboard/./index.html',
    'app://switchboard/index.html%00.js',
    'app://switchboard/%ZZ',
    'app://switchboard/C:/Windows/win.ini',
    'app://switchboard/%2Fetc%2Fpasswd',
    'app://switchboard//etc/passwd',
  ])('refuses a path that leaves the folder or hides a separator: %s', (url) => {
    const resolved = resolveAppPath(root, url)
    // Either refused, or (for `//etc/passwd`, which the URL parser keeps as two segments) inside root.
    if (url === 'app://switchboard//etc/passwd') {
      expect(resolved).toBe(path.join(root, 'etc', 'passwd'))
    } else {
      expect(resolved).toBeNull()
    }
  })

  it.each([
    'app://evil/index.html',
    'app://switchboard.evil/index.html',
    'app://user:pw@switchboard/index.html',
    'app://switchboard:8080/index.html',
    'file:///etc/passwd',
    'https://switchboard/index.html',
    'http://localhost:5173/index.html',
    '/etc/passwd',
    '../secret.txt',
    'not a url',
    '',
  ])('refuses another scheme, host or a bare path: %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull()
  })

  it('never returns a path outside the folder, whatever the URL', () => {
    const tricky = ['..', '%2e%2e', '%2E.', '.', '%2f', '%5c', '\\', 'assets', 'index.html', '', 'a:b', '%00']
    for (const a of tricky) {
      for (const b of tricky) {
        for (const c of tricky) {
          const resolved = resolveAppPath(root, `app://switchboard/${a}/${b}/${c}`)
          if (resolved !== null) {
            expect(path.relative(root, resolved).startsWith('..')).toBe(false)
            expect(path.isAbsolute(path.relative(root, resolved))).toBe(false)
          }
        }
      }
    }
  })
})

describe('serveAppRequest', () => {
  it('serves index.html and assets with their MIME type and the CSP header', async () => {
    const page = await serveAppRequest(root, 'app://switchboard/')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await page.text()).toContain('<title>Switchboard</title>')

    const script = await serveAppRequest(root, 'app://switchboard/assets/index-abc.js')
    expect(script.status).toBe(200)
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(script.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(await script.text()).toBe('console.log(1)')

    const style = await serveAppRequest(root, 'app://switchboard/assets/index-abc.css')
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8')
  })

  it('answers 404 with the CSP header for a missing file, a folder, traversal and other hosts', async () => {
    for (const url of [
      'app://switchboard/missing.js',
      'app://switchboard/assets',
      'app://switchboard/../secret.txt',
      'app://switchboard/%2e%2e/secret.txt',
      'app://switchboard/..%2fsecret.txt',
      'app://switchboard/../renderer-evil/x.js',
      'app://other/index.html',
    ]) {
      const response = await serveAppRequest(root, url)
      expect(response.status, url).toBe(404)
      expect(response.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY)
      expect(await response.text(), url).not.toContain('not for the page')
    }
  })

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await serveAppRequest(root, 'app://switchboard/index.html', 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
    const post = await serveAppRequest(root, 'app://switchboard/index.html', 'POST')
    expect(post.status).toBe(405)
    expect(post.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
  })
})

describe('scheme and MIME types', () => {
  it('registers app:// as a standard, secure scheme that supports fetch', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true })
  })

  it('knows the types a Vite build emits and falls back to octet-stream', () => {
    expect(mimeTypeFor('a/b.mjs')).toBe('text/javascript; charset=utf-8')
    expect(mimeTypeFor('a/b.SVG')).toBe('image/svg+xml')
    expect(mimeTypeFor('a/b.woff2')).toBe('font/woff2')
    expect(mimeTypeFor('a/b.png')).toBe('image/png')
    expect(mimeTypeFor('a/b.json')).toBe('application/json; charset=utf-8')
    expect(mimeTypeFor('a/b')).toBe('application/octet-stream')
  })
})
