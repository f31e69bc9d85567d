import { readFile, writeFile } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { PlanStatus, User } from '../../shared/domain'
import { createBackend, createBackendWith } from '../backend'
import { Session } from '../session'
import { PlanStore } from '../store/planStore'
import { tempPlanPath } from '../testing/generatePlan'

let temp: Awaited<ReturnType<typeof tempPlanPath>>
beforeEach(async () => {
  temp = await tempPlanPath()
})
afterEach(async () => {
  await temp.remove()
})

describe('app and session channels', () => {
  it('app:status names the plan file and account; a new plan is writable and not recovered', async () => {
    const backend = await createBackend(temp.file, 'de')
    const status = await backend.call('app:status', {})
    expect(status.ok && (status.data as PlanStatus)).toEqual({
      path: temp.file,
      accountName: 'Meine Firma',
      readOnly: null,
      recovery: null,
    })
  })

  it('app:setLanguage switches the language of every message main sends', async () => {
    const backend = await createBackend(temp.file, 'en')
    const english = await backend.call('users:delete', { id: 'missing' })
    expect(!english.ok && english.error.message).toBe('This user no longer exists.')
    expect((await backend.call('app:setLanguage', { language: 'de' })).ok).toBe(true)
    const german = await backend.call('users:delete', { id: 'missing' })
    expect(!german.ok && german.error.message).toBe('Diesen Benutzer gibt es nicht mehr.')
    const refused = await backend.call('app:setLanguage', { language: 'fr' })
    expect(!refused.ok && refused.error).toMatchObject({ code: 'validation', field: 'language' })
    expect(backend.session.language).toBe('de')
  })

  it('session:actingUser is the first admin of the plan', async () => {
    const backend = await createBackend(temp.file, 'en')
    const acting = await backend.call('session:actingUser', {})
    expect(acting.ok && (acting.data as User)).toMatchObject({
      firstName: 'Anna',
      lastName: 'Schmidt',
      admin: true,
    })
  })

  it('a plan from a newer version without readable users answers clearly and changes nothing', async () => {
    await writeFile(temp.file, '{"schemaVersion": 99, "future": true}\n')
    const backend = await createBackend(temp.file, 'en')
    const acting = await backend.call('session:actingUser', {})
    expect(!acting.ok && acting.error).toEqual({
      code: 'not_found',
      message: 'This plan has no users Switchboard can act as.',
    })
    const created = await backend.call('users:create', {
      firstName: 'Clara',
      lastName: 'Berg',
      email: 'clara@example.com',
      language: 'en',
      admin: true,
      permissions: { telephony: false, fax: false },
    })
    expect(!created.ok && created.error.code).toBe('read_only')
    expect(await readFile(temp.file, 'utf8')).toBe('{"schemaVersion": 99, "future": true}\n')
  })

  it('session:switch acts as another user; one with a password needs it, and wrong ones wait longer each time', async () => {
    const delays: number[] = []
    const store = await PlanStore.open(temp.file, { language: 'en' })
    const session = new Session('en', {
      passwordParams: { N: 1024, r: 8, p: 1 },
      sleep: async (ms) => void delays.push(ms),
    })
    const backend = createBackendWith(store, session)
    const [anna, ben] = store.plan.users
    const switched = await backend.call('session:switch', { userId: ben!.id })
    expect(switched.ok && (switched.data as User).firstName).toBe('Ben')
    const acting = await backend.call('session:actingUser', {})
    expect(acting.ok && (acting.data as User).id).toBe(ben!.id)
    expect((await backend.call('users:setPassword', { id: ben!.id, password: 'ben password' })).ok).toBe(true)
    expect((await backend.call('session:switch', { userId: anna!.id })).ok).toBe(true)
    const missing = await backend.call('session:switch', { userId: ben!.id })
    expect(!missing.ok && missing.error).toMatchObject({ code: 'forbidden', field: 'password' })
    const wrong = await backend.call('session:switch', { userId: ben!.id, password: 'not it at all' })
    expect(!wrong.ok && wrong.error.code).toBe('forbidden')
    expect(delays).toEqual([500, 1000])
    const right = await backend.call('session:switch', { userId: ben!.id, password: 'ben password' })
    expect(right.ok && (right.data as User).id).toBe(ben!.id)
  })
})
