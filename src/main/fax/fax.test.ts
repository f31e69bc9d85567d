import { beforeEach, describe, expect, it } from 'vitest'
import type { FaxLineView } from '../../shared/domain'
import type { ParsedInput } from '../../shared/contract'
import { ok } from '../../shared/result'
import type { Actor } from '../rights'
import type { StoredUser } from '../store/planFile'
import { PlanStore } from '../store/planStore'
import {
  actingAs,
  actor,
  expectError,
  expectInvariants,
  expectOk,
  fileBytes,
  openTestPlan,
  planOnDisk,
} from '../testing/planFixture'
import { faxHandlers } from './faxHandlers'
import { addFaxLine, removeFaxLine, updateFaxLine } from './faxService'
import { faxLineViews } from './faxView'

let store: PlanStore

/** Anna (admin) gets the fax permission; Ben (standard user) does not. */
beforeEach(async () => {
  store = await openTestPlan()
  await store.update('en', (draft) => {
    draft.users[0]!.permissions.fax = true
    return ok(null)
  })
})

const anna = (): StoredUser => store.plan.users[0]!
const ben = (): StoredUser => store.plan.users[1]!
const holderOf = (number: string) => store.plan.numbers.find((entry) => entry.number === number)?.assignedTo

type AddInput = ParsedInput<'fax:add'>
const addInput = (overrides: Partial<AddInput> = {}): AddInput => ({
  userId: anna().id,
  alias: 'Office fax',
  number: null,
  send: true,
  receive: true,
  ...overrides,
})

const add = async (overrides: Partial<AddInput> = {}, by: Actor = actor(anna())) => {
  const result = await store.update(by.language, (draft) => addFaxLine(draft, by, addInput(overrides)))
  expectInvariants(store.plan)
  return result
}
const update = async (input: ParsedInput<'fax:update'>, by: Actor = actor(anna())) => {
  const result = await store.update(by.language, (draft) => updateFaxLine(draft, by, input))
  expectInvariants(store.plan)
  return result
}
const remove = async (id: string, by: Actor = actor(anna())) => {
  const result = await store.update(by.language, (draft) => removeFaxLine(draft, by, { id }))
  expectInvariants(store.plan)
  return result
}

