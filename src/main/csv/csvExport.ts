import { stringify } from 'csv-stringify/sync'
import { csvColumns } from '../../shared/csv'
import type { CsvDelimiter, CsvExportField } from '../../shared/csv'
import type { UserListFilter, UserRow } from '../../shared/domain'
import { userCost } from '../devices/cost'
import { planIndex } from '../planIndex'
import type { Plan } from '../store/planFile'
import { listUsers } from '../users/usersService'
import { guardCell } from './formulaGuard'

export interface ExportQuery {
  scope: 'all' | 'filter'
  search: string
  filters: UserListFilter[]
  delimiter: CsvDelimiter
}

const yesNo = (value: boolean): string => (value ? 'yes' : 'no')

/** Cells holding lists (extensions, phone numbers) separate their items with this. */
export const LIST_SEPARATOR = ', '

/** The users an export holds: exactly what the users list shows for this search and filters. */
export function exportedUsers(plan: Plan, query: ExportQuery): UserRow[] {
  const filtered = query.scope === 'filter'
  return listUsers(plan, {
    search: filtered ? query.search : '',
    filters: filtered ? query.filters : [],
    sort: 'name',
    descending: false,
    offset: 0,
    limit: Math.max(1, plan.users.length),
  }).items
}

/** One user's cells, as text before the formula guard. Never any password material. */
export function exportRecord(
  plan: Plan,
  row: UserRow,
  delimiter: CsvDelimiter,
): Record<CsvExportField, string> {
  const cost = userCost(planIndex(plan).devicesOf.get(row.id) ?? [], plan.account.extraDevicePrice)
  const money = cost.monthlyCost.toFixed(2)
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    language: row.language,
    admin: yesNo(row.admin),
    telephony: yesNo(row.permissions.telephony),
    fax: yesNo(row.permissions.fax),
    extensions: row.extensions.join(LIST_SEPARATOR),
    numbers: row.numbers.map((number) => number.international).join(LIST_SEPARATOR),
    devices: String(row.deviceCount),
    extraDevices: String(cost.extraDevices),
    // A spreadsheet using `;` as delimiter (German) reads a decimal comma.
    monthlyCost: delimiter === ';' ? money.replace('.', ',') : money,
    location: row.locationName ?? '',
    routingComplete: yesNo(row.routingComplete),
  }
}

/**
 * The CSV text (DOMAIN.md): UTF-8 with BOM (the caller encodes the string as UTF-8), CRLF,
 * RFC 4180 quoting by csv-stringify, every cell through the formula guard.
 */
// csv-stringify quotes a field holding the record delimiter (CRLF) but not a lone LF or CR: quote
// every field with a line break or another control character, and one with blanks at its ends.

const needsQuotes = /[\u0000-\u001F\u007F]|^\s|\s$/

export function toCsv(records: readonly Record<CsvExportField, string>[], delimiter: CsvDelimiter): string {
  const rows = [
    csvColumns.map((column) => column.header),
    ...records.map((record) => csvColumns.map((column) => guardCell(record[column.field]))),
  ]
  return `\uFEFF${stringify(rows, { delimiter, record_delimiter: '\r\n', quoted_match: needsQuotes })}`
}

export function exportCsv(plan: Plan, query: ExportQuery): { text: string; rows: number } {
  const records = exportedUsers(plan, query).map((row) => exportRecord(plan, row, query.delimiter))
  return { text: toCsv(records, query.delimiter), rows: records.length }
}

/** `switchboard-users-2026-11-27.csv`, in local time. */
export function exportFileName(now: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0')
  return `switchboard-users-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`
}
