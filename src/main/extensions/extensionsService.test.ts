import { beforeEach, describe, expect, it } from 'vitest'
import type { Language, Target } from '../../shared/domain'
import { ok } from '../../shared/result'
import type { Result } from '../../shared/result'
import type { Actor } from '../rights'
import { createDefaultPlan, newId } from '../store/planFile'
import type { Plan, StoredUser } from '../store/planFile'
import { PlanStore } from '../store/planStore'
import { actor, expectError, expectOk, fileBytes, openTestPlan } from '../testing/planFixture'
import { extensionRuleBroken, suggestExtensions } from './extensionRules'
import { addExtension, checkExtension, removeExtension } from './extensionsService'

let store: PlanStore

beforeEach(async () => {
  store = await openTestPlan('switchboard-extensions-')
})

const anna = (): StoredUser => store.plan.users[0]!
const ben = (): StoredUser => store.plan.users[1]!
const userTarget = (user: StoredUser): Target => ({ kind: 'user', id: user.id })

function run<T>(actor: Actor, change: (draft: Plan, actor: Actor) => Result<T>): Promise<Result<T>> {
  return store.update(actor.language, (draft) => change(draft, actor))
}

const extensionsOf = (target: Target): string[] =>
  store.plan.extensions
    .filter((entry) => entry.owner.kind === target.kind && entry.owner.id === target.id)
    .map((entry) => entry.extension)

async function faxLineForBen(alias = 'Office fax'): Promise<Target> {
  const id = newId()
  expectOk(
    await store.update('en', (draft) => {
      draft.users[1]!.permissions.fax = true
      draft.faxLines.push({ id, userId: draft.users[1]!.id, alias, send: true, receive: true })
      return ok(null)
    }),
  )
  return { kind: 'fax', id }
}

const blocked = [
  '110',
  '1100',
  '112',
  '119',
  '1199',
  '211',
  '2110',
  '311',
  '511',
  '911',
  '9110',
  '999',
  '9990',
  '9900',
  '9950',
  '9999',
]
const allowed = ['11', '12', '21', '99', '100', '120', '210', '212', '990', '9899', '1010', '2101']

describe('the rules (extensionRuleBroken)', () => {
  it.each(blocked)('%s is blocked', (extension) => {
    expect(extensionRuleBroken(extension)).not.toBeNull()
    expect(extensionRuleBroken(extension)).not.toBe('digits')
  })
  it.each(allowed)('%s is allowed', (extension) => {
    expect(extensionRuleBroken(extension)).toBeNull()
  })
  it.each(['', '1', '12345', '1a', ' 12', '-12', '1.2'])('"%s" is not 2–4 digits', (extension) => {
    expect(extensionRuleBroken(extension)).toBe('digits')
  })
})

