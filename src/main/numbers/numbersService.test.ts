import { beforeEach, describe, expect, it } from 'vitest'
import type { Target } from '../../shared/domain'
import type { ParsedInput } from '../../shared/contract'
import { ok } from '../../shared/result'
import type { Result } from '../../shared/result'
import type { Actor } from '../rights'
import { createDefaultPlan, newId } from '../store/planFile'
import type { Plan, StoredUser } from '../store/planFile'
import { PlanStore } from '../store/planStore'
import { actor, expectError, expectOk, fileBytes, openTestPlan, planOnDisk } from '../testing/planFixture'
import {
  addNumber,
  addNumberBlock,
  assignNumber,
  blockNumbers,
  listNumbers,
  removeNumber,
  unassignNumber,
} from './numbersService'
import { parseTypedNumber } from './typedNumber'

let store: PlanStore

beforeEach(async () => {
  store = await openTestPlan('switchboard-numbers-')
})

const anna = (): StoredUser => store.plan.users[0]!
const ben = (): StoredUser => store.plan.users[1]!
const userTarget = (user: StoredUser): Target => ({ kind: 'user', id: user.id })

function run<T>(actor: Actor, change: (draft: Plan, actor: Actor) => Result<T>): Promise<Result<T>> {
  return store.update(actor.language, (draft) => change(draft, actor))
}

const entryOf = (number: string) => store.plan.numbers.find((entry) => entry.number === number)

/** Gives Ben the fax permission and a fax line; returns the line's id. */
async function faxLineForBen(alias = 'Office fax'): Promise<string> {
  const id = newId()
  expectOk(
    await store.update('en', (draft) => {
      draft.users[1]!.permissions.fax = true
      draft.faxLines.push({ id, userId: draft.users[1]!.id, alias, send: true, receive: true })
      return ok(null)
    }),
  )
  return id
}

const list = (query: Partial<ParsedInput<'numbers:list'>> = {}) =>
  listNumbers(store.plan, { search: '', filter: 'all', offset: 0, limit: 50, ...query })

describe('typed numbers', () => {
  it.each([
    '0211 5558 7',
    '+49 211 55587',
    '0049 211 55587',
    '0211-5558-7',
    '(0211) 55587',
    '0211/55587',
    '+49 (211) 5558 7',
    '  0211 55587  ',
  ])('"%s" is stored as +4921155587 (plan country DE)', (typed) => {
    expect(parseTypedNumber(typed, 'DE')).toEqual({ ok: true, e164: '+4921155587' })
  })

  it('uses the plan country for numbers without +', () => {
    expect(parseTypedNumber('201 555 0123', 'US')).toEqual({ ok: true, e164: '+12015550123' })
    expect(parseTypedNumber('+1 201 555 0123', 'DE')).toEqual({ ok: true, e164: '+12015550123' })
  })

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'not_a_number'],
    ['0211 5558 O', 'not_a_number'],
    ['0211 55580 ext 5', 'not_a_number'],
    ['+49 211 +55580', 'not_a_number'],
    ['12', 'too_short'],
    ['+49 211', 'too_short'],
    ['+49 211 5558 0000 0000 0000', 'too_long'],
    ['+49 21155580000000', 'too_long'],
    ['+999 1234567', 'invalid_country'],
    ['+49 1234', 'invalid'],
  ])('"%s" is refused as %s', (typed, problem) => {
    const parsed = parseTypedNumber(typed, 'DE')
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.problem).toBe(problem)
  })
})

