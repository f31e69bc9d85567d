import { z } from 'zod'
import { planChangeSchema } from '../../shared/planChange'

/** The plan keeps at most this many history entries; the oldest go first (docs/decisions.md). */
export const HISTORY_LIMIT = 2000
/** An entry keeps at most this many changes (a CSV import makes thousands); the rest are counted. */
export const CHANGES_PER_ENTRY = 50

/**
 * One change made through the app, kept in the plan (schema version 3): when, by whom (id and the
 * name at the time), through which channel, and what changed (names captured at the time).
 */
export const historyEntrySchema = z.strictObject({
  id: z.string().min(1).max(64),
  /** ISO time. */
  at: z.string().max(40),
  /** The acting user, or null for a change made outside a call (a test, a tool). */
  actorId: z.string().min(1).max(64).nullable(),
  actorName: z.string().max(201),
  channel: z.string().max(64),
  changes: z.array(planChangeSchema).max(CHANGES_PER_ENTRY),
  /** Changes of this step not kept in `changes`. */
  more: z.number().int().min(0),
})
export type HistoryEntry = z.infer<typeof historyEntrySchema>
