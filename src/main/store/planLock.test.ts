import { spawn } from 'node:child_process'
import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import * as fsp from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { PlanStatus } from '../../shared/domain'
import { ok } from '../../shared/result'
import { PlanLock } from './planLock'
import { PlanStore } from './planStore'
import { bundleChildScript } from './testing/bundle'
import { tempDirs } from './testing/tempDirs'

/** A child process holding a PlanStore on a plan file (testing/lockHolder.ts). */
interface Holder {
  child: ChildProcessWithoutNullStreams
  status: PlanStatus
  /** The next line starting with `word`, without it. */
  next(word: string): Promise<string>
  send(line: string): void
}

const dirs = tempDirs()
let script = ''
const children: ChildProcessWithoutNullStreams[] = []

beforeAll(async () => {
  script = await bundleChildScript('lockHolder', await dirs.make('lock-bundle'))
})
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL')
})
afterAll(() => dirs.cleanup())

async function startHolder(file: string): Promise<Holder> {
  const child = spawn(process.execPath, [script, file], { stdio: ['pipe', 'pipe', 'pipe'] })
  children.push(child)
  const lines: string[] = []
  const waiting: (() => void)[] = []
  let buffered = ''
  let stderr = ''
  child.stdout.setEncoding('utf8')
  child.stdout.on('data', (chunk: string) => {
    buffered += chunk
    let newline: number
    while ((newline = buffered.indexOf('\n')) >= 0) {
      lines.push(buffered.slice(0, newline))
      buffered = buffered.slice(newline + 1)
    }
    for (const wake of waiting.splice(0)) wake()
  })
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (chunk: string) => (stderr += chunk))
  const next = async (word: string): Promise<string> => {
    const deadline = Date.now() + 20_000
    for (;;) {
      const index = lines.findIndex((line) => line.startsWith(`${word} `) || line === word)
      if (index >= 0) return (lines.splice(index, 1)[0] ?? '').slice(word.length + 1)
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`no "${word}" from child: ${stderr}`)
      await new Promise<void>((resolve) => {
        waiting.push(resolve)
        setTimeout(resolve, 100)
      })
    }
  }
  const status = JSON.parse(await next('status')) as PlanStatus
  return { child, status, next, send: (line) => child.stdin.write(`${line}\n`) }
}

async function newPlan(): Promise<string> {
  const file = path.join(await dirs.make('lock'), 'plan.json')
  const store = await PlanStore.open(file, { language: 'en' })
  await store.close()
  return file
}

const exited = (child: ChildProcessWithoutNullStreams): Promise<void> =>
  new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.on('close', () => resolve()),
  )

