import { readFile } from 'node:fs/promises'
import { beforeEach, describe, expect, it } from 'vitest'
import type { ChannelName } from '../../shared/channels'
import { contract } from '../../shared/contract'
import type { ChannelInput, ChannelOutput } from '../../shared/contract'
import type { User } from '../../shared/domain'
import type { Result } from '../../shared/result'
import { appHandlers } from '../app/appHandlers'
import type { Handler, HandlerContext } from '../handlers'
import { Session } from '../session'
import { expectError, expectOk, fileBytes, openTestPlan } from '../testing/planFixture'
import { verifyPassword } from './passwords'
import { usersHandlers } from './usersHandlers'

/**
 * The asynchronous flows (hashing, checking passwords, switching the acting user) through the
 * handlers, on a real plan file. Passwords use cheap scrypt parameters and the session records its
 * delays instead of sleeping, so the tests stay fast; one test proves the real delay.
 */

const FAST = { N: 2 ** 10, r: 8, p: 1 }
const handlers = { ...usersHandlers, ...appHandlers }
type Channel = keyof typeof handlers & ChannelName

let context: HandlerContext
let delays: number[]

beforeEach(async () => {
  delays = []
  const store = await openTestPlan()
  const session = new Session('en', {
    passwordParams: FAST,
    sleep: async (ms) => {
      delays.push(ms)
    },
  })
  context = { store, session }
})

async function call<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
): Promise<Result<ChannelOutput<C>>> {
  const parsed = contract[channel].input.parse(input)
  const handler = handlers[channel] as unknown as Handler<C>
  return handler(parsed as never, context)
}

const anna = () => context.store.plan.users[0]!
const ben = () => context.store.plan.users[1]!

describe('users:setPassword', () => {
  it('stores only a scrypt hash with its parameters; the hash never leaves main', async () => {
    expect(expectOk(await call('users:setPassword', { id: ben().id, password: 'ben secret 1' }))).toEqual({
      hasPassword: true,
    })
    const stored = ben().passwordHash!
    expect(stored.startsWith('scrypt$1024$8$1$')).toBe(true)
    expect(await verifyPassword('ben secret 1', stored)).toBe(true)
    const file = await readFile(context.store.file, 'utf8')
    expect(file).not.toContain('ben secret 1')
    const detail = expectOk(await call('users:get', { id: ben().id }))
    expect(detail.hasPassword).toBe(true)
    expect(JSON.stringify(detail)).not.toContain('scrypt')
  })

  it('refuses a password shorter than 8 characters and changes nothing', async () => {
    const before = await fileBytes(context.store)
    const error = expectError(await call('users:setPassword', { id: ben().id, password: '1234567' }))
    expect(error).toMatchObject({ code: 'validation', field: 'password' })
    expect(error.message).toBe('The password must be at least 8 characters long.')
    expect(await fileBytes(context.store)).toEqual(before)
  })

  it('a non-admin changing its own set password must give the current one; a wrong one is refused slowly', async () => {
    expectOk(await call('session:switch', { userId: ben().id }))
    expectOk(await call('users:setPassword', { id: ben().id, password: 'first password' }))
    const before = await fileBytes(context.store)

    const missing = expectError(
      await call('users:setPassword', { id: ben().id, password: 'second password' }),
    )
    expect(missing).toMatchObject({ code: 'forbidden', field: 'currentPassword' })
    expect(missing.message).toBe('Enter your current password to change or remove it. Nothing was changed.')
    const removing = expectError(await call('users:setPassword', { id: ben().id, password: null }))
    expect(removing.code).toBe('forbidden')

    const wrong = expectError(
      await call('users:setPassword', {
        id: ben().id,
        password: 'second password',
        currentPassword: 'not the password',
      }),
    )
    expect(wrong).toMatchObject({ code: 'forbidden', field: 'currentPassword' })
    expect(wrong.message).toBe('The current password is not correct. Nothing was changed.')
    expect(delays).toEqual([500])
    expect(await fileBytes(context.store)).toEqual(before)

    expectOk(
      await call('users:setPassword', {
        id: ben().id,
        password: 'second password',
        currentPassword: 'first password',
      }),
    )
    expect(await verifyPassword('second password', ben().passwordHash!)).toBe(true)
    expectOk(
      await call('users:setPassword', { id: ben().id, password: null, currentPassword: 'second password' }),
    )
    expect(ben().passwordHash).toBeNull()
  })

  it('an admin may set and remove anyone’s password without a current one', async () => {
    expectOk(await call('users:setPassword', { id: ben().id, password: 'set by anna' }))
    expectOk(await call('users:setPassword', { id: ben().id, password: 'changed by anna' }))
    expect(await verifyPassword('changed by anna', ben().passwordHash!)).toBe(true)
    expect(expectOk(await call('users:setPassword', { id: ben().id, password: null }))).toEqual({
      hasPassword: false,
    })
    expect(ben().passwordHash).toBeNull()
  })

  it('a non-admin may not touch another user’s password', async () => {
    expectOk(await call('session:switch', { userId: ben().id }))
    const before = await fileBytes(context.store)
    expect(expectError(await call('users:setPassword', { id: anna().id, password: 'taken over' })).code).toBe(
      'forbidden',
    )
    expect(expectError(await call('users:setPassword', { id: anna().id, password: null })).code).toBe(
      'forbidden',
    )
    expect(await fileBytes(context.store)).toEqual(before)
  })
})

