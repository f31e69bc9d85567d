import { fail, ok } from '../../shared/result'
import type { Handlers } from '../handlers'
import { message } from '../messages'
import { toUserView } from '../users/usersService'

export const appHandlers: Handlers<'app:status' | 'app:setLanguage' | 'session:actingUser'> = {
  'app:status': (_input, { store }) => ok(store.status()),
  'app:setLanguage': ({ language }, { session }) => {
    session.language = language
    return ok(null)
  },
  'session:actingUser': (_input, { store, session }) =>
    // A plan from a newer version that could not be read has no users: say so instead of failing.
    store.plan.users.length === 0
      ? fail('not_found', message(session.language, 'session.noUsers'))
      : ok(toUserView(session.actingUser(store.plan))),
}
