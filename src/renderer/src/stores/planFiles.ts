import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { NewPlanInput } from '@shared/contract'
import type { KnownPlan, PlanStatus } from '@shared/domain'
import type { Result } from '@shared/result'
import { api, settle } from '../api/client'
import { useSessionStore } from './session'
import { useUndoStore } from './undo'

/**
 * Plan files: the known plans (recent and in the plans folder), and new / open / save as. Main
 * switches the open plan; afterwards the session (acting user, status) is read again and every
 * screen remounts (App.vue keys the router-view on the plan revision). `null` data: the person
 * cancelled a native dialog.
 */
export const usePlanFilesStore = defineStore('planFiles', () => {
  const known = ref<KnownPlan[]>([])
  const busy = ref(false)

  async function loadKnown(): Promise<Result<KnownPlan[]>> {
    const result = await settle(api.plans.known({}))
    if (result.ok) known.value = result.data
    return result
  }

  async function switched(result: Result<PlanStatus | null>): Promise<Result<PlanStatus | null>> {
    if (!result.ok || result.data === null) return result
    const session = useSessionStore()
    await session.load()
    session.planChanged()
    await Promise.all([useUndoStore().refresh(), loadKnown()])
    return result
  }

  async function run(call: () => Promise<Result<PlanStatus | null>>): Promise<Result<PlanStatus | null>> {
    busy.value = true
    try {
      return await switched(await settle(call()))
    } finally {
      busy.value = false
    }
  }

  return {
    known,
    busy,
    loadKnown,
    create: (input: NewPlanInput) => run(() => api.plans.create(input)),
    /** Without a path: the native Open dialog (Electron). */
    open: (path?: string) => run(() => api.plans.open(path === undefined ? {} : { path })),
    /** Without a file name: the native Save dialog (Electron). */
    saveAs: (fileName?: string) => run(() => api.plans.saveAs(fileName === undefined ? {} : { fileName })),
  }
})

/** The file name of a plan path without folder and `.json` (either kind of slash). */
export function planFileName(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path
  return base.replace(/\.json$/i, '')
}
