/* No zod here: the renderer imports this file at run time (zod would trip the CSP's eval check). */

/** The columns of a user export, in file order, with their stable header names (README). */
export const csvColumns = [
  { field: 'id', header: 'id' },
  { field: 'firstName', header: 'first_name' },
  { field: 'lastName', header: 'last_name' },
  { field: 'email', header: 'email' },
  { field: 'language', header: 'language' },
  { field: 'admin', header: 'admin' },
  { field: 'telephony', header: 'telephony' },
  { field: 'fax', header: 'fax' },
  { field: 'extensions', header: 'extensions' },
  { field: 'numbers', header: 'phone_numbers' },
  { field: 'devices', header: 'devices' },
  { field: 'extraDevices', header: 'extra_devices' },
  { field: 'monthlyCost', header: 'monthly_extra_cost' },
  { field: 'location', header: 'location' },
  { field: 'routingComplete', header: 'routing_complete' },
] as const

/** Fields an import reads (the others are computed and ignored on import); `mobile` is import-only. */
export const csvImportFields = [
  'id',
  'firstName',
  'lastName',
  'email',
  'language',
  'admin',
  'telephony',
  'fax',
  'extensions',
  'numbers',
  'mobile',
  'location',
] as const
export type CsvImportField = (typeof csvImportFields)[number]
export type CsvExportField = (typeof csvColumns)[number]['field']

export const csvDelimiters = [',', ';'] as const
export type CsvDelimiter = (typeof csvDelimiters)[number]

export const CSV_LIMITS = {
  /** Largest file an import reads. */
  fileBytes: 5 * 1024 * 1024,
  /** Most data rows an import reads. */
  rows: 5000,
  /** Largest base64 chunk per upload call (stays well inside the browser bridge's 1 MiB body). */
  chunkChars: 512 * 1024,
  /** Longest cell value. */
  cell: 1000,
} as const

export interface CsvExportResult {
  fileName: string
  rows: number
  /** `saved`: written through the Save dialog; `cancelled`: the person closed it; `download`: the renderer saves `content`. */
  delivered: 'saved' | 'cancelled' | 'download'
  path?: string
  content?: string
}

export type ImportRowStatus = 'new' | 'update' | 'unchanged' | 'error'

export interface ImportRowError {
  /** The column the rule concerns (its header in the file), or null for the whole row. */
  field: CsvImportField | null
  header: string | null
  message: string
}

export interface ImportRowView {
  /** Line of the row in the file (the header is line 1); errors name it. */
  line: number
  /** Position among the data rows (0-based); edits and exclusions use it. */
  index: number
  status: ImportRowStatus
  excluded: boolean
  values: Partial<Record<CsvImportField, string>>
  errors: ImportRowError[]
  /** For `update`: the fields that change. */
  changes: CsvImportField[]
}

export interface ImportSummary {
  importId: string
  fileName: string
  encoding: string
  delimiter: string
  /** The file's columns in order and the field each was matched to (null: unknown, ignored). */
  columns: { header: string; field: CsvImportField | null; ignored: boolean }[]
  unknownColumns: string[]
  rows: number
  counts: Record<ImportRowStatus | 'excluded', number>
  /** True when every included row can be imported (and at least one changes something). */
  canCommit: boolean
}

export interface ImportCommitResult {
  created: number
  updated: number
  unchanged: number
  excluded: number
}
