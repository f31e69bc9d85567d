import { randomBytes } from 'node:crypto'
import * as fsp from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { PlanLockHolder } from '../../shared/domain'
import { removeStaleTemps, tempName } from './durableTextFile'

/**
 * One writer per plan file: `<plan>.lock` beside the file, holding who writes it.
 *
 * - Created atomically and complete: the content goes to a temp file first, which is then
 *   hard-linked to the lock name; `link` fails with EEXIST when a lock exists (the O_EXCL of
 *   `wx`, without a moment in which the lock exists but is empty). Where hard links are not
 *   supported (FAT, some shares) the lock is created with `wx` directly.
 * - Held by a live process (same host: `process.kill(pid, 0)` succeeds or says EPERM; our own
 *   pid only when this process really holds that lock, so a pid reused after a crash does not
 *   keep a dead lock alive): the plan opens read-only.
 * - From another host (we cannot check its pid): held while its modification time is younger than
 *   FOREIGN_STALE_MS. The holder touches the lock every HEARTBEAT_MS, so only a process that has
 *   not run for a day loses it (docs/decisions.md).
 * - Garbage content (not our JSON): held for GARBAGE_GRACE_MS (a `wx` fallback lock may be read
 *   before its content is written), stale after that.
 *
 * Replacing a stale lock safely. "Read it, see it is stale, unlink it, create ours" is not enough:
 * two processes A and B both read the stale lock L0; A unlinks it and creates L1; B, still acting
 * on what it read, unlinks L1 (A's live lock) and creates L2 — two writers. So:
 *
 * 1. The right to replace the stale lock with identity I (its token, or inode+size+mtime for
 *    garbage) is a claim file `<plan>.lock.claim-<I>-<g>`, created with `wx`: of the processes
 *    trying generation g, exactly one succeeds.
 * 2. Under the claim, the lock is read again; only if its identity is still I is it unlinked and
 *    our lock linked in (with EEXIST, so a process that created a fresh lock in between wins and
 *    we go round again). A lock with identity I can only disappear through a claim holder (its
 *    owner is dead), and identities are never reused, so a late process that gets a claim for I
 *    after the replacement finds another identity and backs off. In the example, B either fails
 *    to create the claim or finds L1 instead of L0: B never touches L1.
 * 3. A claim whose holder died before finishing would block the stale lock forever; the next
 *    process claims generation g+1 instead, and only when the holder of generation g is dead
 *    (a live claimer is waited for). Generations are only ever added while the previous holder is
 *    dead, so two live processes never hold claims for I at the same time.
 * 4. The winner removes claim files of dead processes once it holds the lock (never a live one's).
 */

export const HEARTBEAT_MS = 10 * 60 * 1000
export const FOREIGN_STALE_MS = 24 * 60 * 60 * 1000
export const GARBAGE_GRACE_MS = 5 * 1000
/** How long an open waits for another process that is replacing a stale lock right now. */
const RECOVERY_WAIT_MS = 3000

interface LockContent {
  pid: number
  hostname: string
  startedAt: string
  app: 'switchboard'
  token: string
}

/** Tokens of the locks and claims this process holds right now. */
const liveHere = new Set<string>()

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return errorCode(error) === 'EPERM' // exists, owned by another user
  }
}

function parseContent(text: string): LockContent | null {
  try {
    const value = JSON.parse(text) as Partial<LockContent> | null
    if (
      typeof value === 'object' &&
      value !== null &&
      value.app === 'switchboard' &&
      Number.isInteger(value.pid) &&
      typeof value.hostname === 'string' &&
      typeof value.startedAt === 'string' &&
      typeof value.token === 'string' &&
      /^[0-9a-f]{8,64}$/.test(value.token)
    )
      return value as LockContent
  } catch {
    // not JSON
  }
  return null
}

interface Observed {
  content: LockContent | null
  /** Stable name of exactly this lock file (never reused): its token, or inode+size+mtime. */
  identity: string
  mtimeMs: number
}

async function observe(file: string): Promise<Observed | null> {
  let handle: fsp.FileHandle
  try {
    handle = await fsp.open(file, 'r')
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null
    throw error
  }
  try {
    const stat = await handle.stat()
    const content = parseContent(await handle.readFile('utf8'))
    const identity = content?.token ?? `x${stat.ino}-${stat.size}-${Math.floor(stat.mtimeMs)}`
    return { content, identity, mtimeMs: stat.mtimeMs }
  } finally {
    await handle.close()
  }
}

/** Whether a lock (or claim) file belongs to a process that may still use it. */
function isLive(observed: Observed, now: number): boolean {
  const { content } = observed
  if (content === null) return now - observed.mtimeMs < GARBAGE_GRACE_MS
  if (content.hostname !== os.hostname()) return now - observed.mtimeMs < FOREIGN_STALE_MS
  if (content.pid === process.pid) return liveHere.has(content.token)
  return pidAlive(content.pid)
}

function holderOf(observed: Observed): PlanLockHolder {
  const { content } = observed
  return content === null
    ? { hostname: null, pid: null, since: new Date(observed.mtimeMs).toISOString() }
    : { hostname: content.hostname, pid: content.pid, since: content.startedAt }
}

function newContent(): LockContent {
  return {
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
    app: 'switchboard',
    token: randomBytes(16).toString('hex'),
  }
}

