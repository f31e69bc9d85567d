import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import ts from 'typescript'
import { beforeAll, describe, expect, it } from 'vitest'
import { resolveAppPath, serveAppRequest } from '../../src/main/shell/appProtocol'
import { channelNames } from '../../src/shared/channels'
import { SHELL_COMMAND_CHANNEL } from '../../src/shared/shellCommands'
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp'
import {
  MAIN_BUNDLE,
  OUT,
  PRELOAD_BUNDLE,
  RENDERER_DIR,
  RENDERER_INDEX,
  ROOT,
  ensureBuilt,
} from './buildOutput'

// Static guards for the traps in TESTING.md that only a real Electron would show.

beforeAll(() => {
  ensureBuilt()
})

const read = (file: string): string => readFileSync(file, 'utf8')

function parse(file: string): ts.SourceFile {
  const kind = file.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS
  return ts.createSourceFile(file, read(file), ts.ScriptTarget.Latest, true, kind)
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node)
  node.forEachChild((child) => walk(child, visit))
}

/** Calls `<object>.<method>(…)`, e.g. `app.requestSingleInstanceLock()`. */
function methodCalls(source: ts.SourceFile, method: string): ts.CallExpression[] {
  const calls: ts.CallExpression[] = []
  walk(source, (node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === method
    ) {
      calls.push(node)
    }
  })
  return calls
}

const insideFunction = (node: ts.Node): boolean => {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (ts.isFunctionLike(parent) || ts.isClassStaticBlockDeclaration(parent)) return true
  }
  return false
}

const topLevelStatement = (node: ts.Node): ts.Node => {
  let current = node
  while (current.parent && !ts.isSourceFile(current.parent)) current = current.parent
  return current
}

/** Top-level `await` in a statement (not inside a nested function). */
function hasTopLevelAwait(statement: ts.Node): boolean {
  let found = false
  walk(statement, (node) => {
    if (
      (ts.isAwaitExpression(node) || (ts.isForOfStatement(node) && node.awaitModifier)) &&
      !insideFunction(node)
    ) {
      found = true
    }
  })
  return found
}

/**
 * `protocol.registerSchemesAsPrivileged` and `app.requestSingleInstanceLock` must run before
 * `ready`: called once, at module top level, with no top-level `await` before them.
 */
function expectCalledBeforeReady(source: ts.SourceFile, method: string): void {
  const calls = methodCalls(source, method)
  expect(calls, `${method} in ${source.fileName}`).toHaveLength(1)
  const call = calls[0] as ts.CallExpression
  expect(insideFunction(call), `${method} must not be inside a function (it would run after ready)`).toBe(
    false,
  )
  const statement = topLevelStatement(call)
  const before = source.statements.slice(0, source.statements.indexOf(statement as ts.Statement))
  expect(before.some(hasTopLevelAwait), `no top-level await before ${method}`).toBe(false)
}

/** The object literal passed to `new BrowserWindow({...})`, as a map of its (nested) properties. */
function browserWindowOptions(source: ts.SourceFile): Map<string, ts.Expression>[] {
  const found: Map<string, ts.Expression>[] = []
  walk(source, (node) => {
    if (!ts.isNewExpression(node) || node.expression.getText(source) !== 'BrowserWindow') return
    const argument = node.arguments?.[0]
    const properties = new Map<string, ts.Expression>()
    const collect = (literal: ts.ObjectLiteralExpression, prefix: string): void => {
      for (const property of literal.properties) {
        if (ts.isPropertyAssignment(property)) {
          const name = `${prefix}${property.name.getText(source)}`
          properties.set(name, property.initializer)
          if (ts.isObjectLiteralExpression(property.initializer)) collect(property.initializer, `${name}.`)
        } else if (ts.isShorthandPropertyAssignment(property)) {
          properties.set(`${prefix}${property.name.text}`, property.name)
        }
      }
    }
    if (argument && ts.isObjectLiteralExpression(argument)) collect(argument, '')
    found.push(properties)
  })
  return found
}

const SECURE_WEB_PREFERENCES: Record<string, boolean> = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
}