describe('numbers:add', () => {
  it('adds a number typed any way, in E.164, free', async () => {
    const added = expectOk(
      await run(actor(anna()), (draft, actor) => addNumber(draft, actor, { number: '0211 5558 90' })),
    )
    expect(added).toEqual({
      number: '+49211555890',
      national: '0211 555890',
      international: '+49 211 555890',
      assignedTo: null,
    })
    expect(entryOf('+49211555890')).toEqual({ number: '+49211555890', assignedTo: null })
    const onDisk = await planOnDisk(store)
    expect(onDisk.numbers.some((entry) => entry.number === '+49211555890')).toBe(true)
  })

  it('says why a number is invalid, naming the field and the country', async () => {
    const before = await fileBytes(store)
    const cases: [string, RegExp][] = [
      ['12', /too short/],
      ['+49 21155580000000', /too long/],
      ['hello', /not a phone number/],
      ['+49 1234', /not a valid phone number for Germany/],
    ]
    for (const [number, why] of cases) {
      const failure = expectError(
        await run(actor(anna()), (draft, actor) => addNumber(draft, actor, { number })),
      )
      expect(failure).toMatchObject({ code: 'validation', field: 'number' })
      expect(failure.message).toMatch(why)
    }
    const german = expectError(
      await run(actor(anna(), 'de'), (draft, actor) => addNumber(draft, actor, { number: '+49 1234' })),
    )
    expect(german.message).toMatch(/keine gültige Rufnummer für Deutschland/)
    expect(await fileBytes(store)).toEqual(before)
  })

  it('refuses a number already in the pool, however it is typed', async () => {
    for (const number of ['+4921155585', '0211 5558 5', '0049 211 55585']) {
      const failure = expectError(
        await run(actor(anna()), (draft, actor) => addNumber(draft, actor, { number })),
      )
      expect(failure).toMatchObject({ code: 'conflict', field: 'number' })
      expect(failure.message).toContain('+49 211 55585')
    }
    expect(store.plan.numbers).toHaveLength(10)
  })

  it('is admin only', async () => {
    const before = await fileBytes(store)
    const failure = expectError(
      await run(actor(ben()), (draft, actor) => addNumber(draft, actor, { number: '0211 555890' })),
    )
    expect(failure.code).toBe('forbidden')
    expect(await fileBytes(store)).toEqual(before)
  })
})

