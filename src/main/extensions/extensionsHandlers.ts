import { ok } from '../../shared/result'
import type { Handlers } from '../handlers'
import { actorOf } from '../rights'
import { addExtension, checkExtension, removeExtension } from './extensionsService'

export const extensionsHandlers: Handlers<'extensions:check' | 'extensions:add' | 'extensions:remove'> = {
  'extensions:check': ({ extension }, { store, session }) =>
    ok(checkExtension(store.plan, session.language, extension)),
  'extensions:add': (input, context) =>
    context.store.update(context.session.language, (draft) => addExtension(draft, actorOf(context), input)),
  'extensions:remove': (input, context) =>
    context.store.update(context.session.language, (draft) =>
      removeExtension(draft, actorOf(context), input),
    ),
}
