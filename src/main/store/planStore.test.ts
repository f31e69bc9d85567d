import { execFileSync } from 'node:child_process'
import * as fsp from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ok } from '../../shared/result'
import { nodeFileOps } from './durableTextFile'
import type { FileOps } from './durableTextFile'
import { appDevice, createDefaultPlan } from './planFile'
import type { Plan, StoredUser } from './planFile'
import { PlanFileError, PlanStore, parsePlanText } from './planStore'
import { readFixture } from './testing/fixtures'
import type { FixtureName } from './testing/fixtures'
import { tempDirs, tempFilesIn } from './testing/tempDirs'

const dirs = tempDirs()
afterEach(() => dirs.cleanup())

const serialize = (plan: Plan): string => `${JSON.stringify(plan)}\n`

/** Parses the plan file on disk; fails the test when it is not a valid plan. */
async function planOnDisk(file: string): Promise<Plan> {
  const parsed = parsePlanText(await fsp.readFile(file, 'utf8'))
  if (parsed.ok !== true) throw new Error(`${file} is not a valid plan: ${JSON.stringify(parsed)}`)
  return parsed.plan
}

function extraUser(i: number): StoredUser {
  return {
    id: `user-${i}`,
    firstName: `First${i}`,
    lastName: `Last${i}`,
    email: `user${i}@example.com`,
    language: 'en',
    admin: false,
    permissions: { telephony: i % 2 === 0, fax: false },
    locationId: null,
    passwordHash: null,
    voicemail: { enabled: false, timeoutSeconds: 30 },
  }
}

/** Adds user `i` to the draft as the app would: a user with telephony gets the app device. */
function addExtraUser(draft: Plan, i: number): void {
  const user = extraUser(i)
  draft.users.push(user)
  if (user.permissions.telephony) draft.devices.push(appDevice(user.id, 'en'))
}

/** Removes a user and everything that belongs to it (numbers go back to the pool). */
function removeUser(draft: Plan, id: string): void {
  draft.users = draft.users.filter((user) => user.id !== id)
  draft.devices = draft.devices.filter((device) => device.userId !== id)
  draft.extensions = draft.extensions.filter(
    (entry) => !(entry.owner.kind === 'user' && entry.owner.id === id),
  )
  for (const entry of draft.numbers) {
    if (entry.assignedTo?.kind === 'user' && entry.assignedTo.id === id) entry.assignedTo = null
  }
}

const rename = (store: PlanStore, name: string) =>
  store.update('en', (draft) => {
    draft.account.name = name
    return ok(name)
  })

/** A plan file in a fresh temp folder holding `bytes`. */
async function planWith(bytes: Buffer | string): Promise<{ dir: string; file: string }> {
  const dir = await dirs.make()
  const file = path.join(dir, 'plan.json')
  await fsp.writeFile(file, bytes)
  return { dir, file }
}

describe('opening', () => {
  it('creates a new plan with the owner (admin) and a standard user', async () => {
    const dir = await dirs.make()
    const file = path.join(dir, 'plan.json')
    const store = await PlanStore.open(file)
    expect(store.status()).toEqual({ path: file, accountName: 'Meine Firma', readOnly: null, recovery: null })
    expect(store.plan.users.map((u) => [u.firstName, u.admin])).toEqual([
      ['Anna', true],
      ['Ben', false],
    ])
    expect(await planOnDisk(file)).toEqual(store.plan)
  })

  it('the default users share no objects: a change to Ben’s permissions leaves Anna’s as they were', async () => {
    const plan = createDefaultPlan('en')
    plan.users[1]!.permissions.fax = true
    expect(plan.users[0]!.permissions).toEqual({ telephony: true, fax: false })

    const dir = await dirs.make()
    const store = await PlanStore.open(path.join(dir, 'plan.json'))
    await store.update('en', (draft) => {
      draft.users[1]!.permissions.fax = true
      return ok(null)
    })
    expect(store.plan.users.map((user) => user.permissions.fax)).toEqual([false, true])
  })

  it('opens a valid file unchanged', async () => {
    const original = await readFixture('valid-v3')
    const { file } = await planWith(original)
    const store = await PlanStore.open(file)
    expect(store.plan.account.name).toBe('Fixture GmbH')
    expect(store.status().recovery).toBeNull()
    expect(await fsp.readFile(file)).toEqual(original)
  })

  it('works with a stale temp file of a dead writer beside the plan and removes it', async () => {
    const { dir, file } = await planWith(await readFixture('valid-v2'))
    // pid 2^22 + 1 is above Linux's pid_max limit, so no process can have it.
    const stale = `.plan.json.${2 ** 22 + 1}.abcdefabcdef.tmp`
    await fsp.writeFile(path.join(dir, stale), '{"half": ')
    const store = await PlanStore.open(file)
    expect(store.status().readOnly).toBeNull()
    expect(store.plan.account.name).toBe('Fixture GmbH')
    expect(await tempFilesIn(dir)).toEqual([])
  })
})

