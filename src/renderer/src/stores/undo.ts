import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { UndoState } from '@shared/domain'
import { api, onPlanChanged, settle } from '../api/client'
import { i18n } from '../plugins/i18n'
import { useNoticesStore } from './notices'
import { useSessionStore } from './session'

/**
 * What undo and redo offer now (from main, for the acting user), refreshed after every change any
 * screen makes (see `onPlanChanged`), after a user switch and after undo/redo themselves.
 */
export const useUndoStore = defineStore('undo', () => {
  const state = ref<UndoState>({ canUndo: false, canRedo: false })
  const busy = ref(false)

  async function refresh(): Promise<void> {
    const result = await settle(api.plan.undoState({}))
    if (result.ok) state.value = result.data
  }

  onPlanChanged(() => void refresh())

  async function travel(direction: 'undo' | 'redo'): Promise<void> {
    if (busy.value) return
    const label = direction === 'undo' ? state.value.undoLabel : state.value.redoLabel
    busy.value = true
    try {
      const result = await settle(direction === 'undo' ? api.plan.undo({}) : api.plan.redo({}))
      const notices = useNoticesStore()
      if (!result.ok) {
        notices.show(result.error.message, 'error')
        await refresh()
        return
      }
      state.value = result.data
      // The acting user may be gone or changed; every screen reloads its data (App.vue's key).
      const session = useSessionStore()
      await session.load()
      session.planChanged()
      if (label) notices.show(i18n.global.t(direction === 'undo' ? 'undo.undone' : 'undo.redone', { label }))
    } finally {
      busy.value = false
    }
  }

  return { state, busy, refresh, undo: () => travel('undo'), redo: () => travel('redo') }
})
