import { readFile, writeFile } from 'node:fs/promises'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import type { ChannelName } from '../shared/channels'
import type { ExtensionCheck, Impact, PlanCost, Routing, Target, UndoState } from '../shared/domain'
import { errorCodes } from '../shared/result'
import { undoableChannels } from '../shared/undo'
import type { ErrorCode, Result } from '../shared/result'
import { createBackendWith } from './backend'
import type { Backend } from './backend'
import { INCLUDED_DEVICES } from './devices/cost'
import { extensionRuleBroken } from './extensions/extensionRules'
import { routingOf } from './routing/routingView'
import { Session } from './session'
import { planInvariantProblem, planSchema } from './store/planFile'
import type { Plan, StoredUser } from './store/planFile'
import { PlanStore } from './store/planStore'
import { generatePlan, tempPlanPath } from './testing/generatePlan'

/**
 * RELIABILITY.md 21 and issue 3: random sequences of valid and invalid operations over the whole
 * contract, acting as admins and non-admins, through backend.call. After every step:
 * - the plan passes the schema and planInvariantProblem (unique emails, extensions, numbers, MACs;
 *   valid references; an admin; one app per telephony user),
 * - every user's routing `complete` agrees with its definition, counted by hand,
 * - plan:cost and each routing's cost agree with the devices counted by hand,
 * - a refused call left the file's bytes and the plan in memory unchanged,
 * - `forbidden` only ever answers a non-admin acting on something not its own, and a non-admin
 *   acting on something not its own never succeeds,
 * - reopening the file gives exactly the plan in memory.
 * Where DOMAIN.md fixes the outcome (a blocked extension, a taken MAC, the last admin, a voicemail
 * timeout out of range, a location in use…), the step also checks the answer.
 */

/** One undo or redo step as the model sees it: the file and passwords on the other side of it. */
interface ModelStep {
  bytes: Buffer
  passwords: Map<string, string>
  actorId: string
  actorAdmin: boolean
}
interface Model {
  /** Passwords set through users:setPassword in this run, by user id. */
  passwords: Map<string, string>
  /** The model's own undo and redo stacks (issue 7): every successful change is one step. */
  undo: ModelStep[]
  redo: ModelStep[]
}
interface Real {
  backend: Backend
  file: string
  remove: () => Promise<void>
}

type Expectation = 'ok' | 'refused' | 'any' | ErrorCode | readonly ErrorCode[]

interface Step {
  channel: ChannelName
  payload: Record<string, unknown>
  /**
   * admin: admin-only; self: allowed for an admin and for the owners themselves; read: anyone;
   * session: switching users (its `forbidden` answers a password, not a right).
   */
  scope: 'admin' | 'self' | 'read' | 'session'
  /** Users the call touches (self scope); an unknown id stands for "not the actor's". */
  owners?: string[]
  /** The answer when the actor is allowed to make the call. */
  expect: Expectation
  /** A refusal with `forbidden` that is not about rights (deleting oneself). */
  forbiddenAllowed?: boolean
  /** Further checks after a successful call. */
  after?: (data: unknown, before: Plan, after: Plan) => void | Promise<void>
}

/** Calls that succeeded or were refused, per channel, over all runs (the mix must reach handlers). */
const tally = new Map<string, { ok: number; refused: number }>()
const opened: Real[] = []
afterAll(async () => {
  for (const real of opened) await real.remove()
})

const NOBODY = 'no-such-id'
const at = <T>(list: readonly T[], pick: number): T | undefined =>
  list.length === 0 ? undefined : list[pick % list.length]
const isUser = (plan: Plan, id: string): boolean => plan.users.some((user) => user.id === id)
const sameTarget = (a: Target | null, b: Target): boolean => a !== null && a.kind === b.kind && a.id === b.id
const numbersOf = (plan: Plan, target: Target): string[] =>
  plan.numbers.filter((entry) => sameTarget(entry.assignedTo, target)).map((entry) => entry.number)
const freeNumbers = (plan: Plan): string[] =>
  plan.numbers.filter((entry) => entry.assignedTo === null).map((entry) => entry.number)
const extensionsOf = (plan: Plan, target: Target): string[] =>
  plan.extensions.filter((entry) => sameTarget(entry.owner, target)).map((entry) => entry.extension)
/** The user a target belongs to (a fax line's user). */
const ownerOf = (plan: Plan, target: Target | null): string | null => {
  if (target === null) return null
  if (target.kind === 'user') return target.id
  return plan.faxLines.find((line) => line.id === target.id)?.userId ?? NOBODY
}
/** A person typing the number in national form (`0211…`) when the plan is German, else as stored. */
const typed = (plan: Plan, e164: string, national: boolean): string =>
  national && plan.account.country === 'DE' && e164.startsWith('+49') ? `0${e164.slice(3)}` : e164

function codeOf(result: Result<unknown>): 'ok' | ErrorCode {
  return result.ok ? 'ok' : result.error.code
}

function matches(code: 'ok' | ErrorCode, expectation: Expectation): boolean {
  if (expectation === 'any') return true
  if (expectation === 'refused') return code !== 'ok'
  if (typeof expectation === 'string') return code === expectation
  return code !== 'ok' && expectation.includes(code)
}

/** Every user's routing, cost and the plan's cost, computed by hand from the stored plan. */
function handRouting(plan: Plan, user: StoredUser): { complete: boolean; counted: number } {
  const numbers = numbersOf(plan, { kind: 'user', id: user.id }).length
  const devices = plan.devices.filter((device) => device.userId === user.id)
  const active = devices.filter((device) => device.active).length
  return {
    complete: user.permissions.telephony && numbers > 0 && active > 0,
    counted: devices.filter((device) => device.type !== 'app').length,
  }
}

