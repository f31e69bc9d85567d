import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { KnownPlan, PlanStatus } from '../../shared/domain'
import { createBackend } from '../backend'
import type { Backend } from '../backend'
import { PlanStore, parsePlanText } from '../store/planStore'
import { expectData, expectError } from '../testing/planFixture'
import { tempPlanPath } from '../testing/generatePlan'
import { MAX_RECENT, RecentPlans } from './recentPlans'
import { Workspace } from './workspace'
import type { PlanDialogs } from './workspace'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

const clock = () => {
  let ms = Date.parse('2026-03-01T09:00:00.000Z')
  return () => new Date((ms += 60_000))
}

async function backendIn(language: 'en' | 'de' = 'en', dialogs?: PlanDialogs) {
  const temp = await tempPlanPath('switchboard-workspace-')
  const backend = await createBackend(
    temp.file,
    language,
    { now: clock() },
    dialogs ? { planDialogs: dialogs } : {},
  )
  cleanups.push(async () => {
    await backend.workspace.close()
    await temp.remove()
  })
  return { backend, temp }
}

const wizard = {
  accountName: 'Office 2027',
  country: 'at',
  ownerFirstName: 'Clara',
  ownerLastName: 'Berg',
  ownerEmail: 'clara.berg@example.com',
}

const call = async <T>(backend: Backend, channel: string, payload: object = {}): Promise<T> =>
  expectData<T>(await backend.call(channel, payload))

describe('plans:create', () => {
  it('writes the default plan shape with the wizard values into plans/, opens it and acts as its owner', async () => {
    const { backend, temp } = await backendIn()
    const first = backend.store
    const status = await call<PlanStatus>(backend, 'plans:create', wizard)
    const file = path.join(temp.dir, 'plans', 'Office 2027.json')
    expect(status).toMatchObject({ path: file, accountName: 'Office 2027', readOnly: null })
    expect(backend.store.file).toBe(file)
    const parsed = parsePlanText(await readFile(file, 'utf8'))
    expect(parsed.ok).toBe(true)
    if (parsed.ok !== true) return
    expect(parsed.plan.account).toMatchObject({ name: 'Office 2027', country: 'AT', currency: 'EUR' })
    const [owner, standard] = parsed.plan.users
    expect(owner).toMatchObject({
      firstName: 'Clara',
      lastName: 'Berg',
      email: 'clara.berg@example.com',
      admin: true,
    })
    expect(standard).toMatchObject({ admin: false })
    expect(parsed.plan.numbers).toHaveLength(10)
    expect(parsed.plan.extensions.map((entry) => entry.extension)).toEqual(['10', '11'])
    // The session acts as the new plan's first admin.
    expect(await call<{ id: string }>(backend, 'session:actingUser')).toMatchObject({ id: owner!.id })
    // The first plan was closed: its lock is released (another store may write it now).
    const again = await PlanStore.open(first.file)
    expect(again.status().readOnly).toBeNull()
    await again.close()
    // Undo history starts empty for the new plan.
    expect(await call(backend, 'plan:undoState')).toMatchObject({ canUndo: false, canRedo: false })
  })

  it("names every field that is wrong, in the person's language, and writes nothing", async () => {
    const { backend, temp } = await backendIn('de')
    const cases: [object, string][] = [
      [{ accountName: ' ' }, 'accountName'],
      [{ country: 'XX' }, 'country'],
      [{ ownerFirstName: '' }, 'ownerFirstName'],
      [{ ownerLastName: ' ' }, 'ownerLastName'],
      [{ ownerEmail: 'clara' }, 'ownerEmail'],
      [{ fileName: '../evil' }, 'fileName'],
    ]
    for (const [change, field] of cases) {
      const error = expectError(await backend.call('plans:create', { ...wizard, ...change }))
      expect(error.field).toBe(field)
      expect(error.code).toBe('validation')
    }
    expect(expectError(await backend.call('plans:create', { ...wizard, country: 'XX' })).message).toContain(
      'Land',
    )
    expect(await readdir(path.join(temp.dir, 'plans')).catch(() => [])).toEqual([])
    expect(backend.store.file).toBe(temp.file)
  })

  it('refuses a file name that exists; a name made from the account gets a number', async () => {
    const { backend, temp } = await backendIn()
    await call(backend, 'plans:create', wizard)
    const second = await call<PlanStatus>(backend, 'plans:create', wizard)
    expect(path.basename(second.path)).toBe('Office 2027 2.json')
    const error = expectError(await backend.call('plans:create', { ...wizard, fileName: 'Office 2027' }))
    expect(error).toMatchObject({ code: 'conflict', field: 'fileName' })
    expect(backend.store.file).toBe(path.join(temp.dir, 'plans', 'Office 2027 2.json'))
  })

  it('is for admins only: a non-admin is refused with the rule named', async () => {
    const { backend } = await backendIn()
    const ben = backend.store.plan.users.find((user) => !user.admin)!
    backend.session.actAs(ben.id)
    for (const [channel, payload] of [
      ['plans:known', {}],
      ['plans:create', wizard],
      ['plans:open', { path: backend.store.file }],
      ['plans:saveAs', { fileName: 'copy' }],
    ] as const) {
      const error = expectError(await backend.call(channel, payload))
      expect(error.code).toBe('forbidden')
      expect(error.message).toContain('Ben Ott')
      expect(error.message).toContain('only admins')
    }
  })
})

