import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Language, PlanStatus, User } from '@shared/domain'
import type { AppError } from '@shared/result'
import { api, settle } from '../api/client'

/** Who the app acts as and what state the plan file is in. */
export const useSessionStore = defineStore('session', () => {
  const status = ref<PlanStatus | null>(null)
  const actingUser = ref<User | null>(null)
  const error = ref<AppError | null>(null)
  /** Counts plan changes made outside the current screen (undo, redo): screens remount on it. */
  const planRevision = ref(0)

  const readOnly = computed(() => status.value?.readOnly != null)

  async function load(): Promise<void> {
    const [statusResult, userResult] = await Promise.all([
      settle(api.app.status({})),
      settle(api.session.actingUser({})),
    ])
    if (statusResult.ok) status.value = statusResult.data
    if (userResult.ok) actingUser.value = userResult.data
    error.value = !statusResult.ok ? statusResult.error : !userResult.ok ? userResult.error : null
  }

  /** Main writes its error messages in this language. */
  async function setLanguage(language: Language): Promise<void> {
    await settle(api.app.setLanguage({ language }))
  }

  function planChanged(): void {
    planRevision.value += 1
  }

  return { status, actingUser, error, readOnly, planRevision, load, setLanguage, planChanged }
})
