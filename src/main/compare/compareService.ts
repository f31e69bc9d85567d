import type { ChangedUser, ComparedPlan, ComparedUser, PlanComparison } from '../../shared/compare'
import { COMPARE_ITEMS, COMPARE_USER_CHANGES } from '../../shared/compare'
import type { Language } from '../../shared/domain'
import { describeChange, diffPlans } from '../plan/planDiff'
import type { PlanChange } from '../plan/planDiff'
import { fullName } from '../rights'
import type { StoredUser } from '../store/planFile'
import { alignIds } from './matchPlans'
import type { ComparedPlanData } from './matchPlans'

const collator = new Intl.Collator('de', { sensitivity: 'base', numeric: true })

/** Collects a section's entries: all are counted, the first `COMPARE_ITEMS` kept. */
class Section<T> {
  total = 0
  readonly items: T[] = []
  add(item: T): void {
    this.total += 1
    if (this.items.length < COMPARE_ITEMS) this.items.push(item)
  }
  result(): { total: number; items: T[] } {
    return { total: this.total, items: this.items }
  }
}

/** The user a change belongs to (changes of a user's settings, devices, fax lines, extensions). */
function userOf(change: PlanChange): string | null {
  switch (change.kind) {
    case 'userRenamed':
    case 'userField':
    case 'userAdmin':
    case 'userPermission':
    case 'userLocation':
    case 'userPassword':
    case 'voicemail':
    case 'deviceAdded':
    case 'deviceRemoved':
    case 'deviceRenamed':
    case 'deviceActive':
    case 'deviceChanged':
    case 'faxAdded':
    case 'faxRemoved':
    case 'faxChanged':
      return change.userId
    case 'extensionAdded':
    case 'extensionRemoved':
      return change.owner.kind === 'user' ? change.owner.id : null
    case 'extensionMoved':
      return change.to.kind === 'user' ? change.to.id : null
    default:
      return null
  }
}

const sentence = (language: Language, change: PlanChange): string => {
  const text = describeChange(language, change)
  return text.charAt(0).toUpperCase() + text.slice(1)
}

const comparedUser = (user: StoredUser): ComparedUser => ({
  id: user.id,
  name: fullName(user),
  email: user.email,
})

/**
 * What changes from `current` (the open plan) to `other` (another plan file), in `language`:
 * `diffPlans` on the two after matching records across the plans (see `alignIds`), grouped into
 * users added, removed and changed (with what changed), numbers, locations and the rest. Each
 * section is counted in full and lists its first `COMPARE_ITEMS`. Cost: a few passes over both
 * plans (lookups, never nested loops), then the differences themselves.
 */
export function comparePlans(
  language: Language,
  current: ComparedPlanData,
  other: ComparedPlanData,
  names: { current: ComparedPlan; other: ComparedPlan & { path: string } },
): PlanComparison {
  const aligned = alignIds(current, other)
  const changes = diffPlans(current, aligned)
  const addedIds = new Set<string>()
  const removedIds = new Set<string>()
  for (const change of changes) {
    if (change.kind === 'userAdded') addedIds.add(change.userId)
    else if (change.kind === 'userRemoved') removedIds.add(change.userId)
  }
  const currentUsers = new Map(current.users.map((user) => [user.id, user]))
  const otherUsers = addedIds.size > 0 ? new Map(aligned.users.map((user) => [user.id, user])) : null

  const added = new Section<ComparedUser>()
  const removed = new Section<ComparedUser>()
  const numbers = new Section<string>()
  const locations = new Section<string>()
  const rest = new Section<string>()
  const changedUsers = new Map<string, ChangedUser>()

  for (const change of changes) {
    if (change.kind === 'userAdded') {
      const user = otherUsers?.get(change.userId)
      if (user) added.add(comparedUser(user))
      continue
    }
    if (change.kind === 'userRemoved') {
      const user = currentUsers.get(change.userId)
      if (user) removed.add(comparedUser(user))
      continue
    }
    const userId = userOf(change)
    if (userId !== null) {
      // What an added or removed user brings or takes along is part of that user.
      if (addedIds.has(userId) || removedIds.has(userId)) continue
      const user = currentUsers.get(userId)
      if (user) {
        let entry = changedUsers.get(userId)
        if (!entry) {
          entry = {
            ...comparedUser(user),
            name: change.kind === 'userRenamed' ? change.userName : fullName(user),
            total: 0,
            changes: [],
          }
          changedUsers.set(userId, entry)
        }
        entry.total += 1
        if (entry.changes.length < COMPARE_USER_CHANGES) entry.changes.push(sentence(language, change))
        continue
      }
    }
    switch (change.kind) {
      case 'numberAdded':
      case 'numberRemoved':
      case 'numberAssigned':
      case 'numberReleased':
      case 'numberMoved':
        numbers.add(sentence(language, change))
        break
      case 'locationAdded':
      case 'locationRemoved':
      case 'locationRenamed':
      case 'locationAddress':
        locations.add(sentence(language, change))
        break
      default:
        rest.add(sentence(language, change))
    }
  }

  const changed = new Section<ChangedUser>()
  for (const entry of [...changedUsers.values()].sort((a, b) => collator.compare(a.name, b.name)))
    changed.add(entry)
  const byName = (a: ComparedUser, b: ComparedUser): number => collator.compare(a.name, b.name)
  added.items.sort(byName)
  removed.items.sort(byName)
  return {
    current: names.current,
    other: names.other,
    added: added.result(),
    removed: removed.result(),
    changed: changed.result(),
    numbers: numbers.result(),
    locations: locations.result(),
    otherChanges: rest.result(),
    same: changes.length === 0,
  }
}
