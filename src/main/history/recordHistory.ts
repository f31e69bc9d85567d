import { diffPlans } from '../plan/planDiff'
import { newId } from '../store/planFile'
import type { Plan } from '../store/planFile'
import { CHANGES_PER_ENTRY, HISTORY_LIMIT } from './historySchema'
import type { HistoryEntry } from './historySchema'

/** Who made a change and through which channel (the undo step's info, see undoHistory.ts). */
export interface ChangeAuthor {
  label: string
  actorId: string | null
}

/**
 * `next` with an entry for the change from `previous` appended to its history (the newest
 * `HISTORY_LIMIT` kept), so one write holds the change and its entry. A change that changed
 * nothing a person can see (the same state) gets no entry. The actor's name is the one at the time.
 */
export function withHistoryEntry(
  previous: Plan,
  next: Plan,
  author: ChangeAuthor,
  at: Date,
  limit = HISTORY_LIMIT,
): Plan {
  if (next === previous) return next
  const changes = diffPlans(previous, next)
  if (changes.length === 0) return next
  const actor =
    author.actorId === null ? undefined : previous.users.find((user) => user.id === author.actorId)
  const entry: HistoryEntry = {
    id: newId(),
    at: at.toISOString(),
    actorId: author.actorId,
    actorName: actor ? `${actor.firstName} ${actor.lastName}`.trim() : '',
    channel: author.label,
    changes: changes.slice(0, CHANGES_PER_ENTRY),
    more: Math.max(0, changes.length - CHANGES_PER_ENTRY),
  }
  const kept =
    next.history.length >= limit ? next.history.slice(next.history.length - limit + 1) : next.history
  return { ...next, history: [...kept, entry] }
}
