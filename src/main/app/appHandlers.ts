import { ok } from '../../shared/result'
import type { Handlers } from '../handlers'
import { toUserView } from '../users/usersService'

export const appHandlers: Handlers<'app:status' | 'app:setLanguage' | 'session:actingUser'> = {
  'app:status': (_input, { store }) => ok(store.status()),
  'app:setLanguage': ({ language }, { session }) => {
    session.language = language
    return ok(null)
  },
  'session:actingUser': (_input, { store, session }) => ok(toUserView(session.actingUser(store.plan))),
}
