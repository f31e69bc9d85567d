import type { Language } from '../../shared/domain'
import type { NamedOwner, PlanChange } from '../../shared/planChange'
import { formatPhone } from '../numbers/phone'
import type { Plan, StoredUser } from '../store/planFile'
import { describeWith } from './planChangeMessages'

export type { NamedOwner, PlanChange } from '../../shared/planChange'

/** What a plan may differ in; the change history itself and the schema version are not compared. */
type Compared = Pick<
  Plan,
  'account' | 'users' | 'numbers' | 'extensions' | 'devices' | 'faxLines' | 'locations'
>

interface RecordDiff<T> {
  added: T[]
  removed: T[]
  /** [before, after] of records with the same key that are not the same object. */
  changed: [T, T][]
}

/**
 * Records of two lists matched by key. States of the store share every record a change did not
 * touch, so the common case (same length, same key at each position) is one pass of reference
 * checks; otherwise one map of the earlier list: O(n) lookups either way, never O(n²).
 */
function diffRecords<T>(
  before: readonly T[],
  after: readonly T[],
  key: (record: T) => string,
): RecordDiff<T> {
  const diff: RecordDiff<T> = { added: [], removed: [], changed: [] }
  if (before === after) return diff
  if (before.length === after.length) {
    let aligned = true
    for (let position = 0; position < before.length; position++) {
      const old = before[position] as T
      const now = after[position] as T
      if (old === now) continue
      if (key(old) !== key(now)) {
        aligned = false
        break
      }
      diff.changed.push([old, now])
    }
    if (aligned) return diff
    diff.changed.length = 0
  }
  const earlier = new Map<string, T>()
  for (const record of before) earlier.set(key(record), record)
  for (const record of after) {
    const k = key(record)
    const old = earlier.get(k)
    if (old === undefined) diff.added.push(record)
    else {
      earlier.delete(k)
      if (old !== record) diff.changed.push([old, record])
    }
  }
  diff.removed.push(...earlier.values())
  return diff
}

const fullName = (user: Pick<StoredUser, 'firstName' | 'lastName'>): string =>
  `${user.firstName} ${user.lastName}`.trim()

const sameTarget = (
  a: { kind: string; id: string } | null,
  b: { kind: string; id: string } | null,
): boolean => a === b || (a !== null && b !== null && a.kind === b.kind && a.id === b.id)

/** Names of users, fax lines and locations of one state, looked up lazily (built on first use). */
class Names {
  private users: Map<string, StoredUser> | null = null
  private faxes: Map<string, string> | null = null
  private places: Map<string, string> | null = null
  constructor(private readonly plan: Compared) {}

  user(id: string): string | undefined {
    this.users ??= new Map(this.plan.users.map((user) => [user.id, user]))
    const user = this.users.get(id)
    return user ? fullName(user) : undefined
  }

  fax(id: string): string | undefined {
    this.faxes ??= new Map(this.plan.faxLines.map((line) => [line.id, line.alias]))
    return this.faxes.get(id)
  }

  location(id: string | null): string | null {
    if (id === null) return null
    this.places ??= new Map(this.plan.locations.map((location) => [location.id, location.name]))
    return this.places.get(id) ?? id
  }
}

/**
 * What changed from `before` to `after`: users, numbers, extensions, devices, fax lines, locations,
 * voicemail and plan settings, each with the names a person reads (from the state where the record
 * lives: `after`, or `before` for what was removed). Records are matched by id (numbers by number,
 * extensions by extension). Password hashes are never compared into the result, only whether a
 * password was set, changed or removed. The order reads like a story: what was added, what changed,
 * then what was removed (a user's numbers are released before the user is removed).
 */
