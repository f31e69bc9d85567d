import { defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import type { CreateUserInput } from '@shared/contract'
import type { User, UserPage, UserSortKey } from '@shared/domain'
import type { AppError, Result } from '@shared/result'
import { api, settle } from '../api/client'

export interface UsersQuery {
  search: string
  sort: UserSortKey
  descending: boolean
  page: number
  itemsPerPage: number
}

/** One page of the user list as main sorted, filtered and cut it, plus the actions on users. */
export const useUsersStore = defineStore('users', () => {
  const query = reactive<UsersQuery>({
    search: '',
    sort: 'name',
    descending: false,
    page: 1,
    itemsPerPage: 25,
  })
  const items = ref<User[]>([])
  const total = ref(0)
  const planTotal = ref(0)
  const loading = ref(false)
  const error = ref<AppError | null>(null)
  /** The search the shown items answer (the query may already be newer). */
  const shownSearch = ref('')

  let latest = 0

  async function list(): Promise<Result<UserPage>> {
    const request = ++latest
    const search = query.search
    loading.value = true
    const result = await settle(
      api.users.list({
        search,
        sort: query.sort,
        descending: query.descending,
        offset: (query.page - 1) * query.itemsPerPage,
        limit: query.itemsPerPage,
      }),
    )
    // A slower, older answer must not overwrite a newer one.
    if (request !== latest) return result
    loading.value = false
    if (result.ok) {
      items.value = result.data.items
      total.value = result.data.total
      planTotal.value = result.data.planTotal
      shownSearch.value = search
      error.value = null
      // The page can run empty after deletions elsewhere: step back to the last page with users.
      if (result.data.items.length === 0 && result.data.total > 0 && query.page > 1) {
        query.page = Math.max(1, Math.ceil(result.data.total / query.itemsPerPage))
        return list()
      }
    } else {
      error.value = result.error
    }
    return result
  }

  async function create(input: CreateUserInput): Promise<Result<User>> {
    const result = await settle(api.users.create(input))
    if (result.ok) await list()
    return result
  }

  async function remove(id: string): Promise<Result<{ id: string }>> {
    const result = await settle(api.users.delete({ id }))
    if (result.ok) await list()
    return result
  }

  return { query, items, total, planTotal, loading, error, shownSearch, list, create, remove }
})
