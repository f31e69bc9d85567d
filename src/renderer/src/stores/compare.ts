import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { PlanComparison } from '@shared/compare'
import type { KnownPlan } from '@shared/domain'
import type { AppError } from '@shared/result'
import { api, settle } from '../api/client'

/** Compare plans: the plans one may compare with, the chosen one, and main's comparison. */
export const useCompareStore = defineStore('compare', () => {
  const known = ref<KnownPlan[]>([])
  const loaded = ref(false)
  const listError = ref<AppError | null>(null)
  const selected = ref<string | null>(null)
  const comparison = ref<PlanComparison | null>(null)
  const busy = ref(false)
  const error = ref<AppError | null>(null)

  /** Every known plan but the open one. */
  const others = computed(() => known.value.filter((plan) => !plan.current))

  async function loadKnown(): Promise<void> {
    const result = await settle(api.plans.known({}))
    loaded.value = true
    if (result.ok) {
      known.value = result.data
      listError.value = null
      if (!others.value.some((plan) => plan.path === selected.value && plan.available))
        selected.value = others.value.find((plan) => plan.available)?.path ?? null
    } else {
      listError.value = result.error
    }
  }

  async function compare(): Promise<void> {
    if (selected.value === null) return
    busy.value = true
    const result = await settle(api.plans.compare({ path: selected.value }))
    busy.value = false
    if (result.ok) {
      comparison.value = result.data
      error.value = null
    } else {
      comparison.value = null
      error.value = result.error
    }
  }

  /** Forgets the last comparison (another plan may be open now, or the language changed). */
  function clear(): void {
    comparison.value = null
    error.value = null
  }

  return { known, loaded, listError, selected, comparison, busy, error, others, loadKnown, compare, clear }
})