export function diffPlans(before: Compared, after: Compared): PlanChange[] {
  const changes: PlanChange[] = []
  const old = new Names(before)
  const now = new Names(after)
  const userName = (id: string, prefer: Names = now): string =>
    prefer.user(id) ?? (prefer === now ? old : now).user(id) ?? id
  const owner = (target: { kind: 'user' | 'fax'; id: string }, prefer: Names = now): NamedOwner => {
    const other = prefer === now ? old : now
    const name =
      target.kind === 'user'
        ? (prefer.user(target.id) ?? other.user(target.id))
        : (prefer.fax(target.id) ?? other.fax(target.id))
    return { kind: target.kind, id: target.id, name: name ?? target.id }
  }

  // Plan settings
  if (before.account !== after.account) {
    for (const field of ['name', 'country', 'currency', 'extraDevicePrice'] as const) {
      if (before.account[field] !== after.account[field])
        changes.push({
          kind: 'setting',
          field,
          from: String(before.account[field]),
          to: String(after.account[field]),
        })
    }
  }

  // Locations added and changed (removed ones last: users leave them first)
  const locations = diffRecords(before.locations, after.locations, (location) => location.id)
  for (const location of locations.added)
    changes.push({ kind: 'locationAdded', locationId: location.id, name: location.name })
  for (const [was, is] of locations.changed) {
    if (was.name !== is.name)
      changes.push({ kind: 'locationRenamed', locationId: is.id, from: was.name, to: is.name })
    if (
      was.street !== is.street ||
      was.houseNumber !== is.houseNumber ||
      was.postcode !== is.postcode ||
      was.city !== is.city ||
      was.country !== is.country
    )
      changes.push({ kind: 'locationAddress', locationId: is.id, name: is.name })
  }

  // Users
  const users = diffRecords(before.users, after.users, (user) => user.id)
  for (const user of users.added)
    changes.push({ kind: 'userAdded', userId: user.id, userName: fullName(user) })
  for (const [was, is] of users.changed) {
    const who = { userId: is.id, userName: fullName(is) }
    if (fullName(was) !== who.userName) changes.push({ kind: 'userRenamed', ...who, from: fullName(was) })
    for (const field of ['email', 'language'] as const) {
      if (was[field] !== is[field])
        changes.push({ kind: 'userField', ...who, field, from: was[field], to: is[field] })
    }
    if (was.admin !== is.admin) changes.push({ kind: 'userAdmin', ...who, admin: is.admin })
    for (const permission of ['telephony', 'fax'] as const) {
      if (was.permissions[permission] !== is.permissions[permission])
        changes.push({ kind: 'userPermission', ...who, permission, on: is.permissions[permission] })
    }
    if (was.locationId !== is.locationId)
      changes.push({
        kind: 'userLocation',
        ...who,
        from: old.location(was.locationId),
        to: now.location(is.locationId),
      })
    if (was.passwordHash !== is.passwordHash) {
      const action = was.passwordHash === null ? 'set' : is.passwordHash === null ? 'removed' : 'changed'
      changes.push({ kind: 'userPassword', ...who, action })
    }
    if (
      was.voicemail.enabled !== is.voicemail.enabled ||
      was.voicemail.timeoutSeconds !== is.voicemail.timeoutSeconds
    )
      changes.push({ kind: 'voicemail', ...who, ...is.voicemail })
  }

  // Fax lines added and changed
  const faxLines = diffRecords(before.faxLines, after.faxLines, (line) => line.id)
  for (const line of faxLines.added)
    changes.push({
      kind: 'faxAdded',
      userId: line.userId,
      userName: userName(line.userId),
      faxId: line.id,
      alias: line.alias,
    })
  for (const [was, is] of faxLines.changed) {
    const fields = (['alias', 'send', 'receive'] as const).filter((field) => was[field] !== is[field])
    if (fields.length === 0 && was.userId === is.userId) continue
    changes.push({
      kind: 'faxChanged',
      userId: is.userId,
      userName: userName(is.userId),
      faxId: is.id,
      alias: is.alias,
      fromAlias: was.alias,
      fields,
      send: is.send,
      receive: is.receive,
    })
  }

  // Devices added and changed
  const devices = diffRecords(before.devices, after.devices, (device) => device.id)
  for (const device of devices.added)
    changes.push({
      kind: 'deviceAdded',
      userId: device.userId,
      userName: userName(device.userId),
      deviceId: device.id,
      deviceType: device.type,
      name: device.name,
    })
  for (const [was, is] of devices.changed) {
    const who = { userId: is.userId, userName: userName(is.userId), deviceId: is.id }
    if (was.name !== is.name) changes.push({ kind: 'deviceRenamed', ...who, from: was.name, to: is.name })
    if (was.active !== is.active)
      changes.push({ kind: 'deviceActive', ...who, name: is.name, active: is.active })
    const wasFields = was as Partial<Record<'model' | 'mac' | 'number', unknown>>
    const isFields = is as Partial<Record<'model' | 'mac' | 'number', unknown>>
    const fields = (['model', 'mac', 'number'] as const).filter(
      (field) => wasFields[field] !== isFields[field],
    )
    if (fields.length > 0) changes.push({ kind: 'deviceChanged', ...who, name: is.name, fields })
  }

  // Numbers
  const numbers = diffRecords(before.numbers, after.numbers, (entry) => entry.number)
  for (const entry of numbers.added) {
    changes.push({ kind: 'numberAdded', number: entry.number })
    if (entry.assignedTo)
      changes.push({ kind: 'numberAssigned', number: entry.number, to: owner(entry.assignedTo) })
  }
  for (const [was, is] of numbers.changed) {
    if (sameTarget(was.assignedTo, is.assignedTo)) continue
    if (was.assignedTo === null && is.assignedTo !== null)
      changes.push({ kind: 'numberAssigned', number: is.number, to: owner(is.assignedTo) })
    else if (was.assignedTo !== null && is.assignedTo === null)
      changes.push({ kind: 'numberReleased', number: is.number, from: owner(was.assignedTo, old) })
    else if (was.assignedTo !== null && is.assignedTo !== null)
      changes.push({
        kind: 'numberMoved',
        number: is.number,
        from: owner(was.assignedTo, old),
        to: owner(is.assignedTo),
      })
  }
  for (const entry of numbers.removed)
    changes.push({
      kind: 'numberRemoved',
      number: entry.number,
      from: entry.assignedTo ? owner(entry.assignedTo, old) : null,
    })

  // Extensions
  const extensions = diffRecords(before.extensions, after.extensions, (entry) => entry.extension)
  for (const entry of extensions.added)
    changes.push({ kind: 'extensionAdded', extension: entry.extension, owner: owner(entry.owner) })
  for (const [was, is] of extensions.changed) {
    if (sameTarget(was.owner, is.owner)) continue
    changes.push({
      kind: 'extensionMoved',
      extension: is.extension,
      from: owner(was.owner, old),
      to: owner(is.owner),
    })
  }
  for (const entry of extensions.removed)
    changes.push({ kind: 'extensionRemoved', extension: entry.extension, owner: owner(entry.owner, old) })

  // What was removed
  for (const device of devices.removed)
    changes.push({
      kind: 'deviceRemoved',
      userId: device.userId,
      userName: userName(device.userId, old),
      deviceId: device.id,
      deviceType: device.type,
      name: device.name,
    })
  for (const line of faxLines.removed)
    changes.push({
      kind: 'faxRemoved',
      userId: line.userId,
      userName: userName(line.userId, old),
      faxId: line.id,
      alias: line.alias,
    })
  for (const user of users.removed)
    changes.push({ kind: 'userRemoved', userId: user.id, userName: fullName(user) })
  for (const location of locations.removed)
    changes.push({ kind: 'locationRemoved', locationId: location.id, name: location.name })
  return changes
}

/** A number as a person reads it (international format; E.164 when it cannot be formatted). */
export const readableNumber = (e164: string): string => formatPhone(e164).international

/** One change as a sentence in `language`, e.g. "extension 23 added to Ben Ott". */
export function describeChange(language: Language, change: PlanChange): string {
  return describeWith(language, change, readableNumber)
}
