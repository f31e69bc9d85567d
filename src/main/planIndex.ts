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

/**
 * The index is made of one section per collection, each cached by its array: a change replaces
 * only the arrays it touched (the store shares the others with the previous state), so after a
 * write only those sections are rebuilt. Sections are shared between states: never mutate them.
 */
function section<T extends object, S>(cache: WeakMap<T, S>, list: T, build: (list: T) => S): S {
  let built = cache.get(list)
  if (!built) {
    built = build(list)
    cache.set(list, built)
  }
  return built
}

type UsersSection = Pick<PlanIndex, 'userById' | 'usersAt'>
type FaxSection = Pick<PlanIndex, 'faxLineById' | 'faxLinesOf'>
type DevicesSection = Pick<PlanIndex, 'deviceById' | 'devicesOf'>
type NumbersSection = Pick<PlanIndex, 'numberPosition' | 'numbersOf' | 'freeNumbers'>
type ExtensionsSection = Pick<PlanIndex, 'extensionOwner' | 'extensionsOf'>

const usersSections = new WeakMap<Plan['users'], UsersSection>()
const faxSections = new WeakMap<Plan['faxLines'], FaxSection>()
const devicesSections = new WeakMap<Plan['devices'], DevicesSection>()
const numbersSections = new WeakMap<Plan['numbers'], NumbersSection>()
const extensionsSections = new WeakMap<Plan['extensions'], ExtensionsSection>()

function usersSection(users: Plan['users']): UsersSection {
  const built: UsersSection = { userById: new Map(), usersAt: new Map() }
  for (const user of users) {
    built.userById.set(user.id, user)
    if (user.locationId !== null) push(built.usersAt, user.locationId, user)
  }
  return built
}

function faxSection(lines: Plan['faxLines']): FaxSection {
  const built: FaxSection = { faxLineById: new Map(), faxLinesOf: new Map() }
  for (const line of lines) {
    built.faxLineById.set(line.id, line)
    push(built.faxLinesOf, line.userId, line)
  }
  return built
}

function devicesSection(devices: Plan['devices']): DevicesSection {
  const built: DevicesSection = { deviceById: new Map(), devicesOf: new Map() }
  for (const device of devices) {
    built.deviceById.set(device.id, device)
    push(built.devicesOf, device.userId, device)
  }
  return built
}

function numbersSection(numbers: Plan['numbers']): NumbersSection {
  const built: NumbersSection = { numberPosition: new Map(), numbersOf: new Map(), freeNumbers: [] }
  numbers.forEach((entry, position) => {
    built.numberPosition.set(entry.number, position)
    if (entry.assignedTo) push(built.numbersOf, targetKey(entry.assignedTo), entry.number)
    else built.freeNumbers.push(entry.number)
  })
  return built
}

function extensionsSection(extensions: Plan['extensions']): ExtensionsSection {
  const built: ExtensionsSection = { extensionOwner: new Map(), extensionsOf: new Map() }
  for (const entry of extensions) {
    built.extensionOwner.set(entry.extension, entry.owner)
    push(built.extensionsOf, targetKey(entry.owner), entry.extension)
  }
  return built
}

export function planIndex(plan: Plan): PlanIndex {
  const cached = indexes.get(plan)
  if (cached) return cached
  const index: PlanIndex = {
    ...section(usersSections, plan.users, usersSection),
    ...section(faxSections, plan.faxLines, faxSection),
    ...section(devicesSections, plan.devices, devicesSection),
    ...section(numbersSections, plan.numbers, numbersSection),
    ...section(extensionsSections, plan.extensions, extensionsSection),
  }
  indexes.set(plan, index)
  return index
}
