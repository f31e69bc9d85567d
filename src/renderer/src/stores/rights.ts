import { defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import type { User, UserPage } from '@shared/domain'
import type { AppError, Result } from '@shared/result'
import { api, settle } from '../api/client'
import { useSessionStore } from './session'

export interface RightsQuery {
  search: string
  page: number
  itemsPerPage: number
}

/** The paged user list of the rights screen, and granting or taking admin rights. */
export const useRightsStore = defineStore('rights', () => {
  const query = reactive<RightsQuery>({ search: '', page: 1, itemsPerPage: 25 })
  const items = ref<User[]>([])
  const total = ref(0)
  const loading = ref(false)
  const error = ref<AppError | null>(null)
  /** The search the shown items answer. */
  const shownSearch = ref('')
  /** Ids of users whose admin flag is being changed right now. */
  const pending = ref(new Set<string>())

  let latest = 0

  async function list(): Promise<Result<UserPage>> {
    const request = ++latest
    const search = query.search
    loading.value = true
    const result = await settle(
      api.users.list({
        search,
        sort: 'name',
        descending: false,
        offset: (query.page - 1) * query.itemsPerPage,
        limit: query.itemsPerPage,
      }),
    )
    if (request !== latest) return result
    loading.value = false
    if (result.ok) {
      items.value = result.data.items
      total.value = result.data.total
      shownSearch.value = search
      error.value = null
      if (result.data.items.length === 0 && result.data.total > 0 && query.page > 1) {
        query.page = Math.max(1, Math.ceil(result.data.total / query.itemsPerPage))
        return list()
      }
    } else {
      error.value = result.error
    }
    return result
  }

  /**
   * Takes effect at once in main. The row shows main's answer: on a refusal the row keeps its old
   * flag. Changing the acting user's own flag reloads the session (the app then shows less).
   */
  async function setAdmin(user: User, admin: boolean): Promise<Result<User>> {
    pending.value.add(user.id)
    const result = await settle(api.users.setAdmin({ id: user.id, admin }))
    pending.value.delete(user.id)
    if (result.ok) {
      const index = items.value.findIndex((item) => item.id === user.id)
      if (index >= 0) items.value[index] = result.data
      const session = useSessionStore()
      if (session.actingUser?.id === user.id) await session.load()
    }
    return result
  }

  return { query, items, total, loading, error, shownSearch, pending, list, setAdmin }
})