describe('plans:saveAs and plans:open', () => {
  it('saves the current state under a new name, continues there, and opens the first plan again from recent', async () => {
    const { backend, temp } = await backendIn()
    await call(backend, 'plan:updateSettings', { name: 'Changed before save as' })
    const saved = await call<PlanStatus>(backend, 'plans:saveAs', { fileName: 'Copy' })
    const copy = path.join(temp.dir, 'plans', 'Copy.json')
    expect(saved).toMatchObject({ path: copy, accountName: 'Changed before save as' })
    expect(await readFile(copy, 'utf8')).toBe(await readFile(temp.file, 'utf8'))
    await call(backend, 'plan:updateSettings', { name: 'Only in the copy' })
    expect(JSON.parse(await readFile(temp.file, 'utf8')).account.name).toBe('Changed before save as')

    const known = await call<KnownPlan[]>(backend, 'plans:known')
    expect(known.map((plan) => [plan.fileName, plan.accountName, plan.current, plan.available])).toEqual([
      ['Copy', 'Only in the copy', true, true],
      ['plan', 'Changed before save as', false, true],
    ])
    const reopened = await call<PlanStatus>(backend, 'plans:open', { path: temp.file })
    expect(reopened).toMatchObject({ path: temp.file, accountName: 'Changed before save as', readOnly: null })
    expect(backend.store.plan.account.name).toBe('Changed before save as')
  })

  it('refuses an existing file name at the field and a path that is not a known plan', async () => {
    const { backend, temp } = await backendIn()
    await mkdir(path.join(temp.dir, 'plans'), { recursive: true })
    await writeFile(path.join(temp.dir, 'plans', 'Taken.json'), '{}')
    expect(expectError(await backend.call('plans:saveAs', { fileName: 'Taken' }))).toMatchObject({
      code: 'conflict',
      field: 'fileName',
    })
    expect(expectError(await backend.call('plans:open', { path: '/etc/passwd' }))).toMatchObject({
      code: 'not_found',
    })
    // In the bridge there is no Open dialog: the path is needed.
    expect(expectError(await backend.call('plans:open', {}))).toMatchObject({
      code: 'validation',
      field: 'path',
    })
    // A file in the plans folder that is not a plan is listed as unavailable and never touched.
    const known = await call<KnownPlan[]>(backend, 'plans:known')
    const taken = known.find((plan) => plan.fileName === 'Taken')
    expect(taken).toMatchObject({ available: false, accountName: null, current: false })
    expect(expectError(await backend.call('plans:open', { path: taken!.path }))).toMatchObject({
      code: 'validation',
    })
    expect(await readFile(path.join(temp.dir, 'plans', 'Taken.json'), 'utf8')).toBe('{}')
    expect(backend.store.file).toBe(temp.file)
  })

  it('opens a plan held by another store read-only, and keeps writing the one it had until then', async () => {
    const { backend, temp } = await backendIn()
    const other = path.join(temp.dir, 'plans', 'Other.json')
    const holder = await PlanStore.open(other)
    cleanups.push(() => holder.close())
    const status = await call<PlanStatus>(backend, 'plans:open', { path: other })
    expect(status.readOnly).toBe('locked')
    expect(expectError(await backend.call('plan:updateSettings', { name: 'x' })).code).toBe('read_only')
    // Save as makes a writable copy of it.
    const copy = await call<PlanStatus>(backend, 'plans:saveAs', { fileName: 'Mine' })
    expect(copy.readOnly).toBeNull()
  })

  it('uses the native dialogs when the shell lends them; a cancelled dialog changes nothing', async () => {
    const answers: (string | null)[] = []
    const asked: string[] = []
    const dialogs: PlanDialogs = {
      chooseOpen: async (folder) => {
        asked.push(`open ${path.basename(folder)}`)
        return answers.shift() ?? null
      },
      chooseSave: async (suggested) => {
        asked.push(`save ${path.basename(suggested)}`)
        return answers.shift() ?? null
      },
    }
    const { backend, temp } = await backendIn('en', dialogs)
    expect(await call(backend, 'plans:create', wizard)).toBeNull()
    expect(backend.store.file).toBe(temp.file)
    const elsewhere = path.join(temp.dir, 'elsewhere', 'Chosen')
    await mkdir(path.dirname(elsewhere))
    answers.push(elsewhere)
    expect(await call<PlanStatus>(backend, 'plans:create', wizard)).toMatchObject({
      path: `${elsewhere}.json`,
    })
    answers.push(temp.file)
    expect(await call<PlanStatus>(backend, 'plans:open')).toMatchObject({ path: temp.file })
    expect(asked).toEqual(['save Office 2027.json', 'save Office 2027.json', 'open plans'])
  })
})

