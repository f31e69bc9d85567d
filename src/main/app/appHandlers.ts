import { fail, ok } from '../../shared/result'
import type { Handlers } from '../handlers'
import { message } from '../messages'
import { planIndex } from '../planIndex'
import { fullName } from '../rights'
import { verifyPassword } from '../users/passwords'
import { t } from '../users/usersMessages'
import { toUserView } from '../users/usersService'

export const appHandlers: Handlers<
  'app:status' | 'app:setLanguage' | 'session:actingUser' | 'session:switch'
> = {
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
  /**
   * Act as another user. A user with a password needs it: a wrong or missing one is refused
   * slowly (longer with every failure in a row), and the acting user stays the same.
   */
  'session:switch': async ({ userId, password }, { store, session }) => {
    const language = session.language
    if (store.plan.users.length === 0) return fail('not_found', message(language, 'session.noUsers'))
    const current = session.actingUser(store.plan)
    const target = planIndex(store.plan).userById.get(userId)
    if (!target) {
      return fail('not_found', t(language, 'session.userNotFound', { name: fullName(current) }), 'userId')
    }
    const hash = target.passwordHash
    if (hash !== null) {
      if (password === undefined || password === '') {
        await session.refuseSlowly()
        return fail(
          'forbidden',
          t(language, 'session.passwordRequired', { name: fullName(target) }),
          'password',
        )
      }
      if (!(await verifyPassword(password, hash))) {
        await session.refuseSlowly()
        return fail(
          'forbidden',
          t(language, 'session.passwordWrong', { name: fullName(target), current: fullName(current) }),
          'password',
        )
      }
      session.passwordAccepted()
    }
    session.actAs(target.id)
    return ok(toUserView(target))
  },
}