async function checkInvariants(real: Real): Promise<void> {
  const { backend } = real
  const plan = backend.store.plan
  expect(planSchema.safeParse(plan).success).toBe(true)
  expect(planInvariantProblem(plan)).toBeNull()

  const price = plan.account.extraDevicePrice
  let counted = 0
  let extra = 0
  for (const user of plan.users) {
    const hand = handRouting(plan, user)
    const routing = routingOf(plan, user.id)
    expect(routing?.complete, `complete of ${user.id}`).toBe(hand.complete)
    expect(routing?.missing.length === 0).toBe(hand.complete)
    expect(routing?.cost.countedDevices).toBe(hand.counted)
    counted += hand.counted
    extra += Math.max(0, hand.counted - INCLUDED_DEVICES)
  }
  const cost = await backend.call('plan:cost', {})
  expect(cost.ok).toBe(true)
  const planCost = (cost as { data: PlanCost }).data
  expect(planCost.countedDevices).toBe(counted)
  expect(planCost.extraDevices).toBe(extra)
  expect(planCost.monthlyCost).toBeCloseTo(extra * price, 2)
  expect(planCost.users).toBe(plan.users.length)

  // The acting user's own routing through the contract agrees with the hand count.
  const actor = backend.session.actingUser(plan)
  const own = await backend.call('routing:get', { userId: actor.id })
  expect(own.ok).toBe(true)
  const routing = (own as { data: Routing }).data
  expect(routing.complete).toBe(handRouting(plan, actor).complete)
  expect(routing.cost.countedDevices).toBe(handRouting(plan, actor).counted)
  expect(routing.numbers.map((number) => number.number).sort()).toEqual(
    numbersOf(plan, { kind: 'user', id: actor.id }).sort(),
  )

  // The backend still holds the plan's lock: a second store reads it, read-only (one writer).
  const reopened = await PlanStore.open(real.file)
  expect(reopened.status().readOnly).toBe('locked')
  expect(reopened.status().recovery).toBeNull()
  expect(reopened.plan).toEqual(plan)
}

async function perform(real: Real, step: Step): Promise<Result<unknown>> {
  const { backend } = real
  const before = backend.store.plan
  const beforeCopy = structuredClone(before)
  const bytes = await readFile(real.file)
  const actor = backend.session.actingUser(before)
  const result = await backend.call(step.channel, step.payload)
  const code = codeOf(result)
  const context = `${step.channel} ${JSON.stringify(step.payload)} as ${actor.admin ? 'admin' : 'non-admin'} ${actor.id}: ${
    result.ok ? 'ok' : `${result.error.code} ${result.error.message}`
  }`

  expect(typeof result.ok, context).toBe('boolean')
  expect(code, context).not.toBe('internal')
  if (!result.ok) {
    expect(errorCodes).toContain(result.error.code)
    expect(result.error.message.length, context).toBeGreaterThan(0)
    expect(await readFile(real.file), `${context}: file changed by a refused call`).toEqual(bytes)
    expect(backend.store.plan, `${context}: memory changed by a refused call`).toEqual(beforeCopy)
  }
  const counts = tally.get(step.channel) ?? { ok: 0, refused: 0 }
  if (result.ok) counts.ok++
  else counts.refused++
  tally.set(step.channel, counts)

  const owners = step.owners ?? []
  const notOwn = step.scope === 'admin' || owners.some((id) => id !== actor.id)
  const allowed = step.scope === 'read' || step.scope === 'session' || actor.admin || !notOwn
  if (step.scope !== 'session' && step.scope !== 'read') {
    if (code === 'forbidden' && !step.forbiddenAllowed) {
      expect(!actor.admin && notOwn, `${context}: forbidden, but the actor may do this`).toBe(true)
    }
    if (!actor.admin && notOwn) {
      expect(result.ok, `${context}: a non-admin changed something not its own`).toBe(false)
      if (step.expect === 'ok') expect(code, context).toBe('forbidden')
    }
  }
  if (allowed)
    expect(matches(code, step.expect), `${context}: expected ${JSON.stringify(step.expect)}`).toBe(true)
  if (result.ok && step.after) await step.after(result.data, before, backend.store.plan)
  await checkInvariants(real)
  return result
}

/** A command whose step is worked out from the plan as it is when the command runs. */
function command<A>(
  name: string,
  arbitrary: fc.Arbitrary<A>,
  stepOf: (args: A, plan: Plan, model: Model, actor: StoredUser) => Step | null,
  afterRun?: (args: A, result: Result<unknown>, model: Model, step: Step) => void,
): fc.Arbitrary<fc.AsyncCommand<Model, Real>> {
  return arbitrary.map((args) => ({
    check: () => true,
    async run(model: Model, real: Real) {
      const plan = real.backend.store.plan
      const actor = real.backend.session.actingUser(plan)
      const step = stepOf(args, plan, model, actor)
      if (step === null) return
      const bytes = await readFile(real.file)
      const passwords = new Map(model.passwords)
      const result = await perform(real, step)
      // Every change that landed is one undo step and clears redo; reads and refusals are none.
      if (real.backend.store.plan !== plan)
        expect(undoableChannels, `${step.channel} changed the plan`).toContain(step.channel)
      if (result.ok && !readChannels.has(step.channel)) {
        model.undo.push({ bytes, passwords, actorId: actor.id, actorAdmin: actor.admin })
        model.redo = []
      }
      afterRun?.(args, result, model, step)
    },
    toString: () => `${name}(${JSON.stringify(args)})`,
  }))
}

/** Channels that never change the plan (everything else that succeeds is an undo step). */
const readChannels = new Set<ChannelName>([
  'session:switch',
  'users:get',
  'users:deletionImpact',
  'users:permissionImpact',
  'extensions:check',
  'plan:undo',
  'plan:redo',
])

/**
 * plan:undo / plan:redo against the model's own stacks: refused (not_found) when the stack is
 * empty, forbidden for a non-admin unless it made the step as a non-admin (docs/decisions.md),
 * otherwise the file is byte-for-byte the one on the other side of the step.
 */
function travel(direction: 'undo' | 'redo'): fc.Arbitrary<fc.AsyncCommand<Model, Real>> {
  return fc.constant(null).map(() => ({
    check: () => true,
    async run(model: Model, real: Real) {
      const plan = real.backend.store.plan
      const actor = real.backend.session.actingUser(plan)
      const from = direction === 'undo' ? model.undo : model.redo
      const to = direction === 'undo' ? model.redo : model.undo
      const top = from.at(-1)
      const allowed = top !== undefined && (actor.admin || (top.actorId === actor.id && !top.actorAdmin))
      const state = await real.backend.call('plan:undoState', {})
      const can = state.ok ? (state.data as UndoState)[direction === 'undo' ? 'canUndo' : 'canRedo'] : null
      expect(can, `plan:undoState agrees with the model before ${direction}`).toBe(allowed)
      const bytes = await readFile(real.file)
      const expectation: Expectation = top === undefined ? 'not_found' : allowed ? 'ok' : 'forbidden'
      const result = await perform(real, {
        channel: direction === 'undo' ? 'plan:undo' : 'plan:redo',
        payload: {},
        scope: 'read',
        expect: expectation,
      })
      if (!result.ok || top === undefined) return
      expect(await readFile(real.file), `${direction}: the file on the other side of the step`).toEqual(
        top.bytes,
      )
      from.pop()
      to.push({ ...top, bytes, passwords: new Map(model.passwords) })
      model.passwords = new Map(top.passwords)
    },
    toString: () => `plan:${direction}`,
  }))
}

