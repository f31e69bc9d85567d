import { ok } from '../../shared/result'
import { write } from '../handlers'
import type { Handlers } from '../handlers'
import { addExtension, checkExtension, removeExtension } from './extensionsService'

export const extensionsHandlers: Handlers<'extensions:check' | 'extensions:add' | 'extensions:remove'> = {
  'extensions:check': ({ extension }, { store, session }) =>
    ok(checkExtension(store.plan, session.language, extension)),
  'extensions:add': (input, context) => write(context, addExtension, input),
  'extensions:remove': (input, context) => write(context, removeExtension, input),
}
