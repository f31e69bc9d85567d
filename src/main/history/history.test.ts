import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import type { ChannelName } from '../../shared/channels'
import type { HistoryPage } from '../../shared/history'
import { undoableChannels } from '../../shared/undo'
import type { UndoableChannel } from '../../shared/undo'
import { createBackendWith } from '../backend'
import type { Backend } from '../backend'
import { Session } from '../session'
import { createDefaultPlan, planSchema } from '../store/planFile'
import type { Plan } from '../store/planFile'
import { PlanStore } from '../store/planStore'
import { review } from '../csv/csvTestkit'
import { appOf, idOf, prepareEveryKind } from '../testing/changeFixture'
import { expectData, expectError, tempPlanFile } from '../testing/planFixture'
import { historyEntrySchema } from './historySchema'
import { entrySentence, listHistory } from './historyService'
import { withHistoryEntry } from './recordHistory'

const NOW = new Date('2026-03-04T05:06:07.000Z')

async function backendOf(language: 'en' | 'de' = 'en'): Promise<Backend> {
  const store = await PlanStore.open(await tempPlanFile('switchboard-history-'), { language, now: () => NOW })
  return createBackendWith(store, new Session(language))
}

async function call<T = unknown>(backend: Backend, channel: ChannelName, payload: object = {}): Promise<T> {
  return expectData<T>(await backend.call(channel, payload))
}

const id = idOf
const app = appOf
const fax = (plan: Plan): string => plan.faxLines[0]!.id
const location = (plan: Plan): string => plan.locations[0]!.id

const prepare = prepareEveryKind

type Case = [UndoableChannel, (plan: Plan) => object, string, string]