describe('numbers:addBlock', () => {
  it('computes the block from the base: …80 and 10 give …80 … …89', () => {
    expect(blockNumbers('+4921155580', 10)).toEqual({
      ok: true,
      numbers: Array.from({ length: 10 }, (_, digit) => `+492115558${digit}`),
    })
  })

  it('counts on from the base value: …5 and 3 give …5, …6, …7; …58 and 5 carry into the tens', () => {
    expect(blockNumbers('+4930123455', 3)).toEqual({
      ok: true,
      numbers: ['+4930123455', '+4930123456', '+4930123457'],
    })
    expect(blockNumbers('+4930123458', 5)).toEqual({
      ok: true,
      numbers: ['+4930123458', '+4930123459', '+4930123460', '+4930123461', '+4930123462'],
    })
  })

  it('refuses a block that would change the number length (…98 and 5 would end at …1000002)', () => {
    expect(blockNumbers('+99999998', 5)).toEqual({ ok: false, last: '+100000002' })
    expect(blockNumbers('+99999998', 2)).toEqual({ ok: true, numbers: ['+99999998', '+99999999'] })
  })

  it('adds a typed block, all free, and says when the length would change', async () => {
    const added = expectOk(
      await run(actor(anna()), (draft, actor) =>
        addNumberBlock(draft, actor, { base: '0211 5559 0', count: 10 }),
      ),
    )
    expect(added.map((number) => number.number)).toEqual(
      Array.from({ length: 10 }, (_, digit) => `+492115559${digit}`),
    )
    expect(added.every((number) => number.assignedTo === null)).toBe(true)
    expect(store.plan.numbers).toHaveLength(20)
  })

  it('refuses a block with a number that is not valid, naming it, and adds nothing', async () => {
    const before = await fileBytes(store)
    // +1 202 000 0000 follows +1 201 999 9999, but no NANP exchange starts with 0.
    const failure = expectError(
      await run(actor(anna()), (draft, actor) =>
        addNumberBlock(draft, actor, { base: '+1 201 999 9999', count: 2 }),
      ),
    )
    expect(failure).toMatchObject({ code: 'validation', field: 'count' })
    expect(failure.message).toMatch(/\+12020000000, which is not a valid phone number/)
    expect(await fileBytes(store)).toEqual(before)
  })

  it('a count of 1 adds just the base; 1000 adds a thousand', async () => {
    expectOk(
      await run(actor(anna()), (draft, actor) =>
        addNumberBlock(draft, actor, { base: '030 1234 5678', count: 1 }),
      ),
    )
    expect(entryOf('+493012345678')).toBeDefined()
    const big = expectOk(
      await run(actor(anna()), (draft, actor) =>
        addNumberBlock(draft, actor, { base: '030 2000 000', count: 1000 }),
      ),
    )
    expect(big).toHaveLength(1000)
    expect(big[999]!.number).toBe('+49302000999')
  })

  it('an invalid base is a validation error on base', async () => {
    const failure = expectError(
      await run(actor(anna()), (draft, actor) => addNumberBlock(draft, actor, { base: 'x', count: 3 })),
    )
    expect(failure).toMatchObject({ code: 'validation', field: 'base' })
  })

  it('is all or nothing: any number already in the pool is named, nothing is added, the file unchanged', async () => {
    const before = await fileBytes(store)
    const failure = expectError(
      await run(actor(anna()), (draft, actor) =>
        addNumberBlock(draft, actor, { base: '0211 55570', count: 20 }),
      ),
    )
    // …570 … …589: the default pool's …80 … …89 overlap.
    expect(failure).toMatchObject({ code: 'conflict', field: 'base' })
    expect(failure.message).toMatch(/10 numbers of this block are already in the number pool/)
    expect(failure.message).toContain('+49 211 55580, +49 211 55581, +49 211 55582 and 7 more')
    expect(store.plan.numbers).toHaveLength(10)
    expect(await fileBytes(store)).toEqual(before)

    const one = expectError(
      await run(actor(anna()), (draft, actor) =>
        addNumberBlock(draft, actor, { base: '0211 55589', count: 1 }),
      ),
    )
    expect(one.message).toMatch(/\+49 211 55589 of this block is already/)
    expect(await fileBytes(store)).toEqual(before)
  })

  it('is admin only', async () => {
    const before = await fileBytes(store)
    const failure = expectError(
      await run(actor(ben()), (draft, actor) =>
        addNumberBlock(draft, actor, { base: '0211 5559 0', count: 2 }),
      ),
    )
    expect(failure.code).toBe('forbidden')
    expect(await fileBytes(store)).toEqual(before)
  })
})

