import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { PlanHealth } from '@shared/health'
import type { AppError } from '@shared/result'
import { api, settle } from '../api/client'

/** The plan health overview as main computed it (counts and the first items of each topic). */
export const useHealthStore = defineStore('health', () => {
  const health = ref<PlanHealth | null>(null)
  const error = ref<AppError | null>(null)

  async function load(): Promise<void> {
    const result = await settle(api.plan.health({}))
    if (result.ok) {
      health.value = result.data
      error.value = null
    } else {
      error.value = result.error
    }
  }

  /** Forgets the last overview (another plan or acting user may be current now). */
  function clear(): void {
    health.value = null
    error.value = null
  }

  return { health, error, load, clear }
})
