import { beforeEach, describe, expect, it } from 'vitest'
import type { Language, User, UserPage } from '../../shared/domain'
import type { CreateUserInput } from '../../shared/contract'
import { createBackend, createBackendWith } from '../backend'
import type { Backend } from '../backend'
import { Session } from '../session'
import type { Plan, StoredUser } from '../store/planFile'
import { PlanStore } from '../store/planStore'
import { expectData, expectError, fileBytes, planOnDisk, tempPlanFile } from '../testing/planFixture'
import { createUser, deleteUser } from './usersService'
import type { Actor } from './usersService'

let backend: Backend

beforeEach(async () => {
  backend = await createBackend(await tempPlanFile(), 'en')
})

const clara = (overrides: Partial<CreateUserInput> = {}): CreateUserInput => ({
  firstName: 'Clara',
  lastName: 'Berg',
  email: 'clara.berg@example.com',
  language: 'de',
  admin: false,
  permissions: { telephony: true, fax: false },
  ...overrides,
})

const list = async (input: object = {}): Promise<UserPage> =>
  expectData(await backend.call('users:list', input))
const names = (page: UserPage): string[] => page.items.map((user) => `${user.firstName} ${user.lastName}`)

/** A session that always acts as a given user, without session:switch. */
class ActingAs extends Session {
  constructor(
    language: Language,
    private readonly email: string,
  ) {
    super(language)
  }
  override actingUser(plan: Plan): StoredUser {
    const user = plan.users.find((candidate) => candidate.email === this.email)
    if (!user) throw new Error(`no user ${this.email}`)
    return user
  }
}

describe('a new plan', () => {
  it('has the two default users: Anna Schmidt (admin, telephony) and Ben Ott (standard)', async () => {
    const page = await list()
    expect(page.planTotal).toBe(2)
    const [ben, anna] = page.items // sorted by last name: Ott, Schmidt
    expect(anna).toMatchObject({ firstName: 'Anna', lastName: 'Schmidt', admin: true })
    expect(anna?.permissions.telephony).toBe(true)
    expect(ben).toMatchObject({ firstName: 'Ben', lastName: 'Ott', admin: false })
    expect((await planOnDisk(backend.store)).users.map((user) => user.email)).toEqual([
      'anna.schmidt@example.com',
      'ben.ott@example.com',
    ])
    const acting = expectData<User>(await backend.call('session:actingUser', {}))
    expect(acting.email).toBe('anna.schmidt@example.com')
  })

  it('never sends password material or unknown fields to the renderer', async () => {
    for (const user of (await list()).items) {
      expect(Object.keys(user).sort()).toEqual(
        [
          ...['admin', 'email', 'firstName', 'id', 'language', 'lastName', 'locationId', 'permissions'],
          ...['numbers', 'extensions', 'deviceCount', 'activeDeviceCount', 'locationName'],
          ...['routingComplete', 'missing'],
        ].sort(),
      )
    }
  })
})