describe('numbers:assign', () => {
  it('an admin assigns a free number (typed any way) to a user', async () => {
    const assigned = expectOk(
      await run(actor(anna()), (draft, actor) =>
        assignNumber(draft, actor, { number: '0211 5558 5', target: userTarget(ben()) }),
      ),
    )
    expect(assigned.assignedTo).toEqual({ kind: 'user', id: ben().id, name: 'Ben Ott' })
    expect(entryOf('+4921155585')!.assignedTo).toEqual(userTarget(ben()))
  })

  it('assigning to the same target again is fine and changes nothing', async () => {
    const again = expectOk(
      await run(actor(anna()), (draft, actor) =>
        assignNumber(draft, actor, { number: '+4921155581', target: userTarget(ben()) }),
      ),
    )
    expect(again.assignedTo?.id).toBe(ben().id)
    expect(store.plan.numbers.filter((entry) => entry.assignedTo?.id === ben().id)).toHaveLength(1)
  })

  it('a number assigned to somebody else is a conflict naming who has it', async () => {
    const before = await fileBytes(store)
    const failure = expectError(
      await run(actor(anna()), (draft, actor) =>
        assignNumber(draft, actor, { number: '+4921155581', target: userTarget(anna()) }),
      ),
    )
    expect(failure).toMatchObject({ code: 'conflict', field: 'number' })
    expect(failure.message).toMatch(/assigned to Ben Ott\. Unassign it there first/)
    expect(await fileBytes(store)).toEqual(before)
  })

  it('a number not in the pool is not found; an invalid one a validation error', async () => {
    expect(
      expectError(
        await run(actor(anna()), (draft, actor) =>
          assignNumber(draft, actor, { number: '0211 9999 99', target: userTarget(ben()) }),
        ),
      ),
    ).toMatchObject({ code: 'not_found', field: 'number' })
    expect(
      expectError(
        await run(actor(anna()), (draft, actor) =>
          assignNumber(draft, actor, { number: 'nope', target: userTarget(ben()) }),
        ),
      ),
    ).toMatchObject({ code: 'validation', field: 'number' })
  })

  it('an unknown user or fax line is not found', async () => {
    for (const target of [
      { kind: 'user', id: 'ghost' },
      { kind: 'fax', id: 'ghost' },
    ] as const) {
      expect(
        expectError(
          await run(actor(anna()), (draft, actor) =>
            assignNumber(draft, actor, { number: '+4921155585', target }),
          ),
        ),
      ).toMatchObject({ code: 'not_found', field: 'target' })
    }
  })

  it('a fax line gets one number: a second is a conflict', async () => {
    const id = await faxLineForBen()
    const fax: Target = { kind: 'fax', id }
    const first = expectOk(
      await run(actor(anna()), (draft, actor) =>
        assignNumber(draft, actor, { number: '+4921155585', target: fax }),
      ),
    )
    expect(first.assignedTo).toEqual({ kind: 'fax', id, name: 'Office fax' })
    expectOk(
      await run(actor(anna()), (draft, actor) =>
        assignNumber(draft, actor, { number: '+4921155585', target: fax }),
      ),
    )
    const failure = expectError(
      await run(actor(anna()), (draft, actor) =>
        assignNumber(draft, actor, { number: '+4921155586', target: fax }),
      ),
    )
    expect(failure).toMatchObject({ code: 'conflict', field: 'target' })
    expect(failure.message).toMatch(/Office fax already has the number \+49 211 55585/)
    // A user may have several numbers.
    expectOk(
      await run(actor(anna()), (draft, actor) =>
        assignNumber(draft, actor, { number: '+4921155586', target: userTarget(ben()) }),
      ),
    )
    expectOk(
      await run(actor(anna()), (draft, actor) =>
        assignNumber(draft, actor, { number: '+4921155587', target: userTarget(ben()) }),
      ),
    )
  })

  it('a non-admin assigns a free number to itself, but not to others nor a taken one', async () => {
    const mine = expectOk(
      await run(actor(ben()), (draft, actor) =>
        assignNumber(draft, actor, { number: '0211 5558 9', target: userTarget(ben()) }),
      ),
    )
    expect(mine.assignedTo?.id).toBe(ben().id)
    const again = await run(actor(ben()), (draft, actor) =>
      assignNumber(draft, actor, { number: '+4921155589', target: userTarget(ben()) }),
    )
    expect(expectOk(again).assignedTo?.id).toBe(ben().id)

    const before = await fileBytes(store)
    const toAnna = expectError(
      await run(actor(ben()), (draft, actor) =>
        assignNumber(draft, actor, { number: '+4921155588', target: userTarget(anna()) }),
      ),
    )
    expect(toAnna).toMatchObject({ code: 'forbidden', field: 'target' })
    const id = await faxLineForBen()
    const afterFax = await fileBytes(store)
    expect(
      expectError(
        await run(actor(ben()), (draft, actor) =>
          assignNumber(draft, actor, { number: '+4921155588', target: { kind: 'fax', id } }),
        ),
      ).code,
    ).toBe('forbidden')
    const annasNumber = expectError(
      await run(actor(ben()), (draft, actor) =>
        assignNumber(draft, actor, { number: '+4921155580', target: userTarget(ben()) }),
      ),
    )
    expect(annasNumber).toMatchObject({ code: 'forbidden', field: 'number' })
    expect(annasNumber.message).toMatch(/Anna Schmidt/)
    expect(await fileBytes(store)).toEqual(afterFax)
    expect(before.equals(afterFax)).toBe(false)
  })
})

