import { defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import type { NumberPage, PhoneNumber } from '@shared/domain'
import type { AppError, Result } from '@shared/result'
import { api, settle } from '../api/client'

export type NumberFilter = 'all' | 'free' | 'assigned'

export interface NumbersQuery {
  search: string
  filter: NumberFilter
  page: number
  itemsPerPage: number
}

/** One page of the number pool as main filtered and cut it, plus the actions on numbers. */
export const useNumbersStore = defineStore('numbers', () => {
  const query = reactive<NumbersQuery>({ search: '', filter: 'all', page: 1, itemsPerPage: 25 })
  const items = ref<PhoneNumber[]>([])
  const total = ref(0)
  const loading = ref(false)
  const error = ref<AppError | null>(null)
  /** The search the shown items answer (the query may already be newer). */
  const shownSearch = ref('')

  let latest = 0

  async function list(): Promise<Result<NumberPage>> {
    const request = ++latest
    const search = query.search
    loading.value = true
    const result = await settle(
      api.numbers.list({
        search,
        filter: query.filter,
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

  async function refreshAfter<T>(call: Promise<Result<T>>): Promise<Result<T>> {
    const result = await settle(call)
    // The dialog closes at once; the page follows when main answers the list request.
    if (result.ok) void list()
    return result
  }

  const add = (number: string): Promise<Result<PhoneNumber>> => refreshAfter(api.numbers.add({ number }))
  const addBlock = (base: string, count: number): Promise<Result<PhoneNumber[]>> =>
    refreshAfter(api.numbers.addBlock({ base, count }))
  const unassign = (number: string): Promise<Result<PhoneNumber>> =>
    refreshAfter(api.numbers.unassign({ number }))
  const remove = (number: string, confirm: boolean): Promise<Result<{ number: string }>> =>
    refreshAfter(api.numbers.remove({ number, confirm }))

  return { query, items, total, loading, error, shownSearch, list, add, addBlock, unassign, remove }
})