describe('users:create', () => {
  it('trims the names and email, lists the user and writes it to the file', async () => {
    const created = expectData<User>(
      await backend.call(
        'users:create',
        clara({ firstName: '  Clara ', lastName: '\tBerg  ', email: ' clara.berg@example.com ' }),
      ),
    )
    expect(created).toMatchObject({ firstName: 'Clara', lastName: 'Berg', email: 'clara.berg@example.com' })
    expect(names(await list())).toEqual(['Clara Berg', 'Ben Ott', 'Anna Schmidt'])
    const stored = (await planOnDisk(backend.store)).users.find((user) => user.id === created.id)
    expect(stored).toMatchObject({ firstName: 'Clara', lastName: 'Berg', email: 'clara.berg@example.com' })
    const reopened = await PlanStore.open(backend.store.file)
    expect(reopened.plan).toEqual(backend.store.plan)
  })

  const requiredFields = [
    { field: 'firstName', en: 'First name', de: 'Vorname' },
    { field: 'lastName', en: 'Last name', de: 'Nachname' },
    { field: 'email', en: 'Email', de: 'E-Mail' },
  ] as const

  for (const language of ['en', 'de'] as const) {
    for (const { field, ...labels } of requiredFields) {
      it(`refuses a missing ${field} with a message naming the field (${language})`, async () => {
        expectData(await backend.call('app:setLanguage', { language }))
        const before = await fileBytes(backend.store)
        const omitted: Record<string, unknown> = { ...clara() }
        delete omitted[field]
        for (const payload of [clara({ [field]: '' }), clara({ [field]: '   ' }), omitted]) {
          const error = expectError(await backend.call('users:create', payload))
          expect(error.code).toBe('validation')
          expect(error.field).toBe(field)
          expect(error.message).toContain(labels[language])
          expect(error.message).toMatch(language === 'en' ? /is required/ : /ist erforderlich/)
        }
        expect(await fileBytes(backend.store)).toEqual(before)
        expect((await list()).planTotal).toBe(2)
      })
    }
  }

  it('names the field and its limit for a too long name (de)', async () => {
    expectData(await backend.call('app:setLanguage', { language: 'de' }))
    const error = expectError(await backend.call('users:create', clara({ lastName: 'x'.repeat(101) })))
    expect(error).toMatchObject({ code: 'validation', field: 'lastName' })
    expect(error.message).toBe('Nachname darf höchstens 100 Zeichen lang sein.')
  })

  it('refuses an invalid email', async () => {
    const before = await fileBytes(backend.store)
    for (const email of ['clara', 'clara@', '@example.com', 'clara berg@example.com', 'clara@@example.com']) {
      const error = expectError(await backend.call('users:create', clara({ email })))
      expect(error).toMatchObject({ code: 'validation', field: 'email' })
      expect(error.message).toContain(email.trim())
    }
    expect(await fileBytes(backend.store)).toEqual(before)
  })

  it('refuses an email another user has, ignoring case, naming that user (en and de)', async () => {
    const before = await fileBytes(backend.store)
    const error = expectError(
      await backend.call('users:create', clara({ email: ' ANNA.Schmidt@Example.COM ' })),
    )
    expect(error).toMatchObject({ code: 'conflict', field: 'email' })
    expect(error.message).toBe('The email address ANNA.Schmidt@Example.COM is already used by Anna Schmidt.')
    expectData(await backend.call('app:setLanguage', { language: 'de' }))
    const german = expectError(await backend.call('users:create', clara({ email: 'ben.OTT@example.com' })))
    expect(german.message).toBe('Die E-Mail-Adresse ben.OTT@example.com wird schon von Ben Ott verwendet.')
    expect(await fileBytes(backend.store)).toEqual(before)
  })
})

describe('users:delete', () => {
  const idOf = async (email: string): Promise<string> => {
    const user = (await list({ search: email })).items.find((candidate) => candidate.email === email)
    if (!user) throw new Error(`no user ${email}`)
    return user.id
  }

  it('removes the user from the list and from the file', async () => {
    const id = await idOf('ben.ott@example.com')
    expect(expectData(await backend.call('users:delete', { id }))).toEqual({ id })
    expect(names(await list())).toEqual(['Anna Schmidt'])
    expect((await planOnDisk(backend.store)).users.map((user) => user.id)).not.toContain(id)
  })

  it('may delete another admin while the acting admin remains', async () => {
    const created = expectData<User>(await backend.call('users:create', clara({ admin: true })))
    expectData(await backend.call('users:delete', { id: created.id }))
    expect(names(await list())).toEqual(['Ben Ott', 'Anna Schmidt'])
  })

  it('refuses to delete the acting user, naming them, and changes nothing', async () => {
    const before = await fileBytes(backend.store)
    const error = expectError(
      await backend.call('users:delete', { id: await idOf('anna.schmidt@example.com') }),
    )
    expect(error.code).toBe('forbidden')
    expect(error.message).toBe('You are acting as Anna Schmidt; you cannot delete yourself.')
    expect(await fileBytes(backend.store)).toEqual(before)
  })

  it('refuses the acting user even when it is the last admin left', async () => {
    expectData(await backend.call('users:delete', { id: await idOf('ben.ott@example.com') }))
    const before = await fileBytes(backend.store)
    const error = expectError(
      await backend.call('users:delete', { id: await idOf('anna.schmidt@example.com') }),
    )
    expect(error.code).toBe('forbidden')
    expect(await fileBytes(backend.store)).toEqual(before)
  })

  it('answers not_found for a user that does not exist', async () => {
    const before = await fileBytes(backend.store)
    expect(expectError(await backend.call('users:delete', { id: 'no-such-user' })).code).toBe('not_found')
    expect(await fileBytes(backend.store)).toEqual(before)
  })
})