describe('extensions:check', () => {
  const check = (typed: string, language: Language = 'en') => checkExtension(store.plan, language, typed)

  it('a free extension: no message, suggestions after it', () => {
    expect(check('12')).toEqual({
      extension: '12',
      status: 'free',
      message: null,
      owner: null,
      suggestions: ['13', '14', '15', '16', '17'],
    })
  })

  it('a taken extension names its owner', () => {
    const result = check(' 11 ')
    expect(result).toMatchObject({
      extension: '11',
      status: 'taken',
      owner: { kind: 'user', id: ben().id, name: 'Ben Ott' },
    })
    expect(result.message).toBe('Extension 11 is already used by Ben Ott.')
    expect(check('11', 'de').message).toBe('Die Durchwahl 11 wird schon von Ben Ott verwendet.')
  })

  it.each([
    ['110', /may not start with 110–119 \(emergency numbers\)/],
    ['1100', /may not start with 110–119 \(emergency numbers\)/],
    ['119', /110–119/],
    ['1199', /110–119/],
    ['211', /may not start with 211 \(211, 311, … 911 are service numbers\)/],
    ['2110', /may not start with 211/],
    ['911', /may not start with 911/],
    ['999', /may not start with 999 \(emergency number\)/],
    ['9990', /may not start with 999/],
    ['9900', /9900–9999 are reserved/],
    ['9999', /may not start with 999/],
  ])('%s is blocked, the rule named', (extension, rule) => {
    const result = check(extension)
    expect(result.status).toBe('blocked')
    expect(result.message).toMatch(rule)
    expect(result.message).toContain(`Extension ${extension} is not allowed`)
    expect(check(extension, 'de').message).toMatch(/ist nicht erlaubt/)
  })

  it.each(['11', '21', '100', '120', '210', '212', '990', '9899'])(
    '%s is allowed (free or taken, never blocked)',
    (extension) => {
      expect(['free', 'taken']).toContain(check(extension).status)
    },
  )

  it.each(['', '1', '12345', 'ab', '1 2'])(
    '"%s" is invalid, with a message and suggestions from 10',
    (typed) => {
      const result = check(typed)
      expect(result.status).toBe('invalid')
      expect(result.message).not.toBeNull()
      expect(result.suggestions).toEqual(['12', '13', '14', '15', '16'])
    },
  )

  it('suggestions skip taken and blocked extensions, starting at the typed value', () => {
    // 10 and 11 are taken; 110–119 are blocked.
    expect(check('10').suggestions).toEqual(['12', '13', '14', '15', '16'])
    expect(check('108').suggestions).toEqual(['109', '120', '121', '122', '123'])
    expect(check('112').suggestions).toEqual(['120', '121', '122', '123', '124'])
    expect(check('209').suggestions).toEqual(['210', '212', '213', '214', '215'])
    expect(check('98').suggestions).toEqual(['99', '100', '101', '102', '103'])
    expect(check('9897').suggestions).toEqual(['9898', '9899'])
  })

  it('uses the planIndex of the current plan state: a new extension is taken right away', async () => {
    expect(check('12').status).toBe('free')
    expectOk(
      await run(actor(anna()), (draft, actor) =>
        addExtension(draft, actor, { owner: userTarget(ben()), extension: '12' }),
      ),
    )
    expect(check('12').status).toBe('taken')
    expect(check('10').suggestions[0]).toBe('13')
  })

  it('suggestExtensions takes the index Map as it is', () => {
    const taken = new Map([['12', null]])
    expect(suggestExtensions(taken, '11', 2)).toEqual(['13', '14'])
  })
})

describe('extensions:add', () => {
  it('trims and adds an extension to a user', async () => {
    expect(
      expectOk(
        await run(actor(anna()), (draft, actor) =>
          addExtension(draft, actor, { owner: userTarget(ben()), extension: ' 21 ' }),
        ),
      ),
    ).toEqual({
      extension: '21',
    })
    expect(extensionsOf(userTarget(ben()))).toEqual(['11', '21'])
  })

  it('refuses invalid and blocked extensions with a validation error naming the rule', async () => {
    const before = await fileBytes(store)
    for (const [extension, rule] of [
      ['1', /2 to 4 digits/],
      ['12a', /2 to 4 digits/],
      ['12345', /2 to 4 digits/],
      ['112', /110–119/],
      ['7110', /may not start with 711/],
      ['9955', /reserved/],
    ] as const) {
      const failure = expectError(
        await run(actor(anna()), (draft, actor) =>
          addExtension(draft, actor, { owner: userTarget(ben()), extension }),
        ),
      )
      expect(failure).toMatchObject({ code: 'validation', field: 'extension' })
      expect(failure.message).toMatch(rule)
    }
    expect(await fileBytes(store)).toEqual(before)
  })

  it('an extension somebody else has is a conflict naming them; the owner’s own is fine', async () => {
    const before = await fileBytes(store)
    const failure = expectError(
      await run(actor(anna()), (draft, actor) =>
        addExtension(draft, actor, { owner: userTarget(ben()), extension: '10' }),
      ),
    )
    expect(failure).toMatchObject({ code: 'conflict', field: 'extension' })
    expect(failure.message).toBe('Extension 10 is already used by Anna Schmidt.')
    expect(await fileBytes(store)).toEqual(before)
    expectOk(
      await run(actor(anna()), (draft, actor) =>
        addExtension(draft, actor, { owner: userTarget(ben()), extension: '11' }),
      ),
    )
    expect(extensionsOf(userTarget(ben()))).toEqual(['11'])
  })

  it('extensions are unique across users and fax lines', async () => {
    const fax = await faxLineForBen()
    expectOk(
      await run(actor(anna()), (draft, actor) => addExtension(draft, actor, { owner: fax, extension: '50' })),
    )
    const failure = expectError(
      await run(actor(anna()), (draft, actor) =>
        addExtension(draft, actor, { owner: userTarget(anna()), extension: '50' }),
      ),
    )
    expect(failure.code).toBe('conflict')
    expect(failure.message).toMatch(/used by Office fax/)
    expect(checkExtension(store.plan, 'en', '50').owner).toEqual({ ...fax, name: 'Office fax' })
  })

  it('the owner must exist', async () => {
    for (const owner of [
      { kind: 'user', id: 'ghost' },
      { kind: 'fax', id: 'ghost' },
    ] as const) {
      expect(
        expectError(
          await run(actor(anna()), (draft, actor) => addExtension(draft, actor, { owner, extension: '50' })),
        ),
      ).toMatchObject({
        code: 'not_found',
        field: 'owner',
      })
    }
  })

  it('a user has at most 20 extensions', async () => {
    for (let extension = 21; extension < 40; extension++) {
      expectOk(
        await run(actor(anna()), (draft, actor) =>
          addExtension(draft, actor, { owner: userTarget(ben()), extension: String(extension) }),
        ),
      )
    }
    expect(extensionsOf(userTarget(ben()))).toHaveLength(20)
    const before = await fileBytes(store)
    const failure = expectError(
      await run(actor(anna()), (draft, actor) =>
        addExtension(draft, actor, { owner: userTarget(ben()), extension: '40' }),
      ),
    )
    expect(failure).toMatchObject({ code: 'validation', field: 'extension' })
    expect(failure.message).toBe('Ben Ott already has 20 extensions, the most allowed.')
    expect(await fileBytes(store)).toEqual(before)
    // Others are not limited by Ben's.
    expectOk(
      await run(actor(anna()), (draft, actor) =>
        addExtension(draft, actor, { owner: userTarget(anna()), extension: '40' }),
      ),
    )
  })

  it('a non-admin adds extensions to itself only (not to others, not to fax lines)', async () => {
    expectOk(
      await run(actor(ben()), (draft, actor) =>
        addExtension(draft, actor, { owner: userTarget(ben()), extension: '22' }),
      ),
    )
    expect(extensionsOf(userTarget(ben()))).toEqual(['11', '22'])
    const fax = await faxLineForBen()
    const before = await fileBytes(store)
    for (const owner of [userTarget(anna()), fax]) {
      const failure = expectError(
        await run(actor(ben()), (draft, actor) => addExtension(draft, actor, { owner, extension: '23' })),
      )
      expect(failure).toMatchObject({ code: 'forbidden', field: 'owner' })
    }
    expect(await fileBytes(store)).toEqual(before)
  })
})