describe('save then reopen', () => {
  it('gives a plan deep-equal to the one in memory after several updates', async () => {
    const dir = await dirs.make()
    const file = path.join(dir, 'plan.json')
    const store = await PlanStore.open(file, { language: 'en' })
    expect((await rename(store, 'Acme Telephony')).ok).toBe(true)
    for (let i = 0; i < 3; i++) {
      const added = await store.update('en', (draft) => {
        addExtraUser(draft, i)
        return ok(i)
      })
      expect(added).toEqual({ ok: true, data: i })
    }
    await store.update('en', (draft) => {
      const ben = draft.users[1]
      if (ben) {
        ben.permissions.fax = true
        draft.faxLines.push({ id: 'fax-1', userId: ben.id, alias: 'Office fax', send: true, receive: false })
        draft.numbers[3]!.assignedTo = { kind: 'fax', id: 'fax-1' }
        draft.locations.push({
          id: 'loc-1',
          name: 'Düsseldorf',
          street: 'Königsallee',
          houseNumber: '1',
          postcode: '40212',
          city: 'Düsseldorf',
          country: 'DE',
        })
        ben.locationId = 'loc-1'
      }
      return ok(null)
    })
    await store.update('en', (draft) => {
      removeUser(draft, 'user-1')
      draft.numbers[2]!.assignedTo = { kind: 'user', id: 'user-2' }
      draft.extensions.push({ extension: '22', owner: { kind: 'user', id: 'user-2' } })
      return ok(null)
    })

    const reopened = await PlanStore.open(file, { language: 'en' })
    expect(reopened.plan).toEqual(store.plan)
    expect(reopened.plan.users.map((u) => u.id)).toContain('user-2')
    expect(reopened.plan.users.map((u) => u.id)).not.toContain('user-1')
    expect(await fsp.readFile(file, 'utf8')).toBe(serialize(store.plan))
  })

  it('a refused change writes nothing and keeps the plan', async () => {
    const dir = await dirs.make()
    const file = path.join(dir, 'plan.json')
    const store = await PlanStore.open(file)
    const before = await fsp.readFile(file)
    const refused = await store.update('en', (draft) => {
      draft.account.name = 'never saved'
      return { ok: false, error: { code: 'forbidden', message: 'no' } }
    })
    expect(refused).toEqual({ ok: false, error: { code: 'forbidden', message: 'no' } })
    expect(store.plan.account.name).toBe('Meine Firma')
    expect(await fsp.readFile(file)).toEqual(before)
  })
})

