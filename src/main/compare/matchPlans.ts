import type { Target } from '../../shared/domain'
import type { Plan } from '../store/planFile'

/** What two plans are compared in (the change history and schema version are not). */
export type ComparedPlanData = Pick<
  Plan,
  'account' | 'users' | 'numbers' | 'extensions' | 'devices' | 'faxLines' | 'locations'
>

/**
 * Ids of `other`'s records that stand for a record of `current` with another id: a record whose id
 * `current` does not have is matched, by key, to a record of `current` whose id `other` does not
 * have (first come, one to one). One map per side: O(n).
 */
function matchIds<T extends { id: string }>(
  current: readonly T[],
  other: readonly T[],
  currentKey: (record: T) => string,
  otherKey: (record: T) => string,
): Map<string, string> {
  const otherIds = new Set(other.map((record) => record.id))
  const currentIds = new Set(current.map((record) => record.id))
  const unmatched = new Map<string, string>()
  for (const record of current) {
    const key = currentKey(record)
    if (!otherIds.has(record.id) && !unmatched.has(key)) unmatched.set(key, record.id)
  }
  const ids = new Map<string, string>()
  if (unmatched.size === 0) return ids
  for (const record of other) {
    if (currentIds.has(record.id)) continue
    const key = otherKey(record)
    const id = unmatched.get(key)
    if (id === undefined) continue
    ids.set(record.id, id)
    unmatched.delete(key)
  }
  return ids
}

const lower = (text: string): string => text.trim().toLowerCase()

/**
 * `other` with its ids replaced by `current`'s where both plans hold the same thing under different
 * ids (plans made separately): users by email (ignoring case), locations by name, devices by owner,
 * type and name, fax lines by owner and alias. Then `diffPlans(current, aligned)` reports a user
 * both plans have as changed, not as removed and added. Records are copied only where an id changes.
 */
export function alignIds(current: ComparedPlanData, other: ComparedPlanData): ComparedPlanData {
  const users = matchIds(
    current.users,
    other.users,
    (user) => lower(user.email),
    (user) => lower(user.email),
  )
  const locations = matchIds(
    current.locations,
    other.locations,
    (location) => lower(location.name),
    (location) => lower(location.name),
  )
  const user = (id: string): string => users.get(id) ?? id
  const devices = matchIds(
    current.devices,
    other.devices,
    (device) => `${device.userId}\u0000${device.type}\u0000${lower(device.name)}`,
    (device) => `${user(device.userId)}\u0000${device.type}\u0000${lower(device.name)}`,
  )
  const faxLines = matchIds(
    current.faxLines,
    other.faxLines,
    (line) => `${line.userId}\u0000${lower(line.alias)}`,
    (line) => `${user(line.userId)}\u0000${lower(line.alias)}`,
  )
  if (users.size + locations.size + devices.size + faxLines.size === 0) return other
  const target = (owner: Target): Target =>
    owner.kind === 'user'
      ? users.has(owner.id)
        ? { kind: 'user', id: user(owner.id) }
        : owner
      : faxLines.has(owner.id)
        ? { kind: 'fax', id: faxLines.get(owner.id)! }
        : owner
  return {
    account: other.account,
    locations: other.locations.map((location) =>
      locations.has(location.id) ? { ...location, id: locations.get(location.id)! } : location,
    ),
    users: other.users.map((entry) => {
      const location =
        entry.locationId === null ? null : (locations.get(entry.locationId) ?? entry.locationId)
      return users.has(entry.id) || location !== entry.locationId
        ? { ...entry, id: user(entry.id), locationId: location }
        : entry
    }),
    devices: other.devices.map((device) =>
      devices.has(device.id) || users.has(device.userId)
        ? { ...device, id: devices.get(device.id) ?? device.id, userId: user(device.userId) }
        : device,
    ),
    faxLines: other.faxLines.map((line) =>
      faxLines.has(line.id) || users.has(line.userId)
        ? { ...line, id: faxLines.get(line.id) ?? line.id, userId: user(line.userId) }
        : line,
    ),
    numbers: other.numbers.map((entry) =>
      entry.assignedTo && target(entry.assignedTo) !== entry.assignedTo
        ? { ...entry, assignedTo: target(entry.assignedTo) }
        : entry,
    ),
    extensions: other.extensions.map((entry) =>
      target(entry.owner) !== entry.owner ? { ...entry, owner: target(entry.owner) } : entry,
    ),
  }
}