describe('extensions:remove', () => {
  it('removes an extension of its owner', async () => {
    expectOk(
      await run(actor(anna()), (draft, actor) =>
        removeExtension(draft, actor, { owner: userTarget(ben()), extension: ' 11' }),
      ),
    )
    expect(extensionsOf(userTarget(ben()))).toEqual([])
  })

  it('the extension must belong to that owner', async () => {
    const before = await fileBytes(store)
    const failure = expectError(
      await run(actor(anna()), (draft, actor) =>
        removeExtension(draft, actor, { owner: userTarget(ben()), extension: '10' }),
      ),
    )
    expect(failure).toMatchObject({ code: 'not_found', field: 'extension' })
    expect(failure.message).toBe('Extension 10 does not belong to Ben Ott.')
    expect(
      expectError(
        await run(actor(anna()), (draft, actor) =>
          removeExtension(draft, actor, { owner: userTarget(ben()), extension: 'x' }),
        ),
      ),
    ).toMatchObject({
      code: 'validation',
      field: 'extension',
    })
    expect(await fileBytes(store)).toEqual(before)
  })

  it('a non-admin removes its own extensions only', async () => {
    const before = await fileBytes(store)
    expect(
      expectError(
        await run(actor(ben()), (draft, actor) =>
          removeExtension(draft, actor, { owner: userTarget(anna()), extension: '10' }),
        ),
      ).code,
    ).toBe('forbidden')
    expect(await fileBytes(store)).toEqual(before)
    expectOk(
      await run(actor(ben()), (draft, actor) =>
        removeExtension(draft, actor, { owner: userTarget(ben()), extension: '11' }),
      ),
    )
    expect(extensionsOf(userTarget(ben()))).toEqual([])
  })
})

describe('on a plain plan object', () => {
  it('check works on any confirmed plan', () => {
    const plan = createDefaultPlan('de')
    expect(checkExtension(plan, 'de', '10')).toMatchObject({
      status: 'taken',
      message: 'Die Durchwahl 10 wird schon von Anna Schmidt verwendet.',
    })
  })
})
