/* Types only (and plain constants): the renderer imports this file; no zod here. */

/** How many entries each section of a comparison lists (the count covers all of them). */
export const COMPARE_ITEMS = 100
/** How many changes are listed per changed user. */
export const COMPARE_USER_CHANGES = 20

export interface CompareSection<T> {
  total: number
  items: T[]
}

export interface ComparedUser {
  /** The user's id in the plan that has them (the open plan's id when both have them). */
  id: string
  name: string
  email: string
}

/** A user in both plans with what differs, each as a sentence in the reader's language. */
export interface ChangedUser extends ComparedUser {
  total: number
  changes: string[]
}

/** A plan of a comparison, as the person knows it. */
export interface ComparedPlan {
  fileName: string
  accountName: string
}

/**
 * What changes from the open plan to another plan file (`plans:compare`): users are matched by
 * id, else by email; locations by id, else by name; devices and fax lines of a matched user by
 * id, else by type and name (alias). Sentences are in the reader's language.
 */
export interface PlanComparison {
  current: ComparedPlan
  other: ComparedPlan & { path: string }
  /** In the other plan only. */
  added: CompareSection<ComparedUser>
  /** In the open plan only. */
  removed: CompareSection<ComparedUser>
  changed: CompareSection<ChangedUser>
  /** Numbers added, removed, assigned, released or moved to someone else. */
  numbers: CompareSection<string>
  locations: CompareSection<string>
  /** Plan settings and what belongs to fax lines. */
  otherChanges: CompareSection<string>
  /** Same content (the file may still differ in its change history). */
  same: boolean
}
