import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { userSortKeys } from '../../shared/domain'
import type { User, UserPage, UserSortKey } from '../../shared/domain'
import type { Result } from '../../shared/result'
import { createBackend } from '../backend'
import type { Backend } from '../backend'
import type { Plan } from '../store/planFile'
import { PlanStore } from '../store/planStore'
import { tempPlanPath } from '../testing/generatePlan'

/**
 * RELIABILITY.md 21: after any sequence of creates, deletes and lists (valid or not), the plan
 * keeps its invariants, the backend answers what a simple model of the rules predicts, and the
 * file on disk reopens to exactly the state in memory.
 */

interface ModelUser {
  id: string
  firstName: string
  lastName: string
  email: string
  admin: boolean
}
interface Model {
  users: ModelUser[]
  actingId: string
}
interface Real {
  backend: Backend
  file: string
}

const text = (user: Pick<ModelUser, 'firstName' | 'lastName' | 'email'>) =>
  `${user.firstName} ${user.lastName} ${user.email}`.toLowerCase()

function expectCode(result: Result<unknown>, code: string | null, field?: string): void {
  if (code === null) {
    if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`)
    return
  }
  expect(result.ok ? 'ok' : result.error.code).toBe(code)
  if (!result.ok && field !== undefined) expect(result.error.field).toBe(field)
}

async function checkPlan(model: Model, real: Real): Promise<void> {
  const plan: Plan = real.backend.store.plan
  const ids = plan.users.map((user) => user.id)
  const emails = plan.users.map((user) => user.email.toLowerCase())
  expect(new Set(ids).size).toBe(ids.length)
  expect(new Set(emails).size).toBe(emails.length)
  expect(plan.users.some((user) => user.admin)).toBe(true)
  expect([...ids].sort()).toEqual(model.users.map((user) => user.id).sort())
  // The backend still holds the plan's lock: a second store reads it, read-only (one writer).
  const reopened = await PlanStore.open(real.file)
  expect(reopened.status().readOnly).toBe('locked')
  expect(reopened.status().recovery).toBeNull()
  expect(reopened.plan).toEqual(plan)
}

type EmailCase = { email: string; kind: 'valid' | 'missing' | 'invalid' }

class CreateCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly firstName: string,
    readonly lastName: string,
    readonly email: EmailCase,
    readonly admin: boolean,
  ) {}
  check = () => true
  async run(model: Model, real: Real): Promise<void> {
    const result = await real.backend.call('users:create', {
      firstName: this.firstName,
      lastName: this.lastName,
      email: this.email.email,
      language: 'de',
      admin: this.admin,
      permissions: { telephony: true, fax: false },
    })
    const lower = this.email.email.trim().toLowerCase()
    if (this.firstName.trim() === '') expectCode(result, 'validation', 'firstName')
    else if (this.lastName.trim() === '') expectCode(result, 'validation', 'lastName')
    else if (this.email.kind !== 'valid') expectCode(result, 'validation', 'email')
    else if (model.users.some((user) => user.email.toLowerCase() === lower))
      expectCode(result, 'conflict', 'email')
    else {
      expectCode(result, null)
      const user = (result as { data: User }).data
      expect(user).toMatchObject({
        firstName: this.firstName.trim(),
        lastName: this.lastName.trim(),
        email: this.email.email.trim(),
        admin: this.admin,
      })
      model.users.push({ ...user })
    }
    await checkPlan(model, real)
  }
  toString = () => `create(${JSON.stringify([this.firstName, this.lastName, this.email.email, this.admin])})`
}

class DeleteCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number | null) {}
  check = () => true
  async run(model: Model, real: Real): Promise<void> {
    const target = this.pick === null ? undefined : model.users[this.pick % model.users.length]
    const result = await real.backend.call('users:delete', { id: target?.id ?? 'no-such-user' })
    if (!target) expectCode(result, 'not_found')
    else if (target.id === model.actingId) expectCode(result, 'forbidden')
    else if (target.admin && !model.users.some((user) => user.admin && user.id !== target.id)) {
      expectCode(result, 'conflict')
    } else {
      expectCode(result, null)
      model.users = model.users.filter((user) => user.id !== target.id)
    }
    await checkPlan(model, real)
  }
  toString = () => `delete(${this.pick ?? 'unknown'})`
}

class ListCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly search: string,
    readonly sort: UserSortKey,
    readonly descending: boolean,
  ) {}
  check = () => true
  async run(model: Model, real: Real): Promise<void> {
    const result = await real.backend.call('users:list', {
      search: this.search,
      sort: this.sort,
      descending: this.descending,
      limit: 500,
    })
    expectCode(result, null)
    const page = (result as { data: UserPage }).data
    const tokens = this.search.toLowerCase().split(/\s+/).filter(Boolean)
    const expected = model.users.filter((user) => tokens.every((token) => text(user).includes(token)))
    expect(page.planTotal).toBe(model.users.length)
    expect(page.total).toBe(expected.length)
    expect(page.items.map((user) => user.id).sort()).toEqual(expected.map((user) => user.id).sort())
  }
  toString = () => `list(${JSON.stringify([this.search, this.sort, this.descending])})`
}

const names = fc.constantFrom('Clara', '  Dora ', 'Émile', 'Zoë', 'Ben', 'Anna', '', '   ')
const randomCase = (value: string) =>
  fc
    .array(fc.boolean(), { minLength: value.length, maxLength: value.length })
    .map((upper) => [...value].map((char, i) => (upper[i] ? char.toUpperCase() : char)).join(''))
const emails: fc.Arbitrary<EmailCase> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.constantFrom('anna.schmidt', 'ben.ott', 'clara', 'dora', 'emil', 'zoe'),
        fc.constantFrom('example.com', 'firma.de'),
      )
      .chain(([local, domain]) => randomCase(`${local}@${domain}`))
      .chain((email) => fc.constantFrom(email, ` ${email} `))
      .map((email): EmailCase => ({ email, kind: 'valid' })),
  },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.constantFrom('', '  ').map((email): EmailCase => ({ email, kind: 'missing' })),
      fc
        .constantFrom('clara', 'clara@', '@example.com', 'cl ara@example.com', 'clara@@example.com')
        .map((email): EmailCase => ({ email, kind: 'invalid' })),
    ),
  },
)

const commands = [
  fc
    .tuple(names, names, emails, fc.boolean())
    .map(([first, last, email, admin]) => new CreateCommand(first, last, email, admin)),
  fc.option(fc.nat(), { nil: null }).map((pick) => new DeleteCommand(pick)),
  fc
    .tuple(
      fc.constantFrom('', 'a', 'an', 'CLARA', 'ott', 'example.com', 'zoë', 'anna example', 'zz'),
      fc.constantFrom(...userSortKeys),
      fc.boolean(),
    )
    .map(([search, sort, descending]) => new ListCommand(search, sort, descending)),
]

describe('users: model-based sequences of create, delete and list', () => {
  it('keep the plan valid, match the model, and survive a reopen after every step', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 25 }), async (sequence) => {
        const temp = await tempPlanPath('switchboard-model-')
        try {
          const backend = await createBackend(temp.file, 'en')
          const acting = backend.session.actingUser(backend.store.plan)
          const model: Model = {
            users: backend.store.plan.users.map(({ id, firstName, lastName, email, admin }) => ({
              id,
              firstName,
              lastName,
              email,
              admin,
            })),
            actingId: acting.id,
          }
          await fc.asyncModelRun(() => ({ model, real: { backend, file: temp.file } }), sequence)
        } finally {
          await temp.remove()
        }
      }),
      { numRuns: 30 },
    )
  })
})
