import type { Migration } from './migrations'

/**
 * Version 2 → 3: the plan keeps its change history (src/main/history/). An older plan starts with
 * an empty one: what was changed before is not known.
 */
export const v2ToV3: Migration = {
  from: 2,
  migrate(document) {
    return { ...document, history: Array.isArray(document.history) ? document.history : [] }
  },
}
