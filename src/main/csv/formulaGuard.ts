/**
 * RELIABILITY.md 19: a cell a spreadsheet would run as a formula is written with a leading `'`;
 * the importer removes exactly one such guard. Never a TAB prefix (CVE-2021-41270).
 *
 * Guarded: a cell that starts with a control character (TAB, CR, LF, NUL, …), or whose first
 * character after leading whitespace and control characters is `=`, `+`, `-`, `@` or a
 * full-width form of them. Also guarded, so the guard stays reversible: a cell that already looks
 * like a guarded cell (`'` + a guarded cell), and a run of digits with a leading zero (an
 * extension such as `0123`, which a spreadsheet would read as the number 123).
 */
const triggers = new Set(['=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'])

const control = /^[\u0000-\u001F\u007F-\u009F]/

const leadingBlank = /^[\s\u0000-\u001F\u007F-\u009F]*/u

export const GUARD = "'"

export function needsGuard(text: string): boolean {
  if (text === '') return false
  if (control.test(text)) return true
  const rest = text.replace(leadingBlank, '')
  const first = rest.charAt(0)
  if (first !== '' && triggers.has(first)) return true
  if (/^0\d+$/.test(text)) return true
  return text.startsWith(GUARD) && needsGuard(text.slice(1))
}

/** The cell as written: guarded when a spreadsheet would otherwise evaluate or change it. */
export const guardCell = (text: string): string => (needsGuard(text) ? GUARD + text : text)

/** The value of a cell as read: exactly one guard removed, and only from a guarded cell. */
export const unguardCell = (cell: string): string =>
  cell.startsWith(GUARD) && needsGuard(cell.slice(1)) ? cell.slice(1) : cell