describe('recent plans', () => {
  it('keeps the newest ten, newest first, and reads a bad file as an empty list', async () => {
    const temp = await tempPlanPath('switchboard-recent-')
    cleanups.push(temp.remove)
    const file = path.join(temp.dir, 'recent-plans.json')
    const recent = new RecentPlans(file)
    expect(await recent.list()).toEqual([])
    for (let n = 0; n < 12; n++)
      await recent.remember(path.join(temp.dir, `p${n}.json`), new Date(Date.UTC(2026, 0, 1, n)))
    await recent.remember(path.join(temp.dir, 'p5.json'), new Date(Date.UTC(2026, 0, 2)))
    const listed = await recent.list()
    expect(listed).toHaveLength(MAX_RECENT)
    expect(listed.map((entry) => path.basename(entry.path))).toEqual(
      ['p5', 'p11', 'p10', 'p9', 'p8', 'p7', 'p6', 'p4', 'p3', 'p2'].map((name) => `${name}.json`),
    )
    for (const bad of [
      '',
      'not json',
      '{"version":2,"plans":[]}',
      '[1,2]',
      '{"version":1,"plans":[{"path":"relative.json","openedAt":"2026-01-01T00:00:00.000Z"}]}',
    ]) {
      await writeFile(file, bad)
      expect(await recent.list()).toEqual([])
    }
    // A bad file is replaced by a good one on the next remember.
    await recent.remember(path.join(temp.dir, 'p1.json'), new Date(Date.UTC(2026, 0, 3)))
    expect(await recent.list()).toHaveLength(1)
  })

  it('a workspace never fails to start over a bad recent file, and lists a vanished recent plan as unavailable', async () => {
    const temp = await tempPlanPath('switchboard-recent-')
    cleanups.push(temp.remove)
    await writeFile(path.join(temp.dir, 'recent-plans.json'), '\u0000garbage')
    const gone = path.join(temp.dir, 'gone.json')
    const workspace = await Workspace.open(temp.file, { dataDir: temp.dir, now: clock() })
    cleanups.push(() => workspace.close())
    await workspace.recent.remember(gone, new Date())
    const known = await workspace.known()
    expect(known.map((plan) => [plan.fileName, plan.current, plan.available])).toEqual([
      ['gone', false, false],
      ['plan', true, true],
    ])
  })
})