/** One change through every channel that changes the plan, and its history sentence in en and de. */
const cases: Case[] = [
  [
    'users:create',
    () => ({
      firstName: 'Clara',
      lastName: 'Neu',
      email: 'clara@example.com',
      language: 'de',
      admin: false,
      permissions: { telephony: true, fax: false },
      number: '+4921155582',
      extension: '12',
    }),
    'Anna Schmidt: user Clara Neu added; app “Softphone-App” added for Clara Neu; number +49 211 55582 assigned to Clara Neu; extension 12 added to Clara Neu',
    'Anna Schmidt: Benutzer Clara Neu hinzugefügt; App „Softphone-App“ für Clara Neu hinzugefügt; Rufnummer +49 211 55582 an Clara Neu zugewiesen; Durchwahl 12 für Clara Neu hinzugefügt',
  ],
  [
    'users:update',
    (plan) => ({ id: id(plan, 'Ben'), firstName: 'Benjamin', email: 'benjamin@example.com' }),
    'Anna Schmidt: Ben Ott renamed to Benjamin Ott; email address of Benjamin Ott changed from ben.ott@example.com to benjamin@example.com',
    'Anna Schmidt: Ben Ott umbenannt in Benjamin Ott; E-Mail-Adresse von Benjamin Ott von ben.ott@example.com in benjamin@example.com geändert',
  ],
  [
    'users:setPassword',
    (plan) => ({ id: id(plan, 'Ben'), password: 'Geheim-12345' }),
    'Anna Schmidt: password set for Ben Ott',
    'Anna Schmidt: Passwort für Ben Ott gesetzt',
  ],
  [
    'users:setAdmin',
    (plan) => ({ id: id(plan, 'Ben'), admin: true }),
    'Anna Schmidt: Ben Ott made an admin',
    'Anna Schmidt: Ben Ott zum Admin gemacht',
  ],
  [
    'users:setLocation',
    (plan) => ({ id: id(plan, 'Ben'), locationId: location(plan) }),
    'Anna Schmidt: Ben Ott assigned to location Düsseldorf',
    'Anna Schmidt: Ben Ott dem Standort Düsseldorf zugeordnet',
  ],
  [
    'users:setPermissions',
    (plan) => ({ id: id(plan, 'Ben'), telephony: true, fax: false, confirm: true }),
    'Anna Schmidt: fax permission of Ben Ott removed; fax line “Office fax” of Ben Ott removed',
    'Anna Schmidt: Berechtigung Fax von Ben Ott entzogen; Faxleitung „Office fax“ von Ben Ott entfernt',
  ],
  [
    'users:delete',
    (plan) => ({ id: id(plan, 'Ben') }),
    'Anna Schmidt: number +49 211 55581 of Ben Ott released; extension 11 of Ben Ott removed; app “Softphone app” of Ben Ott removed; fax line “Office fax” of Ben Ott removed; user Ben Ott deleted',
    'Anna Schmidt: Rufnummer +49 211 55581 von Ben Ott freigegeben; Durchwahl 11 von Ben Ott entfernt; App „Softphone app“ von Ben Ott entfernt; Faxleitung „Office fax“ von Ben Ott entfernt; Benutzer Ben Ott gelöscht',
  ],
  [
    'numbers:add',
    () => ({ number: '+49 211 9700' }),
    'Anna Schmidt: number +49 211 9700 added',
    'Anna Schmidt: Rufnummer +49 211 9700 hinzugefügt',
  ],
  [
    'numbers:addBlock',
    () => ({ base: '+49 211 9710', count: 2 }),
    'Anna Schmidt: number +49 211 9710 added; number +49 211 9711 added',
    'Anna Schmidt: Rufnummer +49 211 9710 hinzugefügt; Rufnummer +49 211 9711 hinzugefügt',
  ],
  [
    'numbers:assign',
    (plan) => ({ number: '+4921155583', target: { kind: 'user', id: id(plan, 'Ben') } }),
    'Anna Schmidt: number +49 211 55583 assigned to Ben Ott',
    'Anna Schmidt: Rufnummer +49 211 55583 an Ben Ott zugewiesen',
  ],
  [
    'numbers:unassign',
    () => ({ number: '+4921155581' }),
    'Anna Schmidt: number +49 211 55581 of Ben Ott released',
    'Anna Schmidt: Rufnummer +49 211 55581 von Ben Ott freigegeben',
  ],
  [
    'numbers:remove',
    () => ({ number: '+4921155581', confirm: true }),
    'Anna Schmidt: number +49 211 55581 of Ben Ott removed',
    'Anna Schmidt: Rufnummer +49 211 55581 von Ben Ott entfernt',
  ],
  [
    'extensions:add',
    (plan) => ({ owner: { kind: 'user', id: id(plan, 'Ben') }, extension: '23' }),
    'Anna Schmidt: extension 23 added to Ben Ott',
    'Anna Schmidt: Durchwahl 23 für Ben Ott hinzugefügt',
  ],
  [
    'extensions:remove',
    (plan) => ({ owner: { kind: 'user', id: id(plan, 'Ben') }, extension: '11' }),
    'Anna Schmidt: extension 11 of Ben Ott removed',
    'Anna Schmidt: Durchwahl 11 von Ben Ott entfernt',
  ],
  [
    'devices:add',
    (plan) => ({
      userId: id(plan, 'Ben'),
      device: { type: 'mobile', name: 'Handy', number: '+491701234567' },
    }),
    'Anna Schmidt: mobile device “Handy” added for Ben Ott',
    'Anna Schmidt: Mobilgerät „Handy“ für Ben Ott hinzugefügt',
  ],
  [
    'devices:rename',
    (plan) => ({ id: app(plan, 'Ben'), name: 'Laptop app' }),
    'Anna Schmidt: device “Softphone app” of Ben Ott renamed to “Laptop app”',
    'Anna Schmidt: Gerät „Softphone app“ von Ben Ott umbenannt in „Laptop app“',
  ],
  [
    'devices:remove',
    (plan) => ({ id: plan.devices.find((device) => device.name === 'Handy')!.id }),
    'Anna Schmidt: mobile device “Handy” of Ben Ott removed',
    'Anna Schmidt: Mobilgerät „Handy“ von Ben Ott entfernt',
  ],
  [
    'devices:setActive',
    (plan) => ({ id: app(plan, 'Ben'), active: false }),
    'Anna Schmidt: device “Softphone app” of Ben Ott switched off',
    'Anna Schmidt: Gerät „Softphone app“ von Ben Ott ausgeschaltet',
  ],
  [
    'fax:add',
    (plan) => ({
      userId: id(plan, 'Ben'),
      alias: 'Second fax',
      number: '+4921155584',
      send: true,
      receive: false,
    }),
    'Anna Schmidt: fax line “Second fax” added for Ben Ott; number +49 211 55584 assigned to fax line “Second fax”',
    'Anna Schmidt: Faxleitung „Second fax“ für Ben Ott hinzugefügt; Rufnummer +49 211 55584 an Faxleitung „Second fax“ zugewiesen',
  ],
  [
    'fax:update',
    (plan) => ({ id: fax(plan), alias: 'Renamed fax', number: '+4921155585' }),
    'Anna Schmidt: fax line “Renamed fax” of Ben Ott changed: renamed from “Office fax”; number +49 211 55585 assigned to fax line “Renamed fax”',
    'Anna Schmidt: Faxleitung „Renamed fax“ von Ben Ott geändert: umbenannt von „Office fax“; Rufnummer +49 211 55585 an Faxleitung „Renamed fax“ zugewiesen',
  ],
  [
    'fax:remove',
    (plan) => ({ id: fax(plan) }),
    'Anna Schmidt: fax line “Office fax” of Ben Ott removed',
    'Anna Schmidt: Faxleitung „Office fax“ von Ben Ott entfernt',
  ],
  [
    'routing:setVoicemail',
    (plan) => ({ userId: id(plan, 'Ben'), enabled: true, timeoutSeconds: 45 }),
    'Anna Schmidt: voicemail of Ben Ott on after 45 s',
    'Anna Schmidt: Voicemail von Ben Ott nach 45 s eingeschaltet',
  ],
  [
    'locations:create',
    () => ({
      name: 'Köln',
      street: 'Domplatte',
      houseNumber: '1',
      postcode: '50667',
      city: 'Köln',
      country: 'DE',
    }),
    'Anna Schmidt: location Köln added',
    'Anna Schmidt: Standort Köln hinzugefügt',
  ],
  [
    'locations:update',
    (plan) => ({ id: location(plan), name: 'Düsseldorf Nord' }),
    'Anna Schmidt: location Düsseldorf renamed to Düsseldorf Nord',
    'Anna Schmidt: Standort Düsseldorf umbenannt in Düsseldorf Nord',
  ],
  [
    'locations:delete',
    (plan) => ({ id: location(plan), confirm: true }),
    'Anna Schmidt: location Düsseldorf deleted',
    'Anna Schmidt: Standort Düsseldorf gelöscht',
  ],
  [
    'plan:updateSettings',
    () => ({ name: 'Nordlicht GmbH', country: 'AT' }),
    'Anna Schmidt: account name changed from My company to Nordlicht GmbH; country of the plan changed from DE to AT',
    'Anna Schmidt: Kontoname von My company in Nordlicht GmbH geändert; Land des Plans von DE in AT geändert',
  ],
]

