import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { NumberPage, Routing } from '@shared/domain'
import type { AppError, Result } from '@shared/result'
import { api, settle } from '../api/client'

/** How many free numbers the picker shows at once; the search narrows them in main. */
export const PICKER_PAGE = 50

/**
 * The routing shown by the routing panel (one per screen) and the changes made to it. Every change
 * goes to main; on success the routing is read again from main, so the diagram redraws from the
 * plan. A refused change leaves the routing as it was and hands main's error to the caller.
 */
export const useRoutingStore = defineStore('routing', () => {
  const userId = ref<string | null>(null)
  const routing = ref<Routing | null>(null)
  const error = ref<AppError | null>(null)
  let latest = 0

  async function load(id: string): Promise<void> {
    const request = ++latest
    if (userId.value !== id) routing.value = null
    userId.value = id
    const result = await settle(api.routing.get({ userId: id }))
    if (request !== latest) return
    if (result.ok) {
      routing.value = result.data
      error.value = null
    } else {
      routing.value = null
      error.value = result.error
    }
  }

  async function changed<T>(call: Promise<Result<T>>): Promise<Result<T>> {
    const result = await settle(call)
    if (result.ok && userId.value) await load(userId.value)
    return result
  }

  const owner = (): { kind: 'user'; id: string } => ({ kind: 'user', id: userId.value ?? '' })

  const freeNumbers = (search: string): Promise<Result<NumberPage>> =>
    settle(api.numbers.list({ search, filter: 'free', offset: 0, limit: PICKER_PAGE }))
  const assignNumber = (number: string) => changed(api.numbers.assign({ number, target: owner() }))
  const unassignNumber = (number: string) => changed(api.numbers.unassign({ number }))

  const addExtension = (extension: string) => changed(api.extensions.add({ owner: owner(), extension }))
  const removeExtension = (extension: string) => changed(api.extensions.remove({ owner: owner(), extension }))

  const setDeviceActive = (id: string, active: boolean) => changed(api.devices.setActive({ id, active }))

  const setVoicemail = (enabled: boolean, timeoutSeconds: number) =>
    changed(api.routing.setVoicemail({ userId: userId.value ?? '', enabled, timeoutSeconds }))

  /** Turns telephony on (admins only; main refuses the rest). Keeps the fax permission as it is. */
  async function enableTelephony(): Promise<Result<unknown>> {
    const id = userId.value ?? ''
    const detail = await settle(api.users.get({ id }))
    if (!detail.ok) return detail
    return changed(
      api.users.setPermissions({
        id,
        telephony: true,
        fax: detail.data.user.permissions.fax,
        confirm: false,
      }),
    )
  }

  /** Reads the routing again after a change made elsewhere (a device added in its dialog). */
  const reload = (): Promise<void> => (userId.value ? load(userId.value) : Promise.resolve())

  return {
    userId,
    routing,
    error,
    load,
    reload,
    freeNumbers,
    assignNumber,
    unassignNumber,
    addExtension,
    removeExtension,
    setDeviceActive,
    setVoicemail,
    enableTelephony,
  }
})
