import { ok } from '../../shared/result'
import type { Handlers } from '../handlers'
import { actorOf, requireAdmin } from '../rights'
import { listHistory } from './historyService'

/** The change history is for admins (it names every user's changes). */
export const historyHandlers: Handlers<'history:list'> = {
  'history:list': (input, context) => {
    const actor = actorOf(context)
    const refused = requireAdmin(actor)
    if (refused) return refused
    return ok(listHistory(context.store.plan, actor.language, input))
  },
}
