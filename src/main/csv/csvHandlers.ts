import { CSV_LIMITS } from '../../shared/csv'
import { fail, ok } from '../../shared/result'
import type { Handlers, HandlerContext } from '../handlers'
import { requireAdmin, actorOf } from '../rights'
import { exportCsv, exportFileName } from './csvExport'
import { applyImport } from './csvImport'
import {
  closeSession,
  findSession,
  openSession,
  readSessionFile,
  review,
  rowView,
  summaryOf,
} from './csvImportSession'
import type { ImportSession } from './csvImportSession'
import { t } from './csvMessages'

const base64 = /^[A-Za-z0-9+/]*={0,2}$/

/** The admin's open import, or the refusal to answer. */
function openImport(
  context: HandlerContext,
  importId: string,
): { ok: true; session: ImportSession } | { ok: false; error: ReturnType<typeof fail> } {
  const refused = requireAdmin(actorOf(context))
  if (refused) return { ok: false, error: refused }
  const session = findSession(importId, context.store.file)
  if (!session?.file) {
    return { ok: false, error: fail('not_found', t(context.session.language, 'import.notFound')) }
  }
  return { ok: true, session }
}

export const csvHandlers: Handlers<
  | 'csv:export'
  | 'csv:importUpload'
  | 'csv:importRows'
  | 'csv:importEdit'
  | 'csv:importCommit'
  | 'csv:importDiscard'
> = {
  'csv:export': async (input, context) => {
    const refused = requireAdmin(actorOf(context))
    if (refused) return refused
    const { text, rows } = exportCsv(context.store.plan, input)
    const fileName = exportFileName(new Date())
    if (!context.files) return ok({ fileName, rows, delivered: 'download' as const, content: text })
    const saved = await context.files.saveText(fileName, text)
    return saved.saved
      ? ok({ fileName, rows, delivered: 'saved' as const, path: saved.path })
      : ok({ fileName, rows, delivered: 'cancelled' as const })
  },

  'csv:importUpload': (input, context) => {
    const language = context.session.language
    const actor = actorOf(context)
    const refused = requireAdmin(actor)
    if (refused) return refused
    const session =
      input.importId === null
        ? openSession(input.fileName, context.store.file)
        : findSession(input.importId, context.store.file)
    if (!session || session.file) return fail('not_found', t(language, 'import.notFound'))
    if (!base64.test(input.chunk)) {
      closeSession(session.id)
      return fail('validation', t(language, 'import.chunkInvalid'))
    }
    const bytes = Buffer.from(input.chunk, 'base64')
    session.size += bytes.length
    if (session.size > CSV_LIMITS.fileBytes) {
      closeSession(session.id)
      return fail('validation', t(language, 'file.tooLarge', { max: CSV_LIMITS.fileBytes / 1024 / 1024 }))
    }
    session.chunks.push(bytes)
    if (!input.done) return ok({ importId: session.id, summary: null })
    const problem = readSessionFile(session, language)
    if (problem !== null) {
      closeSession(session.id)
      return fail('validation', problem)
    }
    review(session, context.store.plan, actor)
    return ok({ importId: session.id, summary: summaryOf(session) })
  },

  'csv:importRows': (input, context) => {
    const found = openImport(context, input.importId)
    if (!found.ok) return found.error
    const { session } = found
    // The person switched the UI language: the messages follow.
    if (session.language !== context.session.language) review(session, context.store.plan, actorOf(context))
    const indexes = session.outcomes
      .map((outcome, index) => ({ outcome, index }))
      .filter(
        ({ outcome, index }) =>
          input.only === 'all' || (outcome.status === 'error' && !session.excluded.has(index)),
      )
      .map(({ index }) => index)
    const items = indexes
      .slice(input.offset, input.offset + input.limit)
      .map((index) => rowView(session, index))
    return ok({ total: indexes.length, offset: input.offset, items })
  },

  'csv:importEdit': (input, context) => {
    const found = openImport(context, input.importId)
    if (!found.ok) return found.error
    const { session } = found
    const row = session.file!.rows[input.index]
    if (!row)
      return fail('not_found', t(context.session.language, 'import.rowNotFound', { index: input.index + 1 }))
    if (input.field !== undefined && input.value !== undefined) row.values[input.field] = input.value
    if (input.excluded === true) session.excluded.add(input.index)
    if (input.excluded === false) session.excluded.delete(input.index)
    review(session, context.store.plan, actorOf(context))
    return ok({ summary: summaryOf(session), row: rowView(session, input.index) })
  },

  'csv:importCommit': async (input, context) => {
    const found = openImport(context, input.importId)
    if (!found.ok) return found.error
    const { session } = found
    const language = context.session.language
    const result = await context.store.update(
      language,
      (draft) => {
        const outcomes = applyImport(draft, actorOf(context), session.file!.rows, session.excluded)
        const errors = outcomes.filter(
          (outcome, index) => outcome.status === 'error' && !session.excluded.has(index),
        )
        if (errors.length > 0)
          return fail('validation', t(language, 'import.hasErrors', { count: errors.length }))
        const count = (status: string): number =>
          outcomes.filter((outcome, index) => outcome.status === status && !session.excluded.has(index))
            .length
        const summary = {
          created: count('new'),
          updated: count('update'),
          unchanged: count('unchanged'),
          excluded: session.excluded.size,
        }
        if (summary.created + summary.updated === 0)
          return fail('validation', t(language, 'import.nothingToDo'))
        return ok(summary)
      },
      { backupFirst: true },
    )
    if (result.ok) closeSession(session.id)
    else review(session, context.store.plan, actorOf(context))
    return result
  },

  'csv:importDiscard': ({ importId }, context) => {
    const refused = requireAdmin(actorOf(context))
    if (refused) return refused
    closeSession(importId)
    return ok({ importId })
  },
}