describe('one writer per plan file', { timeout: 60_000 }, () => {
  it('a second process opens read-only (locked), its writes are refused and the file is intact', async () => {
    const file = await newPlan()
    const first = await startHolder(file)
    expect(first.status.readOnly).toBeNull()
    first.send('write first')
    expect(await first.next('wrote')).toBe('ok')
    const lock = JSON.parse(await fsp.readFile(PlanLock.pathFor(file), 'utf8')) as Record<string, unknown>
    expect(lock).toMatchObject({ pid: first.child.pid, hostname: os.hostname(), app: 'switchboard' })

    const before = await fsp.readFile(file)
    const second = await startHolder(file)
    expect(second.status.readOnly).toBe('locked')
    expect(second.status.lockedBy).toMatchObject({ hostname: os.hostname(), pid: first.child.pid })
    expect(second.status.lockedBy?.since).toBe(lock.startedAt)
    second.send('write second')
    expect(await second.next('wrote')).toBe('read_only')
    expect(await fsp.readFile(file)).toEqual(before)

    // In this process as well: the lock is per store, not per process.
    const third = await PlanStore.open(file)
    expect(third.status().readOnly).toBe('locked')
    expect(third.plan.account.name).toBe('first')

    first.send('close')
    await first.next('closed')
    await expect(fsp.access(PlanLock.pathFor(file))).rejects.toThrow()
    const after = await PlanStore.open(file, { language: 'en' })
    expect(after.status().readOnly).toBeNull()
    const written = await after.update('en', (draft) => {
      draft.account.name = 'after'
      return ok(null)
    })
    expect(written.ok).toBe(true)
    await after.close()
    second.send('close')
    await second.next('closed')
  })

  it('recovers the stale lock of a SIGKILLed process', async () => {
    const file = await newPlan()
    const killed = await startHolder(file)
    expect(killed.status.readOnly).toBeNull()
    killed.child.kill('SIGKILL')
    await exited(killed.child)
    const stale = await fsp.readFile(PlanLock.pathFor(file), 'utf8')
    expect(stale).toContain(`"pid":${killed.child.pid}`)

    const store = await PlanStore.open(file)
    expect(store.status().readOnly).toBeNull()
    expect(await fsp.readFile(PlanLock.pathFor(file), 'utf8')).toContain(`"pid":${process.pid}`)
    await store.close()
    expect((await fsp.readdir(path.dirname(file))).filter((name) => name.includes('.lock'))).toEqual([])
  })

  it('recovers garbage lock content once it is a few seconds old, not before', async () => {
    const file = await newPlan()
    const lockPath = PlanLock.pathFor(file)
    await fsp.writeFile(lockPath, 'not a lock\u0000')
    const young = await PlanStore.open(file)
    expect(young.status().readOnly).toBe('locked')
    const old = new Date(Date.now() - 60_000)
    await fsp.utimes(lockPath, old, old)
    const store = await PlanStore.open(file)
    expect(store.status().readOnly).toBeNull()
    await store.close()
  })

  it('a live lock from another host is held; one older than a day is recovered', async () => {
    const file = await newPlan()
    const lockPath = PlanLock.pathFor(file)
    const foreign = {
      pid: 1,
      hostname: `${os.hostname()}-other`,
      startedAt: '2026-01-01T08:00:00.000Z',
      app: 'switchboard',
      token: 'ab'.repeat(16),
    }
    await fsp.writeFile(lockPath, JSON.stringify(foreign))
    const held = await PlanStore.open(file)
    expect(held.status()).toMatchObject({
      readOnly: 'locked',
      lockedBy: { hostname: foreign.hostname, since: foreign.startedAt },
    })
    const old = new Date(Date.now() - 25 * 60 * 60 * 1000)
    await fsp.utimes(lockPath, old, old)
    const store = await PlanStore.open(file)
    expect(store.status().readOnly).toBeNull()
    await store.close()
  })

  it('two processes racing to recover one stale lock: exactly one becomes the writer', async () => {
    for (let round = 0; round < 3; round++) {
      const file = await newPlan()
      const killed = await startHolder(file)
      killed.child.kill('SIGKILL')
      await exited(killed.child)
      const racers = await Promise.all([startHolder(file), startHolder(file), startHolder(file)])
      const writers = racers.filter((racer) => racer.status.readOnly === null)
      expect(writers).toHaveLength(1)
      for (const racer of racers)
        if (racer.status.readOnly !== null) expect(racer.status.readOnly).toBe('locked')
      const lock = await fsp.readFile(PlanLock.pathFor(file), 'utf8')
      expect(lock).toContain(`"pid":${writers[0]?.child.pid}`)
      for (const racer of racers) racer.child.kill('SIGKILL')
    }
  })

  it('the same process can open a plan again after closing it', async () => {
    const file = await newPlan()
    const first = await PlanStore.open(file)
    expect(first.status().readOnly).toBeNull()
    await first.close()
    const refused = await first.update('en', () => ok(null))
    expect(refused.ok).toBe(false)
    const second = await PlanStore.open(file)
    expect(second.status().readOnly).toBeNull()
    await second.close()
    await second.close()
  })
})
