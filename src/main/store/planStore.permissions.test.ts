import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import * as fsp from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PlanStatus } from '../../shared/domain'
import type { Result } from '../../shared/result'
import { bundleChildScript } from './testing/bundle'
import { readFixture } from './testing/fixtures'
import { tempDirs } from './testing/tempDirs'

/**
 * RELIABILITY.md item 4: a read-only file or folder opens read-only. Root ignores file modes, so
 * the store runs in a child process as a non-root user: as ourselves when we are not root,
 * otherwise as `nobody` through runuser, setpriv, or (where neither exists) a Node child that
 * drops its uid with process.setuid before it loads the store.
 */
const run = promisify(execFile)
const NOBODY = 65534
const isRoot = process.getuid?.() === 0

function findTool(name: string): string | null {
  for (const dir of ['/usr/sbin', '/usr/bin', '/sbin', '/bin']) {
    if (existsSync(path.join(dir, name))) return path.join(dir, name)
  }
  return null
}

function nonRootCommand(script: string, file: string): { command: string; args: string[]; how: string } {
  if (!isRoot) return { command: process.execPath, args: [script, file], how: 'the current (non-root) user' }
  const runuser = findTool('runuser')
  if (runuser)
    return { command: runuser, args: ['-u', 'nobody', '--', process.execPath, script, file], how: 'runuser' }
  const setpriv = findTool('setpriv')
  if (setpriv) {
    return {
      command: setpriv,
      args: [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, script, file],
      how: 'setpriv',
    }
  }
  const drop = `process.setgroups([]);process.setgid(${NOBODY});process.setuid(${NOBODY});process.argv.splice(1,0,'probe');await import(${JSON.stringify(script)})`
  return { command: process.execPath, args: ['--input-type=module', '-e', drop, file], how: 'process.setuid' }
}

interface ProbeOutput {
  uid: number | null
  status: PlanStatus
  update: Result<unknown>
  accountName: string
}

async function probe(file: string): Promise<ProbeOutput> {
  const { command, args, how } = nonRootCommand(script, file)
  const { stdout } = await run(command, args, { timeout: 30_000 })
  const output = JSON.parse(stdout.trim()) as ProbeOutput
  expect(output.uid, `probe ran as ${how}`).not.toBe(0)
  return output
}

const dirs = tempDirs()
let base = ''
let script = ''

beforeAll(async () => {
  base = await dirs.make('perm')
  await fsp.chmod(base, 0o755) // the non-root user must reach the folders inside
  script = await bundleChildScript('readOnlyProbe', base)
  await fsp.chmod(script, 0o644)
})
afterAll(async () => {
  // Give write permission back so the cleanup can remove everything.
  for (const name of await fsp.readdir(base))
    await fsp.chmod(path.join(base, name), 0o755).catch(() => undefined)
  await dirs.cleanup()
})

/** A folder in `base` with `plan.json` holding `bytes` (or no file), owned by the probe's user. */
async function planFolder(name: string, bytes: Buffer | null, fileMode: number, folderMode: number) {
  const dir = path.join(base, name)
  await fsp.mkdir(dir)
  const file = path.join(dir, 'plan.json')
  if (bytes !== null) {
    await fsp.writeFile(file, bytes)
    if (isRoot) await fsp.chown(file, NOBODY, NOBODY)
    await fsp.chmod(file, fileMode)
  }
  if (isRoot) await fsp.chown(dir, NOBODY, NOBODY)
  await fsp.chmod(dir, folderMode)
  return { dir, file }
}

describe('without write permission the plan opens read-only and stays unchanged', () => {
  it('a 0444 file in a writable folder', async () => {
    const original = await readFixture('valid-v2')
    const { dir, file } = await planFolder('file-0444', original, 0o444, 0o755)
    const output = await probe(file)
    expect(output.status.readOnly).toBe('no_write_permission')
    expect(output.status.recovery).toBeNull()
    expect(output.accountName).toBe('Fixture GmbH')
    expect(output.update).toMatchObject({ ok: false, error: { code: 'read_only' } })
    expect(await fsp.readFile(file)).toEqual(original)
    expect(await fsp.readdir(dir)).toEqual(['plan.json'])
  })

  it('a file in a 0555 folder', async () => {
    const original = await readFixture('valid-v2')
    const { dir, file } = await planFolder('folder-0555', original, 0o644, 0o555)
    const output = await probe(file)
    expect(output.status.readOnly).toBe('no_write_permission')
    expect(output.update).toMatchObject({ ok: false, error: { code: 'read_only' } })
    expect(output.accountName).toBe('Fixture GmbH')
    expect(await fsp.readFile(file)).toEqual(original)
    expect(await fsp.readdir(dir)).toEqual(['plan.json'])
  })

  it('a version-1 file in a 0555 folder is migrated in memory only: nothing is written or copied', async () => {
    const original = await readFixture('valid-v1')
    const { dir, file } = await planFolder('v1-0555', original, 0o644, 0o555)
    const output = await probe(file)
    expect(output.status.readOnly).toBe('no_write_permission')
    expect(output.accountName).toBe('Fixture GmbH')
    expect(output.update).toMatchObject({ ok: false, error: { code: 'read_only' } })
    expect(await fsp.readFile(file)).toEqual(original)
    expect(await fsp.readdir(dir)).toEqual(['plan.json'])
  })

  it('a corrupt file in a 0555 folder is neither moved nor overwritten', async () => {
    const original = await readFixture('truncated')
    const { dir, file } = await planFolder('corrupt-0555', original, 0o644, 0o555)
    const output = await probe(file)
    expect(output.status.readOnly).toBe('no_write_permission')
    expect(output.status.recovery).toEqual({ keptAs: file, restoredFrom: null })
    expect(output.update).toMatchObject({ ok: false, error: { code: 'read_only' } })
    expect(await fsp.readFile(file)).toEqual(original)
    expect(await fsp.readdir(dir)).toEqual(['plan.json'])
  })

  it('no file in a 0555 folder: nothing is created', async () => {
    const { dir, file } = await planFolder('empty-0555', null, 0o644, 0o555)
    const output = await probe(file)
    expect(output.status.readOnly).toBe('no_write_permission')
    expect(output.update).toMatchObject({ ok: false, error: { code: 'read_only' } })
    expect(await fsp.readdir(dir)).toEqual([])
  })
})
