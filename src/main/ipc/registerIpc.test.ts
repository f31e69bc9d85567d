import { readFile } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { channelNames } from '../../shared/channels'
import type { UserPage } from '../../shared/domain'
import type { Result } from '../../shared/result'
import { createBackend } from '../backend'
import type { Backend } from '../backend'
import { tempPlanPath } from '../testing/generatePlan'
import { APP_ORIGIN, isTrustedSender, registerIpc } from './registerIpc'
import type { InvokeEvent, IpcMainLike } from './registerIpc'

type Listener = Parameters<IpcMainLike['handle']>[1]

/** Behaves like Electron's ipcMain.handle: a second handler for one channel is an error. */
class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>()
  readonly registrations: string[] = []
  handle(channel: string, listener: Listener): void {
    this.registrations.push(channel)
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, listener)
  }
  invoke(channel: string, event: InvokeEvent, payload: unknown): Promise<Result<unknown>> {
    const listener = this.handlers.get(channel)
    if (!listener) throw new Error(`No handler registered for '${channel}'`)
    return listener(event, payload)
  }
}

const ourWindow = { id: 1 }
const otherWindow = { id: 2 }
const fromOurs = (url = `${APP_ORIGIN}/index.html`): InvokeEvent => ({
  sender: ourWindow,
  senderFrame: { url, parent: null },
})

const newUser = {
  firstName: 'Clara',
  lastName: 'Berg',
  email: 'clara.berg@example.com',
  language: 'de',
  admin: true,
  permissions: { telephony: true, fax: true },
}

let temp: Awaited<ReturnType<typeof tempPlanPath>>
let backend: Backend
let ipc: FakeIpcMain

beforeEach(async () => {
  temp = await tempPlanPath()
  backend = await createBackend(temp.file, 'en')
  ipc = new FakeIpcMain()
})
afterEach(async () => {
  await temp.remove()
})

describe('registerIpc', () => {
  it('registers every channel of the contract exactly once, and nothing else', () => {
    registerIpc(ipc, backend, (event) => isTrustedSender(event, ourWindow))
    expect([...ipc.registrations].sort()).toEqual([...channelNames].sort())
    expect(new Set(ipc.registrations).size).toBe(ipc.registrations.length)
  })

  const untrusted: [string, InvokeEvent][] = [
    [
      'another webContents',
      { sender: otherWindow, senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: null } },
    ],
    [
      'a subframe of our window',
      { sender: ourWindow, senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: {} } },
    ],
    ['a null senderFrame', { sender: ourWindow, senderFrame: null }],
    ['an http:// page', fromOurs('http://localhost:5173/')],
    ['an https:// page', fromOurs('https://switchboard/')],
    ['a file:// page', fromOurs('file:///opt/Switchboard/resources/app/index.html')],
    ['another app:// host', fromOurs('app://switchboard.evil/index.html')],
    ['a data: URL', fromOurs('data:text/html,<script>1</script>')],
    ['about:blank', fromOurs('about:blank')],
    ['an unparsable URL', fromOurs('not a url')],
  ]

  for (const [name, event] of untrusted) {
    it(`refuses a request from ${name} with forbidden and changes nothing`, async () => {
      registerIpc(ipc, backend, (incoming) => isTrustedSender(incoming, ourWindow))
      const before = await readFile(temp.file)
      const planBefore = structuredClone(backend.store.plan)
      for (const channel of channelNames) {
        const result = await ipc.invoke(channel, event, channel === 'users:create' ? newUser : {})
        expect(result.ok, channel).toBe(false)
        if (!result.ok) {
          expect(result.error.code).toBe('forbidden')
          expect(result.error.message).toBe('Request refused: it did not come from the Switchboard window.')
        }
      }
      const language = await ipc.invoke('app:setLanguage', event, { language: 'de' })
      expect(language.ok).toBe(false)
      expect(backend.session.language).toBe('en')
      expect(await readFile(temp.file)).toEqual(before)
      expect(backend.store.plan).toEqual(planBefore)
    })
  }

  it('passes a request from the main frame of our window at app://switchboard to the backend', async () => {
    registerIpc(ipc, backend, (event) => isTrustedSender(event, ourWindow))
    const created = await ipc.invoke('users:create', fromOurs(), newUser)
    expect(created.ok).toBe(true)
    const page = await ipc.invoke('users:list', fromOurs(`${APP_ORIGIN}/#/users?x=1`), { search: 'clara' })
    expect(page.ok && (page.data as UserPage).items.map((user) => user.email)).toEqual([
      'clara.berg@example.com',
    ])
    expect(await readFile(temp.file, 'utf8')).toContain('clara.berg@example.com')
  })

  it('still parses trusted payloads: an invalid one gets validation, not the handler', async () => {
    registerIpc(ipc, backend, (event) => isTrustedSender(event, ourWindow))
    const result = await ipc.invoke('users:create', fromOurs(), { ...newUser, email: 42 })
    expect(!result.ok && result.error.code).toBe('validation')
  })

  it('refuses in the acting language and when the sender check itself throws', async () => {
    await backend.call('app:setLanguage', { language: 'de' })
    registerIpc(ipc, backend, () => {
      throw new Error('frame destroyed')
    })
    const result = await ipc.invoke('app:status', fromOurs(), {})
    expect(result).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Anfrage abgelehnt: Sie kam nicht aus dem Switchboard-Fenster.' },
    })
  })
})

