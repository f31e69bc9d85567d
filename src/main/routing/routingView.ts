import type { Routing, RoutingGap } from '../../shared/domain'
import { userCost } from '../devices/cost'
import { toPhoneNumber } from '../numbers/numberView'
import { planIndex, targetKey } from '../planIndex'
import type { Plan } from '../store/planFile'

/**
 * DOMAIN.md: a user's routing is complete when telephony is on, at least one number is assigned
 * and at least one device is active; `missing` names what is not there yet, in that order.
 */
export function routingGaps(telephony: boolean, numberCount: number, activeDevices: number): RoutingGap[] {
  const missing: RoutingGap[] = []
  if (!telephony) missing.push('telephony')
  if (numberCount === 0) missing.push('number')
  if (activeDevices === 0) missing.push('activeDevice')
  return missing
}

/** One user's routing, from a confirmed plan state. Cost: what the user has, not the plan's size. */
export function routingOf(plan: Plan, userId: string): Routing | null {
  const index = planIndex(plan)
  const user = index.userById.get(userId)
  if (!user) return null
  const key = targetKey({ kind: 'user', id: userId })
  const numbers = (index.numbersOf.get(key) ?? []).map((number) => toPhoneNumber(plan, number))
  const devices = index.devicesOf.get(userId) ?? []
  const missing = routingGaps(
    user.permissions.telephony,
    numbers.length,
    devices.filter((device) => device.active).length,
  )
  return {
    userId,
    telephony: user.permissions.telephony,
    numbers,
    extensions: [...(index.extensionsOf.get(key) ?? [])].sort(),
    devices: [...devices],
    voicemail: { ...user.voicemail },
    complete: missing.length === 0,
    missing,
    cost: userCost(devices, plan.account.extraDevicePrice),
  }
}