describe('a failed write (disk full)', () => {
  /** A 64 KiB tmpfs where mounting is allowed (root in a VM or container with the right); else null. */
  function mountTinyTmpfs(dir: string): boolean {
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' })
      return true
    } catch {
      return false
    }
  }

  /** File operations whose writes fail with ENOSPC once `full` is set: the fallback where mounting fails. */
  function diskFullOps(state: { full: boolean }): FileOps {
    return {
      ...nodeFileOps,
      open: async (file, flags, mode) => {
        const handle = await nodeFileOps.open(file, flags, mode)
        return {
          writeFile: async (data) => {
            if (state.full) {
              await handle.writeFile(data.slice(0, 100)) // a partial write, as a full disk leaves
              throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
            }
            await handle.writeFile(data)
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        }
      },
    }
  }

  // The real tmpfs where mounting is allowed (it falls back to the injected failure where it is
  // not, so the test always runs); the injected failure on its own, so that path is proven too.
  it.each(['a 64 KiB tmpfs', 'injected ENOSPC'] as const)(
    'on %s: returns a storage error, keeps memory equal to disk and leaves no temp file',
    async (mode) => {
      const dir = await dirs.make('enospc')
      const mounted = mode === 'a 64 KiB tmpfs' && mountTinyTmpfs(dir)
      const state = { full: false }
      try {
        const file = path.join(dir, 'plan.json')
        const store = await PlanStore.open(file, mounted ? {} : { fileOps: diskFullOps(state) })
        expect((await rename(store, 'Before the disk filled')).ok).toBe(true)
        const confirmed = structuredClone(store.plan)

        // 400 users make the plan about 100 KiB: more than the whole 64 KiB file system.
        state.full = true
        const result = await store.update('en', (draft) => {
          for (let i = 0; i < 400; i++) addExtraUser(draft, i)
          draft.account.name = 'Too big to save'
          return ok(null)
        })
        expect(result).toMatchObject({ ok: false, error: { code: 'storage' } })
        expect(result.ok ? '' : result.error.message).toContain('ENOSPC')
        expect(store.plan).toEqual(confirmed)
        expect(await planOnDisk(file)).toEqual(store.plan)
        expect(await tempFilesIn(dir)).toEqual([])

        // Once there is room again, saving works.
        state.full = false
        expect((await rename(store, 'After the disk had room')).ok).toBe(true)
        expect(await planOnDisk(file)).toEqual(store.plan)
        console.info(
          `disk-full test ran on ${mounted ? 'a real 64 KiB tmpfs' : 'injected ENOSPC file operations'}`,
        )
      } finally {
        if (mounted) execFileSync('umount', [dir])
      }
    },
  )
})

describe('corrupt files are kept aside byte-identical, never overwritten', () => {
  const kinds: FixtureName[] = [
    'empty',
    'truncated',
    'nul-filled',
    'not-json',
    'schema-invalid',
    'duplicate-email',
    'no-version',
    'string-version',
    'dangling-number',
  ]

  /** Two good backups, the newer one named `Newest good`, and an even newer corrupt one. */
  async function plantBackups(dir: string): Promise<{ newestGood: string; plans: Plan[] }> {
    const backups = path.join(dir, 'backups')
    await fsp.mkdir(backups)
    const older = {
      ...createDefaultPlan('en'),
      account: { ...createDefaultPlan('en').account, name: 'Older good' },
    }
    const newer = {
      ...createDefaultPlan('en'),
      account: { ...createDefaultPlan('en').account, name: 'Newest good' },
    }
    const newestGood = path.join(backups, 'plan-20250101T100000000Z-0002-plan.json')
    await fsp.writeFile(path.join(backups, 'plan-20250101T090000000Z-0001-plan.json'), serialize(older))
    await fsp.writeFile(newestGood, serialize(newer))
    await fsp.writeFile(
      path.join(backups, 'plan-20250101T110000000Z-0003-plan.json'),
      '{"schemaVersion": 1, "acc',
    )
    // A backup of another plan in the same folder is not this plan's.
    await fsp.writeFile(
      path.join(backups, 'other-20250101T120000000Z-0004-plan.json'),
      serialize({ ...newer, account: { ...newer.account, name: 'Other plan' } }),
    )
    return { newestGood, plans: [older, newer] }
  }

  it.each(kinds)('%s: kept aside, and a fresh default plan when there is no backup', async (kind) => {
    const original = await readFixture(kind)
    const { dir, file } = await planWith(original)
    const store = await PlanStore.open(file, { language: 'en' })

    const recovery = store.status().recovery
    expect(recovery).not.toBeNull()
    expect(recovery?.restoredFrom).toBeNull()
    const keptAs = recovery?.keptAs ?? ''
    expect(path.dirname(keptAs)).toBe(dir)
    expect(keptAs).not.toBe(file)
    expect(await fsp.readFile(keptAs)).toEqual(original)

    expect(store.status().readOnly).toBeNull()
    expect(store.plan.users.map((u) => [u.firstName, u.lastName, u.admin])).toEqual([
      ['Anna', 'Schmidt', true],
      ['Ben', 'Ott', false],
    ])
    expect(await planOnDisk(file)).toEqual(store.plan)
  })

  it.each(kinds)('%s: kept aside, and the newest good backup restored', async (kind) => {
    const original = await readFixture(kind)
    const { file } = await planWith(original)
    const { newestGood } = await plantBackups(path.dirname(file))
    const store = await PlanStore.open(file, { language: 'en' })

    const recovery = store.status().recovery
    expect(recovery?.restoredFrom).toBe(newestGood)
    expect(await fsp.readFile(recovery?.keptAs ?? '')).toEqual(original)
    expect(store.plan.account.name).toBe('Newest good')
    expect(await planOnDisk(file)).toEqual(store.plan)
    // The store now works normally on the restored plan.
    expect((await rename(store, 'Working again')).ok).toBe(true)
    expect((await planOnDisk(file)).account.name).toBe('Working again')
  })

  it('a second corrupt file does not overwrite the first one kept aside', async () => {
    const { file } = await planWith(await readFixture('truncated'))
    const now = () => new Date('2025-06-01T12:00:00.000Z')
    const first = (await PlanStore.open(file, { now })).status().recovery?.keptAs ?? ''
    await fsp.writeFile(file, await readFixture('nul-filled'))
    const second = (await PlanStore.open(file, { now })).status().recovery?.keptAs ?? ''
    expect(second).not.toBe(first)
    expect(await fsp.readFile(first)).toEqual(await readFixture('truncated'))
    expect(await fsp.readFile(second)).toEqual(await readFixture('nul-filled'))
  })
})