// ── Users and session ──────────────────────────────────────────────────────────────────────────

const switchUser = command(
  'session:switch',
  fc.record({ pick: fc.nat(), admin: fc.boolean(), password: fc.constantFrom('none', 'wrong', 'right') }),
  ({ pick, admin, password }, plan, model) => {
    // Half the switches go to an admin, so admin-only calls get through often enough.
    const target = at(admin ? plan.users.filter((user) => user.admin) : plan.users, pick)
    if (!target) return null
    const known = model.passwords.get(target.id)
    const payload: Record<string, unknown> = { userId: target.id }
    if (password === 'wrong') payload.password = 'definitely-wrong-1'
    if (password === 'right' && known !== undefined) payload.password = known
    const expectation: Expectation =
      target.passwordHash === null
        ? 'ok'
        : payload.password === known && known !== undefined
          ? 'ok'
          : 'forbidden'
    return { channel: 'session:switch', payload, scope: 'session', expect: expectation }
  },
)

const setPassword = command(
  'users:setPassword',
  fc.record({ pick: fc.nat(), kind: fc.constantFrom('set', 'set', 'remove', 'short') }),
  ({ pick, kind }, plan, model, actor) => {
    const target = at(plan.users, pick)
    if (!target) return null
    const password = kind === 'remove' ? null : kind === 'short' ? 'kurz' : `Geheim-${pick % 1000}-pass`
    const payload: Record<string, unknown> = { id: target.id, password }
    const current = model.passwords.get(target.id)
    if (target.id === actor.id && current !== undefined) payload.currentPassword = current
    return {
      channel: 'users:setPassword',
      payload,
      scope: 'self',
      owners: [target.id],
      expect: kind === 'short' ? 'validation' : 'ok',
      after: (data, _before, after) => {
        expect(data).toEqual({ hasPassword: password !== null })
        expect(after.users.find((user) => user.id === target.id)?.passwordHash !== null).toBe(
          password !== null,
        )
      },
    }
  },
  (_args, result, model, step) => {
    if (!result.ok) return
    const id = step.payload.id as string
    const password = step.payload.password as string | null
    if (password === null) model.passwords.delete(id)
    else model.passwords.set(id, password)
  },
)

const createUser = command(
  'users:create',
  fc.record({
    first: fc.constantFrom('Clara', ' Dora ', 'Émile', 'Zoë', ''),
    last: fc.constantFrom('Neu', 'Özdemir', 'van der Berg', '   '),
    email: fc.constantFrom('new', 'new', 'taken', 'invalid'),
    admin: fc.boolean(),
    telephony: fc.boolean(),
    fax: fc.boolean(),
    number: fc.constantFrom('none', 'none', 'free', 'taken', 'garbage'),
    extension: fc.constantFrom('none', 'none', 'free', 'blocked', 'taken'),
    pick: fc.nat(),
    valid: fc.boolean(),
  }),
  (drawn, plan) => {
    // Half the creates are valid, so that some succeed.
    const args = drawn.valid
      ? {
          ...drawn,
          first: 'Clara',
          last: 'Neu',
          email: 'new',
          number: drawn.number === 'free' ? 'free' : 'none',
          extension: drawn.extension === 'free' ? 'free' : 'none',
        }
      : drawn
    const problems: ErrorCode[] = []
    let unsure = false
    if (args.first.trim() === '' || args.last.trim() === '') problems.push('validation')
    const taken = at(plan.users, args.pick)
    const email =
      args.email === 'taken' && taken
        ? taken.email.toUpperCase()
        : args.email === 'invalid'
          ? 'kein-at-zeichen'
          : `person.${args.pick}.${plan.users.length}@example.org`
    if (args.email === 'invalid') problems.push('validation')
    if (args.email === 'taken' && taken) problems.push('conflict')
    if (
      !plan.users.some((user) => user.email.toLowerCase() === email.toLowerCase()) &&
      args.email === 'taken'
    )
      unsure = true
    const payload: Record<string, unknown> = {
      firstName: args.first,
      lastName: args.last,
      email,
      language: 'de',
      admin: args.admin,
      permissions: { telephony: args.telephony, fax: args.fax },
    }
    if (args.number !== 'none') {
      const free = at(freeNumbers(plan), args.pick)
      const assigned = at(
        plan.numbers.filter((entry) => entry.assignedTo !== null),
        args.pick,
      )
      if (args.number === 'garbage') {
        payload.number = '12ab'
        problems.push('validation')
      } else if (args.number === 'free' && free) {
        payload.number = typed(plan, free, args.pick % 2 === 0)
        if (!args.telephony) unsure = true
      } else if (args.number === 'taken' && assigned) {
        payload.number = assigned.number
        problems.push('conflict')
      }
    }
    if (args.extension !== 'none') {
      if (args.extension === 'free') payload.extension = freeExtension(plan, args.pick)
      if (args.extension === 'blocked') {
        payload.extension = at(blockedExtensions, args.pick)
        problems.push('validation')
      }
      const existing = at(plan.extensions, args.pick)
      if (args.extension === 'taken' && existing) {
        payload.extension = existing.extension
        problems.push('conflict')
      }
    }
    const expectation: Expectation = unsure
      ? 'any'
      : problems.length === 0
        ? 'ok'
        : new Set(problems).size === 1
          ? (problems[0] as ErrorCode)
          : problems
    return {
      channel: 'users:create',
      payload,
      scope: 'admin',
      expect: expectation,
      after: (data, _before, after) => {
        const id = (data as { id: string }).id
        const apps = after.devices.filter((device) => device.userId === id && device.type === 'app')
        expect(apps.length).toBe(args.telephony ? 1 : 0)
        if (typeof payload.extension === 'string')
          expect(extensionsOf(after, { kind: 'user', id })).toContain(payload.extension)
        if (typeof payload.number === 'string') expect(numbersOf(after, { kind: 'user', id })).toHaveLength(1)
      },
    }
  },
)