describe('a history entry for every kind of change', () => {
  it('covers every channel that changes the plan (the CSV import has its own test)', () => {
    const covered = new Set<string>(cases.map(([channel]) => channel))
    expect(undoableChannels.filter((channel) => !covered.has(channel))).toEqual(['csv:importCommit'])
  })

  it.each(cases)('%s', async (channel, payload, en, de) => {
    const backend = await backendOf()
    await prepare(backend)
    if (channel === 'devices:remove')
      await call(backend, 'devices:add', {
        userId: id(backend.store.plan, 'Ben'),
        device: { type: 'mobile', name: 'Handy', number: '+491701234567' },
      })
    const before = backend.store.plan.history.length
    await call(backend, channel, payload(backend.store.plan))
    const { history } = backend.store.plan
    expect(history).toHaveLength(before + 1)
    const entry = history.at(-1)!
    expect(entry).toMatchObject({ at: NOW.toISOString(), actorName: 'Anna Schmidt', channel })
    expect(entry.actorId).toBe(id(backend.store.plan, 'Anna'))
    expect(historyEntrySchema.safeParse(entry).success).toBe(true)
    expect(entrySentence('en', entry)).toBe(en)
    expect(entrySentence('de', entry)).toBe(de)
    // Change and entry were written together.
    const onDisk = planSchema.parse(JSON.parse(await readFile(backend.store.file, 'utf8')))
    expect(onDisk.history.at(-1)).toEqual(entry)
  })

  it('a CSV import is one entry; beyond 50 changes the rest is counted', async () => {
    const backend = await backendOf()
    const rows = Array.from({ length: 30 }, (_, n) => `User;N${n};user${n}@example.com;en;no;yes;no`)
    const csv = `firstName;lastName;email;language;admin;telephony;fax\r\n${rows.join('\r\n')}\r\n`
    const { summary } = await review(backend, Buffer.from(csv, 'utf8'))
    expect(summary.counts.new).toBe(30)
    await call(backend, 'csv:importCommit', { importId: summary.importId })
    expect(backend.store.plan.history).toHaveLength(1)
    const entry = backend.store.plan.history[0]!
    expect(entry.channel).toBe('csv:importCommit')
    // 30 users and their 30 apps
    expect(entry.changes).toHaveLength(50)
    expect(entry.more).toBe(10)
    expect(entrySentence('en', entry)).toMatch(/^Anna Schmidt: user User N0 added; .*; and 10 more changes$/)
    expect(entrySentence('de', entry)).toMatch(/; und 10 weitere Änderungen$/)
  })
})

