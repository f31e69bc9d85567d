import * as fsp from 'node:fs/promises'
import { constants as fsConstants } from 'node:fs'
import path from 'node:path'
import { Low } from 'lowdb'
import type { Adapter } from 'lowdb'
import type { Language, PlanStatus, ReadOnlyReason } from '../../shared/domain'
import { fail } from '../../shared/result'
import type { Result } from '../../shared/result'
import { message } from '../messages'
import { DurableTextFile } from './durableTextFile'
import type { DurableOptions } from './durableTextFile'
import { checkVersion, migrateDocument, migrations } from './migrations'
import type { Migration } from './migrations'
import { CURRENT_SCHEMA_VERSION, createDefaultPlan, planInvariantProblem, planSchema } from './planFile'
import type { Plan } from './planFile'

export interface PlanStoreOptions extends DurableOptions {
  /** Newest backups kept; older ones are removed. */
  maxBackups?: number
  /** A save takes a backup of the previous state when the newest backup is at least this old. */
  backupIntervalMs?: number
  now?: () => Date
  /** Language of the default plan created when no file exists. */
  language?: Language
  /** For tests of the chain: a different migration chain and target version. */
  migrationChain?: readonly Migration[]
}

/** Why a file's content cannot be used as a plan. */
export type CorruptKind = 'empty' | 'nul' | 'not_json' | 'schema'

export class PlanFileError extends Error {}

/** Parses and validates plan text; returns the plan or why it is unusable. */
export function parsePlanText(
  text: string,
  chain: readonly Migration[] = migrations,
):
  | { ok: true; plan: Plan; migratedFrom: number | null }
  | { ok: false; kind: CorruptKind }
  | { ok: 'newer'; version: number; plan: Plan | null } {
  if (text.trim() === '') return { ok: false, kind: 'empty' }
  if (text.includes('\u0000')) return { ok: false, kind: 'nul' }
  let document: unknown
  try {
    document = JSON.parse(text)
  } catch {
    return { ok: false, kind: 'not_json' }
  }
  const version = checkVersion(document)
  if (version.kind === 'unknown') return { ok: false, kind: 'schema' }
  if (version.kind === 'newer') {
    const projected = planSchema.safeParse({ ...(document as object), schemaVersion: CURRENT_SCHEMA_VERSION })
    return { ok: 'newer', version: version.version, plan: projected.success ? projected.data : null }
  }
  let migrated: Record<string, unknown>
  try {
    migrated = migrateDocument(document as Record<string, unknown>, chain)
  } catch {
    return { ok: false, kind: 'schema' }
  }
  const parsed = planSchema.safeParse(migrated)
  if (!parsed.success || planInvariantProblem(parsed.data) !== null) return { ok: false, kind: 'schema' }
  return { ok: true, plan: parsed.data, migratedFrom: version.kind === 'older' ? version.version : null }
}

const serialize = (plan: Plan): string => `${JSON.stringify(plan, null, 2)}\n`

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('.', '')
}

async function writable(target: string): Promise<boolean> {
  try {
    await fsp.access(target, fsConstants.W_OK)
    return true
  } catch {
    return false
  }
}

function reasonOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error) return String((error as { code: unknown }).code)
  return error instanceof Error ? error.message : String(error)
}

/**
 * One plan file, held in memory by lowdb and written through the durable adapter. Memory always
 * equals the last confirmed state on disk: a change is applied to a copy, written, and only then
 * becomes the state.
 */
export class PlanStore {
  readonly file: string
  readonly backupsDir: string
  private readonly db: Low<Plan>
  private readonly options: Required<Pick<PlanStoreOptions, 'maxBackups' | 'backupIntervalMs' | 'now'>> &
    PlanStoreOptions
  private readOnlyReason: ReadOnlyReason | null = null
  private recovery: PlanStatus['recovery'] = null
  private queue: Promise<unknown> = Promise.resolve()
  private lastBackupAt = 0
  private backupSeq = 0

  private constructor(file: string, adapter: Adapter<Plan>, options: PlanStoreOptions, initial: Plan) {
    this.file = file
    this.backupsDir = path.join(path.dirname(file), 'backups')
    this.db = new Low(adapter, initial)
    this.options = {
      maxBackups: 10,
      backupIntervalMs: 10 * 60 * 1000,
      now: () => new Date(),
      ...options,
    }
  }

