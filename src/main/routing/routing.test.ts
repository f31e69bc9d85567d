import { describe, expect, it } from 'vitest'
import type { RoutingGap } from '../../shared/domain'
import { userCost } from '../devices/cost'
import { createDefaultPlan, planInvariantProblem } from '../store/planFile'
import { PlanStore } from '../store/planStore'
import { actor, contextOf, fileBytes, openTestPlan, userNamed } from '../testing/planFixture'
import { routingHandlers } from './routingHandlers'
import { getRouting, setVoicemail } from './routingService'
import { routingGaps, routingOf } from './routingView'

describe('routingGaps', () => {
  it.each([
    [true, 1, 1, []],
    [false, 1, 1, ['telephony']],
    [true, 0, 1, ['number']],
    [true, 1, 0, ['activeDevice']],
    [false, 0, 1, ['telephony', 'number']],
    [false, 1, 0, ['telephony', 'activeDevice']],
    [true, 0, 0, ['number', 'activeDevice']],
    [false, 0, 0, ['telephony', 'number', 'activeDevice']],
  ] as [boolean, number, number, RoutingGap[]][])(
    'telephony %s, %i numbers, %i active devices → %j',
    (telephony, numbers, active, missing) => {
      expect(routingGaps(telephony, numbers, active)).toEqual(missing)
    },
  )
})

describe('routingOf', () => {
  it('the default users are complete: telephony, a number and the active app', () => {
    const plan = createDefaultPlan('en')
    for (const name of ['Anna', 'Ben']) {
      const routing = routingOf(plan, userNamed(plan, name).id)
      expect(routing).toMatchObject({ telephony: true, complete: true, missing: [] })
      expect(routing?.numbers).toHaveLength(1)
      expect(routing?.extensions).toEqual([name === 'Anna' ? '10' : '11'])
    }
  })

  it('an unknown user has no routing', () => {
    expect(routingOf(createDefaultPlan('en'), 'nobody')).toBeNull()
  })

  it('inactive devices do not count: with the only device off the routing misses an active device', () => {
    const plan = createDefaultPlan('en')
    const anna = userNamed(plan, 'Anna')
    for (const device of plan.devices) if (device.userId === anna.id) device.active = false
    const routing = routingOf(plan, anna.id)
    expect(routing).toMatchObject({ complete: false, missing: ['activeDevice'] })
    expect(routing?.devices).toHaveLength(1)
  })

  it('a user without telephony, number or device misses all three, in the order telephony, number, active device', () => {
    const plan = createDefaultPlan('en')
    const ben = userNamed(plan, 'Ben')
    ben.permissions.telephony = false
    plan.devices = plan.devices.filter((device) => device.userId !== ben.id)
    for (const entry of plan.numbers) if (entry.assignedTo?.id === ben.id) entry.assignedTo = null
    expect(planInvariantProblem(plan)).toBeNull()
    expect(routingOf(plan, ben.id)).toMatchObject({
      telephony: false,
      complete: false,
      missing: ['telephony', 'number', 'activeDevice'],
      numbers: [],
      devices: [],
    })
  })

  it('telephony off alone makes the routing incomplete even with a number and an active device', () => {
    const plan = createDefaultPlan('en')
    const ben = userNamed(plan, 'Ben')
    ben.permissions.telephony = false
    // An active non-app device keeps an active device in the routing.
    plan.devices = plan.devices.filter((device) => device.userId !== ben.id)
    plan.devices.push({
      id: 'mobile-1',
      userId: ben.id,
      type: 'mobile',
      name: 'Mobile',
      active: true,
      number: '+491701234567',
    })
    expect(routingOf(plan, ben.id)).toMatchObject({ complete: false, missing: ['telephony'] })
  })

  it('numbers of the user’s fax lines are not the user’s numbers', () => {
    const plan = createDefaultPlan('en')
    const ben = userNamed(plan, 'Ben')
    ben.permissions.fax = true
    plan.faxLines.push({ id: 'fax-1', userId: ben.id, alias: 'Office fax', send: true, receive: true })
    for (const entry of plan.numbers) if (entry.assignedTo?.id === ben.id) entry.assignedTo = null
    plan.numbers[2]!.assignedTo = { kind: 'fax', id: 'fax-1' }
    plan.extensions.push({ extension: '20', owner: { kind: 'fax', id: 'fax-1' } })
    expect(planInvariantProblem(plan)).toBeNull()
    const routing = routingOf(plan, ben.id)
    expect(routing).toMatchObject({ complete: false, missing: ['number'], numbers: [] })
    expect(routing?.extensions).toEqual(['11'])
  })

  it('the cost in the routing equals userCost of the user’s devices', () => {
    const plan = createDefaultPlan('en')
    const anna = userNamed(plan, 'Anna')
    plan.account.extraDevicePrice = 7.5
    for (let i = 1; i <= 4; i++) {
      plan.devices.push({
        id: `voip-${i}`,
        userId: anna.id,
        type: 'voip',
        name: `Phone ${i}`,
        active: i % 2 === 0,
        model: null,
        mac: null,
      })
    }
    const routing = routingOf(plan, anna.id)
    const devices = plan.devices.filter((device) => device.userId === anna.id)
    expect(routing?.cost).toEqual(userCost(devices, 7.5))
    // 4 counted (the app does not count), 2 of them extra.
    expect(routing?.cost).toEqual({ countedDevices: 4, extraDevices: 2, monthlyCost: 15 })
  })
})

