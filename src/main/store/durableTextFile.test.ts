import { spawnSync } from 'node:child_process'
import * as fsp from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DurableTextFile, nodeFileOps, removeStaleTemps, tempOwner } from './durableTextFile'
import type { FileOps, WritableHandle } from './durableTextFile'
import { tempDirs, tempFilesIn } from './testing/tempDirs'

const dirs = tempDirs()
afterEach(() => dirs.cleanup())

function codeError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code })
}

/** Real file operations that record every call as `<op> <name>` (names relative to the folder). */
function spyOps(
  dir: string,
  overrides: { rename?: (from: string, to: string, attempt: number) => Promise<void> } = {},
) {
  const calls: string[] = []
  const name = (file: string) => (file === dir ? '<folder>' : path.relative(dir, file))
  let renames = 0
  const wrap = (file: string, handle: WritableHandle): WritableHandle => ({
    writeFile: async (data) => {
      calls.push(`writeFile ${name(file)}`)
      await handle.writeFile(data)
    },
    sync: async () => {
      calls.push(`sync ${name(file)}`)
      await handle.sync()
    },
    close: async () => {
      calls.push(`close ${name(file)}`)
      await handle.close()
    },
  })
  const ops: FileOps = {
    open: async (file, flags, mode) => {
      calls.push(`open ${name(file)} ${flags}`)
      return wrap(file, await nodeFileOps.open(file, flags, mode))
    },
    rename: async (from, to) => {
      renames += 1
      calls.push(`rename ${name(from)} -> ${name(to)}`)
      if (overrides.rename) return overrides.rename(from, to, renames)
      return nodeFileOps.rename(from, to)
    },
    unlink: async (file) => {
      calls.push(`unlink ${name(file)}`)
      return nodeFileOps.unlink(file)
    },
    readFile: (file) => nodeFileOps.readFile(file),
  }
  return { ops, calls, renames: () => renames }
}

/** Replaces the varying temp name in recorded calls by `<temp>` and returns the temp names seen. */
function normalise(calls: string[]): { steps: string[]; temps: string[] } {
  const temps = new Set<string>()
  const steps = calls.map((call) =>
    call.replace(/\.plan\.json\.\d+\.[0-9a-f]{12}\.tmp/g, (temp) => {
      temps.add(temp)
      return '<temp>'
    }),
  )
  return { steps, temps: [...temps] }
}