describe('rights of a non-admin acting user', () => {
  it('refuses create and delete through the backend with forbidden and leaves the file as it was', async () => {
    const asBen = createBackendWith(backend.store, new ActingAs('en', 'ben.ott@example.com'))
    const before = await fileBytes(backend.store)
    const created = expectError(await asBen.call('users:create', clara()))
    expect(created.code).toBe('forbidden')
    expect(created.message).toBe('Only an admin may do this. You are acting as Ben Ott.')
    const annaId = backend.store.plan.users.find((user) => user.admin)?.id ?? ''
    expect(expectError(await asBen.call('users:delete', { id: annaId })).code).toBe('forbidden')
    expect(await fileBytes(backend.store)).toEqual(before)
    // Reading the list stays allowed.
    expect(expectData<UserPage>(await asBen.call('users:list', {})).planTotal).toBe(2)
  })

  it('refuses at the service level too (createUser/deleteUser with a non-admin Actor)', async () => {
    const ben = backend.store.plan.users.find((user) => !user.admin)
    const anna = backend.store.plan.users.find((user) => user.admin)
    if (!ben || !anna) throw new Error('default users missing')
    const actor: Actor = { user: ben, language: 'de' }
    const before = await fileBytes(backend.store)
    const created = await backend.store.update('de', (draft) => createUser(draft, actor, clara()))
    expect(expectError(created)).toMatchObject({ code: 'forbidden' })
    expect(expectError(created).message).toBe('Das darf nur ein Admin. Sie handeln als Ben Ott.')
    const deleted = await backend.store.update('de', (draft) => deleteUser(draft, actor, anna.id))
    expect(expectError(deleted).code).toBe('forbidden')
    expect(await fileBytes(backend.store)).toEqual(before)
  })
})

describe('the last admin', () => {
  it('cannot be deleted: deleteUser refuses it with conflict, naming the user', async () => {
    // Through the backend this is unreachable (the acting user is an admin and cannot delete
    // itself), so the rule is checked with an admin actor that is not in the plan.
    const outsider: StoredUser = {
      id: 'outsider',
      firstName: 'Olga',
      lastName: 'Außen',
      email: 'olga@example.com',
      language: 'en',
      admin: true,
      permissions: { telephony: false, fax: false },
      locationId: null,
      passwordHash: null,
      voicemail: { enabled: false, timeoutSeconds: 30 },
    }
    const anna = backend.store.plan.users.find((user) => user.admin)
    if (!anna) throw new Error('no admin')
    const draft = structuredClone(backend.store.plan)
    const result = deleteUser(draft, { user: outsider, language: 'en' }, anna.id)
    expect(expectError(result)).toMatchObject({ code: 'conflict' })
    expect(expectError(result).message).toBe(
      'Anna Schmidt is the last admin. Make another user an admin first: at least one admin always remains.',
    )
    expect(draft).toEqual(backend.store.plan)

    const before = await fileBytes(backend.store)
    const stored = await backend.store.update('en', (plan) =>
      deleteUser(plan, { user: outsider, language: 'en' }, anna.id),
    )
    expect(expectError(stored).code).toBe('conflict')
    expect(await fileBytes(backend.store)).toEqual(before)
  })

  it('can be deleted once another admin exists', () => {
    const draft = structuredClone(backend.store.plan)
    const anna = draft.users.find((user) => user.admin)
    const ben = draft.users.find((user) => !user.admin)
    if (!anna || !ben) throw new Error('default users missing')
    ben.admin = true
    const result = deleteUser(draft, { user: ben, language: 'en' }, anna.id)
    expect(result.ok).toBe(true)
    expect(draft.users.map((user) => user.email)).toEqual(['ben.ott@example.com'])
  })
})