const updateUser = command(
  'users:update',
  fc.record({
    pick: fc.nat(),
    change: fc.constantFrom('name', 'email', 'emailTaken', 'emailCase', 'emptyFirst', 'language'),
  }),
  ({ pick, change }, plan) => {
    const target = at(plan.users, pick)
    if (!target) return null
    const other = plan.users.find((user) => user.id !== target.id)
    const payload: Record<string, unknown> = { id: target.id }
    let expectation: Expectation = 'ok'
    if (change === 'name') payload.lastName = `Geändert ${pick % 100}`
    if (change === 'email') payload.email = `changed.${pick}.${plan.users.length}@example.net`
    if (change === 'emailCase') payload.email = target.email.toUpperCase()
    if (change === 'emptyFirst') {
      payload.firstName = ' '
      expectation = 'validation'
    }
    if (change === 'language') payload.language = target.language === 'de' ? 'en' : 'de'
    if (change === 'emailTaken') {
      if (!other) return null
      payload.email = other.email.toUpperCase()
      expectation = 'conflict'
    }
    if (change === 'email' && plan.users.some((user) => user.email.toLowerCase() === payload.email))
      return null
    return { channel: 'users:update', payload, scope: 'self', owners: [target.id], expect: expectation }
  },
)

const deleteUser = command('users:delete', fc.nat(), (pick, plan, _model, actor) => {
  const target = at(plan.users, pick)
  const id = target?.id ?? NOBODY
  const lastAdmin = target?.admin === true && !plan.users.some((user) => user.admin && user.id !== id)
  const expectation: Expectation = !target
    ? 'not_found'
    : target.id === actor.id
      ? ['forbidden', 'conflict']
      : lastAdmin
        ? 'conflict'
        : 'ok'
  return {
    channel: 'users:delete',
    payload: { id },
    scope: 'admin',
    expect: expectation,
    forbiddenAllowed: target?.id === actor.id,
    after: async (_data, before, after) => {
      expect(isUser(after, id)).toBe(false)
      const self: Target = { kind: 'user', id }
      const lines = before.faxLines.filter((line) => line.userId === id)
      // Exactly what the impact said: its numbers and its fax lines' numbers are free again.
      for (const number of [
        ...numbersOf(before, self),
        ...lines.flatMap((line) => numbersOf(before, { kind: 'fax', id: line.id })),
      ]) {
        expect(after.numbers.find((entry) => entry.number === number)?.assignedTo).toBeNull()
      }
      expect(after.devices.some((device) => device.userId === id)).toBe(false)
      expect(after.faxLines.some((line) => line.userId === id)).toBe(false)
      expect(after.numbers.length).toBe(before.numbers.length)
    },
  }
})

const deletionImpact = command('users:deletionImpact', fc.nat(), (pick, plan) => {
  const target = at(plan.users, pick)
  if (!target) return null
  const self: Target = { kind: 'user', id: target.id }
  return {
    channel: 'users:deletionImpact',
    payload: { id: target.id },
    scope: 'admin',
    expect: 'ok',
    after: (data) => {
      const impact = data as Impact
      const lines = plan.faxLines.filter((line) => line.userId === target.id)
      const numbers = [
        ...numbersOf(plan, self),
        ...lines.flatMap((line) => numbersOf(plan, { kind: 'fax', id: line.id })),
      ]
      expect(impact.releasedNumbers.map((number) => number.number).sort()).toEqual(numbers.sort())
      expect(impact.removedDevices.map((device) => device.id).sort()).toEqual(
        plan.devices
          .filter((device) => device.userId === target.id)
          .map((device) => device.id)
          .sort(),
      )
      expect(impact.removedFaxLines.map((line) => line.id).sort()).toEqual(
        lines.map((line) => line.id).sort(),
      )
      expect([...impact.removedExtensions].sort()).toEqual(
        [
          ...extensionsOf(plan, self),
          ...lines.flatMap((line) => extensionsOf(plan, { kind: 'fax', id: line.id })),
        ].sort(),
      )
    },
  }
})

const setAdmin = command(
  'users:setAdmin',
  fc.record({ pick: fc.nat(), admin: fc.boolean() }),
  ({ pick, admin }, plan) => {
    const target = at(plan.users, pick)
    if (!target) return null
    const lastAdmin = target.admin && !plan.users.some((user) => user.admin && user.id !== target.id)
    return {
      channel: 'users:setAdmin',
      payload: { id: target.id, admin },
      scope: 'admin',
      expect: !admin && lastAdmin ? 'conflict' : 'ok',
    }
  },
)

const setPermissions = command(
  'users:setPermissions',
  fc.record({ pick: fc.nat(), telephony: fc.boolean(), fax: fc.boolean(), confirm: fc.boolean() }),
  ({ pick, telephony, fax, confirm }, plan) => {
    const target = at(plan.users, pick)
    if (!target) return null
    const losesApp = target.permissions.telephony && !telephony
    const losesLines = !fax && plan.faxLines.some((line) => line.userId === target.id)
    return {
      channel: 'users:setPermissions',
      payload: { id: target.id, telephony, fax, confirm },
      scope: 'admin',
      expect: (losesApp || losesLines) && !confirm ? 'refused' : 'ok',
      after: (_data, before, after) => {
        const user = after.users.find((entry) => entry.id === target.id)
        expect(user?.permissions).toEqual({ telephony, fax })
        if (!fax) {
          for (const line of before.faxLines.filter((entry) => entry.userId === target.id)) {
            for (const number of numbersOf(before, { kind: 'fax', id: line.id })) {
              expect(after.numbers.find((entry) => entry.number === number)?.assignedTo).toBeNull()
            }
          }
        }
      },
    }
  },
)

const getUser = command('users:get', fc.nat(), (pick, plan) => {
  const target = at(plan.users, pick)
  if (!target) return null
  return {
    channel: 'users:get',
    payload: { id: target.id },
    scope: 'self',
    owners: [target.id],
    expect: 'ok',
  }
})

// ── Numbers ────────────────────────────────────────────────────────────────────────────────────

const addNumber = command(
  'numbers:add',
  fc.record({
    kind: fc.constantFrom('new', 'new', 'existing', 'garbage'),
    pick: fc.nat(),
    national: fc.boolean(),
  }),
  ({ kind, pick, national }, plan) => {
    const existing = at(plan.numbers, pick)?.number
    const fresh = `+4921198${String(pick % 100_000).padStart(5, '0')}`
    const number = kind === 'existing' && existing ? existing : kind === 'garbage' ? '0211 ab' : fresh
    const inPool = plan.numbers.some((entry) => entry.number === number)
    return {
      channel: 'numbers:add',
      payload: { number: typed(plan, number, national) },
      scope: 'admin',
      expect: kind === 'garbage' ? 'validation' : inPool ? 'conflict' : 'ok',
      after: (_data, _before, after) => {
        expect(after.numbers.find((entry) => entry.number === number)?.assignedTo).toBeNull()
      },
    }
  },
)

