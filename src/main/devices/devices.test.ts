import { beforeEach, describe, expect, it } from 'vitest'
import type { Device } from '../../shared/domain'
import { contract } from '../../shared/contract'
import type { NewDeviceInput } from '../../shared/contract'
import type { Result } from '../../shared/result'
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
import { devicesHandlers } from './devicesHandlers'
import { addDevice, normaliseMac, removeDevice, renameDevice, setDeviceActive } from './devicesService'

let store: PlanStore

beforeEach(async () => {
  store = await openTestPlan()
})

const anna = (): StoredUser => store.plan.users[0]!
const ben = (): StoredUser => store.plan.users[1]!
const appOf = (user: StoredUser): Device =>
  store.plan.devices.find((d) => d.userId === user.id && d.type === 'app')!

const add = async (actor: Actor, userId: string, device: NewDeviceInput): Promise<Result<Device>> => {
  const result = await store.update(actor.language, (draft) => addDevice(draft, actor, { userId, device }))
  expectInvariants(store.plan)
  return result
}

describe('MAC addresses', () => {
  it.each([
    ['AA:BB:CC:DD:EE:0F', 'aa:bb:cc:dd:ee:0f'],
    ['aa-bb-cc-dd-ee-0f', 'aa:bb:cc:dd:ee:0f'],
    ['AABB.CCDD.EE0F', 'aa:bb:cc:dd:ee:0f'],
    ['aabbccddee0f', 'aa:bb:cc:dd:ee:0f'],
    ['  00:1A:2b:3C:4d:5E ', '00:1a:2b:3c:4d:5e'],
  ])('accepts %j as %s', (typed, normalised) => {
    expect(normaliseMac(typed)).toBe(normalised)
  })

  it.each([
    '',
    'aa:bb:cc:dd:ee',
    'aa:bb:cc:dd:ee:ff:00',
    'gg:bb:cc:dd:ee:ff',
    'aa:bb-cc:dd:ee:ff',
    'aabb.ccdd.eef',
    'aabbccddeef',
  ])('refuses %j', (typed) => {
    expect(normaliseMac(typed)).toBeNull()
  })
})

