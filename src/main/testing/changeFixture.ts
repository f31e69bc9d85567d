import type { Backend } from '../backend'
import type { Plan } from '../store/planFile'
import { expectData, userNamed } from './planFixture'

/* What the tests of every kind of change (undo, history) share: ids by name and a prepared plan. */

export const idOf = (plan: Plan, first: string): string => userNamed(plan, first).id
export const appOf = (plan: Plan, first: string): string =>
  plan.devices.find((device) => device.userId === idOf(plan, first) && device.type === 'app')!.id

/** Ben gets fax permission and a fax line; a location exists: changes of every kind need them. */
export async function prepareEveryKind(backend: Backend): Promise<void> {
  const ben = idOf(backend.store.plan, 'Ben')
  const must = async (channel: string, payload: object): Promise<void> => {
    expectData(await backend.call(channel, payload))
  }
  await must('users:setPermissions', { id: ben, telephony: true, fax: true, confirm: true })
  await must('fax:add', { userId: ben, alias: 'Office fax', number: null, send: true, receive: true })
  await must('locations:create', {
    name: 'Düsseldorf',
    street: 'Königsallee',
    houseNumber: '1',
    postcode: '40212',
    city: 'Düsseldorf',
    country: 'DE',
  })
}
