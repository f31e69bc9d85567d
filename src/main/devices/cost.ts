import type { Device, PlanCost, UserCost } from '../../shared/domain'
import { planIndex } from '../planIndex'
import type { Plan } from '../store/planFile'

/** DOMAIN.md: voip, mobile and external devices count; the app does not. */
export const countsForCost = (device: Device): boolean => device.type !== 'app'

/** Devices included per user before each further one costs the plan's extra-device price. */
export const INCLUDED_DEVICES = 2

const roundCents = (value: number): number => Math.round(value * 100) / 100

export function userCost(devices: readonly Device[], extraDevicePrice: number): UserCost {
  const countedDevices = devices.filter(countsForCost).length
  const extraDevices = Math.max(0, countedDevices - INCLUDED_DEVICES)
  return { countedDevices, extraDevices, monthlyCost: roundCents(extraDevices * extraDevicePrice) }
}

const planCosts = new WeakMap<Plan, PlanCost>()

/** The whole plan's device count and monthly extra cost; computed once per plan state. */
export function planCost(plan: Plan): PlanCost {
  const cached = planCosts.get(plan)
  if (cached) return cached
  const price = plan.account.extraDevicePrice
  let countedDevices = 0
  let extraDevices = 0
  for (const devices of planIndex(plan).devicesOf.values()) {
    const cost = userCost(devices, price)
    countedDevices += cost.countedDevices
    extraDevices += cost.extraDevices
  }
  const cost: PlanCost = {
    countedDevices,
    extraDevices,
    monthlyCost: roundCents(extraDevices * price),
    currency: plan.account.currency,
    extraDevicePrice: price,
    users: plan.users.length,
  }
  planCosts.set(plan, cost)
  return cost
}
