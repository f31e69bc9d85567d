import { describe, expect, it } from 'vitest'
import { planCost } from '../devices/cost'
import { PlanStore } from '../store/planStore'
import { actor, contextOf, fileBytes, openTestPlan, userNamed } from '../testing/planFixture'
import { planHandlers } from './planHandlers'
import { updateSettings } from './planService'

describe('plan:settings', () => {
  it('answers the account settings', async () => {
    const store = await openTestPlan('switchboard-plan-')
    expect(await planHandlers['plan:settings']({}, contextOf(store))).toEqual({
      ok: true,
      data: { name: 'My company', country: 'DE', currency: 'EUR', extraDevicePrice: 4.95 },
    })
  })
})

describe('plan:updateSettings', () => {
  it('an admin changes name (trimmed), country (upper-cased) and price (rounded to cents); saved to the file', async () => {
    const store = await openTestPlan('switchboard-plan-')
    const result = await planHandlers['plan:updateSettings'](
      { name: '  Acme GmbH ', country: 'at', extraDevicePrice: 5.999 },
      contextOf(store),
    )
    expect(result).toEqual({
      ok: true,
      data: { name: 'Acme GmbH', country: 'AT', currency: 'EUR', extraDevicePrice: 6 },
    })
    const reopened = await PlanStore.open(store.file)
    expect(reopened.plan.account).toEqual({
      name: 'Acme GmbH',
      country: 'AT',
      currency: 'EUR',
      extraDevicePrice: 6,
    })
  })

  it('only the given fields change', async () => {
    const store = await openTestPlan('switchboard-plan-')
    await planHandlers['plan:updateSettings']({ extraDevicePrice: 3.333 }, contextOf(store))
    expect(store.plan.account).toEqual({
      name: 'My company',
      country: 'DE',
      currency: 'EUR',
      extraDevicePrice: 3.33,
    })
  })

  it.each([0, 1000])('the price bounds %i are allowed', async (extraDevicePrice) => {
    const store = await openTestPlan('switchboard-plan-')
    const result = await planHandlers['plan:updateSettings']({ extraDevicePrice }, contextOf(store))
    expect(result).toMatchObject({ ok: true, data: { extraDevicePrice } })
  })

  it.each([-0.01, 1000.01, Number.NaN])(
    'a price of %d is refused, naming the field and the range',
    async (extraDevicePrice) => {
      const store = await openTestPlan('switchboard-plan-')
      const anna = userNamed(store.plan, 'Anna')
      const before = await fileBytes(store)
      for (const language of ['en', 'de'] as const) {
        const result = await store.update(language, (draft) =>
          updateSettings(draft, actor(anna, language), { extraDevicePrice }),
        )
        expect(result).toMatchObject({ ok: false, error: { code: 'validation', field: 'extraDevicePrice' } })
        const text = result.ok ? '' : result.error.message
        expect(text).toContain('1000')
        expect(text).toContain(language === 'en' ? 'Price per extra device' : 'Preis je weiteres Gerät')
      }
      expect(await fileBytes(store)).toEqual(before)
    },
  )

  it.each(['', '   '])('an empty name "%s" is refused', async (name) => {
    const store = await openTestPlan('switchboard-plan-')
    const result = await planHandlers['plan:updateSettings']({ name }, contextOf(store))
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', field: 'name' } })
  })

  it('a name over 100 characters (after trimming) is refused', async () => {
    const store = await openTestPlan('switchboard-plan-')
    const anna = userNamed(store.plan, 'Anna')
    const long = await store.update('en', (draft) =>
      updateSettings(draft, actor(anna), { name: 'x'.repeat(101) }),
    )
    expect(long).toMatchObject({ ok: false, error: { code: 'validation', field: 'name' } })
    const padded = await store.update('en', (draft) =>
      updateSettings(draft, actor(anna), { name: ` ${'x'.repeat(100)} ` }),
    )
    expect(padded.ok).toBe(true)
  })

  it.each(['XX', 'EU', 'D', '', '4'])(
    'country "%s" is refused: not a country libphonenumber knows',
    async (country) => {
      const store = await openTestPlan('switchboard-plan-')
      const result = await planHandlers['plan:updateSettings']({ country }, contextOf(store))
      expect(result).toMatchObject({ ok: false, error: { code: 'validation', field: 'country' } })
      expect(store.plan.account.country).toBe('DE')
    },
  )

  it('Ben (not an admin) may not change settings: forbidden, and the file is unchanged', async () => {
    const store = await openTestPlan('switchboard-plan-')
    const ben = userNamed(store.plan, 'Ben')
    const before = await fileBytes(store)
    const result = await store.update('de', (draft) =>
      updateSettings(draft, actor(ben, 'de'), { name: 'Bens Firma' }),
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(result.ok ? '' : result.error.message).toContain('Ben Ott')
    expect(await fileBytes(store)).toEqual(before)
  })
})

describe('plan:cost', () => {
  it('answers planCost of the saved plan, following a price change', async () => {
    const store = await openTestPlan('switchboard-plan-')
    const anna = userNamed(store.plan, 'Anna')
    await store.update('en', (draft) => {
      for (let i = 0; i < 3; i++) {
        draft.devices.push({
          id: `voip-${i}`,
          userId: anna.id,
          type: 'voip',
          name: `Phone ${i}`,
          active: true,
          model: null,
          mac: null,
        })
      }
      return { ok: true, data: null }
    })
    const before = await planHandlers['plan:cost']({}, contextOf(store))
    expect(before).toEqual({ ok: true, data: planCost(store.plan) })
    expect(before).toMatchObject({
      ok: true,
      data: { countedDevices: 3, extraDevices: 1, monthlyCost: 4.95, users: 2 },
    })
    await planHandlers['plan:updateSettings']({ extraDevicePrice: 10 }, contextOf(store))
    expect(await planHandlers['plan:cost']({}, contextOf(store))).toMatchObject({
      ok: true,
      data: { extraDevices: 1, monthlyCost: 10, extraDevicePrice: 10, currency: 'EUR' },
    })
  })
})
