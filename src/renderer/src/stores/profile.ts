import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ChannelInput } from '@shared/contract'
import type { Account, Device, FaxLineView, Impact, User, UserDetail } from '@shared/domain'
import type { AppError, Result } from '@shared/result'
import { api, settle } from '../api/client'

/**
 * The user a profile (or My Telephony) shows: main's UserDetail, read again after every change
 * so every panel shows the plan as main has it. A refused change leaves it as it was and hands
 * main's error to the caller, which shows it at the field.
 */
export const useProfileStore = defineStore('profile', () => {
  const userId = ref<string | null>(null)
  const detail = ref<UserDetail | null>(null)
  const error = ref<AppError | null>(null)
  const loading = ref(false)
  /** The plan's settings: the price of an extra device (readable by every user). */
  const account = ref<Account | null>(null)
  let latest = 0

  async function load(id: string): Promise<void> {
    const request = ++latest
    if (userId.value !== id) detail.value = null
    userId.value = id
    loading.value = true
    const [result, settings] = await Promise.all([
      settle(api.users.get({ id })),
      account.value ? Promise.resolve(null) : settle(api.plan.settings({})),
    ])
    if (request !== latest) return
    loading.value = false
    if (settings?.ok) account.value = settings.data
    if (result.ok) {
      detail.value = result.data
      error.value = null
    } else {
      detail.value = null
      error.value = result.error
    }
  }

  const reload = (): Promise<void> => (userId.value ? load(userId.value) : Promise.resolve())

  async function changed<T>(call: Promise<Result<T>>): Promise<Result<T>> {
    const result = await settle(call)
    if (result.ok) await reload()
    return result
  }

  const id = (): string => userId.value ?? ''

  const update = (input: Omit<ChannelInput<'users:update'>, 'id'>): Promise<Result<User>> =>
    changed(api.users.update({ id: id(), ...input }))
  const setPassword = (password: string | null, currentPassword?: string) =>
    changed(
      api.users.setPassword({
        id: id(),
        password,
        ...(currentPassword ? { currentPassword } : {}),
      }),
    )
  const permissionImpact = (telephony: boolean, fax: boolean): Promise<Result<Impact>> =>
    settle(api.users.permissionImpact({ id: id(), telephony, fax }))
  /** Only after the person saw the impact (when there was one). */
  const setPermissions = (telephony: boolean, fax: boolean): Promise<Result<User>> =>
    changed(api.users.setPermissions({ id: id(), telephony, fax, confirm: true }))
  const setLocation = (locationId: string | null): Promise<Result<User>> =>
    changed(api.users.setLocation({ id: id(), locationId }))

  const renameDevice = (deviceId: string, name: string): Promise<Result<Device>> =>
    changed(api.devices.rename({ id: deviceId, name }))
  const setDeviceActive = (deviceId: string, active: boolean): Promise<Result<Device>> =>
    changed(api.devices.setActive({ id: deviceId, active }))
  const removeDevice = (deviceId: string): Promise<Result<{ id: string }>> =>
    changed(api.devices.remove({ id: deviceId }))

  const addFax = (input: Omit<ChannelInput<'fax:add'>, 'userId'>): Promise<Result<FaxLineView>> =>
    changed(api.fax.add({ userId: id(), ...input }))
  const updateFax = (input: ChannelInput<'fax:update'>): Promise<Result<FaxLineView>> =>
    changed(api.fax.update(input))
  const removeFax = (faxId: string): Promise<Result<{ id: string }>> => changed(api.fax.remove({ id: faxId }))

  return {
    userId,
    detail,
    error,
    loading,
    account,
    load,
    reload,
    update,
    setPassword,
    permissionImpact,
    setPermissions,
    setLocation,
    renameDevice,
    setDeviceActive,
    removeDevice,
    addFax,
    updateFax,
    removeFax,
  }
})