describe('fax:add', () => {
  it('adds a line with a trimmed alias and a free pool number typed nationally', async () => {
    const { id } = expectOk(
      await add({ alias: '  Office fax ', number: '0211 55582', send: true, receive: false }),
    )
    expect(store.plan.faxLines).toEqual([
      { id, userId: anna().id, alias: 'Office fax', send: true, receive: false },
    ])
    expect(holderOf('+4921155582')).toEqual({ kind: 'fax', id })
    const onDisk = await planOnDisk(store)
    expect(onDisk.numbers.find((entry) => entry.number === '+4921155582')?.assignedTo).toEqual({
      kind: 'fax',
      id,
    })
  })

  it('a line may have no number', async () => {
    const { id } = expectOk(await add({ number: null }))
    expect(store.plan.numbers.some((entry) => entry.assignedTo?.id === id)).toBe(false)
    expectOk(await add({ alias: 'Second', number: '  ' }))
  })

  it('is admin only: a non-admin cannot add a fax line, not even for itself', async () => {
    await store.update('en', (draft) => {
      draft.users[1]!.permissions.fax = true
      return ok(null)
    })
    const before = await fileBytes(store)
    expect(expectError(await add({ userId: ben().id }, actor(ben())))).toMatchObject({ code: 'forbidden' })
    expect(await fileBytes(store)).toEqual(before)
  })

  it('needs the fax permission of the user, and says so', async () => {
    const error = expectError(await add({ userId: ben().id }))
    expect(error).toMatchObject({ code: 'conflict' })
    expect(error.message).toContain('Ben Ott')
    expect(error.message).toMatch(/fax permission/)
    expect(store.plan.faxLines).toHaveLength(0)
  })

  it('an unknown user is not_found', async () => {
    expect(expectError(await add({ userId: 'nobody' }))).toMatchObject({ code: 'not_found' })
  })

  it('speaks German to a German actor', async () => {
    const error = expectError(await add({ userId: ben().id }, actor(anna(), 'de')))
    expect(error.message).toMatch(/Fax-Berechtigung/)
    expect(expectError(await add({ send: false, receive: false }, actor(anna(), 'de'))).message).toMatch(
      /Senden/,
    )
  })

  it('requires an alias of at most 100 characters', async () => {
    expect(expectError(await add({ alias: '  ' }))).toMatchObject({ code: 'validation', field: 'alias' })
    expect(expectError(await add({ alias: 'x'.repeat(101) }))).toMatchObject({
      code: 'validation',
      field: 'alias',
    })
  })

  it('must send, receive or both', async () => {
    const error = expectError(await add({ send: false, receive: false }))
    expect(error).toMatchObject({ code: 'validation', field: 'send' })
    expect(error.message).toMatch(/at least one of Send and Receive/)
    expectOk(await add({ send: false, receive: true }))
  })

  it('the number must be in the pool', async () => {
    const error = expectError(await add({ number: '0211 1234567' }))
    expect(error).toMatchObject({ code: 'not_found', field: 'number' })
    expect(error.message).toMatch(/pool/)
    expect(expectError(await add({ number: 'fax me' }))).toMatchObject({
      code: 'validation',
      field: 'number',
    })
  })

  it('the number must be free, naming who has it', async () => {
    const ofUser = expectError(await add({ number: '+49 211 55580' }))
    expect(ofUser).toMatchObject({ code: 'conflict', field: 'number' })
    expect(ofUser.message).toContain('Anna Schmidt')
    expectOk(await add({ alias: 'Sales fax', number: '0211 55583' }))
    const ofFax = expectError(await add({ alias: 'Other', number: '021155583' }))
    expect(ofFax).toMatchObject({ code: 'conflict', field: 'number' })
    expect(ofFax.message).toContain('Sales fax')
    expect(store.plan.faxLines).toHaveLength(1)
  })
})

describe('fax:update', () => {
  it('changes alias and directions; the directions rule holds on the merged line', async () => {
    const { id } = expectOk(await add({ send: true, receive: false }))
    expectOk(await update({ id, alias: ' Renamed ', receive: true }))
    expect(store.plan.faxLines[0]).toMatchObject({ alias: 'Renamed', send: true, receive: true })
    expectOk(await update({ id, send: false }))
    expect(expectError(await update({ id, receive: false }))).toMatchObject({
      code: 'validation',
      field: 'send',
    })
    expect(expectError(await update({ id, alias: '' }))).toMatchObject({ code: 'validation', field: 'alias' })
  })

  it('a new number replaces the old one, which goes back to the pool', async () => {
    const { id } = expectOk(await add({ number: '0211 55582' }))
    expectOk(await update({ id, number: '0211 55583' }))
    expect(holderOf('+4921155582')).toBeNull()
    expect(holderOf('+4921155583')).toEqual({ kind: 'fax', id })
  })

  it('keeping the same number is fine', async () => {
    const { id } = expectOk(await add({ number: '0211 55582' }))
    expectOk(await update({ id, number: '+49 211 55582' }))
    expect(holderOf('+4921155582')).toEqual({ kind: 'fax', id })
  })

  it('number null releases it; an omitted number stays', async () => {
    const { id } = expectOk(await add({ number: '0211 55582' }))
    expectOk(await update({ id, alias: 'Still here' }))
    expect(holderOf('+4921155582')).toEqual({ kind: 'fax', id })
    expectOk(await update({ id, number: null }))
    expect(holderOf('+4921155582')).toBeNull()
  })

  it('the new number must be free and in the pool; a refusal keeps the old one', async () => {
    const { id } = expectOk(await add({ number: '0211 55582' }))
    expect(expectError(await update({ id, number: '0211 55581' }))).toMatchObject({
      code: 'conflict',
      field: 'number',
    })
    expect(expectError(await update({ id, number: '0211 1234567' }))).toMatchObject({ code: 'not_found' })
    expect(holderOf('+4921155582')).toEqual({ kind: 'fax', id })
    expect(holderOf('+4921155581')).toEqual({ kind: 'user', id: ben().id })
  })

  it('is admin only, and an unknown line is not_found', async () => {
    const { id } = expectOk(await add())
    expect(expectError(await update({ id, alias: 'Mine' }, actor(ben())))).toMatchObject({
      code: 'forbidden',
    })
    expect(expectError(await update({ id: 'gone', alias: 'x' }))).toMatchObject({ code: 'not_found' })
  })
})

