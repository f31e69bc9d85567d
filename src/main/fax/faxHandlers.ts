import type { FaxLineView } from '../../shared/domain'
import { fail, ok } from '../../shared/result'
import type { Result } from '../../shared/result'
import { write } from '../handlers'
import type { HandlerContext, Handlers } from '../handlers'
import { planIndex } from '../planIndex'
import { t } from './faxMessages'
import { faxLineView } from './faxView'
import { addFaxLine, removeFaxLine, updateFaxLine } from './faxService'

/** The view of a line after a change, built from the confirmed plan the change produced. */
function viewAfter(context: HandlerContext, result: Result<{ id: string }>): Result<FaxLineView> {
  if (!result.ok) return result
  const plan = context.store.plan
  const line = planIndex(plan).faxLineById.get(result.data.id)
  // Removed by a request that ran right after this one.
  if (!line) return fail('not_found', t(context.session.language, 'fax.notFound'), 'id')
  return ok(faxLineView(plan, line))
}

export const faxHandlers: Handlers<'fax:add' | 'fax:update' | 'fax:remove'> = {
  'fax:add': async (input, context) => viewAfter(context, await write(context, addFaxLine, input)),
  'fax:update': async (input, context) => viewAfter(context, await write(context, updateFaxLine, input)),
  'fax:remove': (input, context) => write(context, removeFaxLine, input),
}
