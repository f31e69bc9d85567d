import * as fsp from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ok } from '../../shared/result'
import { nodeFileOps } from './durableTextFile'
import type { FileOps } from './durableTextFile'
import { migrateDocument } from './migrations'
import { v1ToV2 } from './migrations.v2'
import { CURRENT_SCHEMA_VERSION, planInvariantProblem, planSchema } from './planFile'
import { PlanStore, parsePlanText } from './planStore'
import { readFixture } from './testing/fixtures'
import { tempDirs } from './testing/tempDirs'

const dirs = tempDirs()
afterEach(() => dirs.cleanup())

const ANNA = '00000000-0000-4000-8000-000000000001'
const BEN = '00000000-0000-4000-8000-000000000002'

async function v1Document(): Promise<Record<string, unknown>> {
  return JSON.parse((await readFixture('valid-v1')).toString('utf8')) as Record<string, unknown>
}

/** A version-1 plan with three users: Anna (admin, telephony), Ben (telephony, de), Cem (no telephony). */
async function threeUsersV1(): Promise<Record<string, unknown>> {
  const document = await v1Document()
  const users = document.users as Record<string, unknown>[]
  users[1] = { ...users[1], language: 'de' }
  users.push({
    id: 'cem',
    firstName: 'Cem',
    lastName: 'Aydın',
    email: 'cem@example.com',
    language: 'en',
    admin: false,
    permissions: { telephony: false, fax: true },
    locationId: null,
  })
  return document
}

describe('v1 → v2 migration step', () => {
  it('keeps every user and the account, and gives each user no password and voicemail off after 30 s', async () => {
    const v1 = await threeUsersV1()
    const migrated = planSchema.parse(migrateDocument(v1))
    expect(migrated.schemaVersion).toBe(CURRENT_SCHEMA_VERSION)
    expect(migrated.account).toEqual(v1.account)
    const before = v1.users as Record<string, unknown>[]
    expect(migrated.users).toEqual(
      before.map((user) => ({
        ...user,
        passwordHash: null,
        voicemail: { enabled: false, timeoutSeconds: 30 },
      })),
    )
  })

  it('gives every user with telephony exactly one active app device, named in the user’s language, and nobody else one', async () => {
    const migrated = planSchema.parse(migrateDocument(await threeUsersV1()))
    expect(
      migrated.devices.map(({ userId, type, name, active }) => ({ userId, type, name, active })),
    ).toEqual([
      { userId: ANNA, type: 'app', name: 'Softphone app', active: true },
      { userId: BEN, type: 'app', name: 'Softphone-App', active: true },
    ])
    expect(migrated.devices.some((device) => device.userId === 'cem')).toBe(false)
  })

  it('starts with empty pools: no numbers, extensions, fax lines or locations', async () => {
    const migrated = planSchema.parse(migrateDocument(await threeUsersV1()))
    expect(migrated.numbers).toEqual([])
    expect(migrated.extensions).toEqual([])
    expect(migrated.faxLines).toEqual([])
    expect(migrated.locations).toEqual([])
  })

  it('gives a plan that passes planInvariantProblem', async () => {
    const migrated = planSchema.parse(migrateDocument(await threeUsersV1()))
    expect(planInvariantProblem(migrated)).toBeNull()
  })

  it('is idempotent: the step run twice on the same document gives the same result, and a migrated plan is left alone', async () => {
    const v1 = await threeUsersV1()
    const snapshot = structuredClone(v1)
    const once = v1ToV2.migrate(structuredClone(v1))
    const twice = v1ToV2.migrate(structuredClone(v1))
    expect(twice).toEqual(once)
    // The step does not change what it was given.
    expect(v1).toEqual(snapshot)
    const migrated = migrateDocument(v1)
    expect(migrateDocument(migrated)).toEqual(migrated)
  })

  it('a v1 file whose users break a rule (duplicate email) stays corrupt after migration', async () => {
    const text = (await readFixture('duplicate-email')).toString('utf8')
    expect(parsePlanText(text)).toEqual({ ok: false, kind: 'schema' })
  })
})

describe('PlanStore.open with a version-1 file', () => {
  it('copies the original v1 bytes into backups/ before the migrated file is written, then writes a valid v2 plan', async () => {
    const original = await readFixture('valid-v1')
    const dir = await dirs.make()
    const file = path.join(dir, 'plan.json')
    await fsp.writeFile(file, original)

    // When the migrated plan is renamed over the file, the byte-identical copy must already be there.
    const copiesAtRename: Buffer[] = []
    const ops: FileOps = {
      ...nodeFileOps,
      rename: async (from, to) => {
        if (to === file) {
          const backups = path.join(dir, 'backups')
          for (const name of await fsp.readdir(backups).catch(() => [])) {
            if (name.includes('before-migration-v1'))
              copiesAtRename.push(await fsp.readFile(path.join(backups, name)))
          }
        }
        await nodeFileOps.rename(from, to)
      },
    }
    const store = await PlanStore.open(file, { fileOps: ops })
    expect(copiesAtRename).toEqual([original])
    expect(store.status()).toMatchObject({ readOnly: null, recovery: null, accountName: 'Fixture GmbH' })

    const parsed = parsePlanText(await fsp.readFile(file, 'utf8'))
    expect(parsed).toMatchObject({ ok: true, migratedFrom: null })
    if (parsed.ok !== true) return
    expect(parsed.plan).toEqual(store.plan)
    expect(parsed.plan.schemaVersion).toBe(CURRENT_SCHEMA_VERSION)
    expect(parsed.plan.users.map((user) => [user.id, user.firstName, user.email])).toEqual([
      [ANNA, 'Anna', 'anna.schmidt@example.com'],
      [BEN, 'Ben', 'ben.ott@example.com'],
    ])
    expect(parsed.plan.devices.map((device) => [device.userId, device.type])).toEqual([
      [ANNA, 'app'],
      [BEN, 'app'],
    ])
    expect(planInvariantProblem(parsed.plan)).toBeNull()

    // The migrated plan works like any other.
    const renamed = await store.update('en', (draft) => {
      draft.account.name = 'After migration'
      return ok(null)
    })
    expect(renamed.ok).toBe(true)
  })

  it('opening the migrated file again migrates nothing and makes no second copy', async () => {
    const original = await readFixture('valid-v1')
    const dir = await dirs.make()
    const file = path.join(dir, 'plan.json')
    await fsp.writeFile(file, original)
    const first = await PlanStore.open(file)
    const migratedBytes = await fsp.readFile(file)
    const second = await PlanStore.open(file)
    expect(second.plan).toEqual(first.plan)
    expect(await fsp.readFile(file)).toEqual(migratedBytes)
    const copies = (await second.listBackups()).filter((name) => name.includes('before-migration'))
    expect(copies).toHaveLength(1)
    expect(await fsp.readFile(path.join(second.backupsDir, copies[0] ?? ''))).toEqual(original)
  })

  it('two stores migrating the same v1 bytes give the same plan (deterministic app ids)', async () => {
    const original = await readFixture('valid-v1')
    const plans = []
    for (let i = 0; i < 2; i++) {
      const dir = await dirs.make()
      const file = path.join(dir, 'plan.json')
      await fsp.writeFile(file, original)
      plans.push((await PlanStore.open(file)).plan)
    }
    expect(plans[1]).toEqual(plans[0])
  })
})