describe('devices:add', () => {
  it('adds a VoIP phone with trimmed name and model and the MAC in lower-case colon form, active', async () => {
    const device = expectOk(
      await add(actor(anna()), anna().id, {
        type: 'voip',
        name: '  Desk phone ',
        model: ' Yealink T54W ',
        mac: 'AA-BB-CC-DD-EE-FF',
      }),
    )
    expect(device).toMatchObject({
      userId: anna().id,
      type: 'voip',
      name: 'Desk phone',
      model: 'Yealink T54W',
      mac: 'aa:bb:cc:dd:ee:ff',
      active: true,
    })
    expect((await planOnDisk(store)).devices.find((d) => d.id === device.id)).toEqual(device)
  })

  it.each(['AA:BB:CC:DD:EE:01', 'aa-bb-cc-dd-ee-01', 'aabb.ccdd.ee01', 'AABBCCDDEE01'])(
    'stores the MAC typed as %j normalised',
    async (mac) => {
      const device = expectOk(await add(actor(anna()), anna().id, { type: 'voip', name: 'Phone', mac }))
      expect(device.type === 'voip' && device.mac).toBe('aa:bb:cc:dd:ee:01')
    },
  )

  it('an empty model and MAC are stored as null', async () => {
    const device = expectOk(
      await add(actor(anna()), anna().id, { type: 'voip', name: 'Phone', model: '  ', mac: ' ' }),
    )
    expect(device).toMatchObject({ model: null, mac: null })
  })

  it('refuses an invalid MAC, naming the field', async () => {
    const error = expectError(
      await add(actor(anna()), anna().id, { type: 'voip', name: 'Phone', mac: 'aa:bb:cc' }),
    )
    expect(error).toMatchObject({ code: 'validation', field: 'mac' })
    expect(error.message).toContain('aa:bb:cc')
  })

  it('refuses a MAC used anywhere in the plan, in another notation, naming device and owner', async () => {
    expectOk(
      await add(actor(anna()), anna().id, { type: 'voip', name: 'Reception', mac: 'aa:bb:cc:dd:ee:ff' }),
    )
    const error = expectError(
      await add(actor(ben()), ben().id, { type: 'voip', name: 'Mine', mac: 'AABB.CCDD.EEFF' }),
    )
    expect(error).toMatchObject({ code: 'conflict', field: 'mac' })
    expect(error.message).toContain('Reception')
    expect(error.message).toContain('Anna Schmidt')
    expect(store.plan.devices.filter((d) => d.type === 'voip')).toHaveLength(1)
  })

  it('requires a name (trimmed) of at most 100 characters', async () => {
    expect(expectError(await add(actor(anna()), anna().id, { type: 'voip', name: '   ' }))).toMatchObject({
      code: 'validation',
      field: 'name',
    })
    const long = expectError(
      await add(actor(anna()), anna().id, {
        type: 'external',
        name: 'x'.repeat(101),
        number: '0211 1234567',
      }),
    )
    expect(long).toMatchObject({ code: 'validation', field: 'name' })
    expect(long.message).toContain('100')
    expectOk(await add(actor(anna()), anna().id, { type: 'voip', name: ` ${'x'.repeat(100)} ` }))
  })

  it('takes a mobile number typed nationally and stores it in E.164', async () => {
    const device = expectOk(
      await add(actor(anna()), anna().id, { type: 'mobile', name: 'Work mobile', number: '0151 2345 6789' }),
    )
    expect(device).toMatchObject({ type: 'mobile', number: '+4915123456789', active: true })
  })

  it('accepts a number that may be fixed or mobile (US) as a mobile number', async () => {
    const device = expectOk(
      await add(actor(anna()), anna().id, { type: 'mobile', name: 'US', number: '+1 212 555 0100' }),
    )
    expect(device).toMatchObject({ number: '+12125550100' })
  })

  it('refuses a landline number for a mobile device and says to use an external line', async () => {
    const error = expectError(
      await add(actor(anna()), anna().id, { type: 'mobile', name: 'Desk', number: '0211 1234567' }),
    )
    expect(error).toMatchObject({ code: 'validation', field: 'number' })
    expect(error.message).toMatch(/landline/)
    expect(error.message).toMatch(/external line/)
  })

  it('refuses a toll-free number for a mobile device', async () => {
    const error = expectError(
      await add(actor(anna()), anna().id, { type: 'mobile', name: 'Free', number: '0800 1234567' }),
    )
    expect(error).toMatchObject({ code: 'validation', field: 'number' })
  })

  it('an external line takes any valid number, landline included', async () => {
    const device = expectOk(
      await add(actor(anna()), anna().id, { type: 'external', name: 'Home', number: '0049 211 1234567' }),
    )
    expect(device).toMatchObject({ type: 'external', number: '+492111234567', active: true })
  })

  it.each(['', 'abc', '0211', '12345678901234567890', 'call 0211 1234567'])(
    'refuses the number %j',
    async (number) => {
      const error = expectError(
        await add(actor(anna()), anna().id, { type: 'external', name: 'Home', number }),
      )
      expect(error).toMatchObject({ code: 'validation', field: 'number' })
    },
  )

  it('speaks German to a German actor', async () => {
    const error = expectError(
      await add(actor(anna(), 'de'), anna().id, { type: 'mobile', name: 'Tisch', number: '0211 1234567' }),
    )
    expect(error.message).toMatch(/Festnetznummer/)
  })

  it('an unknown user is not_found', async () => {
    expect(expectError(await add(actor(anna()), 'nobody', { type: 'voip', name: 'Phone' }))).toMatchObject({
      code: 'not_found',
    })
  })

  it('the app cannot be added by hand (the contract refuses it)', () => {
    const parsed = contract['devices:add'].input.safeParse({
      userId: 'x',
      device: { type: 'app', name: 'App' },
    })
    expect(parsed.success).toBe(false)
  })

  it('a non-admin may add a device to itself, not to another user; a refusal changes nothing', async () => {
    expectOk(await add(actor(ben()), ben().id, { type: 'voip', name: 'Ben phone' }))
    const before = await fileBytes(store)
    expect(expectError(await add(actor(ben()), anna().id, { type: 'voip', name: 'Sneaky' }))).toMatchObject({
      code: 'forbidden',
    })
    expect(await fileBytes(store)).toEqual(before)
  })

  it('an admin may add a device to anyone', async () => {
    expectOk(await add(actor(anna()), ben().id, { type: 'voip', name: 'For Ben' }))
    expect(store.plan.devices.filter((d) => d.userId === ben().id)).toHaveLength(2)
  })
})

