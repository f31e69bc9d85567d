import * as fsp from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ok } from '../../shared/result'
import { migrateDocument } from './migrations'
import { v2ToV3 } from './migrations.v3'
import { planInvariantProblem, planSchema } from './planFile'
import { PlanStore, parsePlanText } from './planStore'
import { readFixture } from './testing/fixtures'
import { tempDirs } from './testing/tempDirs'

const dirs = tempDirs()
afterEach(() => dirs.cleanup())

async function v2Document(): Promise<Record<string, unknown>> {
  return JSON.parse((await readFixture('valid-v2')).toString('utf8')) as Record<string, unknown>
}

describe('v2 → v3 migration step', () => {
  it('adds an empty change history and keeps everything else as it was', async () => {
    const v2 = await v2Document()
    const migrated = planSchema.parse(migrateDocument(v2))
    expect(migrated.schemaVersion).toBe(3)
    expect(migrated.history).toEqual([])
    expect(migrated).toEqual({ ...v2, schemaVersion: 3, history: [] })
    expect(planInvariantProblem(migrated)).toBeNull()
  })

  it('is idempotent and leaves its input alone', async () => {
    const v2 = await v2Document()
    const snapshot = structuredClone(v2)
    expect(v2ToV3.migrate(structuredClone(v2))).toEqual(v2ToV3.migrate(structuredClone(v2)))
    expect(v2).toEqual(snapshot)
    const migrated = migrateDocument(v2)
    expect(migrateDocument(migrated)).toEqual(migrated)
  })

  it('a version-1 file goes through both steps', async () => {
    const parsed = parsePlanText((await readFixture('valid-v1')).toString('utf8'))
    expect(parsed).toMatchObject({ ok: true, migratedFrom: 1 })
    if (parsed.ok === true) expect(parsed.plan.history).toEqual([])
  })
})

describe('PlanStore.open with a version-2 file', () => {
  it('keeps the v2 bytes aside, writes a v3 plan, and records the first change in its history', async () => {
    const original = await readFixture('valid-v2')
    const dir = await dirs.make()
    const file = path.join(dir, 'plan.json')
    await fsp.writeFile(file, original)
    const store = await PlanStore.open(file, { now: () => new Date('2026-01-02T03:04:05.000Z') })
    const copy = (await store.listBackups()).find((name) => name.includes('before-migration-v2'))
    expect(copy).toBeDefined()
    expect(await fsp.readFile(path.join(store.backupsDir, copy ?? ''))).toEqual(original)
    const onDisk = JSON.parse(await fsp.readFile(file, 'utf8')) as {
      schemaVersion: number
      history: unknown[]
    }
    expect(onDisk.schemaVersion).toBe(3)
    expect(onDisk.history).toEqual([])

    await store.update('en', (draft) => {
      draft.account.name = 'Migrated GmbH'
      return ok(null)
    })
    expect(store.plan.history).toEqual([
      {
        id: expect.any(String) as string,
        at: '2026-01-02T03:04:05.000Z',
        actorId: null,
        actorName: '',
        channel: 'change',
        changes: [{ kind: 'setting', field: 'name', from: 'Fixture GmbH', to: 'Migrated GmbH' }],
        more: 0,
      },
    ])
    await store.close()
  })
})
