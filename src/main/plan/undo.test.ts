import { readFile, writeFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import type { ChannelName } from '../../shared/channels'
import type { UndoState } from '../../shared/domain'
import type { Result } from '../../shared/result'
import { createBackendWith } from '../backend'
import type { Backend } from '../backend'
import { Session } from '../session'
import type { Plan } from '../store/planFile'
import { PlanStore, parsePlanText } from '../store/planStore'
import { UNDO_LIMIT, UndoHistory, anonymousStep } from '../store/undoHistory'
import { appOf, idOf, prepareEveryKind } from '../testing/changeFixture'
import { expectData, expectError, tempPlanFile } from '../testing/planFixture'

async function backendOf(language: 'en' | 'de' = 'en'): Promise<Backend> {
  const store = await PlanStore.open(await tempPlanFile('switchboard-undo-'), { language })
  return createBackendWith(store, new Session(language))
}

async function call(backend: Backend, channel: ChannelName, payload: object = {}): Promise<unknown> {
  const result: Result<unknown> = await backend.call(channel, payload)
  return expectData(result)
}

async function undoState(backend: Backend): Promise<UndoState> {
  return (await call(backend, 'plan:undoState')) as UndoState
}

/** The file as saved, reloaded: it must be the state in memory, and its bytes are returned. */
async function savedAndReloaded(backend: Backend): Promise<Buffer> {
  const bytes = await readFile(backend.store.file)
  const parsed = parsePlanText(bytes.toString('utf8'))
  expect(parsed.ok).toBe(true)
  if (parsed.ok === true) expect(parsed.plan).toEqual(backend.store.plan)
  return bytes
}

const id = idOf
const app = appOf

type Change = [ChannelName, (plan: Plan) => object]

const prepare = prepareEveryKind

const cologne = {
  name: 'Köln',
  street: 'Domplatte',
  houseNumber: '1',
  postcode: '50667',
  city: 'Köln',
  country: 'DE',
}

const fax = (plan: Plan): string => plan.faxLines[0]!.id
const location = (plan: Plan): string => plan.locations[0]!.id

/** One change of every kind the plan knows. */
const changes: Change[] = [
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
  ],
  ['users:update', (plan) => ({ id: id(plan, 'Ben'), firstName: 'Benjamin', email: 'benjamin@example.com' })],
  ['users:setPassword', (plan) => ({ id: id(plan, 'Ben'), password: 'Geheim-12345' })],
  ['users:setAdmin', (plan) => ({ id: id(plan, 'Ben'), admin: true })],
  ['users:setLocation', (plan) => ({ id: id(plan, 'Ben'), locationId: location(plan) })],
  ['users:setPermissions', (plan) => ({ id: id(plan, 'Ben'), telephony: false, fax: false, confirm: true })],
  ['users:delete', (plan) => ({ id: id(plan, 'Ben') })],
  ['numbers:add', () => ({ number: '+49 211 9700' })],
  ['numbers:addBlock', () => ({ base: '+49 211 9710', count: 5 })],
  ['numbers:assign', (plan) => ({ number: '+4921155583', target: { kind: 'user', id: id(plan, 'Ben') } })],
  ['numbers:unassign', () => ({ number: '+4921155581' })],
  ['numbers:remove', () => ({ number: '+4921155581', confirm: true })],
  ['extensions:add', (plan) => ({ owner: { kind: 'user', id: id(plan, 'Ben') }, extension: '31' })],
  ['extensions:remove', (plan) => ({ owner: { kind: 'user', id: id(plan, 'Ben') }, extension: '11' })],
  [
    'devices:add',
    (plan) => ({
      userId: id(plan, 'Ben'),
      device: { type: 'mobile', name: 'Handy', number: '+491701234567' },
    }),
  ],
  ['devices:rename', (plan) => ({ id: app(plan, 'Ben'), name: 'Laptop app' })],
  ['devices:setActive', (plan) => ({ id: app(plan, 'Ben'), active: false })],
  [
    'fax:add',
    (plan) => ({
      userId: id(plan, 'Ben'),
      alias: 'Second fax',
      number: '+4921155584',
      send: true,
      receive: false,
    }),
  ],
  ['fax:update', (plan) => ({ id: fax(plan), alias: 'Renamed fax', number: '+4921155585' })],
  ['fax:remove', (plan) => ({ id: fax(plan) })],
  ['routing:setVoicemail', (plan) => ({ userId: id(plan, 'Ben'), enabled: true, timeoutSeconds: 30 })],
  ['locations:create', () => cologne],
  ['locations:update', (plan) => ({ id: location(plan), name: 'Düsseldorf Nord' })],
  ['locations:delete', (plan) => ({ id: location(plan), confirm: true })],
  ['plan:updateSettings', () => ({ name: 'Nordlicht GmbH', country: 'AT', extraDevicePrice: 2.5 })],
]

