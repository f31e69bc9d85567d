import { readFile } from 'node:fs/promises'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { channelNames } from '../shared/channels'
import type { ChannelName } from '../shared/channels'
import { LIMITS, languages, userSortKeys } from '../shared/domain'
import { errorCodes } from '../shared/result'
import type { Result } from '../shared/result'
import { createBackend } from './backend'
import type { Backend } from './backend'
import { tempPlanPath } from './testing/generatePlan'

/**
 * RELIABILITY.md 17: every payload is parsed by a strict schema; whatever arrives, the backend
 * answers with a Result whose error code is in the closed list, and a refused call changes
 * nothing on disk or in memory.
 */

let temp: Awaited<ReturnType<typeof tempPlanPath>>
let backend: Backend

beforeAll(async () => {
  temp = await tempPlanPath('switchboard-fuzz-')
  backend = await createBackend(temp.file, 'en')
})
afterAll(async () => {
  await temp.remove()
})

const anything = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
})

const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  anything,
  fc.constantFrom<unknown>(
    -1,
    -1e9,
    1e12,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    0.5,
    -0,
    2 ** 53 + 2,
    null,
    undefined,
    '',
    '   ',
    [],
    {},
    true,
    'true',
    '1',
    'de ',
    'EN',
    'Name',
  ),
  fc.integer({ min: LIMITS.search + 1, max: 5_000 }).map((length) => 'x'.repeat(length)),
  fc.constant('ü'.repeat(1_000_001)),
)

const text = (max: number) => fc.string({ maxLength: max })

/** Replaced, when the call is made, by the id of a user the acting admin may delete. */
const EXISTING = '<existing user>'

/** Fills in an existing user's id where the payload asks for one (its own property `id`). */
function withExistingId(payload: unknown): unknown {
  if (typeof payload !== 'object' || payload === null || !Object.hasOwn(payload, 'id')) return payload
  if ((payload as { id: unknown }).id !== EXISTING) return payload
  const target = backend.store.plan.users.find((user) => !user.admin)
  return { ...payload, id: target?.id ?? 'none left' }
}

/** A payload the schema accepts, per channel. */
const valid: Record<ChannelName, fc.Arbitrary<Record<string, unknown>>> = {
  'app:status': fc.constant({}),
  'app:setLanguage': fc.record({ language: fc.constantFrom(...languages) }),
  'session:actingUser': fc.constant({}),
  'users:list': fc.record(
    {
      search: text(LIMITS.search),
      sort: fc.constantFrom(...userSortKeys),
      descending: fc.boolean(),
      offset: fc.nat({ max: 10_000 }),
      limit: fc.integer({ min: 1, max: LIMITS.pageSize }),
    },
    { requiredKeys: [] },
  ),
  'users:create': fc.record({
    firstName: text(LIMITS.name),
    lastName: text(LIMITS.name),
    email: fc
      .oneof(
        fc.stringMatching(/^[a-z0-9][a-z0-9.+-]{0,30}@[a-z]{1,10}\.(de|com|org)$/),
        fc.emailAddress(),
        text(LIMITS.email),
      )
      .filter((email) => email.length <= LIMITS.email),
    language: fc.constantFrom(...languages),
    admin: fc.boolean(),
    permissions: fc.record({ telephony: fc.boolean(), fax: fc.boolean() }),
  }),
  'users:delete': fc.record({ id: fc.oneof(fc.constantFrom('a', 'x'.repeat(64), EXISTING), fc.uuid()) }),
}

type Mutation =
  | { kind: 'set'; pick: number; value: unknown }
  | { kind: 'delete'; pick: number }
  | { kind: 'extra'; key: string; value: unknown; nested: boolean }
  | { kind: 'wrap'; as: 'array' | 'string' | 'json' }

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), pick: fc.nat(), value: oddValue }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('extra' as const),
    key: fc.oneof(
      fc.string({ minLength: 1 }),
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString'),
    ),
    value: oddValue,
    nested: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('wrap' as const),
    as: fc.constantFrom('array' as const, 'string' as const, 'json' as const),
  }),
)

/** Every (object, key) pair in a payload, nested objects included. */
function slots(value: Record<string, unknown>): [Record<string, unknown>, string][] {
  const found: [Record<string, unknown>, string][] = []
  for (const key of Object.keys(value)) {
    found.push([value, key])
    const inner = value[key]
    if (typeof inner === 'object' && inner !== null && !Array.isArray(inner)) {
      found.push(...slots(inner as Record<string, unknown>))
    }
  }
  return found
}

