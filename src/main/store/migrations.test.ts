import * as fsp from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ok } from '../../shared/result'
import { nodeFileOps } from './durableTextFile'
import type { FileOps } from './durableTextFile'
import { checkVersion, migrateDocument, migrations } from './migrations'
import type { Migration } from './migrations'
import { v2ToV3 } from './migrations.v3'
import { CURRENT_SCHEMA_VERSION } from './planFile'
import { PlanStore, parsePlanText } from './planStore'
import { readFixture } from './testing/fixtures'
import { tempDirs } from './testing/tempDirs'

const dirs = tempDirs()
afterEach(() => dirs.cleanup())

/** A test chain 1 → 2 → 3 that records the order its steps ran in. */
function recordingChain(log: string[]): Migration[] {
  // Listed out of order on purpose: the chain runs by `from`, not by position.
  return [
    {
      from: 2,
      migrate: (doc) => {
        log.push('2→3')
        return { ...doc, tags: [...((doc.tags as string[] | undefined) ?? []), 'v3'] }
      },
    },
    {
      from: 1,
      migrate: (doc) => {
        log.push('1→2')
        return { ...doc, tags: ['v2'] }
      },
    },
  ]
}

/**
 * The chain the store test uses: (test) version 3 added the account's extra-device price (and, as
 * the real version 3, the empty change history).
 */
const addPrice: Migration = {
  from: 2,
  migrate: (doc) => {
    const account = doc.account as Record<string, unknown>
    return {
      ...v2ToV3.migrate(doc),
      account: { ...account, extraDevicePrice: account.extraDevicePrice ?? 4.95 },
    }
  },
}

describe('migrateDocument', () => {
  it('runs the steps in version order and stamps each new version', () => {
    const log: string[] = []
    const migrated = migrateDocument({ schemaVersion: 1, name: 'x' }, recordingChain(log), 3)
    expect(log).toEqual(['1→2', '2→3'])
    expect(migrated).toEqual({ schemaVersion: 3, name: 'x', tags: ['v2', 'v3'] })
  })

  it('starts at the document’s own version', () => {
    const log: string[] = []
    const migrated = migrateDocument({ schemaVersion: 2, tags: ['old'] }, recordingChain(log), 3)
    expect(log).toEqual(['2→3'])
    expect(migrated).toEqual({ schemaVersion: 3, tags: ['old', 'v3'] })
  })

  it('is idempotent: a current document comes back unchanged, and migrating twice equals once', () => {
    const log: string[] = []
    const chain = recordingChain(log)
    const once = migrateDocument({ schemaVersion: 1, name: 'x' }, chain, 3)
    const snapshot = structuredClone(once)
    log.length = 0
    const twice = migrateDocument(once, chain, 3)
    expect(log).toEqual([])
    expect(twice).toEqual(snapshot)
    expect(once).toEqual(snapshot)
  })

  it('does not change the input document, even through a step that mutates what it gets', () => {
    const input = { schemaVersion: 1, nested: { name: 'x' } }
    const sloppy: Migration = {
      from: 1,
      migrate: (doc) => {
        ;(doc.nested as { name: string }).name = 'changed'
        return doc
      },
    }
    const migrated = migrateDocument(input, [sloppy], 2)
    expect(input).toEqual({ schemaVersion: 1, nested: { name: 'x' } })
    expect(migrated).toEqual({ schemaVersion: 2, nested: { name: 'changed' } })
  })

  it('refuses a gap in the chain', () => {
    expect(() => migrateDocument({ schemaVersion: 2, account: {} }, [addPrice], 4)).toThrow(
      /No migration from schema version 3/,
    )
  })

  it('the shipped chain has one step per version below the current one, in order', () => {
    expect(migrations.map((step) => step.from)).toEqual(
      Array.from({ length: CURRENT_SCHEMA_VERSION - 1 }, (_, i) => i + 1),
    )
  })
})

describe('checkVersion', () => {
  it.each([
    [{ schemaVersion: 1 }, { kind: 'current' }],
    [{ schemaVersion: 99 }, { kind: 'newer', version: 99 }],
    [{}, { kind: 'unknown' }],
    [{ schemaVersion: '1' }, { kind: 'unknown' }],
    [{ schemaVersion: 1.5 }, { kind: 'unknown' }],
    [{ schemaVersion: 0 }, { kind: 'unknown' }],
    [{ schemaVersion: -1 }, { kind: 'unknown' }],
    [[1], { kind: 'unknown' }],
    [null, { kind: 'unknown' }],
    ['{"schemaVersion":1}', { kind: 'unknown' }],
  ])('%j → %j', (document, expected) => {
    expect(checkVersion(document, 1)).toEqual(expected)
  })

  it('an older version is told apart from the target', () => {
    expect(checkVersion({ schemaVersion: 1 }, 3)).toEqual({ kind: 'older', version: 1 })
  })
})