describe('fax:remove', () => {
  it('releases the number and removes the extensions of the line', async () => {
    const { id } = expectOk(await add({ number: '0211 55582' }))
    const { id: other } = expectOk(await add({ alias: 'Other', number: '0211 55583' }))
    await store.update('en', (draft) => {
      draft.extensions.push(
        { extension: '20', owner: { kind: 'fax', id } },
        { extension: '21', owner: { kind: 'fax', id: other } },
      )
      return ok(null)
    })
    expect(expectOk(await remove(id))).toEqual({ id })
    expect(store.plan.faxLines.map((line) => line.id)).toEqual([other])
    expect(holderOf('+4921155582')).toBeNull()
    expect(holderOf('+4921155583')).toEqual({ kind: 'fax', id: other })
    expect(store.plan.extensions.map((entry) => entry.extension)).toEqual(['10', '11', '21'])
  })

  it('is admin only, and an unknown line is not_found', async () => {
    const { id } = expectOk(await add())
    expect(expectError(await remove(id, actor(ben())))).toMatchObject({ code: 'forbidden' })
    expect(store.plan.faxLines).toHaveLength(1)
    expect(expectError(await remove('gone'))).toMatchObject({ code: 'not_found' })
  })
})

describe('faxLineViews', () => {
  it('shows each line of a user with its number and extensions', async () => {
    const { id } = expectOk(await add({ number: '0211 55582' }))
    expectOk(await add({ alias: 'No number' }))
    await store.update('en', (draft) => {
      draft.extensions.push({ extension: '20', owner: { kind: 'fax', id } })
      return ok(null)
    })
    const views = faxLineViews(store.plan, anna().id)
    expect(views).toHaveLength(2)
    expect(views[0]).toMatchObject({
      id,
      alias: 'Office fax',
      extensions: ['20'],
      number: {
        number: '+4921155582',
        international: '+49 211 55582',
        assignedTo: { kind: 'fax', id, name: 'Office fax' },
      },
    })
    expect(views[1]).toMatchObject({ alias: 'No number', number: null, extensions: [] })
    expect(faxLineViews(store.plan, ben().id)).toEqual([])
  })
})

describe('fax handlers', () => {
  it('answer with the view of the committed line', async () => {
    const added: FaxLineView = expectOk(
      await faxHandlers['fax:add'](addInput({ number: '0211 55584' }), actingAs(store, anna())),
    )
    expect(added).toMatchObject({ alias: 'Office fax', number: { number: '+4921155584' }, extensions: [] })
    expect(added.number?.assignedTo).toEqual({ kind: 'fax', id: added.id, name: 'Office fax' })
    const updated = expectOk(
      await faxHandlers['fax:update'](
        { id: added.id, alias: 'Renamed', number: null },
        actingAs(store, anna()),
      ),
    )
    expect(updated).toMatchObject({ id: added.id, alias: 'Renamed', number: null })
    expect(
      expectError(await faxHandlers['fax:remove']({ id: added.id }, actingAs(store, ben()))),
    ).toMatchObject({
      code: 'forbidden',
    })
    expect(expectOk(await faxHandlers['fax:remove']({ id: added.id }, actingAs(store, anna())))).toEqual({
      id: added.id,
    })
    expectInvariants(store.plan)
  })
})
