/** The change history as the renderer sees it (`history:list`): rendered by main in the UI language. */

export interface HistoryItem {
  id: string
  /** ISO time of the change. */
  at: string
  /** The acting user's name at the time; empty for a change made outside the app. */
  actorName: string
  /** The channel that made the change, e.g. `extensions:add`. */
  channel: string
  /** What kind of step it was, short ("add extension"), as undo names it. */
  action: string
  /** What changed, as sentences: "Extension 23 added to Ben Ott; …". */
  text: string
  /** The user the change was about, when that user still exists (a link to the profile). */
  user: { id: string; name: string } | null
}

export interface HistoryPage {
  /** Entries matching the search (all entries without one). */
  total: number
  /** Entries in the plan's history. */
  planTotal: number
  offset: number
  /** Newest first. */
  items: HistoryItem[]
}