describe('parsePlanText and versions', () => {
  it.each(['no-version', 'string-version'] as const)('treats a plan with %s as corrupt', async (name) => {
    expect(parsePlanText((await readFixture(name)).toString('utf8'))).toEqual({ ok: false, kind: 'schema' })
  })

  it('migrates an older document through the chain and says from which version', async () => {
    const text = (await readFixture('chain-v2-without-price')).toString('utf8')
    // Without the step the old file is not a valid plan …
    expect(parsePlanText(text).ok).toBe(false)
    // … with it, it is one of version 3.
    const parsed = parsePlanText(text, [addPrice], 3)
    expect(parsed.ok).toBe(true)
    if (parsed.ok !== true) return
    expect(parsed.migratedFrom).toBe(2)
    expect(parsed.plan.schemaVersion).toBe(3)
    expect(parsed.plan.account.extraDevicePrice).toBe(4.95)
  })
})

describe('PlanStore.open with an older file', () => {
  it('copies the original byte-identical into backups before writing the migrated plan', async () => {
    const original = await readFixture('chain-v2-without-price')
    const dir = await dirs.make()
    const file = path.join(dir, 'plan.json')
    await fsp.writeFile(file, original)

    // At the moment the migrated plan is renamed over the file, the copy must already be there.
    const copiesAtRename: Buffer[] = []
    const ops: FileOps = {
      ...nodeFileOps,
      rename: async (from, to) => {
        if (to === file) {
          const backups = path.join(dir, 'backups')
          for (const name of await fsp.readdir(backups)) {
            if (name.includes('before-migration-v2'))
              copiesAtRename.push(await fsp.readFile(path.join(backups, name)))
          }
        }
        await nodeFileOps.rename(from, to)
      },
    }
    const options = { migrationChain: [addPrice], targetVersion: 3, fileOps: ops, maxBackups: 1 }
    const store = await PlanStore.open(file, options)

    expect(copiesAtRename).toEqual([original])
    expect(store.status()).toMatchObject({ readOnly: null, recovery: null, accountName: 'Old Format KG' })
    const onDisk = JSON.parse(await fsp.readFile(file, 'utf8')) as { schemaVersion: number; account: object }
    expect(onDisk.schemaVersion).toBe(3)
    expect(onDisk.account).toMatchObject({ name: 'Old Format KG', extraDevicePrice: 4.95 })
    expect(onDisk).toEqual(store.plan)

    // The copy stays, even with maxBackups 1 (it is not one of the rotating backups).
    const names = await store.listBackups()
    const copy = names.find((name) => name.includes('before-migration-v2'))
    expect(copy).toBeDefined()
    expect(await fsp.readFile(path.join(store.backupsDir, copy ?? ''))).toEqual(original)

    // The migrated plan works: an update validates against the target version and saves.
    expect(
      (
        await store.update('en', (draft) => {
          draft.account.name = 'Migrated'
          return ok(null)
        })
      ).ok,
    ).toBe(true)

    // Reopening migrates nothing again: no second copy, same plan.
    const reopened = await PlanStore.open(file, {
      migrationChain: [addPrice],
      targetVersion: 3,
      maxBackups: 1,
    })
    expect(reopened.plan).toEqual(store.plan)
    expect((await reopened.listBackups()).filter((name) => name.includes('before-migration'))).toHaveLength(1)
  })

  it('a current file is not migrated and not copied aside', async () => {
    const original = await readFixture('valid-v3')
    const dir = await dirs.make()
    const file = path.join(dir, 'plan.json')
    await fsp.writeFile(file, original)
    const store = await PlanStore.open(file)
    expect(await fsp.readFile(file)).toEqual(original)
    expect((await store.listBackups()).filter((name) => name.includes('before-migration'))).toEqual([])
  })

  it('a file from a version the chain cannot reach is treated as corrupt and kept aside', async () => {
    const original = await readFixture('valid-v1')
    const dir = await dirs.make()
    const file = path.join(dir, 'plan.json')
    await fsp.writeFile(file, original)
    // Target 3 but no step from 1: the file cannot be brought up to date.
    const store = await PlanStore.open(file, { migrationChain: [addPrice], targetVersion: 3 })
    const keptAs = store.status().recovery?.keptAs ?? ''
    expect(await fsp.readFile(keptAs)).toEqual(original)
  })
})
