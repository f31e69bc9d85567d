import * as fsp from 'node:fs/promises'
import { constants as fsConstants } from 'node:fs'
import path from 'node:path'
import { Immer, current, enableArrayMethods, isDraft } from 'immer'
import { Low } from 'lowdb'
import { z } from 'zod'
import type { Adapter } from 'lowdb'
import type { Language, PlanLockHolder, PlanStatus, ReadOnlyReason } from '../../shared/domain'
import { fail } from '../../shared/result'
import type { Result } from '../../shared/result'
import { message } from '../messages'
import { DurableTextFile, removeStaleTemps } from './durableTextFile'
import type { DurableOptions } from './durableTextFile'
import { checkVersion, migrateDocument, migrations } from './migrations'
import type { Migration } from './migrations'
import { CURRENT_SCHEMA_VERSION, createDefaultPlan, planInvariantProblem, planSchema } from './planFile'
import type { Plan } from './planFile'
import { PlanLock } from './planLock'
import { UndoHistory, anonymousStep, stepContext } from './undoHistory'
import { withHistoryEntry } from '../history/recordHistory'
import type { Step, StepInfo } from './undoHistory'

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
  /**
   * The schema version the chain leads to (default `CURRENT_SCHEMA_VERSION`). Only tests of the
   * chain set it: the document it leads to must still have the shape of `planSchema`.
   */
  targetVersion?: number
}

/** Why a file's content cannot be used as a plan. */
export type CorruptKind = 'empty' | 'nul' | 'not_json' | 'schema'

export class PlanFileError extends Error {}

/**
 * The plan schema for a schema version. For the current version that is `planSchema`; a test
 * target (see `targetVersion`) differs only in the version number it requires, so the result is
 * still typed as `Plan`.
 */
function schemaFor(target: number): typeof planSchema {
  if (target === CURRENT_SCHEMA_VERSION) return planSchema
  return planSchema.extend({ schemaVersion: z.literal(target) }) as unknown as typeof planSchema
}

/**
 * Checks a plan against the schema and the cross-record rules. Returns the parsed copy — its keys
 * in schema order, so the same state always serializes to the same bytes, whatever order the code
 * that built it used — or the problem.
 */
function checkedPlan(plan: unknown, target: number): { plan: Plan } | { problem: string } {
  const checked = schemaFor(target).safeParse(plan)
  if (!checked.success) return { problem: checked.error.message }
  const problem = planInvariantProblem(checked.data)
  return problem === null ? { plan: checked.data } : { problem }
}

/**
 * Checks a changed plan cheaply but as strictly as `checkedPlan`: the store's states share every
 * record a change did not touch (structural sharing), and a record of a checked state is still
 * valid on its own, so only the top-level fields and the records that are not objects of
 * `previous` are parsed; the cross-record rules run on the whole plan. Parsed records replace the
 * changed ones, so every record keeps its schema key order (and the file stays stable).
 */
function checkedChange(next: Plan, previous: Plan, target: number): { plan: Plan } | { problem: string } {
  const shape = schemaFor(target).shape
  const source = next as unknown as Record<string, unknown>
  const before = previous as unknown as Record<string, unknown>
  for (const key of Object.keys(source)) {
    if (!(key in shape)) return { problem: `unknown field ${key}` }
  }
  const checked: Record<string, unknown> = {}
  for (const [key, schema] of Object.entries(shape) as [string, z.ZodType][]) {
    const value = source[key]
    if (value === before[key]) {
      checked[key] = value
      continue
    }
    if (schema instanceof z.ZodArray && Array.isArray(value) && Array.isArray(before[key])) {
      const element = schema.element as z.ZodType
      const old = before[key] as unknown[]
      // Same position, same record is the common case (an edit or an append); a removal or a
      // reorder shifts positions, then the records of the previous state are looked up.
      let known: Set<unknown> | null = null
      const records: unknown[] = new Array<unknown>(value.length)
      for (let position = 0; position < value.length; position++) {
        const record: unknown = value[position]
        if (record === old[position] || (known ??= new Set<unknown>(old)).has(record)) {
          records[position] = record
          continue
        }
        const parsed = element.safeParse(record)
        if (!parsed.success) return { problem: `${key}[${position}]: ${parsed.error.message}` }
        records[position] = parsed.data
      }
      checked[key] = records
      continue
    }
    const parsed = schema.safeParse(value)
    if (!parsed.success) return { problem: `${key}: ${parsed.error.message}` }
    checked[key] = parsed.data
  }
  const plan = checked as unknown as Plan
  const problem = planInvariantProblem(plan)
  return problem === null ? { plan } : { problem }
}

