import { watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'

/**
 * A link may preset a screen's filter through its query (`/users?filter=routingIncomplete`, the
 * parameter may repeat): the known values are handed to `apply` (unknown ones are ignored), then
 * the parameter leaves the address, so the screen's own controls stay the only truth about it.
 */
export function useQueryPreset<T extends string>(
  name: string,
  allowed: readonly T[],
  apply: (values: T[]) => void,
): void {
  const route = useRoute()
  const router = useRouter()
  watch(
    () => route.query[name],
    (raw) => {
      if (raw === undefined) return
      const given = (Array.isArray(raw) ? raw : [raw]).filter(
        (value): value is string => typeof value === 'string',
      )
      const values = allowed.filter((value) => given.includes(value))
      if (values.length > 0) apply(values)
      const query = { ...route.query }
      delete query[name]
      void router.replace({ query })
    },
    { immediate: true },
  )
}