describe('users:create with a password', () => {
  it('hashes the initial password', async () => {
    const user = expectOk(
      await call('users:create', {
        firstName: 'Clara',
        lastName: 'Berg',
        email: 'clara@example.com',
        language: 'en',
        admin: false,
        permissions: { telephony: false, fax: false },
        password: 'clara secret',
      }),
    )
    const stored = context.store.plan.users.find((candidate) => candidate.id === user.id)!
    expect(await verifyPassword('clara secret', stored.passwordHash!)).toBe(true)
    expect(JSON.stringify(user)).not.toContain('scrypt')
  })

  it('refuses a short password or a non-admin before hashing, changing nothing', async () => {
    const before = await fileBytes(context.store)
    const input = {
      firstName: 'Clara',
      lastName: 'Berg',
      email: 'clara@example.com',
      language: 'en',
      admin: false,
      permissions: { telephony: false, fax: false },
    } as const
    expect(expectError(await call('users:create', { ...input, password: 'short' })).field).toBe('password')
    expectOk(await call('session:switch', { userId: ben().id }))
    expect(expectError(await call('users:create', { ...input, password: 'long enough' })).code).toBe(
      'forbidden',
    )
    expect(await fileBytes(context.store)).toEqual(before)
  })
})

describe('session:switch', () => {
  it('switches to a user without a password; rights follow the acting user', async () => {
    const switched = expectOk(await call('session:switch', { userId: ben().id }))
    expect(switched).toMatchObject({ firstName: 'Ben', admin: false })
    expect(expectOk(await call('session:actingUser', {})).id).toBe(ben().id)
    expect(expectError(await call('users:setAdmin', { id: ben().id, admin: true })).code).toBe('forbidden')
    expectOk(await call('session:switch', { userId: anna().id }))
    expect(expectOk(await call('users:setAdmin', { id: ben().id, admin: true })).admin).toBe(true)
  })

  it('asks for the password of a user that has one; wrong or missing ones are refused ever more slowly', async () => {
    expectOk(await call('users:setPassword', { id: ben().id, password: 'ben secret 1' }))
    const missing = expectError(await call('session:switch', { userId: ben().id }))
    expect(missing).toMatchObject({ code: 'forbidden', field: 'password' })
    expect(missing.message).toBe('Ben Ott has a password: enter it to act as Ben Ott.')
    for (let attempt = 0; attempt < 5; attempt++) {
      const wrong = expectError(
        await call('session:switch', { userId: ben().id, password: `guess ${attempt}` }),
      )
      expect(wrong.code).toBe('forbidden')
      expect(wrong.message).toBe(
        'The password of Ben Ott is not correct; Switchboard still acts as Anna Schmidt.',
      )
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 4000, 4000])
    expect(expectOk(await call('session:actingUser', {})).id).toBe(anna().id)

    expect(expectOk(await call('session:switch', { userId: ben().id, password: 'ben secret 1' })).id).toBe(
      ben().id,
    )
    expect(expectOk(await call('session:actingUser', {})).id).toBe(ben().id)
    // A correct password ends the run: the next failure waits the shortest time again.
    expectOk(
      await call('users:setPassword', {
        id: ben().id,
        password: 'ben secret 2',
        currentPassword: 'ben secret 1',
      }),
    )
    expectOk(await call('session:switch', { userId: anna().id }))
    expectError(await call('session:switch', { userId: ben().id, password: 'ben secret 1' }))
    expect(delays.at(-1)).toBe(500)
  })

  it('answers not_found for an unknown user and keeps acting as before', async () => {
    const error = expectError(await call('session:switch', { userId: 'nobody' }))
    expect(error).toMatchObject({ code: 'not_found', field: 'userId' })
    expect(expectOk(await call('session:actingUser', {})).id).toBe(anna().id)
  })

  it('really waits before refusing a wrong password (default session)', async () => {
    expectOk(await call('users:setPassword', { id: ben().id, password: 'ben secret 1' }))
    context = { store: context.store, session: new Session('en') }
    const started = performance.now()
    expect(
      expectError(await call('session:switch', { userId: ben().id, password: 'wrong guess' })).code,
    ).toBe('forbidden')
    expect(performance.now() - started).toBeGreaterThanOrEqual(450)
  })

  it('an admin that gives up its admin flag acts as a non-admin at once', async () => {
    expectOk(await call('users:setAdmin', { id: ben().id, admin: true }))
    const annaAfter = expectOk<User>(await call('users:setAdmin', { id: anna().id, admin: false }))
    expect(annaAfter.admin).toBe(false)
    expect(expectOk(await call('session:actingUser', {})).admin).toBe(false)
    expect(expectError(await call('users:setAdmin', { id: anna().id, admin: true })).code).toBe('forbidden')
  })
})