/**
 * Drafts of a change share what it did not touch with the confirmed state. Not frozen: nothing
 * may change a confirmed state anyway (see `PlanStore.plan`), and freezing would cost a pass.
 */
const immer = new Immer({ autoFreeze: false })
// Array searches on a draft (find, filter, some, indexOf…) run on the plain records instead of
// creating a proxy per element: a write path scanning 100k records stays a plain loop.
enableArrayMethods()

/** `value` with every draft in it replaced by a plain copy, so it outlives the change. */
function withoutDrafts(value: unknown): unknown {
  if (isDraft(value)) return current(value)
  if (Array.isArray(value))
    return value.some((item) => typeof item === 'object' && item !== null) ? value.map(withoutDrafts) : value
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value)
    if (!entries.some(([, item]) => typeof item === 'object' && item !== null)) return value
    return Object.fromEntries(entries.map(([key, item]) => [key, withoutDrafts(item)]))
  }
  return value
}

/**
 * A copy of `value` without the object keys `schema` does not know (recursing through objects,
 * arrays and nullables), so a file from a newer version that added fields can still be shown.
 */
function keepKnownFields(value: unknown, schema: z.core.$ZodType): unknown {
  if (schema instanceof z.ZodNullable) return value === null ? null : keepKnownFields(value, schema.unwrap())
  if (schema instanceof z.ZodArray) {
    return Array.isArray(value) ? value.map((item: unknown) => keepKnownFields(item, schema.element)) : value
  }
  if (schema instanceof z.ZodObject && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const shape = schema.shape as Record<string, z.core.$ZodType>
    const source = value as Record<string, unknown>
    const kept: Record<string, unknown> = {}
    for (const [key, field] of Object.entries(shape)) {
      if (key in source) kept[key] = keepKnownFields(source[key], field)
    }
    return kept
  }
  return value
}

/** Parses and validates plan text; returns the plan or why it is unusable. */
export function parsePlanText(
  text: string,
  chain: readonly Migration[] = migrations,
  target: number = CURRENT_SCHEMA_VERSION,
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
  const version = checkVersion(document, target)
  if (version.kind === 'unknown') return { ok: false, kind: 'schema' }
  if (version.kind === 'newer') {
    // A newer version may have added fields: show what this version understands, read-only.
    const known = keepKnownFields(document, planSchema)
    const schema = schemaFor(target)
    let projected = schema.safeParse({ ...(known as object), schemaVersion: target })
    // The change history is not needed to show the plan: without a readable one, shown without it.
    if (!projected.success)
      projected = schema.safeParse({ ...(known as object), schemaVersion: target, history: [] })
    return { ok: 'newer', version: version.version, plan: projected.success ? projected.data : null }
  }
  let migrated: Record<string, unknown>
  try {
    migrated = migrateDocument(document as Record<string, unknown>, chain, target)
  } catch {
    return { ok: false, kind: 'schema' }
  }
  const parsed = schemaFor(target).safeParse(migrated)
  if (!parsed.success || planInvariantProblem(parsed.data) !== null) return { ok: false, kind: 'schema' }
  return { ok: true, plan: parsed.data, migratedFrom: version.kind === 'older' ? version.version : null }
}

