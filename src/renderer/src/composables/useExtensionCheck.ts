import { onBeforeUnmount, ref, watch } from 'vue'
import type { Ref } from 'vue'
import type { ExtensionCheck } from '@shared/domain'
import { api, settle } from '../api/client'

/** How long typing must pause before main is asked about an extension. */
export const EXTENSION_CHECK_DELAY_MS = 250

/**
 * Asks main whether the extension being typed is free (or taken by whom, or in which blocked
 * range) once typing pauses. `result` always answers the current text: it is cleared as soon as
 * the text changes, and an older answer never replaces a newer one. An empty text is not checked.
 */
export function useExtensionCheck(source: () => string): {
  result: Ref<ExtensionCheck | null>
  checking: Ref<boolean>
} {
  const result = ref<ExtensionCheck | null>(null)
  const checking = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined
  let latest = 0

  watch(source, (value) => {
    clearTimeout(timer)
    const request = ++latest
    result.value = null
    const extension = value.trim()
    checking.value = extension !== ''
    if (extension === '') return
    timer = setTimeout(() => {
      void settle(api.extensions.check({ extension })).then((answer) => {
        if (request !== latest) return
        checking.value = false
        // A refused check (e.g. the transport) leaves the field to main's answer on submit.
        result.value = answer.ok ? answer.data : null
      })
    }, EXTENSION_CHECK_DELAY_MS)
  })
  onBeforeUnmount(() => clearTimeout(timer))

  return { result, checking }
}
