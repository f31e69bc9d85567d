import * as fsp from 'node:fs/promises'
import path from 'node:path'
import type { KnownPlan, Language, PlanStatus } from '../../shared/domain'
import { fail, ok } from '../../shared/result'
import type { Result } from '../../shared/result'
import type { PlanLibrary } from '../handlers'
import { DurableTextFile } from '../store/durableTextFile'
import { planSchema } from '../store/planFile'
import type { Plan } from '../store/planFile'
import { PlanLock } from '../store/planLock'
import { PlanStore, parsePlanText } from '../store/planStore'
import type { PlanStoreOptions } from '../store/planStore'
import { MAX_FILE_NAME, buildNewPlan, fileNameFor, planFileName } from './newPlan'
import type { NewPlanInput } from './newPlan'
import { RecentPlans } from './recentPlans'
import { t } from './workspaceMessages'

/** The native file dialogs the Electron shell lends the workspace; absent in the browser bridge. */
export interface PlanDialogs {
  /** The Open dialog, starting in `folder`: the chosen plan file, or null when cancelled. */
  chooseOpen(folder: string): Promise<string | null>
  /** The Save dialog (it asks before replacing a file): the chosen path, or null when cancelled. */
  chooseSave(suggestedPath: string): Promise<string | null>
}

export interface WorkspaceOptions {
  /** The data folder: the default plan, `recent-plans.json` and `plans/` live there. */
  dataDir: string
  /** How plans are opened (the language of a plan created because its file is missing, test clocks…). */
  storeOptions?: PlanStoreOptions
  dialogs?: PlanDialogs
  now?: () => Date
}

export const RECENT_FILE = 'recent-plans.json'
export const PLANS_FOLDER = 'plans'

/** Compact JSON, line-final, as the plan store writes it. */
const serialize = (plan: Plan): string => `${JSON.stringify(plan)}\n`

const reasonOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : error instanceof Error
      ? error.message
      : String(error)

async function exists(file: string): Promise<boolean> {
  try {
    await fsp.lstat(file)
    return true
  } catch {
    return false
  }
}

interface Peek {
  mtimeMs: number
  size: number
  accountName: string | null
}

/**
 * The plan files the person works with, and the one open now. Owns the open `PlanStore` and
 * switches it: the new plan is opened first (it may come up read-only: locked elsewhere, written by
 * a newer version…), then the old one is closed (its lock released). Every switch starts with an
 * empty undo history (it belongs to a store) and is recorded in the recent list. The backend reads
 * `store` on every call, so handlers always work on the open plan.
 */
export class Workspace implements PlanLibrary {
  readonly dataDir: string
  readonly plansDir: string
  readonly recent: RecentPlans
  private current: PlanStore
  private readonly options: WorkspaceOptions
  private readonly now: () => Date
  /** Switches run one at a time. */
  private queue: Promise<unknown> = Promise.resolve()
  /** Account names of plan files, read once per file version (size and mtime). */
  private readonly peeks = new Map<string, Peek>()
  private readonly switchListeners: ((store: PlanStore) => void)[] = []

  constructor(store: PlanStore, options: WorkspaceOptions) {
    this.current = store
    this.options = options
    this.dataDir = path.resolve(options.dataDir)
    this.plansDir = path.join(this.dataDir, PLANS_FOLDER)
    this.recent = new RecentPlans(path.join(this.dataDir, RECENT_FILE))
    this.now = options.now ?? options.storeOptions?.now ?? (() => new Date())
  }

  /** Opens `file` as the first plan and records it as recent. */
  static async open(file: string, options: WorkspaceOptions): Promise<Workspace> {
    const store = await PlanStore.open(file, options.storeOptions)
    const workspace = new Workspace(store, options)
    await workspace.rememberQuietly(store.file)
    return workspace
  }

  /** The plan open now. */
  get store(): PlanStore {
    return this.current
  }

  get hasDialogs(): boolean {
    return this.options.dialogs !== undefined
  }

  /** Called after every switch with the new store (the shell keeps it to release its lock on quit). */
  onSwitch(listener: (store: PlanStore) => void): void {
    this.switchListeners.push(listener)
  }