const addBlock = command(
  'numbers:addBlock',
  fc.record({ pick: fc.nat({ max: 30 }), count: fc.integer({ min: 1, max: 10 }) }),
  ({ pick, count }, plan) => {
    const base = `+4921199${String(pick).padStart(3, '0')}`
    const members = Array.from({ length: count }, (_, i) => `${base}${i}`)
    const overlap = members.some((number) => plan.numbers.some((entry) => entry.number === number))
    return {
      channel: 'numbers:addBlock',
      payload: { base: `${base}0`, count },
      scope: 'admin',
      expect: overlap ? 'conflict' : 'ok',
      after: (_data, before, after) => {
        expect(after.numbers.length).toBe(before.numbers.length + count)
        for (const number of members)
          expect(after.numbers.some((entry) => entry.number === number)).toBe(true)
      },
    }
  },
)

const assignNumber = command(
  'numbers:assign',
  fc.record({
    number: fc.nat(),
    free: fc.boolean(),
    toFax: fc.boolean(),
    target: fc.nat(),
    national: fc.boolean(),
  }),
  (args, plan) => {
    const pool = args.free ? freeNumbers(plan) : plan.numbers.map((entry) => entry.number)
    const number = at(pool, args.number)
    if (!number) return null
    const current = plan.numbers.find((entry) => entry.number === number)?.assignedTo ?? null
    const line = args.toFax ? at(plan.faxLines, args.target) : undefined
    const user = at(plan.users, args.target)
    if (!user) return null
    const target: Target = line ? { kind: 'fax', id: line.id } : { kind: 'user', id: user.id }
    const owners = [ownerOf(plan, target), ownerOf(plan, current)].filter((id): id is string => id !== null)
    const lineHasNumber = line !== undefined && numbersOf(plan, target).length > 0
    const unsure =
      current !== null || lineHasNumber || (target.kind === 'user' && !user.permissions.telephony)
    return {
      channel: 'numbers:assign',
      payload: { number: typed(plan, number, args.national), target },
      scope: line ? 'admin' : 'self',
      owners,
      expect: unsure ? 'any' : 'ok',
      after: (_data, _before, after) => {
        expect(after.numbers.find((entry) => entry.number === number)?.assignedTo).toEqual(target)
      },
    }
  },
)

const unassignNumber = command('numbers:unassign', fc.nat(), (pick, plan) => {
  const entry = at(plan.numbers, pick)
  if (!entry) return null
  const owner = ownerOf(plan, entry.assignedTo)
  return {
    channel: 'numbers:unassign',
    payload: { number: entry.number },
    scope: entry.assignedTo?.kind === 'fax' ? 'admin' : 'self',
    owners: owner === null ? [] : [owner],
    expect: entry.assignedTo === null ? 'any' : 'ok',
    after: (_data, _before, after) => {
      expect(after.numbers.find((stored) => stored.number === entry.number)?.assignedTo).toBeNull()
    },
  }
})

const removeNumber = command(
  'numbers:remove',
  fc.record({ pick: fc.nat(), confirm: fc.boolean(), unknown: fc.boolean() }),
  ({ pick, confirm, unknown }, plan) => {
    const entry = unknown ? undefined : at(plan.numbers, pick)
    const number = entry?.number ?? '+4921197000000'
    const known = plan.numbers.some((stored) => stored.number === number)
    return {
      channel: 'numbers:remove',
      payload: { number, confirm },
      scope: 'admin',
      expect: !known ? 'not_found' : entry?.assignedTo && !confirm ? 'refused' : 'ok',
      after: (_data, _before, after) => {
        expect(after.numbers.some((stored) => stored.number === number)).toBe(false)
      },
    }
  },
)

// ── Extensions ─────────────────────────────────────────────────────────────────────────────────

const blockedExtensions = ['110', '112', '1199', '211', '311', '911', '9110', '999', '9990', '9900', '9999']
const invalidExtensions = ['1', '12345', 'ab', '1a', '']

function freeExtension(plan: Plan, pick: number): string {
  const taken = new Set(plan.extensions.map((entry) => entry.extension))
  for (let i = 0; i < 10_000; i++) {
    const candidate = String(20 + ((pick + i) % 9_980))
    if (!taken.has(candidate) && extensionRuleBroken(candidate) === null) return candidate
  }
  throw new Error('no free extension')
}

const addExtension = command(
  'extensions:add',
  fc.record({
    pick: fc.nat(),
    toFax: fc.boolean(),
    kind: fc.constantFrom('free', 'free', 'blocked', 'taken', 'invalid'),
  }),
  ({ pick, toFax, kind }, plan) => {
    const line = toFax ? at(plan.faxLines, pick) : undefined
    const user = at(plan.users, pick)
    if (!user) return null
    const owner: Target = line ? { kind: 'fax', id: line.id } : { kind: 'user', id: user.id }
    const existing = at(plan.extensions, pick)
    let extension: string
    let expectation: Expectation
    if (kind === 'blocked') {
      extension = at(blockedExtensions, pick) as string
      expectation = 'validation'
    } else if (kind === 'invalid') {
      extension = at(invalidExtensions, pick) as string
      expectation = 'validation'
    } else if (kind === 'taken' && existing) {
      extension = existing.extension
      expectation = sameTarget(existing.owner, owner) ? 'any' : 'conflict'
    } else {
      extension = freeExtension(plan, pick)
      expectation = extensionsOf(plan, owner).length >= 20 ? 'any' : 'ok'
    }
    return {
      channel: 'extensions:add',
      payload: { owner, extension },
      // Fax lines are admin-only (their extensions too).
      scope: line ? 'admin' : 'self',
      owners: [ownerOf(plan, owner) ?? NOBODY],
      expect: expectation,
      after: (_data, _before, after) => {
        expect(extensionsOf(after, owner)).toContain(extension)
      },
    }
  },
)