/** `true`/`false` as written in TypeScript, or as a bundler may write them (`!0`/`!1`). */
function booleanOf(expression: ts.Expression | undefined): boolean | undefined {
  if (!expression) return undefined
  if (expression.kind === ts.SyntaxKind.TrueKeyword) return true
  if (expression.kind === ts.SyntaxKind.FalseKeyword) return false
  if (ts.isPrefixUnaryExpression(expression) && expression.operator === ts.SyntaxKind.ExclamationToken) {
    if (ts.isNumericLiteral(expression.operand)) return expression.operand.text === '0'
  }
  return undefined
}

describe('the preload bundle (out/preload/index.cjs)', () => {
  it('is CommonJS and requires nothing but electron', () => {
    expect(existsSync(PRELOAD_BUNDLE), 'out/preload/index.cjs exists').toBe(true)
    const code = read(PRELOAD_BUNDLE)
    const source = parse(PRELOAD_BUNDLE)
    const esm = source.statements.filter(
      (statement) =>
        ts.isImportDeclaration(statement) ||
        ts.isExportDeclaration(statement) ||
        ts.isExportAssignment(statement),
    )
    expect(esm, 'no import/export statements').toHaveLength(0)
    expect(code).not.toMatch(/\bimport\s*\(|import\.meta/)

    const requires: string[] = []
    let nonLiteral = 0
    walk(source, (node) => {
      if (
        ts.isCallExpression(node) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'require'
      ) {
        const [argument] = node.arguments
        if (argument && ts.isStringLiteral(argument)) requires.push(argument.text)
        else nonLiteral += 1
      }
    })
    expect(nonLiteral).toBe(0)
    expect([...new Set(requires)]).toEqual(['electron'])
  })

  it('runs in a sandbox-like context and exposes exactly window.api (one function per channel) and window.shell', async () => {
    const exposed = new Map<string, unknown>()
    const invoked: [string, unknown][] = []
    const required: string[] = []
    const listeners = new Map<string, ((event: unknown, message: unknown) => void)[]>()
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
      ipcRenderer: {
        invoke: (channel: string, input: unknown) => {
          invoked.push([channel, input])
          return Promise.resolve({ ok: true, data: channel })
        },
        on: (channel: string, listener: (event: unknown, message: unknown) => void) => {
          listeners.set(channel, [...(listeners.get(channel) ?? []), listener])
        },
        removeListener: (channel: string, listener: (event: unknown, message: unknown) => void) => {
          listeners.set(
            channel,
            (listeners.get(channel) ?? []).filter((entry) => entry !== listener),
          )
        },
      },
    }
    const sandboxRequire = (name: string): unknown => {
      required.push(name)
      if (name === 'electron') return electron
      throw new Error(`a sandboxed preload cannot require ${name}`)
    }
    const module = { exports: {} }
    vm.runInNewContext(
      read(PRELOAD_BUNDLE),
      { require: sandboxRequire, module, exports: module.exports },
      {
        filename: PRELOAD_BUNDLE,
      },
    )

    expect(required).toEqual(['electron'])
    expect([...exposed.keys()]).toEqual(['api', 'shell'])
    const api = exposed.get('api') as Record<string, Record<string, (input: unknown) => Promise<unknown>>>
    const leaves = Object.entries(api).flatMap(([domain, verbs]) =>
      Object.entries(verbs).map(([verb, fn]) => {
        expect(typeof fn).toBe('function')
        return `${domain}:${verb}`
      }),
    )
    expect(leaves.sort()).toEqual([...channelNames].sort())

    const result = await api['users']?.['list']?.({ probe: 1 })
    expect(result).toEqual({ ok: true, data: 'users:list' })
    expect(invoked).toEqual([['users:list', { probe: 1 }]])

    // window.shell: one narrow event API. The listener gets checked menu commands of one channel,
    // never the IPC event, and nothing else; it can be stopped.
    const shell = exposed.get('shell') as Record<string, unknown>
    expect(Object.keys(shell)).toEqual(['onCommand'])
    const received: unknown[] = []
    const stop = (shell['onCommand'] as (listener: (...args: unknown[]) => void) => () => void)((...args) =>
      received.push(args),
    )
    expect([...listeners.keys()]).toEqual([SHELL_COMMAND_CHANNEL])
    const send = (message: unknown) => {
      for (const listener of listeners.get(SHELL_COMMAND_CHANNEL) ?? [])
        listener({ sender: 'secret' }, message)
    }
    send({ command: 'newPlan' })
    send({ command: 'openRecent', path: '/plans/a.json' })
    send({ command: 'rm -rf' })
    send('newPlan')
    send({ command: 'saveAs', path: 42 })
    expect(received).toEqual([[{ command: 'newPlan' }], [{ command: 'openRecent', path: '/plans/a.json' }]])
    stop()
    send({ command: 'newPlan' })
    expect(received).toHaveLength(2)
  })
})