  async known(): Promise<KnownPlan[]> {
    const recent = await this.recent.list()
    const currentFile = this.current.file
    const entries: { path: string; openedAt: string | null }[] = [...recent]
    const listed = new Set(entries.map((entry) => entry.path))
    if (!listed.has(currentFile)) {
      entries.unshift({ path: currentFile, openedAt: null })
      listed.add(currentFile)
    }
    for (const name of await this.plansFolderFiles()) {
      const file = path.join(this.plansDir, name)
      if (!listed.has(file)) {
        entries.push({ path: file, openedAt: null })
        listed.add(file)
      }
    }
    return Promise.all(
      entries.map(async (entry): Promise<KnownPlan> => {
        const current = entry.path === currentFile
        const accountName = current ? this.current.plan.account.name : await this.peekAccountName(entry.path)
        return {
          path: entry.path,
          fileName: path.basename(entry.path).replace(/\.json$/i, ''),
          accountName,
          openedAt: entry.openedAt,
          current,
          available: current || accountName !== null,
        }
      }),
    )
  }

  async chooseToOpen(): Promise<string | null> {
    const dialogs = this.options.dialogs
    if (!dialogs) return null
    await fsp.mkdir(this.plansDir, { recursive: true })
    return dialogs.chooseOpen(this.plansDir)
  }

  /**
   * Opens a plan the person picked: `file` must be one of `known()`; without it the native Open
   * dialog asks (null data when cancelled). A file that is not a plan is refused and left as it is.
   */
  open(language: Language, file?: string): Promise<Result<PlanStatus | null>> {
    return this.serial(async () => {
      let target: string
      if (file === undefined) {
        if (!this.options.dialogs) return fail('validation', t(language, 'plans.pathRequired'), 'path')
        const chosen = await this.chooseToOpen()
        if (chosen === null) return ok(null)
        target = path.resolve(chosen)
      } else {
        const known = (await this.known()).find((plan) => plan.path === file)
        if (!known) return fail('not_found', t(language, 'plans.notKnown'), 'path')
        target = known.path
      }
      if (target === this.current.file) return ok(this.current.status())
      const name = path.basename(target)
      let text: string
      try {
        text = await fsp.readFile(target, 'utf8')
      } catch {
        return fail('not_found', t(language, 'plans.unavailable', { value: name }), 'path')
      }
      // The store would move an unusable file aside and start a new plan there: not for a file
      // someone picked to open.
      if (parsePlanText(text).ok === false)
        return fail('validation', t(language, 'plans.notAPlan', { value: name }), 'path')
      return ok(await this.switchTo(target))
    })
  }

  /**
   * Creates a plan from the wizard's values and opens it. With native dialogs the Save dialog asks
   * where (null data when cancelled); otherwise it goes into the plans folder, named after the
   * account (or `fileName`; an existing name is then refused at that field).
   */
  create(language: Language, input: NewPlanInput): Promise<Result<PlanStatus | null>> {
    return this.serial(async () => {
      const built = buildNewPlan(language, input)
      if (!built.ok) return built
      const checked = planSchema.safeParse(built.data)
      if (!checked.success) throw new Error(`The new plan is invalid: ${checked.error.message}`)
      const target = await this.targetFor(language, input.fileName, fileNameFor(built.data.account.name))
      if (!target.ok) return target
      if (target.data === null) return ok(null)
      return this.writeAndOpen(language, target.data, checked.data)
    })
  }

  /**
   * Writes the open plan's current state to a new file and continues there (the old file stays as
   * it was last saved, and is released). Native Save dialog when there is one, else `fileName` in
   * the plans folder.
   */
  saveAs(language: Language, fileName?: string): Promise<Result<PlanStatus | null>> {
    return this.serial(async () => {
      if (this.current.status().readOnly === 'newer_version')
        return fail('read_only', t(language, 'plans.newerVersion'))
      const suggested = `${path.basename(this.current.file, '.json')} 2.json`
      const target = await this.targetFor(language, fileName, suggested)
      if (!target.ok) return target
      if (target.data === null) return ok(null)
      if (target.data === this.current.file) return ok(this.current.status())
      return this.writeAndOpen(language, target.data, this.current.plan)
    })
  }