const removeExtension = command(
  'extensions:remove',
  fc.record({ pick: fc.nat(), unknown: fc.boolean() }),
  ({ pick, unknown }, plan) => {
    const entry = at(plan.extensions, pick)
    if (!entry) return null
    const extension = unknown ? freeExtension(plan, pick) : entry.extension
    return {
      channel: 'extensions:remove',
      payload: { owner: entry.owner, extension },
      scope: entry.owner.kind === 'fax' ? 'admin' : 'self',
      owners: [ownerOf(plan, entry.owner) ?? NOBODY],
      expect: unknown ? 'refused' : 'ok',
      after: (_data, _before, after) => {
        expect(after.extensions.some((stored) => stored.extension === extension)).toBe(false)
      },
    }
  },
)

const checkExtension = command(
  'extensions:check',
  fc.record({ pick: fc.nat(), kind: fc.constantFrom('free', 'blocked', 'taken', 'invalid') }),
  ({ pick, kind }, plan) => {
    const existing = at(plan.extensions, pick)
    const extension =
      kind === 'blocked'
        ? (at(blockedExtensions, pick) as string)
        : kind === 'invalid'
          ? (at(invalidExtensions, pick) as string)
          : kind === 'taken' && existing
            ? existing.extension
            : freeExtension(plan, pick)
    const status =
      extensionRuleBroken(extension) === 'digits'
        ? 'invalid'
        : extensionRuleBroken(extension)
          ? 'blocked'
          : plan.extensions.some((entry) => entry.extension === extension)
            ? 'taken'
            : 'free'
    return {
      channel: 'extensions:check',
      payload: { extension },
      scope: 'read',
      expect: 'ok',
      after: (data) => {
        const check = data as ExtensionCheck
        expect(check.status).toBe(status)
        const taken = new Set(plan.extensions.map((entry) => entry.extension))
        for (const suggestion of check.suggestions) {
          expect(taken.has(suggestion)).toBe(false)
          expect(extensionRuleBroken(suggestion)).toBeNull()
        }
      },
    }
  },
)

// ── Devices ────────────────────────────────────────────────────────────────────────────────────

const deviceKinds = [
  'voip',
  'voipNoMac',
  'voipDuplicateMac',
  'voipBadMac',
  'mobile',
  'mobileFixedLine',
  'external',
  'externalGarbage',
  'emptyName',
] as const

const addDevice = command(
  'devices:add',
  fc.record({ pick: fc.nat(), kind: fc.constantFrom(...deviceKinds), serial: fc.nat({ max: 0xffffff }) }),
  ({ pick, kind, serial }, plan) => {
    const user = at(plan.users, pick)
    if (!user) return null
    const hex = serial.toString(16).padStart(6, '0')
    const mac = `AA-BB-CC-${hex.slice(0, 2)}-${hex.slice(2, 4)}-${hex.slice(4)}`.toUpperCase()
    const normalised = mac.toLowerCase().replace(/-/g, ':')
    const existingMac = at(
      plan.devices.flatMap((device) => (device.type === 'voip' && device.mac !== null ? [device.mac] : [])),
      pick,
    )
    let device: Record<string, unknown>
    let expectation: Expectation = 'ok'
    switch (kind) {
      case 'voip':
        device = { type: 'voip', name: 'Tischtelefon', model: 'Yealink T54W', mac }
        if (plan.devices.some((entry) => entry.type === 'voip' && entry.mac === normalised))
          expectation = 'conflict'
        break
      case 'voipNoMac':
        device = { type: 'voip', name: 'Konferenz' }
        break
      case 'voipDuplicateMac':
        if (!existingMac) return null
        device = { type: 'voip', name: 'Zweites Telefon', mac: existingMac.toUpperCase().replace(/:/g, '-') }
        expectation = 'conflict'
        break
      case 'voipBadMac':
        device = { type: 'voip', name: 'Telefon', mac: 'zz:zz' }
        expectation = 'validation'
        break
      case 'mobile':
        device = {
          type: 'mobile',
          name: 'Diensthandy',
          number: `+49 151 ${String(10_000_000 + serial).slice(0, 8)}`,
        }
        break
      case 'mobileFixedLine':
        device = { type: 'mobile', name: 'Handy', number: '+49 211 5558000' }
        expectation = 'validation'
        break
      case 'external':
        device = { type: 'external', name: 'Homeoffice', number: '+49 30 1234567' }
        break
      case 'externalGarbage':
        device = { type: 'external', name: 'Weiterleitung', number: 'abc' }
        expectation = 'validation'
        break
      case 'emptyName':
        device = { type: 'external', name: '  ', number: '+49 30 1234567' }
        expectation = 'validation'
        break
    }
    return {
      channel: 'devices:add',
      payload: { userId: user.id, device },
      scope: 'self',
      owners: [user.id],
      expect: expectation === 'ok' && !user.permissions.telephony ? 'any' : expectation,
      after: (_data, before, after) => {
        expect(after.devices.length).toBe(before.devices.length + 1)
        if (kind === 'voip')
          expect(after.devices.some((entry) => entry.type === 'voip' && entry.mac === normalised)).toBe(true)
      },
    }
  },
)

const renameDevice = command(
  'devices:rename',
  fc.record({ pick: fc.nat(), empty: fc.boolean() }),
  ({ pick, empty }, plan) => {
    const device = at(plan.devices, pick)
    if (!device) return null
    const name = empty ? '   ' : `Gerät ${pick % 100}`
    return {
      channel: 'devices:rename',
      payload: { id: device.id, name },
      scope: 'self',
      owners: [device.userId],
      expect: empty ? 'validation' : 'ok',
      after: (_data, _before, after) => {
        expect(after.devices.find((entry) => entry.id === device.id)?.name).toBe(name)
      },
    }
  },
)

const removeDevice = command(
  'devices:remove',
  fc.record({ pick: fc.nat(), kind: fc.constantFrom('other', 'other', 'app', 'unknown') }),
  ({ pick, kind }, plan) => {
    const device =
      kind === 'unknown'
        ? undefined
        : at(
            plan.devices.filter((entry) => (entry.type === 'app') === (kind === 'app')),
            pick,
          )
    if (kind !== 'unknown' && !device) return null
    return {
      channel: 'devices:remove',
      payload: { id: device?.id ?? NOBODY },
      scope: 'self',
      owners: [device?.userId ?? NOBODY],
      // The app goes only with the telephony permission.
      expect: !device ? 'not_found' : device.type === 'app' ? 'refused' : 'ok',
      after: (_data, _before, after) => {
        expect(after.devices.some((entry) => entry.id === device?.id)).toBe(false)
      },
    }
  },
)