describe('the main bundle (out/main/index.js)', () => {
  it('is the ESM entry package.json names and uses no CommonJS globals', () => {
    const pkg = JSON.parse(read(path.join(ROOT, 'package.json'))) as { type?: string; main?: string }
    expect(pkg.type).toBe('module')
    expect(path.resolve(ROOT, pkg.main ?? '')).toBe(MAIN_BUNDLE)
    expect(existsSync(MAIN_BUNDLE)).toBe(true)
    // electron-vite injects this shim when a dependency needs CommonJS globals; it is ESM-safe.
    const shim =
      /\/\/ -- CommonJS Shims --[\s\S]*?const require = __shims_module__\.createRequire\(import\.meta\.url\);/
    const code = read(MAIN_BUNDLE).replace(shim, '')
    expect(code).not.toMatch(/\b__dirname\b/)
    expect(code).not.toMatch(/\b__filename\b/)
    expect(code).not.toMatch(/\bmodule\.exports\b|\bexports\.\w+\s*=/)
    expect(code).toMatch(/^import .* from "electron";$/m)
  })

  it('builds its paths from import.meta.dirname, and each one exists in the build', () => {
    const code = read(MAIN_BUNDLE)
    const literals = [...code.matchAll(/\(import\.meta\.dirname,\s*((?:"[^"]*"(?:,\s*)?)+)\)/g)].map(
      (match) => [...(match[1] ?? '').matchAll(/"([^"]*)"/g)].map((part) => part[1] ?? ''),
    )
    expect(literals.length).toBeGreaterThan(0)
    for (const parts of literals) {
      expect(existsSync(path.resolve(OUT, 'main', ...parts)), parts.join('/')).toBe(true)
    }
    // out/main/.. is out/, where the preload and the renderer are.
    expect(code).toContain('"index.cjs"')
    expect(existsSync(PRELOAD_BUNDLE)).toBe(true)
  })

  it.each([
    ['src/main/index.ts', path.join(ROOT, 'src/main/index.ts')],
    ['out/main/index.js', MAIN_BUNDLE],
  ])('%s registers the app scheme and takes the single-instance lock before ready', (_name, file) => {
    const source = parse(file)
    expectCalledBeforeReady(source, 'registerSchemesAsPrivileged')
    expectCalledBeforeReady(source, 'requestSingleInstanceLock')
    expectCalledBeforeReady(source, 'enableSandbox')
    // protocol.handle needs ready: it runs inside a function (called from whenReady).
    const handles = methodCalls(source, 'handle').filter((call) =>
      call.expression.getText(source).startsWith('protocol.'),
    )
    if (file === MAIN_BUNDLE) expect(handles.length).toBeGreaterThan(0)
    for (const call of handles) expect(insideFunction(call), 'protocol.handle inside a function').toBe(true)
    expect(methodCalls(source, 'whenReady').length).toBeGreaterThan(0)
  })

  it('quits a second instance at once and focuses the first', () => {
    const code = read(path.join(ROOT, 'src/main/index.ts'))
    expect(code).toMatch(
      /if \(!isPrimaryInstance\) \{\s*app\.quit\(\)\s*\} else \{\s*app\.on\('second-instance', focusMainWindow\)/,
    )
  })

  it.each([
    ['src/main/shell/window.ts', path.join(ROOT, 'src/main/shell/window.ts')],
    ['out/main/index.js', MAIN_BUNDLE],
  ])('%s creates the one window with sandbox, context isolation and no node integration', (_name, file) => {
    const windows = browserWindowOptions(parse(file))
    expect(windows).toHaveLength(1)
    const options = windows[0] as Map<string, ts.Expression>
    for (const [name, value] of Object.entries(SECURE_WEB_PREFERENCES)) {
      expect(booleanOf(options.get(`webPreferences.${name}`)), `webPreferences.${name}`).toBe(value)
    }
    expect(options.has('webPreferences.preload')).toBe(true)
    expect(booleanOf(options.get('show'))).toBe(false)
    expect(options.get('title')?.getText()).toMatch(/^["']Switchboard["']$/)
    // Nowhere in the bundle is a security setting switched the other way.
    expect(read(file)).not.toMatch(
      /\b(sandbox|contextIsolation|webSecurity)\s*:\s*(false|!1)\b|\b(nodeIntegration\w*|webviewTag|allowRunningInsecureContent)\s*:\s*(true|!0)\b/,
    )
  })

  it('denies navigation, new windows and permissions, and checks external URLs', () => {
    const code = read(MAIN_BUNDLE)
    expect(code).toMatch(/setWindowOpenHandler\([\s\S]{0,200}action: "deny"/)
    expect(code).toMatch(/"will-navigate"[\s\S]{0,200}preventDefault\(\)/)
    expect(code).toMatch(/setPermissionRequestHandler\(\([^)]*\) => callback\(false\)\)/)
    expect(code).toMatch(/setPermissionCheckHandler\(\(\) => false\)/)
    const openExternal = [...code.matchAll(/shell\.openExternal\(/g)]
    expect(openExternal).toHaveLength(1)
    const before = code.slice(Math.max(0, (openExternal[0]?.index ?? 0) - 300), openExternal[0]?.index)
    expect(before).toMatch(/if \(!isAllowedExternalUrl\(url\)\) \{/)
  })
})

describe('the renderer build (out/renderer)', () => {
  const built = existsSync(RENDERER_INDEX)

  it.skipIf(!built)('references only relative assets that resolve to files under out/renderer', async () => {
    const html = read(RENDERER_INDEX)
    const references = [...html.matchAll(/<(?:script|link|img)\b[^>]*?\b(?:src|href)="([^"]+)"/g)].map(
      (m) => m[1] ?? '',
    )
    expect(references.length).toBeGreaterThan(0)
    const assets: string[] = []
    for (const reference of references) {
      if (reference.startsWith('data:')) continue // inline, loads nothing (img-src allows data:)
      expect(reference, 'relative path (base "./")').not.toMatch(/^(\/|[a-z][a-z0-9+.-]*:)/i)
      const url = new URL(reference, 'app://switchboard/index.html').href
      const file = resolveAppPath(RENDERER_DIR, url)
      expect(file, reference).not.toBeNull()
      expect(existsSync(file ?? ''), reference).toBe(true)
      assets.push(url)
    }
    // Stylesheets' url(...) references too (fonts, images).
    for (const url of assets.filter((asset) => asset.endsWith('.css'))) {
      const css = read(resolveAppPath(RENDERER_DIR, url) ?? '')
      for (const match of css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
        const reference = match[1] ?? ''
        if (/^(data:|#)/.test(reference)) continue
        const target = resolveAppPath(RENDERER_DIR, new URL(reference, url).href)
        expect(target, `${reference} in ${url}`).not.toBeNull()
        expect(existsSync(target ?? ''), `${reference} in ${url}`).toBe(true)
      }
    }
    // The page is served through the protocol with the CSP header.
    const page = await serveAppRequest(RENDERER_DIR, 'app://switchboard/index.html')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    for (const url of assets) expect((await serveAppRequest(RENDERER_DIR, url)).status, url).toBe(200)
  })

  it.skipIf(!built)('has no inline script, which the CSP (script-src self) would block', () => {
    const html = read(RENDERER_INDEX)
    for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      expect(match[1], 'script has src').toMatch(/\bsrc=/)
      expect((match[2] ?? '').trim()).toBe('')
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i)
  })
})