  /** Releases the open plan's lock (app quit, bridge close). */
  close(): Promise<void> {
    return this.serial(() => this.current.close())
  }

  /**
   * Where a new file goes: the Save dialog's choice, or the plans folder. A name the person typed
   * must be free; a name made from the account gets " 2", " 3"… until it is.
   */
  private async targetFor(
    language: Language,
    typed: string | undefined,
    suggested: string,
  ): Promise<Result<string | null>> {
    await fsp.mkdir(this.plansDir, { recursive: true })
    if (typed === undefined && this.options.dialogs) {
      const chosen = await this.options.dialogs.chooseSave(path.join(this.plansDir, suggested))
      if (chosen === null) return ok(null)
      const resolved = path.resolve(chosen)
      return ok(resolved.toLowerCase().endsWith('.json') ? resolved : `${resolved}.json`)
    }
    if (typed !== undefined) {
      const name = planFileName(typed)
      if (name === null)
        return fail(
          'validation',
          t(language, 'plans.fileNameInvalid', { value: typed, max: MAX_FILE_NAME }),
          'fileName',
        )
      const file = path.join(this.plansDir, name)
      if (await exists(file))
        return fail(
          'conflict',
          t(language, 'plans.fileExists', { value: name.replace(/\.json$/, '') }),
          'fileName',
        )
      return ok(file)
    }
    const base = suggested.replace(/\.json$/, '')
    for (let n = 1; ; n++) {
      const file = path.join(this.plansDir, n === 1 ? `${base}.json` : `${base} ${n}.json`)
      if (!(await exists(file))) return ok(file)
    }
  }

  /**
   * Writes `plan` to `file` under the file's lock (a plan open in another window is never
   * replaced), then opens it as the plan.
   */
  private async writeAndOpen(language: Language, file: string, plan: Plan): Promise<Result<PlanStatus>> {
    const name = path.basename(file)
    let locking: Awaited<ReturnType<typeof PlanLock.acquire>>
    try {
      locking = await PlanLock.acquire(file)
    } catch (error) {
      return fail('storage', t(language, 'plans.writeFailed', { value: name, reason: reasonOf(error) }))
    }
    if (locking.kind === 'held')
      return fail('conflict', t(language, 'plans.fileLocked', { value: name }), 'fileName')
    try {
      await new DurableTextFile(file, this.options.storeOptions).write(serialize(plan))
    } catch (error) {
      return fail('storage', t(language, 'plans.writeFailed', { value: name, reason: reasonOf(error) }))
    } finally {
      await locking.lock.release()
    }
    return ok(await this.switchTo(file))
  }

  /** Opens `file` (first), closes the plan open before (then), and records `file` as recent. */
  private async switchTo(file: string): Promise<PlanStatus> {
    const next = await PlanStore.open(file, this.options.storeOptions)
    const previous = this.current
    this.current = next
    await previous.close()
    // The plan left is recent too (it may have been the first one, never recorded), then the new one.
    await this.rememberQuietly(previous.file)
    await this.rememberQuietly(file)
    for (const listener of this.switchListeners) listener(next)
    return next.status()
  }

  /** The recent list is a convenience: a failure to write it never fails the open. */
  private async rememberQuietly(file: string): Promise<void> {
    try {
      await this.recent.remember(file, this.now())
    } catch (error) {
      console.error('[recent plans]', error)
    }
  }

  private async plansFolderFiles(): Promise<string[]> {
    try {
      const names = await fsp.readdir(this.plansDir)
      return names.filter((name) => name.toLowerCase().endsWith('.json') && !name.startsWith('.')).sort()
    } catch {
      return []
    }
  }

  /** The account name inside a plan file, or null when it is gone or not a plan. */
  private async peekAccountName(file: string): Promise<string | null> {
    try {
      const stat = await fsp.stat(file)
      if (!stat.isFile()) return null
      const cached = this.peeks.get(file)
      if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.accountName
      const parsed = parsePlanText(await fsp.readFile(file, 'utf8'))
      const accountName = parsed.ok === false ? null : (parsed.plan?.account.name ?? null)
      this.peeks.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, accountName })
      return accountName
    } catch {
      return null
    }
  }

  private serial<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run)
    this.queue = next.catch(() => undefined)
    return next
  }
}
