import { fail, ok } from '../../shared/result'
import type { Handlers } from '../handlers'
import { actorOf } from '../rights'
import { t } from './routingMessages'
import { getRouting, setVoicemail } from './routingService'
import { routingOf } from './routingView'

export const routingHandlers: Handlers<'routing:get' | 'routing:setVoicemail'> = {
  'routing:get': ({ userId }, context) => getRouting(context.store.plan, actorOf(context), userId),
  'routing:setVoicemail': async (input, context) => {
    const changed = await context.store.update(context.session.language, (draft) =>
      setVoicemail(draft, actorOf(context), input),
    )
    if (!changed.ok) return changed
    // The routing as it is now saved.
    const routing = routingOf(context.store.plan, input.userId)
    return routing ? ok(routing) : fail('not_found', t(context.session.language, 'routing.userNotFound'))
  },
}
