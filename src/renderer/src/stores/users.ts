import { defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import type { CreateUserInput } from '@shared/contract'
import type { Impact, User, UserListFilter, UserPage, UserRow, UserSortKey } from '@shared/domain'
import type { AppError, Result } from '@shared/result'
import { api, settle } from '../api/client'

// The shared list sits next to zod schemas (importing its value would bundle zod into the page);
// a Record over the shared union makes the compiler insist on every filter instead.
const filterSet: Record<UserListFilter, true> = {
  admins: true,
  withoutLocation: true,
  routingIncomplete: true,
}
/** The list's filters, in the order the screen offers them. */
export const userFilters = Object.keys(filterSet) as UserListFilter[]

export interface UsersQuery {
  search: string
  /** Filters that are on; main combines them (a user must pass each). */
  filters: UserListFilter[]
  sort: UserSortKey
  descending: boolean
  page: number
  itemsPerPage: number
}

/** One page of the user list as main sorted, filtered and cut it, plus the actions on users. */
export const useUsersStore = defineStore('users', () => {
  const query = reactive<UsersQuery>({
    search: '',
    filters: [],
    sort: 'name',
    descending: false,
    page: 1,
    itemsPerPage: 25,
  })
  const items = ref<UserRow[]>([])
  const total = ref(0)
  const planTotal = ref(0)
  const loading = ref(false)
  const error = ref<AppError | null>(null)
  /** The search and filters the shown items answer (the query may already be newer). */
  const shownSearch = ref('')
  const shownFilters = ref<UserListFilter[]>([])

  let latest = 0

  async function list(): Promise<Result<UserPage>> {
    const request = ++latest
    const search = query.search
    const filters = [...query.filters]
    loading.value = true
    const result = await settle(
      api.users.list({
        search,
        filters,
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
      shownFilters.value = filters
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

  /** What deleting the user would release and remove, for the confirmation. */
  function deletionImpact(id: string): Promise<Result<Impact>> {
    return settle(api.users.deletionImpact({ id }))
  }

  async function remove(id: string): Promise<Result<{ id: string }>> {
    const result = await settle(api.users.delete({ id }))
    if (result.ok) await list()
    return result
  }

  return {
    query,
    items,
    total,
    planTotal,
    loading,
    error,
    shownSearch,
    shownFilters,
    list,
    create,
    deletionImpact,
    remove,
  }
})