describe('isTrustedSender', () => {
  const dev = 'http://localhost:5173'

  it('accepts our main frame at app://switchboard', () => {
    expect(isTrustedSender(fromOurs(), ourWindow)).toBe(true)
    expect(isTrustedSender(fromOurs('app://switchboard/'), ourWindow, dev)).toBe(true)
  })

  it('accepts the dev server origin only when it is given', () => {
    expect(isTrustedSender(fromOurs(`${dev}/index.html`), ourWindow)).toBe(false)
    expect(isTrustedSender(fromOurs(`${dev}/index.html`), ourWindow, null)).toBe(false)
    expect(isTrustedSender(fromOurs(`${dev}/index.html`), ourWindow, dev)).toBe(true)
    expect(isTrustedSender(fromOurs(`${dev}/`), ourWindow, `${dev}/`)).toBe(true)
    expect(isTrustedSender(fromOurs('http://localhost:5174/'), ourWindow, dev)).toBe(false)
    expect(isTrustedSender(fromOurs('http://127.0.0.1:5173/'), ourWindow, dev)).toBe(false)
    expect(isTrustedSender(fromOurs('https://localhost:5173/'), ourWindow, dev)).toBe(false)
  })

  it('never accepts an origin-less page, even when it equals the dev server setting', () => {
    expect(isTrustedSender(fromOurs('file:///index.html'), ourWindow, 'null')).toBe(false)
    expect(isTrustedSender(fromOurs('file:///index.html'), ourWindow, 'file:///index.html')).toBe(false)
    expect(isTrustedSender(fromOurs('data:text/html,x'), ourWindow, 'data:text/html,x')).toBe(false)
  })

  it('refuses other windows, subframes, a missing frame and a missing window', () => {
    expect(isTrustedSender({ ...fromOurs(), sender: otherWindow }, ourWindow)).toBe(false)
    expect(
      isTrustedSender({ sender: ourWindow, senderFrame: { url: APP_ORIGIN, parent: {} } }, ourWindow),
    ).toBe(false)
    expect(isTrustedSender({ sender: ourWindow, senderFrame: null }, ourWindow)).toBe(false)
    expect(
      isTrustedSender({ sender: undefined, senderFrame: { url: APP_ORIGIN, parent: null } }, undefined),
    ).toBe(false)
    expect(isTrustedSender({ sender: null, senderFrame: { url: APP_ORIGIN, parent: null } }, null)).toBe(
      false,
    )
  })

  it('refuses look-alike app:// origins', () => {
    for (const url of [
      'app://switchboard.evil/',
      'app://evil/',
      'app://switchboard:8080/',
      'app:switchboard',
      'app:///',
    ]) {
      expect(isTrustedSender(fromOurs(url), ourWindow), url).toBe(false)
    }
  })
})
