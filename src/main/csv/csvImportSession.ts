import { randomUUID } from 'node:crypto'
import { Immer } from 'immer'
import { CSV_LIMITS } from '../../shared/csv'
import type { CsvImportField, ImportRowView, ImportSummary } from '../../shared/csv'
import type { Language } from '../../shared/domain'
import { fieldLabel } from '../messages'
import type { Actor } from '../rights'
import type { Plan } from '../store/planFile'
import { decodeCsv } from './csvDecode'
import { matchHeaders } from './csvHeaders'
import type { HeaderMatch } from './csvHeaders'
import { applyImport, toImportRows } from './csvImport'
import type { ImportRow, RowOutcome } from './csvImport'
import { t } from './csvMessages'

/** An import between choosing the file and committing (or discarding) it; lives in main only. */
export interface ImportSession {
  id: string
  fileName: string
  chunks: Buffer[]
  size: number
  file: {
    encoding: string
    delimiter: string
    columns: HeaderMatch[]
    rows: ImportRow[]
  } | null
  excluded: Set<number>
  outcomes: RowOutcome[]
  /** The language of the outcomes' messages. */
  language: Language
  /** The plan file the import was started on; after a switch to another plan it is refused. */
  planFile: string
}

const sessions = new Map<string, ImportSession>()
/** Open imports kept at most; the oldest goes first. */
const MAX_SESSIONS = 4

export function openSession(fileName: string, planFile: string): ImportSession {
  while (sessions.size >= MAX_SESSIONS) sessions.delete(sessions.keys().next().value!)
  const session: ImportSession = {
    id: randomUUID(),
    fileName,
    chunks: [],
    size: 0,
    file: null,
    excluded: new Set(),
    outcomes: [],
    language: 'en',
    planFile,
  }
  sessions.set(session.id, session)
  return session
}

/** The open import `id`, if it was started on the plan file `planFile` (an import of another plan is closed). */
export function findSession(id: string, planFile: string): ImportSession | undefined {
  const session = sessions.get(id)
  if (session && session.planFile !== planFile) {
    sessions.delete(id)
    return undefined
  }
  return session
}
/** The most recently opened import still open (the fuzz test uses it). */
export const newestImportId = (): string | undefined => [...sessions.keys()].at(-1)
export const closeSession = (id: string): boolean => sessions.delete(id)

/** Reads the received bytes; returns a message when the file cannot be used. */
export function readSessionFile(session: ImportSession, language: Language): string | null {
  const decoded = decodeCsv(Buffer.concat(session.chunks))
  session.chunks = []
  if ('kind' in decoded) {
    switch (decoded.kind) {
      case 'tooLarge':
        return t(language, 'file.tooLarge', { max: CSV_LIMITS.fileBytes / 1024 / 1024 })
      case 'tooManyRows':
        return t(language, 'file.tooManyRows', { max: CSV_LIMITS.rows })
      case 'empty':
        return t(language, 'file.empty')
      case 'binary':
        return t(language, 'file.binary')
      case 'malformed':
        return t(language, 'file.malformed', { line: decoded.line, reason: decoded.reason })
    }
  }
  const columns = matchHeaders(decoded.header)
  if (!columns.some((column) => column.field === 'email')) return t(language, 'file.noNameColumns')
  const seen = new Map<CsvImportField, string>()
  for (const column of columns) {
    if (column.field === null) continue
    const first = seen.get(column.field)
    if (first !== undefined) {
      return t(language, 'file.duplicateColumn', {
        first,
        second: column.header,
        field: fieldLabel(language, column.field),
      })
    }
    seen.set(column.field, column.header)
  }
  session.file = {
    encoding: decoded.encoding,
    delimiter: decoded.delimiter,
    columns,
    rows: toImportRows(columns, decoded.rows),
  }
  return null
}

const preview = new Immer({ autoFreeze: false })

/** Checks every row against the plan as it is now, on a draft that is then dropped. */
export function review(session: ImportSession, plan: Plan, actor: Actor): void {
  const draft = preview.createDraft(plan) as Plan
  session.outcomes = applyImport(draft, actor, session.file?.rows ?? [], session.excluded)
  session.language = actor.language
}

export function summaryOf(session: ImportSession): ImportSummary {
  const counts = { new: 0, update: 0, unchanged: 0, error: 0, excluded: 0 }
  session.outcomes.forEach((outcome, index) => {
    if (session.excluded.has(index)) counts.excluded++
    else counts[outcome.status]++
  })
  const columns = session.file?.columns ?? []
  return {
    importId: session.id,
    fileName: session.fileName,
    encoding: session.file?.encoding ?? '',
    delimiter: session.file?.delimiter ?? '',
    columns: columns.map(({ header, field, ignored }) => ({ header, field, ignored })),
    unknownColumns: columns.filter((column) => column.field === null && !column.ignored).map((c) => c.header),
    rows: session.outcomes.length,
    counts,
    canCommit: counts.error === 0 && counts.new + counts.update > 0,
  }
}

export function rowView(session: ImportSession, index: number): ImportRowView {
  const row = session.file!.rows[index]!
  const outcome = session.outcomes[index]!
  const headerOf = new Map(
    session.file!.columns.filter((column) => column.field !== null).map((c) => [c.field!, c.header]),
  )
  return {
    line: row.line,
    index,
    status: outcome.status,
    excluded: session.excluded.has(index),
    values: { ...row.values },
    errors: outcome.errors.map((error) => ({
      ...error,
      header: error.field === null ? null : (headerOf.get(error.field) ?? error.field),
    })),
    changes: outcome.changes,
  }
}
