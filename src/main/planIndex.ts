import type { Device, FaxLine, Target } from '../shared/domain'
import type { Plan, StoredUser } from './store/planFile'

/**
 * Lookups over one plan state, built once on first use and kept until the plan changes (the store
 * replaces the plan object on every change). Read paths (lists, checks per keystroke, a user's
 * routing) use it so their cost does not grow with the plan; build cost is one pass per collection.
 *
 * Use it only on a confirmed plan (`store.plan`), never on a draft that is being changed: the index
 * would not see the change.
 */
export interface PlanIndex {
  userById: Map<string, StoredUser>
  faxLineById: Map<string, FaxLine>
  deviceById: Map<string, Device>
  /** E.164 → position in plan.numbers. */
  numberPosition: Map<string, number>
  /** Extension → owner. */
  extensionOwner: Map<string, Target>
  numbersOf: Map<string, string[]>
  extensionsOf: Map<string, string[]>
  devicesOf: Map<string, Device[]>
  faxLinesOf: Map<string, FaxLine[]>
  usersAt: Map<string, StoredUser[]>
  /** Numbers nobody has, in pool order. */
  freeNumbers: string[]
}

/** Key of a target in the `…Of` maps: `user:<id>` or `fax:<id>`. */
export const targetKey = (target: Target): string => `${target.kind}:${target.id}`

const indexes = new WeakMap<Plan, PlanIndex>()

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

export function planIndex(plan: Plan): PlanIndex {
  const cached = indexes.get(plan)
  if (cached) return cached
  const index: PlanIndex = {
    userById: new Map(plan.users.map((user) => [user.id, user])),
    faxLineById: new Map(plan.faxLines.map((line) => [line.id, line])),
    deviceById: new Map(plan.devices.map((device) => [device.id, device])),
    numberPosition: new Map(),
    extensionOwner: new Map(),
    numbersOf: new Map(),
    extensionsOf: new Map(),
    devicesOf: new Map(),
    faxLinesOf: new Map(),
    usersAt: new Map(),
    freeNumbers: [],
  }
  plan.numbers.forEach((entry, position) => {
    index.numberPosition.set(entry.number, position)
    if (entry.assignedTo) push(index.numbersOf, targetKey(entry.assignedTo), entry.number)
    else index.freeNumbers.push(entry.number)
  })
  for (const entry of plan.extensions) {
    index.extensionOwner.set(entry.extension, entry.owner)
    push(index.extensionsOf, targetKey(entry.owner), entry.extension)
  }
  for (const device of plan.devices) push(index.devicesOf, device.userId, device)
  for (const line of plan.faxLines) push(index.faxLinesOf, line.userId, line)
  for (const user of plan.users) if (user.locationId !== null) push(index.usersAt, user.locationId, user)
  indexes.set(plan, index)
  return index
}
