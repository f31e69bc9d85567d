import * as fsp from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import type { Adapter } from 'lowdb'

/** The file operations the durable write needs; tests pass spies or failing versions. */
export interface FileOps {
  open(file: string, flags: string, mode?: number): Promise<WritableHandle>
  rename(from: string, to: string): Promise<void>
  unlink(file: string): Promise<void>
  readFile(file: string): Promise<Buffer>
}

export interface WritableHandle {
  writeFile(data: string | Uint8Array): Promise<void>
  sync(): Promise<void>
  close(): Promise<void>
}

export const nodeFileOps: FileOps = {
  open: (file, flags, mode) => fsp.open(file, flags, mode),
  rename: (from, to) => fsp.rename(from, to),
  unlink: (file) => fsp.unlink(file),
  readFile: (file) => fsp.readFile(file),
}

const RETRYABLE_RENAME = new Set(['EPERM', 'EBUSY', 'EACCES'])

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export interface DurableOptions {
  fileOps?: FileOps
  platform?: NodeJS.Platform
  /** Attempts for a rename that Windows refuses while a scanner or indexer holds the file. */
  renameAttempts?: number
}

/**
 * A text file written durably and atomically: a unique temp file beside the target, written and
 * fsynced, renamed over the target, then the folder fsynced (POSIX) so the rename survives a power
 * cut. A failure removes the temp file and leaves the target as it was. lowdb's own `TextFile`
 * (steno) uses a fixed temp name and never fsyncs, hence this adapter.
 */
export class DurableTextFile implements Adapter<string> {
  readonly filename: string
  private readonly ops: FileOps
  private readonly platform: NodeJS.Platform
  private readonly renameAttempts: number

  constructor(filename: string, options: DurableOptions = {}) {
    this.filename = filename
    this.ops = options.fileOps ?? nodeFileOps
    this.platform = options.platform ?? process.platform
    this.renameAttempts = options.renameAttempts ?? 8
  }

  async read(): Promise<string | null> {
    try {
      return (await this.ops.readFile(this.filename)).toString('utf8')
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null
      throw error
    }
  }

  async write(text: string): Promise<void> {
    const dir = path.dirname(this.filename)
    const temp = path.join(dir, tempName(this.filename))
    let handle: WritableHandle | undefined
    try {
      handle = await this.ops.open(temp, 'wx', 0o600)
      // One encode up front: Node writes a Buffer of a large plan in one go (about twice as fast
      // as handing it the string).
      await handle.writeFile(Buffer.from(text, 'utf8'))
      await handle.sync()
      await handle.close()
      handle = undefined
      await this.renameWithRetry(temp, this.filename)
    } catch (error) {
      if (handle) await handle.close().catch(() => undefined)
      await this.ops.unlink(temp).catch(() => undefined)
      throw error
    }
    await this.syncFolder(dir)
  }

  private async renameWithRetry(from: string, to: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.ops.rename(from, to)
        return
      } catch (error) {
        const retry =
          this.platform === 'win32' &&
          RETRYABLE_RENAME.has(errorCode(error) ?? '') &&
          attempt < this.renameAttempts
        if (!retry) throw error
        await sleep(Math.min(20 * 2 ** attempt, 500))
      }
    }
  }

  /**
   * Makes the rename itself durable. It runs after the rename landed, so a failure here (some file
   * systems refuse to fsync a folder) must not report the write as failed: the file already holds
   * the new content, and memory must keep matching it.
   */
  private async syncFolder(dir: string): Promise<void> {
    if (this.platform === 'win32') return // folders cannot be opened for fsync on Windows
    let handle: WritableHandle | undefined
    try {
      handle = await this.ops.open(dir, 'r')
      await handle.sync()
    } catch {
      // best effort, see above
    } finally {
      await handle?.close().catch(() => undefined)
    }
  }
}

/** `.<name>.<pid>.<12 hex>.tmp` beside the target: unique per write, and tells which process made it. */
export function tempName(target: string): string {
  return `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The pid that wrote a temp file of `target`, when `name` is one of ours; otherwise null. */
export function tempOwner(target: string, name: string): number | null {
  const pattern = new RegExp(`^\\.${escapeRegExp(path.basename(target))}\\.(\\d+)\\.[0-9a-f]{12}\\.tmp$`)
  const match = pattern.exec(name)
  return match ? Number(match[1]) : null
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return errorCode(error) === 'EPERM' // exists, owned by someone else
  }
}

/**
 * Removes temp files of `target` left by a writer that died mid-write (a crash or a kill between
 * creating the temp file and the rename). Only files of our own naming whose process is gone are
 * touched; the target itself never is. Returns the names removed.
 */
export async function removeStaleTemps(target: string): Promise<string[]> {
  const dir = path.dirname(target)
  const removed: string[] = []
  let names: string[]
  try {
    names = await fsp.readdir(dir)
  } catch {
    return removed
  }
  for (const name of names) {
    const pid = tempOwner(target, name)
    if (pid === null || processAlive(pid)) continue
    try {
      await fsp.unlink(path.join(dir, name))
      removed.push(name)
    } catch {
      // gone already or not ours to remove: leave it
    }
  }
  return removed
}