/** Applies one mutation to a deep copy of a valid payload. Own properties only, even for `__proto__`. */
function mutate(payload: Record<string, unknown>, change: Mutation): unknown {
  const copy = structuredClone(payload)
  const targets = slots(copy)
  switch (change.kind) {
    case 'set': {
      const target = targets[change.pick % Math.max(1, targets.length)]
      if (!target) return change.value
      Object.defineProperty(target[0], target[1], { value: change.value, enumerable: true, writable: true })
      return copy
    }
    case 'delete': {
      const target = targets[change.pick % Math.max(1, targets.length)]
      if (target) delete target[0][target[1]]
      return copy
    }
    case 'extra': {
      const objects = [copy, ...targets.map(([owner]) => owner)]
      const owner = change.nested ? (objects[objects.length - 1] ?? copy) : copy
      if (Object.hasOwn(owner, change.key)) return copy
      Object.defineProperty(owner, change.key, { value: change.value, enumerable: true, writable: true })
      return copy
    }
    case 'wrap':
      return change.as === 'array' ? [copy] : change.as === 'string' ? String(copy) : JSON.stringify(copy)
  }
}

const payloadFor = (channel: ChannelName): fc.Arbitrary<unknown> =>
  fc.oneof(
    { arbitrary: anything, weight: 2 },
    {
      arbitrary: fc.tuple(valid[channel], mutation).map(([payload, change]) => mutate(payload, change)),
      weight: 3,
    },
    { arbitrary: valid[channel], weight: 1 },
  )

function checkShape(result: Result<unknown>): void {
  expect(typeof result.ok).toBe('boolean')
  // Crosses Electron's structured clone unchanged.
  expect(structuredClone(result)).toEqual(result)
  if (!result.ok) {
    expect(errorCodes).toContain(result.error.code)
    // 'internal' means a handler threw: no payload may cause that.
    expect(result.error.code).not.toBe('internal')
    expect(typeof result.error.message).toBe('string')
    expect(result.error.message.length).toBeGreaterThan(0)
    expect(result.error.message.length).toBeLessThan(2_000)
    if (result.error.field !== undefined) expect(typeof result.error.field).toBe('string')
  }
}

describe('backend.call with arbitrary payloads', () => {
  for (const channel of channelNames) {
    it(`${channel}: never throws, answers a Result, and a refused call changes nothing`, async () => {
      let accepted = 0
      await fc.assert(
        fc.asyncProperty(payloadFor(channel), async (generated) => {
          const payload = withExistingId(generated)
          const bytesBefore = await readFile(temp.file)
          const planBefore = structuredClone(backend.store.plan)
          const result = await backend.call(channel, payload)
          checkShape(result)
          if (result.ok) accepted += 1
          if (!result.ok) {
            expect(await readFile(temp.file)).toEqual(bytesBefore)
            expect(backend.store.plan).toEqual(planBefore)
          }
        }),
        { numRuns: 200 },
      )
      // The valid payloads in the mix did reach the handlers.
      expect(accepted).toBeGreaterThan(0)
    })
  }

  it('answers not_found for any channel name that is not in the contract, and changes nothing', async () => {
    const bytesBefore = await readFile(temp.file)
    const unknownName = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constantFrom(
        '__proto__',
        'constructor',
        'toString',
        'users:',
        'USERS:LIST',
        'users:list ',
        'users:update',
      ),
    )
    await fc.assert(
      fc.asyncProperty(
        unknownName.filter((name) => !(channelNames as readonly string[]).includes(name)),
        anything,
        async (name, payload) => {
          const result = await backend.call(name, payload)
          checkShape(result)
          expect(result.ok).toBe(false)
          if (!result.ok) expect(result.error.code).toBe('not_found')
        },
      ),
      { numRuns: 300 },
    )
    expect(await readFile(temp.file)).toEqual(bytesBefore)
  })

  it('keeps messages short when the payload echoes a huge key, and survives a non-string channel', async () => {
    const hugeKey = await backend.call('app:status', { ['k'.repeat(100_000)]: 1 })
    checkShape(hugeKey)
    expect(!hugeKey.ok && hugeKey.error.code).toBe('validation')
    for (const channel of [42, null, undefined, { toString: () => 'users:list' }, ['users:list']]) {
      const result = await backend.call(channel as unknown as string, {})
      checkShape(result)
      expect(!result.ok && result.error.code).toBe('not_found')
    }
  })
})