  /** Opens (or creates) a plan file. Never overwrites a file it cannot understand. */
  static async open(file: string, options: PlanStoreOptions = {}): Promise<PlanStore> {
    const text = new DurableTextFile(file, options)
    const adapter: Adapter<Plan> = {
      read: async () => {
        const content = await text.read()
        return content === null ? null : (JSON.parse(content) as Plan)
      },
      write: (plan) => text.write(serialize(plan)),
    }
    const chain = options.migrationChain ?? migrations
    const dir = path.dirname(file)
    await fsp.mkdir(dir, { recursive: true })
    const content = await text.read()
    const folderWritable = await writable(dir)
    const store = new PlanStore(file, adapter, options, createDefaultPlan(options.language))

    if (content === null) {
      if (!folderWritable) {
        store.readOnlyReason = 'no_write_permission'
        return store
      }
      await store.db.write()
      await store.takeBackup(store.db.data)
      return store
    }

    const fileWritable = folderWritable && (await writable(file))
    const parsed = parsePlanText(content, chain)
    if (parsed.ok === 'newer') {
      store.readOnlyReason = 'newer_version'
      store.db.data = parsed.plan ?? { ...createDefaultPlan(options.language), users: [] }
      return store
    }
    if (parsed.ok === true) {
      store.db.data = parsed.plan
      if (!fileWritable) {
        store.readOnlyReason = 'no_write_permission'
        return store
      }
      if (parsed.migratedFrom !== null) {
        await store.copyAside(`before-migration-v${parsed.migratedFrom}`)
        await store.db.write()
      }
      await store.takeBackup(store.db.data)
      return store
    }

    // Unusable content: keep it aside byte-identical, never overwrite it.
    if (!folderWritable) {
      store.readOnlyReason = 'no_write_permission'
      const restored = await store.newestGoodBackup(chain)
      store.db.data = restored?.plan ?? createDefaultPlan(options.language)
      store.recovery = { keptAs: file, restoredFrom: restored?.file ?? null }
      return store
    }
    const keptAs = `${file}.corrupt-${stamp(store.options.now())}`
    await fsp.rename(file, keptAs)
    const restored = await store.newestGoodBackup(chain)
    store.db.data = restored?.plan ?? createDefaultPlan(options.language)
    store.recovery = { keptAs, restoredFrom: restored?.file ?? null }
    await store.db.write()
    return store
  }

  /** The confirmed state. Treat as read-only: change it through `update`. */
  get plan(): Plan {
    return this.db.data
  }

  status(): PlanStatus {
    return {
      path: this.file,
      accountName: this.db.data.account.name,
      readOnly: this.readOnlyReason,
      recovery: this.recovery,
    }
  }

  /**
   * Applies `change` to a copy of the plan. When it succeeds the copy is validated and written;
   * only after the write landed does it become the state. Changes run one at a time.
   */
  update<T>(language: Language, change: (draft: Plan) => Result<T>): Promise<Result<T>> {
    const run = async (): Promise<Result<T>> => {
      if (this.readOnlyReason !== null) return fail('read_only', message(language, 'plan.readOnly'))
      const previous = this.db.data
      const draft = structuredClone(previous)
      const result = change(draft)
      if (!result.ok) return result
      const checked = planSchema.safeParse(draft)
      const problem = checked.success ? planInvariantProblem(checked.data) : checked.error.message
      if (problem !== null) throw new PlanFileError(`A change would break the plan: ${problem}`)
      try {
        await this.maybeBackup(previous)
        this.db.data = draft
        await this.db.write()
      } catch (error) {
        this.db.data = previous
        return fail('storage', message(language, 'plan.writeFailed', { reason: reasonOf(error) }))
      }
      return result
    }
    const next = this.queue.then(run, run)
    this.queue = next.catch(() => undefined)
    return next
  }

  /** Backup files, oldest first. */
  async listBackups(): Promise<string[]> {
    try {
      const names = await fsp.readdir(this.backupsDir)
      return names.filter((name) => name.endsWith('.json')).sort()
    } catch {
      return []
    }
  }

  private async maybeBackup(previous: Plan): Promise<void> {
    if (this.options.now().getTime() - this.lastBackupAt < this.options.backupIntervalMs) return
    await this.takeBackup(previous)
  }

  private backupName(label: string): string {
    this.backupSeq += 1
    const base = path.basename(this.file, '.json')
    return `${base}-${stamp(this.options.now())}-${String(this.backupSeq).padStart(4, '0')}-${label}.json`
  }

  /** Writes a validated state to the backups folder and keeps only the newest `maxBackups`. */
  private async takeBackup(plan: Plan): Promise<void> {
    await fsp.mkdir(this.backupsDir, { recursive: true })
    const target = path.join(this.backupsDir, this.backupName('plan'))
    await new DurableTextFile(target, this.options).write(serialize(plan))
    this.lastBackupAt = this.options.now().getTime()
    const names = await this.listBackups()
    for (const name of names.slice(0, Math.max(0, names.length - this.options.maxBackups))) {
      await fsp.unlink(path.join(this.backupsDir, name)).catch(() => undefined)
    }
  }

  /** Copies the file as it is (before a migration) into the backups folder, byte for byte. */
  private async copyAside(label: string): Promise<void> {
    await fsp.mkdir(this.backupsDir, { recursive: true })
    await fsp.copyFile(this.file, path.join(this.backupsDir, this.backupName(label)))
  }

  private async newestGoodBackup(
    chain: readonly Migration[],
  ): Promise<{ file: string; plan: Plan } | null> {
    const names = await this.listBackups()
    for (const name of names.reverse()) {
      const file = path.join(this.backupsDir, name)
      try {
        const parsed = parsePlanText(await fsp.readFile(file, 'utf8'), chain)
        if (parsed.ok === true) return { file, plan: parsed.plan }
      } catch {
        // unreadable backup: try the next older one
      }
    }
    return null
  }
}