describe('DurableTextFile.write', () => {
  it('on POSIX: temp file written, fsynced, closed, renamed over the target, then the folder fsynced', async () => {
    const dir = await dirs.make()
    const target = path.join(dir, 'plan.json')
    const spy = spyOps(dir)
    const file = new DurableTextFile(target, { fileOps: spy.ops, platform: 'linux' })

    await file.write('first')
    const first = normalise(spy.calls.splice(0))
    await file.write('second')
    const second = normalise(spy.calls.splice(0))

    const expected = [
      'open <temp> wx',
      'writeFile <temp>',
      'sync <temp>',
      'close <temp>',
      'rename <temp> -> plan.json',
      'open <folder> r',
      'sync <folder>',
      'close <folder>',
    ]
    expect(first.steps).toEqual(expected)
    expect(second.steps).toEqual(expected)
    // A unique temp name per write, in the target's own folder (so the rename is atomic).
    expect(first.temps).toHaveLength(1)
    expect(second.temps).toHaveLength(1)
    expect(first.temps[0]).not.toBe(second.temps[0])
    expect(tempOwner(target, first.temps[0] ?? '')).toBe(process.pid)
    expect(await fsp.readFile(target, 'utf8')).toBe('second')
    expect(await tempFilesIn(dir)).toEqual([])
  })

  it('on Windows: the same order without the folder fsync', async () => {
    const dir = await dirs.make()
    const target = path.join(dir, 'plan.json')
    const spy = spyOps(dir)
    await new DurableTextFile(target, { fileOps: spy.ops, platform: 'win32' }).write('content')
    expect(normalise(spy.calls).steps).toEqual([
      'open <temp> wx',
      'writeFile <temp>',
      'sync <temp>',
      'close <temp>',
      'rename <temp> -> plan.json',
    ])
    expect(await fsp.readFile(target, 'utf8')).toBe('content')
  })

  it('on Windows retries a rename refused with EBUSY and then succeeds', async () => {
    const dir = await dirs.make()
    const target = path.join(dir, 'plan.json')
    await fsp.writeFile(target, 'old')
    const spy = spyOps(dir, {
      rename: async (from, to, attempt) => {
        if (attempt <= 2) throw codeError('EBUSY')
        await nodeFileOps.rename(from, to)
      },
    })
    await new DurableTextFile(target, { fileOps: spy.ops, platform: 'win32' }).write('new')
    expect(spy.renames()).toBe(3)
    expect(await fsp.readFile(target, 'utf8')).toBe('new')
    expect(await tempFilesIn(dir)).toEqual([])
  })

  it('on Windows gives up after a bounded number of EBUSY renames, removes the temp file and keeps the target', async () => {
    const dir = await dirs.make()
    const target = path.join(dir, 'plan.json')
    await fsp.writeFile(target, 'old')
    const spy = spyOps(dir, {
      rename: () => Promise.reject(codeError('EBUSY')),
    })
    const file = new DurableTextFile(target, { fileOps: spy.ops, platform: 'win32', renameAttempts: 4 })
    await expect(file.write('new')).rejects.toMatchObject({ code: 'EBUSY' })
    expect(spy.renames()).toBe(4)
    expect(normalise(spy.calls).steps.at(-1)).toBe('unlink <temp>')
    expect(await fsp.readFile(target, 'utf8')).toBe('old')
    expect(await tempFilesIn(dir)).toEqual([])
  })

  it('on POSIX does not retry a refused rename', async () => {
    const dir = await dirs.make()
    const target = path.join(dir, 'plan.json')
    await fsp.writeFile(target, 'old')
    const spy = spyOps(dir, { rename: () => Promise.reject(codeError('EBUSY')) })
    await expect(
      new DurableTextFile(target, { fileOps: spy.ops, platform: 'linux' }).write('new'),
    ).rejects.toMatchObject({ code: 'EBUSY' })
    expect(spy.renames()).toBe(1)
    expect(await fsp.readFile(target, 'utf8')).toBe('old')
    expect(await tempFilesIn(dir)).toEqual([])
  })

  it.each(['writeFile', 'sync'] as const)('removes the temp file when %s fails', async (failing) => {
    const dir = await dirs.make()
    const target = path.join(dir, 'plan.json')
    await fsp.writeFile(target, 'old')
    const ops: FileOps = {
      ...nodeFileOps,
      open: async (file, flags, mode) => {
        const handle = await nodeFileOps.open(file, flags, mode)
        return {
          writeFile: (data) =>
            failing === 'writeFile' ? Promise.reject(codeError('EIO')) : handle.writeFile(data),
          sync: () => (failing === 'sync' ? Promise.reject(codeError('EIO')) : handle.sync()),
          close: () => handle.close(),
        }
      },
    }
    await expect(new DurableTextFile(target, { fileOps: ops }).write('new')).rejects.toMatchObject({
      code: 'EIO',
    })
    expect(await fsp.readFile(target, 'utf8')).toBe('old')
    expect(await tempFilesIn(dir)).toEqual([])
  })

  it('reports success once the rename landed even if the folder cannot be fsynced', async () => {
    const dir = await dirs.make()
    const target = path.join(dir, 'plan.json')
    const ops: FileOps = {
      ...nodeFileOps,
      open: (file, flags, mode) =>
        file === dir ? Promise.reject(codeError('EINVAL')) : nodeFileOps.open(file, flags, mode),
    }
    await new DurableTextFile(target, { fileOps: ops, platform: 'linux' }).write('landed')
    expect(await fsp.readFile(target, 'utf8')).toBe('landed')
  })

  it('reads null for a missing file', async () => {
    const dir = await dirs.make()
    expect(await new DurableTextFile(path.join(dir, 'missing.json')).read()).toBeNull()
  })
})

describe('removeStaleTemps', () => {
  it('removes temp files of dead writers of this target only', async () => {
    const dir = await dirs.make()
    const target = path.join(dir, 'plan.json')
    // A pid that surely belongs to no running process: a child that has exited.
    const deadPid = spawnSync(process.execPath, ['-e', '0']).pid
    expect(deadPid).toBeGreaterThan(0)
    const stale = `.plan.json.${deadPid}.0123456789ab.tmp`
    const ours = `.plan.json.${process.pid}.0123456789ab.tmp`
    const otherTarget = `.other.json.${deadPid}.0123456789ab.tmp`
    const foreign = 'notes.tmp'
    for (const name of [stale, ours, otherTarget, foreign]) await fsp.writeFile(path.join(dir, name), 'x')
    await fsp.writeFile(target, 'plan')

    expect(await removeStaleTemps(target)).toEqual([stale])
    expect((await fsp.readdir(dir)).sort()).toEqual([ours, otherTarget, 'notes.tmp', 'plan.json'].sort())
    expect(await fsp.readFile(target, 'utf8')).toBe('plan')
  })
})