describe('a file from a newer version', () => {
  it('opens read-only and stays byte-identical, also after an attempted update', async () => {
    const original = await readFixture('newer-v99')
    const { dir, file } = await planWith(original)
    const store = await PlanStore.open(file)
    expect(store.status().readOnly).toBe('newer_version')
    expect(store.status().recovery).toBeNull()
    expect(store.plan.account.name).toBe('From the future')
    // What this version understands is shown; the fields it does not know are left out.
    expect(store.plan.faxLines.map((line) => line.alias)).toEqual(['Office fax'])
    expect(store.plan.users[0]).not.toHaveProperty('nickname')
    expect(await fsp.readFile(file)).toEqual(original)

    const result = await rename(store, 'Downgraded')
    expect(result).toMatchObject({ ok: false, error: { code: 'read_only' } })
    expect(store.plan.account.name).toBe('From the future')
    // What this version understands is shown; the fields it does not know are left out.
    expect(store.plan.faxLines.map((line) => line.alias)).toEqual(['Office fax'])
    expect(store.plan.users[0]).not.toHaveProperty('nickname')
    expect(await fsp.readFile(file)).toEqual(original)
    // Nothing was written beside it either: no backup, no temp file.
    expect(await fsp.readdir(dir)).toEqual(['plan.json'])
  })

  it('opens read-only even when its content does not fit this version at all', async () => {
    const original = Buffer.from('{"schemaVersion": 7, "plans": [{"name": "a"}]}\n')
    const { file } = await planWith(original)
    const store = await PlanStore.open(file)
    expect(store.status().readOnly).toBe('newer_version')
    expect((await rename(store, 'x')).ok).toBe(false)
    expect(await fsp.readFile(file)).toEqual(original)
  })
})

