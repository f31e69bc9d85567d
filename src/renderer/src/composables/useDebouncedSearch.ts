import { onBeforeUnmount, watch } from 'vue'
import type { Ref } from 'vue'

/** How long typing must pause before a search goes to main. */
export const SEARCH_DELAY_MS = 200

/**
 * Sends what is typed in a search field to `apply` (trimmed) once typing pauses, so main is asked
 * once per pause, not once per keystroke. The timer is cleared when the component goes away.
 */
export function useDebouncedSearch(input: Ref<string | null>, apply: (search: string) => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined
  watch(input, (value) => {
    clearTimeout(timer)
    timer = setTimeout(() => apply((value ?? '').trim()), SEARCH_DELAY_MS)
  })
  onBeforeUnmount(() => clearTimeout(timer))
}