describe('recording', () => {
  it('undo takes the entry back with the change; redo brings it back', async () => {
    const backend = await backendOf()
    await call(backend, 'extensions:add', {
      owner: { kind: 'user', id: id(backend.store.plan, 'Ben') },
      extension: '23',
    })
    expect(backend.store.plan.history).toHaveLength(1)
    const entry = backend.store.plan.history[0]
    await call(backend, 'plan:undo')
    expect(backend.store.plan.history).toEqual([])
    await call(backend, 'plan:redo')
    expect(backend.store.plan.history).toEqual([entry])
  })

  it('a refused change and a change that changes nothing leave no entry', async () => {
    const backend = await backendOf()
    expectError(
      await backend.call('extensions:add', { owner: { kind: 'user', id: 'nobody' }, extension: '23' }),
    )
    const plan = backend.store.plan
    expect(withHistoryEntry(plan, plan, { label: 'x', actorId: null }, NOW)).toBe(plan)
    expect(backend.store.plan.history).toEqual([])
  })

  it('keeps only the newest entries', () => {
    let plan = createDefaultPlan('en')
    for (let n = 0; n < 7; n++) {
      const next = { ...plan, account: { ...plan.account, name: `Name ${n}` } }
      plan = withHistoryEntry(plan, next, { label: 'plan:updateSettings', actorId: null }, NOW, 5)
    }
    expect(plan.history).toHaveLength(5)
    expect(plan.history.map((entry) => entry.changes[0])).toEqual(
      [2, 3, 4, 5, 6].map((n) => ({
        kind: 'setting',
        field: 'name',
        from: `Name ${n - 1}`,
        to: `Name ${n}`,
      })),
    )
  })
})

describe('history:list', () => {
  async function withChanges(): Promise<Backend> {
    const backend = await backendOf()
    const ben = id(backend.store.plan, 'Ben')
    await call(backend, 'extensions:add', { owner: { kind: 'user', id: ben }, extension: '23' })
    await call(backend, 'numbers:add', { number: '+49 211 9700' })
    await call(backend, 'routing:setVoicemail', { userId: ben, enabled: true, timeoutSeconds: 45 })
    return backend
  }

  it('pages newest first, with who, what kind and the text, and links to a user who still exists', async () => {
    const backend = await withChanges()
    const page = await call<HistoryPage>(backend, 'history:list', { offset: 0, limit: 2 })
    expect(page).toMatchObject({ total: 3, planTotal: 3, offset: 0 })
    expect(page.items.map((item) => [item.actorName, item.action, item.text])).toEqual([
      ['Anna Schmidt', 'change voicemail', 'Voicemail of Ben Ott on after 45 s'],
      ['Anna Schmidt', 'add number', 'Number +49 211 9700 added'],
    ])
    expect(page.items[0]!.user).toEqual({ id: id(backend.store.plan, 'Ben'), name: 'Ben Ott' })
    expect(page.items[1]!.user).toBeNull()
    const next = await call<HistoryPage>(backend, 'history:list', { offset: 2, limit: 2 })
    expect(next.items.map((item) => item.text)).toEqual(['Extension 23 added to Ben Ott'])
    expect(next.items[0]!.user).toEqual({ id: id(backend.store.plan, 'Ben'), name: 'Ben Ott' })
  })

  it('searches the rendered text in the reader’s language, ignoring case', async () => {
    const backend = await withChanges()
    const found = await call<HistoryPage>(backend, 'history:list', { query: 'EXTENSION 23' })
    expect(found.items.map((item) => item.text)).toEqual(['Extension 23 added to Ben Ott'])
    expect((await call<HistoryPage>(backend, 'history:list', { query: 'ben ott' })).total).toBe(2)
    expect((await call<HistoryPage>(backend, 'history:list', { query: 'nothing like this' })).total).toBe(0)
    await call(backend, 'app:setLanguage', { language: 'de' })
    const german = await call<HistoryPage>(backend, 'history:list', { query: 'durchwahl' })
    expect(german.items.map((item) => item.text)).toEqual(['Durchwahl 23 für Ben Ott hinzugefügt'])
  })

  it('is refused to a non-admin', async () => {
    const backend = await withChanges()
    await call(backend, 'session:switch', { userId: id(backend.store.plan, 'Ben') })
    expect(expectError(await backend.call('history:list', {})).code).toBe('forbidden')
  })

  it('renders a long history quickly', () => {
    let plan = createDefaultPlan('en')
    const ben = plan.users[1]!.id
    for (let n = 0; n < 2000; n++) {
      const users = plan.users.map((user) => (user.id === ben ? { ...user, lastName: `Ott ${n}` } : user))
      plan = withHistoryEntry(
        plan,
        { ...plan, users },
        { label: 'users:update', actorId: plan.users[0]!.id },
        NOW,
      )
    }
    const started = performance.now()
    const page = listHistory(plan, 'en', { query: 'ott 1999', offset: 0, limit: 50 })
    expect(page.total).toBe(1)
    expect(performance.now() - started).toBeLessThan(1000)
  })
})
