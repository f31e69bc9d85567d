import { defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import type { HistoryItem, HistoryPage } from '@shared/history'
import type { AppError, Result } from '@shared/result'
import { api, settle } from '../api/client'

export interface HistoryQuery {
  search: string
  page: number
  itemsPerPage: number
}

/** One page of the plan's change history as main searched, rendered and cut it (newest first). */
export const useHistoryStore = defineStore('history', () => {
  const query = reactive<HistoryQuery>({ search: '', page: 1, itemsPerPage: 25 })
  const items = ref<HistoryItem[]>([])
  const total = ref(0)
  const planTotal = ref(0)
  const loading = ref(false)
  const loaded = ref(false)
  const error = ref<AppError | null>(null)
  /** The search the shown items answer (the query may already be newer). */
  const shownSearch = ref('')

  let latest = 0

  async function list(): Promise<Result<HistoryPage>> {
    const request = ++latest
    const search = query.search
    loading.value = true
    const result = await settle(
      api.history.list({
        query: search,
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
      loaded.value = true
    } else {
      error.value = result.error
    }
    return result
  }

  return { query, items, total, planTotal, loading, loaded, error, shownSearch, list }
})