describe('numbers:unassign', () => {
  it('an admin releases anybody’s number', async () => {
    const released = expectOk(
      await run(actor(anna()), (draft, actor) => unassignNumber(draft, actor, { number: '0211 55581' })),
    )
    expect(released.assignedTo).toBeNull()
    expect(entryOf('+4921155581')!.assignedTo).toBeNull()
  })

  it('a non-admin releases its own number only', async () => {
    const before = await fileBytes(store)
    const failure = expectError(
      await run(actor(ben()), (draft, actor) => unassignNumber(draft, actor, { number: '+4921155580' })),
    )
    expect(failure).toMatchObject({ code: 'forbidden', field: 'number' })
    expect(await fileBytes(store)).toEqual(before)
    expectOk(
      await run(actor(ben()), (draft, actor) => unassignNumber(draft, actor, { number: '+4921155581' })),
    )
    expect(entryOf('+4921155581')!.assignedTo).toBeNull()
  })

  it('a free number stays free; a number outside the pool is not found', async () => {
    expect(
      expectOk(
        await run(actor(anna()), (draft, actor) => unassignNumber(draft, actor, { number: '+4921155589' })),
      ).assignedTo,
    ).toBeNull()
    expect(
      expectError(
        await run(actor(anna()), (draft, actor) => unassignNumber(draft, actor, { number: '+4921155599' })),
      ),
    ).toMatchObject({
      code: 'not_found',
    })
  })
})

describe('numbers:remove', () => {
  it('removes a free number', async () => {
    expectOk(
      await run(actor(anna()), (draft, actor) =>
        removeNumber(draft, actor, { number: '0211 55589', confirm: false }),
      ),
    )
    expect(entryOf('+4921155589')).toBeUndefined()
  })

  it('an assigned number needs confirmation naming the assignee, then it is unassigned and removed', async () => {
    const before = await fileBytes(store)
    const failure = expectError(
      await run(actor(anna()), (draft, actor) =>
        removeNumber(draft, actor, { number: '+4921155581', confirm: false }),
      ),
    )
    expect(failure).toMatchObject({ code: 'conflict', field: 'number' })
    expect(failure.message).toMatch(
      /assigned to Ben Ott\. Removing it from the pool unassigns it from Ben Ott/,
    )
    expect(await fileBytes(store)).toEqual(before)
    expectOk(
      await run(actor(anna()), (draft, actor) =>
        removeNumber(draft, actor, { number: '+4921155581', confirm: true }),
      ),
    )
    expect(entryOf('+4921155581')).toBeUndefined()
    expect(store.plan.numbers).toHaveLength(9)
  })

  it('a fax line’s number can be removed; the line keeps existing', async () => {
    const id = await faxLineForBen()
    expectOk(
      await run(actor(anna()), (draft, actor) =>
        assignNumber(draft, actor, { number: '+4921155585', target: { kind: 'fax', id } }),
      ),
    )
    expectOk(
      await run(actor(anna()), (draft, actor) =>
        removeNumber(draft, actor, { number: '+4921155585', confirm: true }),
      ),
    )
    expect(store.plan.faxLines).toHaveLength(1)
  })

  it('is admin only, even for a non-admin’s own number', async () => {
    const before = await fileBytes(store)
    expect(
      expectError(
        await run(actor(ben()), (draft, actor) =>
          removeNumber(draft, actor, { number: '+4921155581', confirm: true }),
        ),
      ).code,
    ).toBe('forbidden')
    expect(await fileBytes(store)).toEqual(before)
  })
})

