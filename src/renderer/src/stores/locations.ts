import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { LocationInput } from '@shared/contract'
import type { LocationUsage, LocationView } from '@shared/domain'
import type { AppError, Result } from '@shared/result'
import { api, settle } from '../api/client'

/** The plan's locations (few: the whole list at once, sorted by main) and the actions on them. */
export const useLocationsStore = defineStore('locations', () => {
  const items = ref<LocationView[]>([])
  const loading = ref(false)
  const loaded = ref(false)
  const error = ref<AppError | null>(null)
  /** The plan's country: the default of a new location. */
  const planCountry = ref('DE')

  async function list(): Promise<Result<LocationView[]>> {
    loading.value = true
    const result = await settle(api.locations.list({}))
    loading.value = false
    if (result.ok) {
      items.value = result.data
      error.value = null
      loaded.value = true
    } else {
      error.value = result.error
    }
    return result
  }

  async function loadPlanCountry(): Promise<void> {
    const result = await settle(api.plan.settings({}))
    if (result.ok) planCountry.value = result.data.country
  }

  async function create(input: LocationInput): Promise<Result<LocationView>> {
    const result = await settle(api.locations.create(input))
    if (result.ok) await list()
    return result
  }

  async function update(id: string, input: LocationInput): Promise<Result<LocationView>> {
    const result = await settle(api.locations.update({ id, ...input }))
    if (result.ok) await list()
    return result
  }

  function usage(id: string): Promise<Result<LocationUsage>> {
    return settle(api.locations.usage({ id }))
  }

  /** Only after the person confirmed: users of the location are unassigned. */
  async function remove(id: string): Promise<Result<{ id: string }>> {
    const result = await settle(api.locations.delete({ id, confirm: true }))
    if (result.ok) await list()
    return result
  }

  return { items, loading, loaded, error, planCountry, list, loadPlanCountry, create, update, usage, remove }
})