describe('devices:rename, devices:setActive, devices:remove', () => {
  const rename = async (actor: Actor, id: string, name: string) => {
    const result = await store.update(actor.language, (draft) => renameDevice(draft, actor, { id, name }))
    expectInvariants(store.plan)
    return result
  }
  const setActive = async (actor: Actor, id: string, active: boolean) => {
    const result = await store.update(actor.language, (draft) =>
      setDeviceActive(draft, actor, { id, active }),
    )
    expectInvariants(store.plan)
    return result
  }
  const remove = async (actor: Actor, id: string) => {
    const result = await store.update(actor.language, (draft) => removeDevice(draft, actor, { id }))
    expectInvariants(store.plan)
    return result
  }

  it('renames any device, the app included, trimming the name', async () => {
    const app = appOf(anna())
    expect(expectOk(await rename(actor(anna()), app.id, '  My laptop app '))).toMatchObject({
      id: app.id,
      name: 'My laptop app',
    })
    expect(appOf(anna()).name).toBe('My laptop app')
  })

  it('refuses an empty name and an unknown device', async () => {
    expect(expectError(await rename(actor(anna()), appOf(anna()).id, ' '))).toMatchObject({
      code: 'validation',
      field: 'name',
    })
    expect(expectError(await rename(actor(anna()), 'gone', 'x'))).toMatchObject({ code: 'not_found' })
  })

  it('switches any device, the app included, off and on in the routing', async () => {
    const app = appOf(ben())
    expect(expectOk(await setActive(actor(ben()), app.id, false)).active).toBe(false)
    expect(appOf(ben()).active).toBe(false)
    expect(expectOk(await setActive(actor(ben()), app.id, true)).active).toBe(true)
  })

  it('a non-admin may change only its own devices', async () => {
    const annas = appOf(anna())
    expect(expectError(await rename(actor(ben()), annas.id, 'Mine now'))).toMatchObject({ code: 'forbidden' })
    expect(expectError(await setActive(actor(ben()), annas.id, false))).toMatchObject({ code: 'forbidden' })
    const phone = expectOk(await add(actor(anna()), anna().id, { type: 'voip', name: 'Desk' }))
    expect(expectError(await remove(actor(ben()), phone.id))).toMatchObject({ code: 'forbidden' })
    expect(appOf(anna())).toEqual(annas)
    expect(store.plan.devices.some((d) => d.id === phone.id)).toBe(true)
  })

  it('an admin may change the devices of others', async () => {
    const phone = expectOk(await add(actor(ben()), ben().id, { type: 'voip', name: 'Desk' }))
    expectOk(await rename(actor(anna()), phone.id, 'Reception'))
    expectOk(await setActive(actor(anna()), phone.id, false))
    expect(expectOk(await remove(actor(anna()), phone.id))).toEqual({ id: phone.id })
  })

  it('removes a device of ones own', async () => {
    const phone = expectOk(
      await add(actor(ben()), ben().id, { type: 'mobile', name: 'Mobile', number: '0170 1234567' }),
    )
    expect(expectOk(await remove(actor(ben()), phone.id))).toEqual({ id: phone.id })
    expect(store.plan.devices.some((d) => d.id === phone.id)).toBe(false)
    expect((await planOnDisk(store)).devices.some((d) => d.id === phone.id)).toBe(false)
  })

  it('the app cannot be removed: it goes with the telephony permission', async () => {
    const error = expectError(await remove(actor(anna()), appOf(anna()).id))
    expect(error).toMatchObject({ code: 'conflict' })
    expect(error.message).toMatch(/telephony permission/)
    expect(appOf(anna())).toBeDefined()
    const german = expectError(await remove(actor(anna(), 'de'), appOf(ben()).id))
    expect(german.message).toMatch(/Telefonie-Berechtigung/)
  })
})

describe('devices handlers', () => {
  it('add, rename, setActive and remove act as the session user', async () => {
    const device = expectOk(
      await devicesHandlers['devices:add'](
        { userId: ben().id, device: { type: 'voip', name: 'Desk' } },
        actingAs(store, ben()),
      ),
    )
    expectOk(
      await devicesHandlers['devices:rename']({ id: device.id, name: 'Reception' }, actingAs(store, ben())),
    )
    expectOk(
      await devicesHandlers['devices:setActive']({ id: device.id, active: false }, actingAs(store, ben())),
    )
    expect(store.plan.devices.find((d) => d.id === device.id)).toMatchObject({
      name: 'Reception',
      active: false,
    })
    expect(
      expectError(
        await devicesHandlers['devices:add'](
          { userId: anna().id, device: { type: 'voip', name: 'x' } },
          actingAs(store, ben()),
        ),
      ),
    ).toMatchObject({ code: 'forbidden' })
    expectOk(await devicesHandlers['devices:remove']({ id: device.id }, actingAs(store, ben())))
    expectInvariants(store.plan)
  })
})
