import { readFile } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ExtensionCheck, NumberPage, PhoneNumber } from '../../shared/domain'
import type { AppError, Result } from '../../shared/result'
import { createBackend } from '../backend'
import type { Backend } from '../backend'
import { tempPlanPath } from '../testing/generatePlan'

/** The numbers and extensions channels through the backend: zod parsing, session rights, language. */

let temp: Awaited<ReturnType<typeof tempPlanPath>>
let backend: Backend

beforeEach(async () => {
  temp = await tempPlanPath('switchboard-numbers-backend-')
  backend = await createBackend(temp.file, 'en')
})
afterEach(async () => {
  await temp.remove()
})

const bytes = (): Promise<Buffer> => readFile(temp.file)
const anna = () => backend.store.plan.users[0]!
const ben = () => backend.store.plan.users[1]!

function data<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`)
  return result.data as T
}
function error(result: Result<unknown>): AppError {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`)
  return result.error
}

describe('numbers channels', () => {
  it('add, assign, list, unassign and remove as the default admin', async () => {
    const added = data<PhoneNumber>(await backend.call('numbers:add', { number: '0211 5558 90' }))
    expect(added.number).toBe('+49211555890')
    const block = data<PhoneNumber[]>(
      await backend.call('numbers:addBlock', { base: '+49 211 5557 0', count: 10 }),
    )
    expect(block).toHaveLength(10)
    data(
      await backend.call('numbers:assign', { number: '0211 555890', target: { kind: 'user', id: ben().id } }),
    )
    const page = data<NumberPage>(await backend.call('numbers:list', { search: 'ben' }))
    expect(page.items.map((item) => item.number)).toEqual(['+4921155581', '+49211555890'])
    expect(data<NumberPage>(await backend.call('numbers:list', {})).total).toBe(21)
    data(await backend.call('numbers:unassign', { number: '+49211555890' }))
    expect(error(await backend.call('numbers:remove', { number: '+4921155581' })).code).toBe('conflict')
    data(await backend.call('numbers:remove', { number: '+4921155581', confirm: true }))
    expect(data<NumberPage>(await backend.call('numbers:list', { filter: 'assigned' })).total).toBe(1)
  })

  it('a count outside 1–1000 is refused by the contract, the file unchanged', async () => {
    const before = await bytes()
    for (const count of [0, 1001, 2.5]) {
      expect(error(await backend.call('numbers:addBlock', { base: '0211 5559 0', count }))).toMatchObject({
        code: 'validation',
        field: 'count',
      })
    }
    expect(await bytes()).toEqual(before)
  })

  it('acting as the non-admin Ben: may assign a free number to himself, not to Anna, not add to the pool', async () => {
    backend.session.actAs(ben().id)
    const before = await bytes()
    expect(error(await backend.call('numbers:add', { number: '0211 555890' })).code).toBe('forbidden')
    expect(error(await backend.call('numbers:addBlock', { base: '0211 55590', count: 3 })).code).toBe(
      'forbidden',
    )
    expect(
      error(
        await backend.call('numbers:assign', {
          number: '+4921155585',
          target: { kind: 'user', id: anna().id },
        }),
      ).code,
    ).toBe('forbidden')
    expect(error(await backend.call('numbers:unassign', { number: '+4921155580' })).code).toBe('forbidden')
    expect(error(await backend.call('numbers:remove', { number: '+4921155585', confirm: true })).code).toBe(
      'forbidden',
    )
    expect(await bytes()).toEqual(before)
    const mine = data<PhoneNumber>(
      await backend.call('numbers:assign', { number: '+4921155585', target: { kind: 'user', id: ben().id } }),
    )
    expect(mine.assignedTo).toMatchObject({ id: ben().id, name: 'Ben Ott' })
    expect(data<NumberPage>(await backend.call('numbers:list', { filter: 'free' })).total).toBe(7)
  })
})

describe('extensions channels', () => {
  it('check answers in the session language', async () => {
    const check = data<ExtensionCheck>(await backend.call('extensions:check', { extension: '112' }))
    expect(check.status).toBe('blocked')
    expect(check.message).toMatch(/emergency numbers/)
    backend.session.language = 'de'
    const german = data<ExtensionCheck>(await backend.call('extensions:check', { extension: '10' }))
    expect(german.message).toBe('Die Durchwahl 10 wird schon von Anna Schmidt verwendet.')
  })

  it('a non-admin manages its own extensions only', async () => {
    backend.session.actAs(ben().id)
    data(await backend.call('extensions:add', { owner: { kind: 'user', id: ben().id }, extension: '22' }))
    const before = await bytes()
    expect(
      error(await backend.call('extensions:add', { owner: { kind: 'user', id: anna().id }, extension: '23' }))
        .code,
    ).toBe('forbidden')
    expect(
      error(
        await backend.call('extensions:remove', { owner: { kind: 'user', id: anna().id }, extension: '10' }),
      ).code,
    ).toBe('forbidden')
    expect(await bytes()).toEqual(before)
    data(await backend.call('extensions:remove', { owner: { kind: 'user', id: ben().id }, extension: '22' }))
  })
})