/** `<plan>-<stamp>-<seq>-<label>.json`: group 1 the stamp, group 2 the sequence number. */
function backupPattern(planFile: string): RegExp {
  const base = path.basename(planFile, '.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`^${base}-(\\d{8}T\\d{9}Z)-(\\d+)-[a-z0-9-]+\\.json$`)
}

/** Compact JSON (still valid, line-final): indenting a large plan costs more than the change. */
const serialize = (plan: Plan): string => `${JSON.stringify(plan)}\n`

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
  if (typeof error === 'object' && error !== null && 'code' in error)
    return String((error as { code: unknown }).code)
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
  /** The lock of the plan file while this store may write it (see planLock.ts). */
  private lock: PlanLock | null = null
  private lockedBy: PlanLockHolder | null = null
  private queue: Promise<unknown> = Promise.resolve()
  private lastBackupAt = 0
  /** Undo and redo of every change made through this store (in memory, for this opening). */
  private readonly history = new UndoHistory()
  private backupSeq = 0
  private readonly chain: readonly Migration[]
  private readonly target: number

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
    this.chain = options.migrationChain ?? migrations
    this.target = options.targetVersion ?? CURRENT_SCHEMA_VERSION
  }

  /**
   * Opens (or creates) a plan file. Never overwrites a file it cannot understand. One writer per
   * file: when another store (another process, or another store in this one) holds the file's
   * lock, the plan opens read-only with the reason `locked`. Call `close` when done with it.
   */
  static async open(file: string, options: PlanStoreOptions = {}): Promise<PlanStore> {
    await fsp.mkdir(path.dirname(file), { recursive: true })
    // Taken before the file is read, so the state read is the one the last writer left.
    const locking = (await writable(path.dirname(file))) ? await PlanLock.acquire(file) : null
    const lock = locking?.kind === 'acquired' ? locking.lock : null
    let store: PlanStore
    try {
      store = await PlanStore.load(file, options, locking?.kind === 'held' ? locking.holder : null)
    } catch (error) {
      await lock?.release()
      throw error
    }
    // Only a store that may write keeps the lock.
    if (store.readOnlyReason === null) store.lock = lock
    else await lock?.release()
    return store
  }

  /**
   * Releases the plan file's lock (another process or store may then write it) and makes this
   * store read-only. Waits for changes already queued. Safe to call twice.
   */
  async close(): Promise<void> {
    await this.queue
    if (this.readOnlyReason === null) this.readOnlyReason = 'locked'
    const lock = this.lock
    this.lock = null
    await lock?.release()
  }

  /** `open` after the lock was decided: `lockedBy` is the holder when another one writes. */
  private static async load(
    file: string,
    options: PlanStoreOptions,
    lockedBy: PlanLockHolder | null,
  ): Promise<PlanStore> {
    const text = new DurableTextFile(file, options)
    const adapter: Adapter<Plan> = {
      read: async () => {
        const content = await text.read()
        return content === null ? null : (JSON.parse(content) as Plan)
      },
      write: (plan) => text.write(serialize(plan)),
    }
    const chain = options.migrationChain ?? migrations
    const target = options.targetVersion ?? CURRENT_SCHEMA_VERSION
    const dir = path.dirname(file)
    await fsp.mkdir(dir, { recursive: true })
    const content = await text.read()
    const folderWritable = lockedBy === null && (await writable(dir))
    const cannotWrite: ReadOnlyReason = lockedBy === null ? 'no_write_permission' : 'locked'
    // The default plan, at the target version (which differs from the current one only in tests).
    const initial = { ...createDefaultPlan(options.language), schemaVersion: target as Plan['schemaVersion'] }
    // In schema key order, as every state the store keeps (see checkedPlan).
    const checkedInitial = checkedPlan(initial, target)
    if ('problem' in checkedInitial)
      throw new PlanFileError(`The default plan is invalid: ${checkedInitial.problem}`)
    const store = new PlanStore(file, adapter, options, checkedInitial.plan)
    store.lockedBy = lockedBy
    if (folderWritable) await removeStaleTemps(file)
    await store.continueBackupNumbering()

    if (content === null) {
      if (!folderWritable) {
        store.readOnlyReason = cannotWrite
        return store
      }
      await store.db.write()
      await store.takeBackup(store.db.data)
      return store
    }

    const fileWritable = folderWritable && (await writable(file))
    const parsed = parsePlanText(content, chain, target)
    if (parsed.ok === 'newer') {
      store.readOnlyReason = 'newer_version'
      store.db.data = parsed.plan ?? { ...store.db.data, users: [] }
      return store
    }
    if (parsed.ok === true) {
      store.db.data = parsed.plan
      if (!fileWritable) {
        store.readOnlyReason = cannotWrite
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
      store.readOnlyReason = cannotWrite
      const restored = await store.newestGoodBackup()
      store.db.data = restored?.plan ?? store.db.data
      store.recovery = { keptAs: file, restoredFrom: restored?.file ?? null }
      return store
    }
    const keptAs = await store.freeCorruptName()
    await fsp.rename(file, keptAs)
    const restored = await store.newestGoodBackup()
    store.db.data = restored?.plan ?? store.db.data
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
      ...(this.readOnlyReason === 'locked' && this.lockedBy ? { lockedBy: this.lockedBy } : {}),
      recovery: this.recovery,
    }
  }

  /**
   * Applies `change` to a draft of the plan (a copy-on-write view: records it does not touch stay
   * shared with the confirmed state). When it succeeds the new state is validated and written;
   * only after the write landed does it become the state; when it fails the draft is dropped.
   * Changes run one at a time. A value the change returns may hold drafts: they are copied.
   * `backupFirst` takes a backup of the state before the change whatever the backup interval.
   * A change that landed is one undo step (who and what come from `stepContext`); it clears redo.
   */
  update<T>(
    language: Language,
    change: (draft: Plan) => Result<T>,
    options: { backupFirst?: boolean } = {},
  ): Promise<Result<T>> {
    const describe = stepContext.getStore()
    const run = async (): Promise<Result<T>> => {
      if (this.readOnlyReason !== null) return fail('read_only', message(language, 'plan.readOnly'))
      const previous = this.db.data
      const draft = immer.createDraft(previous)
      const changed = change(draft as Plan)
      if (!changed.ok) return changed
      const result = withoutDrafts(changed) as Result<T>
      const step = describe ? describe(previous) : anonymousStep
      // The change's history entry goes into the same state, so one write holds both.
      const next = withHistoryEntry(previous, immer.finishDraft(draft) as Plan, step, this.options.now())
      const checked = checkedChange(next, previous, this.target)
      if ('problem' in checked) throw new PlanFileError(`A change would break the plan: ${checked.problem}`)
      try {
        // A large change (a CSV import) always keeps the state before it.
        await (options.backupFirst ? this.takeBackup(previous) : this.maybeBackup(previous))
        this.db.data = checked.plan
        await this.db.write()
      } catch (error) {
        this.db.data = previous
        return fail('storage', message(language, 'plan.writeFailed', { reason: reasonOf(error) }))
      }
      this.history.record(previous, step)
      return result
    }
    const next = this.queue.then(run, run)
    this.queue = next.catch(() => undefined)
    return next
  }

  /** What undo and redo would take back or make again now (the tops of the stacks). */
  undoTops(): { undo: StepInfo | undefined; redo: StepInfo | undefined } {
    return { undo: this.history.peekUndo(), redo: this.history.peekRedo() }
  }

  /**
   * Takes the last change back: the state before it is validated and written like any change
   * (backups as usual) and becomes the state. `refuse` (the rights check) sees the step first;
   * it runs in the queue of changes, so it judges the step that is really taken back.
   */
  undo(
    language: Language,
    refuse: (step: StepInfo) => Result<never> | null = () => null,
  ): Promise<Result<null>> {
    return this.travel(language, 'undo', refuse)
  }

  /** Makes the last undone change again; the same rules as `undo`. */
  redo(
    language: Language,
    refuse: (step: StepInfo) => Result<never> | null = () => null,
  ): Promise<Result<null>> {
    return this.travel(language, 'redo', refuse)
  }

  private travel(
    language: Language,
    direction: 'undo' | 'redo',
    refuse: (step: StepInfo) => Result<never> | null,
  ): Promise<Result<null>> {
    const run = async (): Promise<Result<null>> => {
      if (this.readOnlyReason !== null) return fail('read_only', message(language, 'plan.readOnly'))
      const step: Step | undefined = direction === 'undo' ? this.history.peekUndo() : this.history.peekRedo()
      if (!step)
        return fail(
          'not_found',
          message(language, direction === 'undo' ? 'plan.nothingToUndo' : 'plan.nothingToRedo'),
        )
      const refused = refuse(step)
      if (refused) return refused
      const previous = this.db.data
      const checked = checkedChange(step.state, previous, this.target)
      if ('problem' in checked)
        throw new PlanFileError(`An ${direction} would break the plan: ${checked.problem}`)
      try {
        await this.maybeBackup(previous)
        this.db.data = checked.plan
        await this.db.write()
      } catch (error) {
        this.db.data = previous
        return fail('storage', message(language, 'plan.writeFailed', { reason: reasonOf(error) }))
      }
      if (direction === 'undo') this.history.undone(previous)
      else this.history.redone(previous)
      return { ok: true, data: null }
    }
    const next = this.queue.then(run, run)
    this.queue = next.catch(() => undefined)
    return next
  }

  /** Backup files of this plan (names in the backups folder), oldest first. */
  async listBackups(): Promise<string[]> {
    let names: string[]
    try {
      names = await fsp.readdir(this.backupsDir)
    } catch {
      return []
    }
    const pattern = backupPattern(this.file)
    const entries: { name: string; stamp: string; seq: number }[] = []
    for (const name of names) {
      const match = pattern.exec(name)
      if (match) entries.push({ name, stamp: match[1] ?? '', seq: Number(match[2]) })
    }
    return entries
      .sort((a, b) => (a.stamp === b.stamp ? a.seq - b.seq : a.stamp < b.stamp ? -1 : 1))
      .map((entry) => entry.name)
  }

  /** New backup numbers continue after the highest one already in the folder. */
  private async continueBackupNumbering(): Promise<void> {
    const pattern = backupPattern(this.file)
    for (const name of await this.listBackups()) {
      const match = pattern.exec(name)
      if (match) this.backupSeq = Math.max(this.backupSeq, Number(match[2]))
    }
  }

  /** A name beside the plan for keeping an unusable file, never one that exists already. */
  private async freeCorruptName(): Promise<string> {
    const base = `${this.file}.corrupt-${stamp(this.options.now())}`
    for (let n = 0; ; n++) {
      const candidate = n === 0 ? base : `${base}-${n}`
      try {
        await fsp.lstat(candidate)
      } catch {
        return candidate
      }
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
    const text = serialize(plan)
    // Only the rotating backups rotate; a copy kept before a migration stays.
    const rotating = (await this.listBackups()).filter((name) => name.endsWith('-plan.json'))
    const newest = rotating.at(-1)
    // The same state again (e.g. opening an unchanged plan) would only push older states out.
    if (newest !== undefined && (await this.readBackup(newest)) === text) {
      this.lastBackupAt = this.options.now().getTime()
      return
    }
    const target = path.join(this.backupsDir, this.backupName('plan'))
    await new DurableTextFile(target, this.options).write(text)
    this.lastBackupAt = this.options.now().getTime()
    const names = (await this.listBackups()).filter((name) => name.endsWith('-plan.json'))
    for (const name of names.slice(0, Math.max(0, names.length - this.options.maxBackups))) {
      await fsp.unlink(path.join(this.backupsDir, name)).catch(() => undefined)
    }
  }

  private async readBackup(name: string): Promise<string | null> {
    try {
      return await fsp.readFile(path.join(this.backupsDir, name), 'utf8')
    } catch {
      return null
    }
  }

  /**
   * Copies the file as it is (before a migration) into the backups folder, byte for byte, and
   * makes the copy durable before the migrated plan may replace the original.
   */
  private async copyAside(label: string): Promise<void> {
    await fsp.mkdir(this.backupsDir, { recursive: true })
    const target = path.join(this.backupsDir, this.backupName(label))
    await fsp.copyFile(this.file, target, fsConstants.COPYFILE_EXCL)
    const handle = await fsp.open(target, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  }

  private async newestGoodBackup(): Promise<{ file: string; plan: Plan } | null> {
    const names = await this.listBackups()
    for (const name of names.reverse()) {
      const file = path.join(this.backupsDir, name)
      try {
        const parsed = parsePlanText(await fsp.readFile(file, 'utf8'), this.chain, this.target)
        if (parsed.ok === true) return { file, plan: parsed.plan }
      } catch {
        // unreadable backup: try the next older one
      }
    }
    return null
  }
}