const setDeviceActive = command(
  'devices:setActive',
  fc.record({ pick: fc.nat(), active: fc.boolean() }),
  ({ pick, active }, plan) => {
    const device = at(plan.devices, pick)
    if (!device) return null
    return {
      channel: 'devices:setActive',
      payload: { id: device.id, active },
      scope: 'self',
      owners: [device.userId],
      expect: 'ok',
      after: (_data, _before, after) => {
        expect(after.devices.find((entry) => entry.id === device.id)?.active).toBe(active)
      },
    }
  },
)

// ── Fax ────────────────────────────────────────────────────────────────────────────────────────

const addFax = command(
  'fax:add',
  fc.record({
    pick: fc.nat(),
    withFax: fc.boolean(),
    number: fc.constantFrom('none', 'free', 'taken'),
    send: fc.boolean(),
    receive: fc.boolean(),
  }),
  ({ pick, withFax, number, send, receive }, plan) => {
    const faxUsers = plan.users.filter((entry) => entry.permissions.fax)
    const user = at(withFax && faxUsers.length > 0 ? faxUsers : plan.users, pick)
    if (!user) return null
    const problems: ErrorCode[] = []
    if (!user.permissions.fax) problems.push('conflict')
    if (!send && !receive) problems.push('validation')
    let chosen: string | null = null
    if (number === 'free') chosen = at(freeNumbers(plan), pick) ?? null
    if (number === 'taken') {
      chosen =
        at(
          plan.numbers.filter((entry) => entry.assignedTo !== null),
          pick,
        )?.number ?? null
      if (chosen !== null) problems.push('conflict')
    }
    return {
      channel: 'fax:add',
      payload: { userId: user.id, alias: `Fax ${pick % 10}`, number: chosen, send, receive },
      scope: 'admin',
      expect: problems.length === 0 ? 'ok' : problems,
      after: (data, _before, after) => {
        const id = (data as { id: string }).id
        expect(after.faxLines.some((line) => line.id === id && line.userId === user.id)).toBe(true)
        if (chosen !== null) expect(numbersOf(after, { kind: 'fax', id })).toEqual([chosen])
      },
    }
  },
)

const updateFax = command(
  'fax:update',
  fc.record({
    pick: fc.nat(),
    change: fc.constantFrom('alias', 'emptyAlias', 'release', 'free', 'directions', 'neither'),
  }),
  ({ pick, change }, plan) => {
    const line = at(plan.faxLines, pick)
    if (!line) return null
    const payload: Record<string, unknown> = { id: line.id }
    let expectation: Expectation = 'ok'
    if (change === 'alias') payload.alias = `Fax neu ${pick % 10}`
    if (change === 'emptyAlias') {
      payload.alias = ' '
      expectation = 'validation'
    }
    if (change === 'release') payload.number = null
    if (change === 'free') {
      const free = at(freeNumbers(plan), pick)
      if (!free) return null
      payload.number = free
    }
    if (change === 'directions') {
      payload.send = true
      payload.receive = pick % 2 === 0
    }
    if (change === 'neither') {
      payload.send = false
      payload.receive = false
      expectation = 'validation'
    }
    return {
      channel: 'fax:update',
      payload,
      scope: 'admin',
      expect: expectation,
      after: (_data, _before, after) => {
        if (change === 'release') expect(numbersOf(after, { kind: 'fax', id: line.id })).toEqual([])
        if (change === 'free')
          expect(numbersOf(after, { kind: 'fax', id: line.id })).toEqual([payload.number])
      },
    }
  },
)

const removeFax = command('fax:remove', fc.nat(), (pick, plan) => {
  const line = at(plan.faxLines, pick)
  return {
    channel: 'fax:remove',
    payload: { id: line?.id ?? NOBODY },
    scope: 'admin',
    expect: line ? 'ok' : 'not_found',
    after: (_data, before, after) => {
      if (!line) return
      expect(after.faxLines.some((entry) => entry.id === line.id)).toBe(false)
      for (const number of numbersOf(before, { kind: 'fax', id: line.id })) {
        expect(after.numbers.find((entry) => entry.number === number)?.assignedTo).toBeNull()
      }
    },
  }
})

// ── Routing ────────────────────────────────────────────────────────────────────────────────────

const setVoicemail = command(
  'routing:setVoicemail',
  fc.record({
    pick: fc.nat(),
    enabled: fc.boolean(),
    timeout: fc.oneof(fc.constantFrom(-1, 0, 4, 5, 600, 601, 100_000), fc.integer({ min: 5, max: 600 })),
  }),
  ({ pick, enabled, timeout }, plan) => {
    const user = at(plan.users, pick)
    if (!user) return null
    const inRange = timeout >= 5 && timeout <= 600
    return {
      channel: 'routing:setVoicemail',
      payload: { userId: user.id, enabled, timeoutSeconds: timeout },
      scope: 'self',
      owners: [user.id],
      expect: inRange ? 'ok' : 'validation',
      after: (data, _before, after) => {
        expect((data as Routing).voicemail).toEqual({ enabled, timeoutSeconds: timeout })
        expect(after.users.find((entry) => entry.id === user.id)?.voicemail).toEqual({
          enabled,
          timeoutSeconds: timeout,
        })
      },
    }
  },
)

// ── Locations ──────────────────────────────────────────────────────────────────────────────────

const createLocation = command(
  'locations:create',
  fc.constantFrom('valid', 'lowercaseCountry', 'noCity', 'noPostcode', 'badCountry'),
  (kind) => {
    const payload = {
      name: 'Büro Köln',
      street: 'Domstraße',
      houseNumber: '12a',
      postcode: kind === 'noPostcode' ? ' ' : '50667',
      city: kind === 'noCity' ? '' : 'Köln',
      country: kind === 'lowercaseCountry' ? 'de' : kind === 'badCountry' ? '1' : 'DE',
    }
    return {
      channel: 'locations:create',
      payload,
      scope: 'admin',
      expect: kind === 'valid' || kind === 'lowercaseCountry' ? 'ok' : 'validation',
      after: (data) => {
        expect((data as { country: string }).country).toBe('DE')
      },
    }
  },
)

const updateLocation = command(
  'locations:update',
  fc.record({ pick: fc.nat(), change: fc.constantFrom('name', 'city', 'emptyCity') }),
  ({ pick, change }, plan) => {
    const location = at(plan.locations, pick)
    const payload: Record<string, unknown> = { id: location?.id ?? NOBODY }
    if (change === 'name') payload.name = `Standort ${pick % 10}`
    if (change === 'city') payload.city = 'Bonn'
    if (change === 'emptyCity') payload.city = ''
    return {
      channel: 'locations:update',
      payload,
      scope: 'admin',
      expect: !location ? 'not_found' : change === 'emptyCity' ? 'validation' : 'ok',
    }
  },
)