describe('undo and redo of every kind of change', () => {
  it.each(changes)(
    '%s: undo gives back the file byte for byte (after reload), redo the changed one',
    async (channel, payload) => {
      const backend = await backendOf()
      await prepare(backend)
      const before = await savedAndReloaded(backend)
      await call(backend, channel, payload(backend.store.plan))
      const after = await savedAndReloaded(backend)
      expect(after.equals(before)).toBe(false)
      expect((await undoState(backend)).canUndo).toBe(true)

      await call(backend, 'plan:undo')
      expect((await savedAndReloaded(backend)).equals(before)).toBe(true)
      // A new store on the file (a restart) reads the same state.
      const reopened = await readFile(backend.store.file)
      expect(reopened.equals(before)).toBe(true)

      await call(backend, 'plan:redo')
      expect((await savedAndReloaded(backend)).equals(after)).toBe(true)
      await call(backend, 'plan:undo')
      expect((await savedAndReloaded(backend)).equals(before)).toBe(true)
    },
  )
})

describe('undo after deleting a user', () => {
  it('brings back exactly what the deletion released: number, extension, devices, fax lines', async () => {
    const backend = await backendOf()
    await prepare(backend)
    const ben = id(backend.store.plan, 'Ben')
    await call(backend, 'devices:add', {
      userId: ben,
      device: { type: 'voip', name: 'Desk phone', mac: 'AA-BB-CC-DD-EE-01' },
    })
    const before = structuredClone(backend.store.plan)
    await call(backend, 'users:delete', { id: ben })
    const deleted = backend.store.plan
    expect(deleted.users.some((user) => user.id === ben)).toBe(false)
    expect(deleted.numbers.find((entry) => entry.number === '+4921155581')?.assignedTo).toBeNull()
    expect(deleted.faxLines).toEqual([])

    const state = expectData<UndoState>(await backend.call('plan:undo', {}))
    expect(state).toMatchObject({ canUndo: true, canRedo: true, redoLabel: 'delete user' })
    const back = backend.store.plan
    expect(back).toEqual(before)
    expect(back.numbers.find((entry) => entry.number === '+4921155581')?.assignedTo).toEqual({
      kind: 'user',
      id: ben,
    })
    expect(back.extensions.some((entry) => entry.extension === '11' && entry.owner.id === ben)).toBe(true)
    expect(
      back.devices
        .filter((device) => device.userId === ben)
        .map((device) => device.type)
        .sort(),
    ).toEqual(['app', 'voip'])
    expect(back.faxLines.map((line) => line.alias)).toEqual(['Office fax'])
  })
})

