import { beforeEach, describe, expect, it } from 'vitest'
import type { ExtensionCheck, NumberPage, PhoneNumber } from '../../shared/domain'
import { createBackend } from '../backend'
import type { Backend } from '../backend'
import { expectData, expectError, fileBytes, tempPlanFile } from '../testing/planFixture'

/** The numbers and extensions channels through the backend: zod parsing, session rights, language. */

let backend: Backend

beforeEach(async () => {
  backend = await createBackend(await tempPlanFile('switchboard-numbers-backend-'), 'en')
})

const anna = () => backend.store.plan.users[0]!
const ben = () => backend.store.plan.users[1]!

describe('numbers channels', () => {
  it('add, assign, list, unassign and remove as the default admin', async () => {
    const added = expectData<PhoneNumber>(await backend.call('numbers:add', { number: '0211 5558 90' }))
    expect(added.number).toBe('+49211555890')
    const block = expectData<PhoneNumber[]>(
      await backend.call('numbers:addBlock', { base: '+49 211 5557 0', count: 10 }),
    )
    expect(block).toHaveLength(10)
    expectData(
      await backend.call('numbers:assign', { number: '0211 555890', target: { kind: 'user', id: ben().id } }),
    )
    const page = expectData<NumberPage>(await backend.call('numbers:list', { search: 'ben' }))
    expect(page.items.map((item) => item.number)).toEqual(['+4921155581', '+49211555890'])
    expect(expectData<NumberPage>(await backend.call('numbers:list', {})).total).toBe(21)
    expectData(await backend.call('numbers:unassign', { number: '+49211555890' }))
    expect(expectError(await backend.call('numbers:remove', { number: '+4921155581' })).code).toBe('conflict')
    expectData(await backend.call('numbers:remove', { number: '+4921155581', confirm: true }))
    expect(expectData<NumberPage>(await backend.call('numbers:list', { filter: 'assigned' })).total).toBe(1)
  })

  it('a count outside 1–1000 is refused by the contract, the file unchanged', async () => {
    const before = await fileBytes(backend.store)
    for (const count of [0, 1001, 2.5]) {
      expect(
        expectError(await backend.call('numbers:addBlock', { base: '0211 5559 0', count })),
      ).toMatchObject({
        code: 'validation',
        field: 'count',
      })
    }
    expect(await fileBytes(backend.store)).toEqual(before)
  })

  it('acting as the non-admin Ben: may assign a free number to himself, not to Anna, not add to the pool', async () => {
    backend.session.actAs(ben().id)
    const before = await fileBytes(backend.store)
    expect(expectError(await backend.call('numbers:add', { number: '0211 555890' })).code).toBe('forbidden')
    expect(expectError(await backend.call('numbers:addBlock', { base: '0211 55590', count: 3 })).code).toBe(
      'forbidden',
    )
    expect(
      expectError(
        await backend.call('numbers:assign', {
          number: '+4921155585',
          target: { kind: 'user', id: anna().id },
        }),
      ).code,
    ).toBe('forbidden')
    expect(expectError(await backend.call('numbers:unassign', { number: '+4921155580' })).code).toBe(
      'forbidden',
    )
    expect(
      expectError(await backend.call('numbers:remove', { number: '+4921155585', confirm: true })).code,
    ).toBe('forbidden')
    expect(await fileBytes(backend.store)).toEqual(before)
    const mine = expectData<PhoneNumber>(
      await backend.call('numbers:assign', { number: '+4921155585', target: { kind: 'user', id: ben().id } }),
    )
    expect(mine.assignedTo).toMatchObject({ id: ben().id, name: 'Ben Ott' })
    expect(expectData<NumberPage>(await backend.call('numbers:list', { filter: 'free' })).total).toBe(7)
  })
})

describe('extensions channels', () => {
  it('check answers in the session language', async () => {
    const check = expectData<ExtensionCheck>(await backend.call('extensions:check', { extension: '112' }))
    expect(check.status).toBe('blocked')
    expect(check.message).toMatch(/emergency numbers/)
    backend.session.language = 'de'
    const german = expectData<ExtensionCheck>(await backend.call('extensions:check', { extension: '10' }))
    expect(german.message).toBe('Die Durchwahl 10 wird schon von Anna Schmidt verwendet.')
  })

  it('a non-admin manages its own extensions only', async () => {
    backend.session.actAs(ben().id)
    expectData(
      await backend.call('extensions:add', { owner: { kind: 'user', id: ben().id }, extension: '22' }),
    )
    const before = await fileBytes(backend.store)
    expect(
      expectError(
        await backend.call('extensions:add', { owner: { kind: 'user', id: anna().id }, extension: '23' }),
      ).code,
    ).toBe('forbidden')
    expect(
      expectError(
        await backend.call('extensions:remove', { owner: { kind: 'user', id: anna().id }, extension: '10' }),
      ).code,
    ).toBe('forbidden')
    expect(await fileBytes(backend.store)).toEqual(before)
    expectData(
      await backend.call('extensions:remove', { owner: { kind: 'user', id: ben().id }, extension: '22' }),
    )
  })
})