describe('rotating backups', () => {
  it('after K saves exactly N backups exist, each a validated earlier state that restores', async () => {
    const dir = await dirs.make()
    const file = path.join(dir, 'plan.json')
    const N = 3
    const K = 7
    const store = await PlanStore.open(file, { maxBackups: N, backupIntervalMs: 0 })
    const states: Plan[] = [structuredClone(store.plan)]
    for (let k = 1; k <= K; k++) {
      expect((await rename(store, `save ${k}`)).ok).toBe(true)
      states.push(structuredClone(store.plan))
    }

    const names = await store.listBackups()
    expect(names).toHaveLength(N)
    // Each save backs up the state before it: the newest N are the states before the last N saves.
    const backedUp: Plan[] = []
    for (const name of names) backedUp.push(await planOnDisk(path.join(store.backupsDir, name)))
    expect(backedUp).toEqual(states.slice(K - N, K))

    // Each one restores: as the only backup of a corrupt plan, it is what the store opens.
    for (const [i, name] of names.entries()) {
      const other = await dirs.make('restore')
      const otherFile = path.join(other, 'plan.json')
      await fsp.writeFile(otherFile, '')
      await fsp.mkdir(path.join(other, 'backups'))
      await fsp.copyFile(path.join(store.backupsDir, name), path.join(other, 'backups', name))
      const restored = await PlanStore.open(otherFile)
      expect(restored.status().recovery?.restoredFrom).toBe(path.join(other, 'backups', name))
      expect(restored.plan).toEqual(backedUp[i])
    }
  })

  it('takes backups only from validated state: a change that breaks the plan is refused and not backed up', async () => {
    const dir = await dirs.make()
    const file = path.join(dir, 'plan.json')
    const store = await PlanStore.open(file, { maxBackups: 10, backupIntervalMs: 0 })
    const before = await store.listBackups()
    const bytes = await fsp.readFile(file)
    await expect(
      store.update('en', (draft) => {
        const ben = draft.users[1]
        if (ben) ben.email = 'ANNA.SCHMIDT@example.com' // duplicate email, ignoring case
        return ok(null)
      }),
    ).rejects.toBeInstanceOf(PlanFileError)
    await expect(
      store.update('en', (draft) => {
        draft.users = draft.users.map((user) => ({ ...user, admin: false })) // no admin left
        return ok(null)
      }),
    ).rejects.toBeInstanceOf(PlanFileError)
    expect(await store.listBackups()).toEqual(before)
    expect(await fsp.readFile(file)).toEqual(bytes)
    for (const name of await store.listBackups()) {
      expect(parsePlanText(await fsp.readFile(path.join(store.backupsDir, name), 'utf8')).ok).toBe(true)
    }
  })

  it('opening an unchanged plan again adds no duplicate backup', async () => {
    const dir = await dirs.make()
    const file = path.join(dir, 'plan.json')
    const first = await PlanStore.open(file, { maxBackups: 3 })
    const names = await first.listBackups()
    expect(names).toHaveLength(1)
    // Each open after the previous store closed (an open store keeps the file's lock).
    await first.close()
    for (let i = 0; i < 4; i++) await (await PlanStore.open(file, { maxBackups: 3 })).close()
    expect(await first.listBackups()).toEqual(names)
  })

  it('new backups sort after older ones even when the clock stands still', async () => {
    const dir = await dirs.make()
    const file = path.join(dir, 'plan.json')
    const now = () => new Date('2025-06-01T12:00:00.000Z')
    const first = await PlanStore.open(file, { maxBackups: 20, backupIntervalMs: 0, now })
    await rename(first, 'one')
    await first.close() // the plan's lock: one writer per file
    const second = await PlanStore.open(file, { maxBackups: 20, backupIntervalMs: 0, now })
    await rename(second, 'two')
    const names = await second.listBackups()
    const backedUp: string[] = []
    for (const name of names)
      backedUp.push((await planOnDisk(path.join(second.backupsDir, name))).account.name)
    // Oldest first, and the second store did not reuse (and overwrite) the first one's names.
    expect(backedUp).toEqual(['Meine Firma', 'one'])
  })
})

