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
  writeFile(data: string): Promise<void>
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
    const temp = path.join(
      dir,
      `.${path.basename(this.filename)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
    )
    let handle: WritableHandle | undefined
    try {
      handle = await this.ops.open(temp, 'wx', 0o600)
      await handle.writeFile(text)
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

  private async syncFolder(dir: string): Promise<void> {
    if (this.platform === 'win32') return // folders cannot be opened for fsync on Windows
    const handle = await this.ops.open(dir, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  }
}