/** Creates `file` with `content` only if it does not exist; false when it does. */
async function createExclusive(file: string, content: LockContent): Promise<boolean> {
  const text = `${JSON.stringify(content)}\n`
  const temp = path.join(path.dirname(file), tempName(file))
  await fsp.writeFile(temp, text, { flag: 'wx' })
  try {
    await fsp.link(temp, file)
    return true
  } catch (error) {
    const code = errorCode(error)
    if (code === 'EEXIST') return false
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error
  } finally {
    await fsp.unlink(temp).catch(() => undefined)
  }
  // No hard links here: plain O_EXCL (readers give such a file GARBAGE_GRACE_MS to fill).
  try {
    await fsp.writeFile(file, text, { flag: 'wx' })
    return true
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false
    throw error
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function claimPattern(lockPath: string): RegExp {
  return new RegExp(`^${escapeRegExp(path.basename(lockPath))}\\.claim-([0-9a-zA-Z-]+)-(\\d+)$`)
}

type Recovery = 'replaced' | 'retry' | 'wait'

/** Replaces the stale lock `stale` with ours (see the comment at the top). */
async function recover(lockPath: string, stale: Observed, mine: LockContent): Promise<Recovery> {
  const dir = path.dirname(lockPath)
  const pattern = claimPattern(lockPath)
  let generation = 0
  for (const name of await fsp.readdir(dir)) {
    const match = pattern.exec(name)
    if (match?.[1] !== stale.identity) continue
    const claimGeneration = Number(match[2])
    if (claimGeneration < generation) continue
    const claim = await observe(path.join(dir, name))
    if (claim !== null && isLive(claim, Date.now())) return 'wait'
    generation = claimGeneration + 1
  }
  const claimPath = `${lockPath}.claim-${stale.identity}-${generation}`
  const claim = newContent()
  liveHere.add(claim.token)
  try {
    if (!(await createExclusive(claimPath, claim))) return 'retry'
    try {
      const again = await observe(lockPath)
      if (again !== null) {
        if (again.identity !== stale.identity) return 'retry'
        await fsp.unlink(lockPath).catch((error: unknown) => {
          if (errorCode(error) !== 'ENOENT') throw error
        })
      }
      liveHere.add(mine.token) // ours from the moment it can exist
      if (await createExclusive(lockPath, mine)) return 'replaced'
      liveHere.delete(mine.token)
      return 'retry'
    } finally {
      await fsp.unlink(claimPath).catch(() => undefined)
    }
  } finally {
    liveHere.delete(claim.token)
  }
}

/** Removes claim files (and lock temp files) of processes that are gone. */
async function removeDeadClaims(lockPath: string): Promise<void> {
  const dir = path.dirname(lockPath)
  const pattern = claimPattern(lockPath)
  for (const name of await fsp.readdir(dir).catch(() => [] as string[])) {
    if (!pattern.test(name)) continue
    const claim = await observe(path.join(dir, name)).catch(() => null)
    if (claim !== null && !isLive(claim, Date.now()))
      await fsp.unlink(path.join(dir, name)).catch(() => undefined)
  }
  await removeStaleTemps(lockPath)
  for (const name of await fsp.readdir(dir).catch(() => [] as string[])) {
    if (pattern.test(name)) await removeStaleTemps(path.join(dir, name))
  }
}

export class PlanLock {
  private heartbeat: NodeJS.Timeout | null = null
  private released = false

  private constructor(
    readonly file: string,
    private readonly token: string,
  ) {
    liveHere.add(token)
    // A foreign host sees the lock as held while it is younger than FOREIGN_STALE_MS.
    this.heartbeat = setInterval(() => {
      const now = new Date()
      void fsp.utimes(this.file, now, now).catch(() => undefined)
    }, HEARTBEAT_MS)
    this.heartbeat.unref()
  }

  /** The lock path of a plan file. */
  static pathFor(planFile: string): string {
    return `${planFile}.lock`
  }

  /** Takes the lock of `planFile`, or tells who holds it. */
  static async acquire(
    planFile: string,
  ): Promise<{ kind: 'acquired'; lock: PlanLock } | { kind: 'held'; holder: PlanLockHolder }> {
    const lockPath = PlanLock.pathFor(planFile)
    const mine = newContent()
    const deadline = Date.now() + RECOVERY_WAIT_MS
    for (;;) {
      liveHere.add(mine.token)
      if (await createExclusive(lockPath, mine)) break
      liveHere.delete(mine.token)
      const observed = await observe(lockPath)
      if (observed === null) continue // released in between: try again
      if (isLive(observed, Date.now())) return { kind: 'held', holder: holderOf(observed) }
      const recovered = await recover(lockPath, observed, mine)
      if (recovered === 'replaced') break
      if (Date.now() > deadline) return { kind: 'held', holder: holderOf(observed) }
      if (recovered === 'wait') await sleep(20)
    }
    const lock = new PlanLock(lockPath, mine.token)
    await removeDeadClaims(lockPath)
    return { kind: 'acquired', lock }
  }

  /** Removes the lock if it is still ours. Safe to call twice. */
  async release(): Promise<void> {
    if (this.released) return
    this.released = true
    if (this.heartbeat) clearInterval(this.heartbeat)
    this.heartbeat = null
    const observed = await observe(this.file).catch(() => null)
    // Only our own lock: a lock someone replaced (after a day without heartbeat) is theirs.
    if (observed?.content?.token === this.token) await fsp.unlink(this.file).catch(() => undefined)
    liveHere.delete(this.token)
  }
}