describe('a change shares what it does not touch and is validated where it changed', () => {
  const openStore = async (): Promise<{ store: PlanStore; file: string }> => {
    const dir = await dirs.make()
    const file = path.join(dir, 'plan.json')
    return { store: await PlanStore.open(file, { language: 'en' }), file }
  }

  it('keeps untouched collections and records as the same objects', async () => {
    const { store } = await openStore()
    const before = store.plan
    await rename(store, 'Shared')
    expect(store.plan).not.toBe(before)
    expect(store.plan.users).toBe(before.users)
    expect(store.plan.numbers).toBe(before.numbers)
    await store.update('en', (draft) => {
      draft.users[1]!.firstName = 'Benjamin'
      return ok(null)
    })
    expect(store.plan.users[0]).toBe(before.users[0])
    expect(store.plan.users[1]).not.toBe(before.users[1])
    expect(before.users[1]!.firstName).toBe('Ben')
  })

  it.each<[string, (draft: Plan) => void]>([
    ['an edited record', (draft) => void (draft.users[1]!.email = 'x'.repeat(300))],
    ['a nested field', (draft) => void (draft.users[0]!.voicemail.timeoutSeconds = -5)],
    [
      'an added record',
      (draft) => void draft.users.push({ ...extraUser(7), language: 'fr' as StoredUser['language'] }),
    ],
    [
      'a record with an unknown field',
      (draft) => void draft.locations.push({ ...{ extra: 1 }, ...locationOf() }),
    ],
    ['the account', (draft) => void (draft.account.currency = 'euro' as Plan['account']['currency'])],
    [
      'an unknown top-level field',
      (draft) => void ((draft as unknown as Record<string, unknown>).extra = []),
    ],
    [
      'a record after a removal',
      (draft) => {
        draft.numbers.splice(0, 1)
        draft.numbers[4]!.number = '123'
      },
    ],
  ])('refuses a schema break in %s and writes nothing', async (_what, breakIt) => {
    const { store, file } = await openStore()
    const plan = store.plan
    const bytes = await fsp.readFile(file)
    await expect(
      store.update('en', (draft) => {
        breakIt(draft)
        return ok(null)
      }),
    ).rejects.toBeInstanceOf(PlanFileError)
    expect(store.plan).toBe(plan)
    expect(await fsp.readFile(file)).toEqual(bytes)
  })

  it('writes changed records in schema key order, so the same state gives the same bytes', async () => {
    const { store, file } = await openStore()
    await store.update('en', (draft) => {
      const user = extraUser(3)
      const reversed = Object.fromEntries(Object.entries(user).reverse()) as unknown as StoredUser
      draft.users.push(reversed)
      return ok(null)
    })
    const reopened = await PlanStore.open(file, { language: 'en' })
    expect(Object.keys(store.plan.users[2]!)).toEqual(Object.keys(reopened.plan.users[0]!))
    expect(await fsp.readFile(file, 'utf8')).toBe(serialize(reopened.plan))
  })

  it('a refused change leaves the confirmed state untouched, however deep the draft was changed', async () => {
    const { store } = await openStore()
    const before = structuredClone(store.plan)
    const refused = await store.update('en', (draft) => {
      draft.users[0]!.permissions.fax = true
      draft.devices.push(appDevice(draft.users[1]!.id, 'en'))
      draft.numbers.splice(0, 2)
      return { ok: false, error: { code: 'conflict', message: 'no' } }
    })
    expect(refused.ok).toBe(false)
    expect(store.plan).toEqual(before)
  })

  it('a result that holds parts of the draft stays readable after the change', async () => {
    const { store } = await openStore()
    const result = await store.update('en', (draft) => {
      const ben = draft.users[1]!
      ben.lastName = 'Otto'
      return ok({ user: ben, numbers: draft.numbers.filter((entry) => entry.assignedTo !== null) })
    })
    if (!result.ok) throw new Error('update failed')
    expect(result.data.user.lastName).toBe('Otto')
    expect(JSON.parse(JSON.stringify(result.data.numbers))).toHaveLength(2)
  })
})

function locationOf(): Plan['locations'][number] {
  return {
    id: 'loc-9',
    name: 'Köln',
    street: 'Domplatte',
    houseNumber: '1',
    postcode: '50667',
    city: 'Köln',
    country: 'DE',
  }
}