describe('routing:get', () => {
  it('a user may read its own routing and an admin anybody’s; a non-admin may not read another’s', () => {
    const plan = createDefaultPlan('en')
    const anna = userNamed(plan, 'Anna')
    const ben = userNamed(plan, 'Ben')
    expect(getRouting(plan, actor(ben), ben.id)).toMatchObject({ ok: true, data: { userId: ben.id } })
    expect(getRouting(plan, actor(anna), ben.id)).toMatchObject({ ok: true, data: { userId: ben.id } })
    expect(getRouting(plan, actor(ben), anna.id)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it('an unknown user is not_found', () => {
    const plan = createDefaultPlan('en')
    const refused = getRouting(plan, actor(userNamed(plan, 'Anna'), 'de'), 'nobody')
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(refused.ok ? '' : refused.error.message).toMatch(/Benutzer/)
  })

  it('the handler answers for the acting user (the first admin)', async () => {
    const store = await openTestPlan('switchboard-routing-')
    const ben = userNamed(store.plan, 'Ben')
    const result = await routingHandlers['routing:get']({ userId: ben.id }, contextOf(store))
    expect(result).toEqual({ ok: true, data: routingOf(store.plan, ben.id) })
  })
})

describe('routing:setVoicemail', () => {
  it('Ben sets his own voicemail; it is saved and the new routing comes back', async () => {
    const store = await openTestPlan('switchboard-routing-')
    const ben = userNamed(store.plan, 'Ben')
    const result = await store.update('en', (draft) =>
      setVoicemail(draft, actor(ben), { userId: ben.id, enabled: true, timeoutSeconds: 45 }),
    )
    expect(result).toEqual({ ok: true, data: { userId: ben.id } })
    expect(routingOf(store.plan, ben.id)?.voicemail).toEqual({ enabled: true, timeoutSeconds: 45 })
    const reopened = await PlanStore.open(store.file)
    expect(userNamed(reopened.plan, 'Ben').voicemail).toEqual({ enabled: true, timeoutSeconds: 45 })
  })

  it('Ben may not change Anna’s voicemail: forbidden, and the file is unchanged', async () => {
    const store = await openTestPlan('switchboard-routing-')
    const anna = userNamed(store.plan, 'Anna')
    const ben = userNamed(store.plan, 'Ben')
    const before = await fileBytes(store)
    const result = await store.update('en', (draft) =>
      setVoicemail(draft, actor(ben), { userId: anna.id, enabled: true, timeoutSeconds: 45 }),
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await fileBytes(store)).toEqual(before)
  })

  it.each([4, 601, 0, -5, 10_000])(
    'a timeout of %i s is refused, naming the field and the range 5–600',
    async (timeoutSeconds) => {
      const store = await openTestPlan('switchboard-routing-')
      const anna = userNamed(store.plan, 'Anna')
      const before = await fileBytes(store)
      for (const language of ['en', 'de'] as const) {
        const result = await store.update(language, (draft) =>
          setVoicemail(draft, actor(anna, language), { userId: anna.id, enabled: true, timeoutSeconds }),
        )
        expect(result).toMatchObject({ ok: false, error: { code: 'validation', field: 'timeoutSeconds' } })
        const text = result.ok ? '' : result.error.message
        expect(text).toContain('5')
        expect(text).toContain('600')
        expect(text).toContain(String(timeoutSeconds))
        expect(text).toContain(language === 'en' ? 'Voicemail after' : 'Mailbox nach')
      }
      expect(await fileBytes(store)).toEqual(before)
    },
  )

  it('the timeout is checked even when the voicemail is switched off', async () => {
    const store = await openTestPlan('switchboard-routing-')
    const anna = userNamed(store.plan, 'Anna')
    const result = await store.update('en', (draft) =>
      setVoicemail(draft, actor(anna), { userId: anna.id, enabled: false, timeoutSeconds: 3 }),
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', field: 'timeoutSeconds' } })
  })

  it.each([5, 600])('the bounds %i s are allowed', async (timeoutSeconds) => {
    const store = await openTestPlan('switchboard-routing-')
    const anna = userNamed(store.plan, 'Anna')
    const result = await routingHandlers['routing:setVoicemail'](
      { userId: anna.id, enabled: true, timeoutSeconds },
      contextOf(store),
    )
    expect(result).toMatchObject({
      ok: true,
      data: { userId: anna.id, voicemail: { enabled: true, timeoutSeconds } },
    })
  })

  it('the handler returns the routing computed from the saved plan', async () => {
    const store = await openTestPlan('switchboard-routing-')
    const ben = userNamed(store.plan, 'Ben')
    const result = await routingHandlers['routing:setVoicemail'](
      { userId: ben.id, enabled: true, timeoutSeconds: 90 },
      contextOf(store),
    )
    expect(result).toEqual({ ok: true, data: routingOf(store.plan, ben.id) })
    expect(routingOf(store.plan, ben.id)?.voicemail).toEqual({ enabled: true, timeoutSeconds: 90 })
  })

  it('an unknown user is not_found and nothing is written', async () => {
    const store = await openTestPlan('switchboard-routing-')
    const before = await fileBytes(store)
    const result = await routingHandlers['routing:setVoicemail'](
      { userId: 'nobody', enabled: true, timeoutSeconds: 30 },
      contextOf(store),
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await fileBytes(store)).toEqual(before)
  })
})
