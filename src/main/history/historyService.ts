import type { Language } from '../../shared/domain'
import type { HistoryItem, HistoryPage } from '../../shared/history'
import type { PlanChange } from '../../shared/planChange'
import { describeChange } from '../plan/planDiff'
import { stepLabel } from '../plan/undoMessages'
import type { Plan } from '../store/planFile'
import type { HistoryEntry } from './historySchema'
import { t } from './historyMessages'

const capitalized = (text: string): string => text.charAt(0).toLocaleUpperCase() + text.slice(1)

/** Rendered texts per entry and language: entries never change, so each is rendered once. */
const rendered = new WeakMap<HistoryEntry, Partial<Record<Language, string>>>()

function changesText(language: Language, entry: HistoryEntry): string {
  const parts = entry.changes.map((change) => describeChange(language, change))
  if (entry.more > 0) parts.push(t(language, 'more', { count: entry.more }))
  return parts.join('; ')
}

/** What an entry changed, as sentences in `language` ("Extension 23 added to Ben Ott; …"). */
export function entryText(language: Language, entry: HistoryEntry): string {
  const cached = rendered.get(entry)
  const known = cached?.[language]
  if (known !== undefined) return known
  const text = capitalized(changesText(language, entry))
  rendered.set(entry, { ...cached, [language]: text })
  return text
}

/** The whole sentence with who made it: "Anna Schmidt: extension 23 added to Ben Ott". */
export function entrySentence(language: Language, entry: HistoryEntry): string {
  return entry.actorName === ''
    ? entryText(language, entry)
    : `${entry.actorName}: ${changesText(language, entry)}`
}

/** The user a change is about: its user, or the user who owns (or got, or lost) a number or extension. */
function userIdOf(change: PlanChange): string | undefined {
  if ('userId' in change) return change.userId
  for (const target of [
    'owner' in change ? change.owner : null,
    'to' in change && typeof change.to === 'object' ? change.to : null,
    'from' in change && typeof change.from === 'object' ? change.from : null,
  ]) {
    if (target?.kind === 'user') return target.id
  }
  return undefined
}

/** The user an entry is about (the first change that names one), when that user still exists. */
function userOf(entry: HistoryEntry, exists: (id: string) => string | undefined): HistoryItem['user'] {
  for (const change of entry.changes) {
    const id = userIdOf(change)
    if (id === undefined) continue
    const name = exists(id)
    return name === undefined ? null : { id, name }
  }
  return null
}

/**
 * A page of the history, newest first; `query` searches (ignoring case) the rendered text, who
 * made the change and what kind of step it was, in `language`.
 */
export function listHistory(
  plan: Plan,
  language: Language,
  input: { query: string; offset: number; limit: number },
): HistoryPage {
  const history = plan.history
  const needle = input.query.trim().toLocaleLowerCase(language)
  const matching: HistoryEntry[] = []
  for (let index = history.length - 1; index >= 0; index--) {
    const entry = history[index] as HistoryEntry
    if (
      needle === '' ||
      entryText(language, entry).toLocaleLowerCase(language).includes(needle) ||
      entry.actorName.toLocaleLowerCase(language).includes(needle) ||
      stepLabel(language, entry.channel).toLocaleLowerCase(language).includes(needle)
    )
      matching.push(entry)
  }
  const page = matching.slice(input.offset, input.offset + input.limit)
  let users: Map<string, string> | null = null
  const exists = (id: string): string | undefined => {
    users ??= new Map(plan.users.map((user) => [user.id, `${user.firstName} ${user.lastName}`.trim()]))
    return users.get(id)
  }
  return {
    total: matching.length,
    planTotal: history.length,
    offset: input.offset,
    items: page.map((entry) => ({
      id: entry.id,
      at: entry.at,
      actorName: entry.actorName,
      channel: entry.channel,
      action: stepLabel(language, entry.channel),
      text: entryText(language, entry),
      user: userOf(entry, exists),
    })),
  }
}