describe('numbers:list', () => {
  it('is ordered by number, pages, and counts what matches', async () => {
    expectOk(await run(actor(anna()), (draft, actor) => addNumber(draft, actor, { number: '030 1234 5678' })))
    expectOk(await run(actor(anna()), (draft, actor) => addNumber(draft, actor, { number: '0211 55579' })))
    const all = list()
    expect(all.total).toBe(12)
    expect(all.items.map((item) => item.number)).toEqual(
      [...store.plan.numbers.map((entry) => entry.number)].sort(),
    )
    expect(all.items[0]!.number).toBe('+4921155579')
    const page = list({ offset: 10, limit: 5 })
    expect(page).toMatchObject({ total: 12, offset: 10 })
    expect(page.items.map((item) => item.number)).toEqual(['+4921155589', '+493012345678'])
    expect(list({ offset: 50 }).items).toEqual([])
  })

  it('filters free and assigned, with the assignee named', () => {
    const assigned = list({ filter: 'assigned' })
    expect(assigned.items.map((item) => [item.number, item.assignedTo?.name])).toEqual([
      ['+4921155580', 'Anna Schmidt'],
      ['+4921155581', 'Ben Ott'],
    ])
    const free = list({ filter: 'free' })
    expect(free.total).toBe(8)
    expect(free.items.every((item) => item.assignedTo === null)).toBe(true)
  })

  it.each([
    ['+49 211 5558 3', ['+4921155583']],
    ['0049 211 55583', ['+4921155583']],
    ['0211 55583', ['+4921155583']],
    ['(0211) 5558-3', ['+4921155583']],
    ['55583', ['+4921155583']],
    ['4921155583', ['+4921155583']],
  ])('finds a number typed as "%s"', (search, numbers) => {
    expect(list({ search }).items.map((item) => item.number)).toEqual(numbers)
  })

  it('finds numbers by the assignee’s name, combined with digits and the filter', () => {
    expect(list({ search: 'ben' }).items.map((item) => item.number)).toEqual(['+4921155581'])
    expect(list({ search: 'SCHMIDT' }).items.map((item) => item.number)).toEqual(['+4921155580'])
    expect(list({ search: 'anna 5558' }).items.map((item) => item.number)).toEqual(['+4921155580'])
    expect(list({ search: 'anna 55589' }).total).toBe(0)
    expect(list({ search: 'ben', filter: 'free' }).total).toBe(0)
    expect(list({ search: '5558', filter: 'free' }).total).toBe(8)
    expect(list({ search: '0211 5558', filter: 'assigned', limit: 1 })).toMatchObject({ total: 2, offset: 0 })
  })

  it('narrows while typing and widens again when keys are removed or the search changes', () => {
    const typed = [
      '0',
      '02',
      '021',
      '0211',
      '0211 5',
      '0211 5558',
      '0211 55581',
      '0211 5558',
      '5558',
      'ben',
      'ben 81',
    ]
    const totals = typed.map((search) => list({ search }).total)
    expect(totals).toEqual([10, 10, 10, 10, 10, 10, 1, 10, 10, 1, 1])
    expect(list({ search: 'ben 80' }).total).toBe(0)
    expect(list({ search: 'b' }).items.map((item) => item.number)).toEqual(['+4921155581'])
    expect(list({ search: 'an' }).items.map((item) => item.number)).toEqual(['+4921155580'])
    expect(list({ search: '0211 5558', filter: 'free' }).total).toBe(8)
    expect(list({ search: '0211 55581', filter: 'free' }).total).toBe(0)
    expect(list({ search: '0211 55581', filter: 'all' }).total).toBe(1)
  })

  it('sees every change: a new plan state gets a new order and search', async () => {
    expect(list({ search: 'ben' }).total).toBe(1)
    expectOk(
      await run(actor(anna()), (draft, actor) =>
        assignNumber(draft, actor, { number: '+4921155589', target: userTarget(ben()) }),
      ),
    )
    expect(list({ search: 'ben' }).total).toBe(2)
    expect(list({ filter: 'free' }).total).toBe(7)
  })

  it('works on an unsorted pool', () => {
    const plan = createDefaultPlan('en')
    plan.numbers.reverse()
    const page = listNumbers(plan, { search: '', filter: 'all', offset: 0, limit: 3 })
    expect(page.items.map((item) => item.number)).toEqual(['+4921155580', '+4921155581', '+4921155582'])
  })
})
