import { defineStore } from 'pinia'
import { ref } from 'vue'
import type {
  CsvDelimiter,
  CsvExportResult,
  ImportCommitResult,
  ImportRowView,
  ImportSummary,
} from '@shared/csv'
import type { CsvImportField } from '@shared/csv'
import type { UserListFilter } from '@shared/domain'
import type { Result } from '@shared/result'
import { api, settle } from '../api/client'

/** Raw bytes per upload call: their base64 (512 KiB) stays inside the bridge's 1 MiB body limit. */
const PART_BYTES = 384 * 1024

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let start = 0; start < bytes.length; start += 8192) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 8192))
  }
  return btoa(binary)
}

/** Hands an export to the person as a download (the browser bridge; Electron saves in main). */
function download(fileName: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/csv;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/**
 * CSV export and the open import. The file's rows stay in main: the review grid asks for one page
 * at a time, and every correction is checked again by main.
 */
export const useCsvStore = defineStore('csv', () => {
  const summary = ref<ImportSummary | null>(null)
  const rows = ref<ImportRowView[]>([])
  const total = ref(0)
  const offset = ref(0)
  const onlyErrors = ref(false)
  const progress = ref<number | null>(null)
  const pageSize = 25

  async function exportUsers(input: {
    scope: 'all' | 'filter'
    search: string
    filters: UserListFilter[]
    delimiter: CsvDelimiter
  }): Promise<Result<CsvExportResult>> {
    const result = await settle(api.csv.export(input))
    if (result.ok && result.data.delivered === 'download' && result.data.content !== undefined) {
      download(result.data.fileName, result.data.content)
    }
    return result
  }

  async function loadRows(): Promise<void> {
    if (!summary.value) return
    const result = await settle(
      api.csv.importRows({
        importId: summary.value.importId,
        offset: offset.value,
        limit: pageSize,
        only: onlyErrors.value ? 'errors' : 'all',
      }),
    )
    if (result.ok) {
      rows.value = result.data.items
      total.value = result.data.total
    }
  }

  async function upload(file: File): Promise<Result<ImportSummary>> {
    await discard()
    const bytes = new Uint8Array(await file.arrayBuffer())
    let importId: string | null = null
    progress.value = 0
    try {
      for (let start = 0; ; start += PART_BYTES) {
        const done = start + PART_BYTES >= bytes.length
        const result: Result<{ importId: string; summary: ImportSummary | null }> = await settle(
          api.csv.importUpload({
            importId,
            fileName: file.name.slice(0, 255),
            chunk: toBase64(bytes.subarray(start, start + PART_BYTES)),
            done,
          }),
        )
        if (!result.ok) return result
        importId = result.data.importId
        progress.value = Math.min(100, Math.round(((start + PART_BYTES) / Math.max(1, bytes.length)) * 100))
        if (done && result.data.summary) {
          summary.value = result.data.summary
          offset.value = 0
          onlyErrors.value = result.data.summary.counts.error > 0
          await loadRows()
          return { ok: true, data: result.data.summary }
        }
      }
    } finally {
      progress.value = null
    }
  }

  async function edit(
    change: { index: number; field: CsvImportField; value: string } | { index: number; excluded: boolean },
  ): Promise<Result<ImportRowView>> {
    if (!summary.value) return { ok: false, error: { code: 'not_found', message: '' } }
    const result = await settle(api.csv.importEdit({ importId: summary.value.importId, ...change }))
    if (!result.ok) return result
    summary.value = result.data.summary
    await loadRows()
    return { ok: true, data: result.data.row }
  }

  async function commit(): Promise<Result<ImportCommitResult>> {
    if (!summary.value) return { ok: false, error: { code: 'not_found', message: '' } }
    const result = await settle(api.csv.importCommit({ importId: summary.value.importId }))
    if (result.ok) clear()
    else await loadRows()
    return result
  }

  function clear(): void {
    summary.value = null
    rows.value = []
    total.value = 0
    offset.value = 0
  }

  async function discard(): Promise<void> {
    const open = summary.value
    clear()
    if (open) await settle(api.csv.importDiscard({ importId: open.importId }))
  }

  async function showPage(nextOffset: number): Promise<void> {
    offset.value = Math.max(0, nextOffset)
    await loadRows()
  }

  async function setOnlyErrors(value: boolean): Promise<void> {
    onlyErrors.value = value
    offset.value = 0
    await loadRows()
  }

  return {
    summary,
    rows,
    total,
    offset,
    onlyErrors,
    progress,
    pageSize,
    exportUsers,
    upload,
    edit,
    commit,
    discard,
    showPage,
    setOnlyErrors,
  }
})