const deleteLocation = command(
  'locations:delete',
  fc.record({ pick: fc.nat(), confirm: fc.boolean() }),
  ({ pick, confirm }, plan) => {
    const location = at(plan.locations, pick)
    if (!location) return null
    const inUse = plan.users.some((user) => user.locationId === location.id)
    return {
      channel: 'locations:delete',
      payload: { id: location.id, confirm },
      scope: 'admin',
      expect: inUse && !confirm ? 'refused' : 'ok',
      after: (_data, _before, after) => {
        expect(after.locations.some((entry) => entry.id === location.id)).toBe(false)
        expect(after.users.some((user) => user.locationId === location.id)).toBe(false)
      },
    }
  },
)

const setLocation = command(
  'users:setLocation',
  fc.record({ pick: fc.nat(), location: fc.constantFrom('some', 'none', 'unknown') }),
  ({ pick, location }, plan) => {
    const user = at(plan.users, pick)
    if (!user) return null
    const chosen = location === 'some' ? at(plan.locations, pick) : undefined
    if (location === 'some' && !chosen) return null
    const locationId = location === 'none' ? null : location === 'unknown' ? NOBODY : (chosen?.id as string)
    return {
      channel: 'users:setLocation',
      payload: { id: user.id, locationId },
      scope: 'self',
      owners: [user.id],
      expect: location === 'unknown' ? 'not_found' : 'ok',
      after: (_data, _before, after) => {
        expect(after.users.find((entry) => entry.id === user.id)?.locationId).toBe(locationId)
      },
    }
  },
)

// ── Plan settings ──────────────────────────────────────────────────────────────────────────────

const updateSettings = command(
  'plan:updateSettings',
  fc.record({
    name: fc.option(fc.constantFrom('Neue Firma GmbH', '  '), { nil: undefined }),
    country: fc.option(fc.constantFrom('DE', 'at', 'CH'), { nil: undefined }),
    price: fc.option(fc.constantFrom(0, 4.95, 9.9, 12.5), { nil: undefined }),
  }),
  ({ name, country, price }) => {
    const payload: Record<string, unknown> = {}
    if (name !== undefined) payload.name = name
    if (country !== undefined) payload.country = country
    if (price !== undefined) payload.extraDevicePrice = price
    return {
      channel: 'plan:updateSettings',
      payload,
      scope: 'admin',
      expect: name !== undefined && name.trim() === '' ? 'validation' : 'ok',
      after: (_data, _before, after) => {
        if (price !== undefined) expect(after.account.extraDevicePrice).toBe(price)
        if (country !== undefined) expect(after.account.country).toBe(country.toUpperCase())
      },
    }
  },
)

const commands = [
  switchUser,
  switchUser,
  switchUser,
  setPassword,
  createUser,
  createUser,
  updateUser,
  deleteUser,
  deletionImpact,
  setAdmin,
  setPermissions,
  getUser,
  addNumber,
  addBlock,
  assignNumber,
  assignNumber,
  unassignNumber,
  removeNumber,
  addExtension,
  addExtension,
  removeExtension,
  checkExtension,
  addDevice,
  addDevice,
  renameDevice,
  removeDevice,
  setDeviceActive,
  addFax,
  updateFax,
  removeFax,
  setVoicemail,
  createLocation,
  updateLocation,
  deleteLocation,
  setLocation,
  updateSettings,
  travel('undo'),
  travel('undo'),
  travel('redo'),
  travel('redo'),
]

async function setUp(size: number, seed: number): Promise<Real> {
  const temp = await tempPlanPath('switchboard-model-')
  // Several admins, fax lines and devices from the start; every third user is an admin.
  // Written as the store writes it (compact, schema key order), so undoing the first change
  // gives back the very bytes of the file as it was.
  const generated = planSchema.parse(generatePlan(size, { seed, adminEvery: 3 }))
  await writeFile(temp.file, `${JSON.stringify(generated)}\n`)
  const store = await PlanStore.open(temp.file, { language: 'en' })
  // Fast scrypt and no waiting after a wrong password: the rules are the same, only the cost differs.
  const session = new Session('en', {
    sleep: async () => undefined,
    passwordParams: { N: 2 ** 4, r: 8, p: 1 },
  })
  const real: Real = { backend: createBackendWith(store, session), file: temp.file, remove: temp.remove }
  opened.push(real)
  return real
}

/** Runs random command sequences against a fresh generated plan each time (see `Parameters`). */
async function runModel(parameters: Pick<fc.Parameters<unknown>, 'seed' | 'numRuns'>): Promise<void> {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 3, max: 9 }),
      fc.nat(),
      fc.commands(commands, { maxCommands: 50, size: 'max' }),
      async (size, seed, sequence) => {
        const real = await setUp(size, seed)
        try {
          await checkInvariants(real)
          await fc.asyncModelRun(
            () => ({ model: { passwords: new Map(), undo: [], redo: [] }, real }),
            sequence,
          )
        } finally {
          await real.remove()
        }
      },
    ),
    parameters,
  )
}

describe('the whole account model under random operations', () => {
  it('keeps every invariant, answers rights and rules as DOMAIN.md says, and reloads the same plan', async () => {
    // A fixed seed, so the check below that the mix reached the handlers cannot flake; replay
    // another with MODEL_SEED=<n>.
    tally.clear()
    await runModel({ seed: Number(process.env.MODEL_SEED ?? 20261127), numRuns: 25 })
    // The mix reached the handlers: each of these succeeded at least once over all runs.
    const succeeded = [...tally].filter(([, counts]) => counts.ok > 0).map(([channel]) => channel)
    for (const channel of [
      'session:switch',
      'users:create',
      'users:delete',
      'users:setPermissions',
      'numbers:add',
      'numbers:assign',
      'extensions:add',
      'devices:add',
      'devices:remove',
      'routing:setVoicemail',
      'locations:create',
      'plan:undo',
      'plan:redo',
    ] satisfies ChannelName[]) {
      expect(succeeded, `${channel} never succeeded`).toContain(channel)
    }
  })

  it('keeps every invariant on sequences never tried before (a new seed each run; a failure prints it)', async () => {
    await runModel({ numRuns: 10 })
  })
})