describe('what is a step', () => {
  it('refused changes and reads push nothing; a new change clears redo', async () => {
    const backend = await backendOf()
    expect(await undoState(backend)).toEqual({ canUndo: false, canRedo: false })
    await call(backend, 'users:list', {})
    expectError(await backend.call('users:update', { id: 'no-such-user', firstName: 'X' }))
    expectError(
      await backend.call('extensions:add', {
        owner: { kind: 'user', id: id(backend.store.plan, 'Ben') },
        extension: '110',
      }),
    )
    expect(await undoState(backend)).toEqual({ canUndo: false, canRedo: false })
    expect(expectError(await backend.call('plan:undo', {})).code).toBe('not_found')
    expect(expectError(await backend.call('plan:redo', {})).code).toBe('not_found')

    await call(backend, 'numbers:add', { number: '+49 211 9700' })
    await call(backend, 'numbers:add', { number: '+49 211 9701' })
    expect(await undoState(backend)).toEqual({ canUndo: true, canRedo: false, undoLabel: 'add number' })
    await call(backend, 'plan:undo')
    expect(await undoState(backend)).toEqual({
      canUndo: true,
      canRedo: true,
      undoLabel: 'add number',
      redoLabel: 'add number',
    })
    await call(backend, 'locations:create', cologne)
    expect(await undoState(backend)).toEqual({ canUndo: true, canRedo: false, undoLabel: 'add location' })
  })

  it('labels follow the language', async () => {
    const backend = await backendOf('de')
    await call(backend, 'users:delete', { id: id(backend.store.plan, 'Ben') })
    expect((await undoState(backend)).undoLabel).toBe('Benutzer löschen')
  })

  it('a read-only plan offers no undo and refuses it', async () => {
    const file = await tempPlanFile('switchboard-undo-')
    const writer = await PlanStore.open(file)
    await writer.update('en', (draft) => {
      draft.account.name = 'Changed'
      return { ok: true, data: null }
    })
    await writer.undo('en')
    await writer.close()
    // A plan of a newer version opens read-only.
    const text = (await readFile(file, 'utf8')).replace(/"schemaVersion":\d+/, '"schemaVersion":99')
    await writeFile(file, text)
    const store = await PlanStore.open(file)
    expect(store.status().readOnly).toBe('newer_version')
    const backend = createBackendWith(store, new Session('en'))
    expect(await undoState(backend)).toEqual({ canUndo: false, canRedo: false })
    expect(expectError(await backend.call('plan:undo', {})).code).toBe('read_only')
  })

  it(`keeps at most ${UNDO_LIMIT} steps, dropping the oldest`, () => {
    const history = new UndoHistory(3)
    const states = [1, 2, 3, 4, 5].map((n) => ({ n }) as unknown as Plan)
    for (const state of states) history.record(state, anonymousStep)
    expect(history.sizes).toEqual({ undo: 3, redo: 0 })
    expect(history.peekUndo()?.state).toBe(states[4])
    expect(UNDO_LIMIT).toBe(100)
  })
})

describe('who may undo (docs/decisions.md)', () => {
  it("a non-admin may undo and redo its own non-admin change, never an admin's", async () => {
    const backend = await backendOf()
    const plan = backend.store.plan
    const ben = id(plan, 'Ben')
    await call(backend, 'numbers:add', { number: '+49 211 9700' })
    await call(backend, 'session:switch', { userId: ben })
    expect(await undoState(backend)).toEqual({ canUndo: false, canRedo: false, undoLabel: 'add number' })
    const bytes = await readFile(backend.store.file)
    const refused = expectError(await backend.call('plan:undo', {}))
    expect(refused.code).toBe('forbidden')
    expect(refused.message).toContain('add number')
    expect((await readFile(backend.store.file)).equals(bytes)).toBe(true)

    await call(backend, 'devices:rename', { id: app(backend.store.plan, 'Ben'), name: 'My app' })
    expect((await undoState(backend)).canUndo).toBe(true)
    await call(backend, 'plan:undo')
    expect((await readFile(backend.store.file)).equals(bytes)).toBe(true)
    expect((await undoState(backend)).canRedo).toBe(true)
    await call(backend, 'plan:redo')
    expect(app(backend.store.plan, 'Ben')).toBeDefined()

    // An admin may take back anyone's step.
    await call(backend, 'session:switch', { userId: id(plan, 'Anna') })
    await call(backend, 'plan:undo')
    await call(backend, 'plan:undo')
    expect(backend.store.plan.numbers.some((entry) => entry.number === '+492119700')).toBe(false)
  })

  it('a user who gave up its admin right cannot undo that (the step was made as an admin)', async () => {
    const backend = await backendOf()
    const ben = id(backend.store.plan, 'Ben')
    await call(backend, 'users:setAdmin', { id: ben, admin: true })
    await call(backend, 'session:switch', { userId: ben })
    await call(backend, 'users:setAdmin', { id: ben, admin: false })
    expect((await undoState(backend)).canUndo).toBe(false)
    expect(expectError(await backend.call('plan:undo', {})).code).toBe('forbidden')
  })
})
