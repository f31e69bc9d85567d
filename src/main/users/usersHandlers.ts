import { ok } from '../../shared/result'
import type { Handlers, HandlerContext } from '../handlers'
import type { Actor } from './usersService'
import { createUser, deleteUser, listUsers } from './usersService'

const actorOf = ({ store, session }: HandlerContext): Actor => ({
  user: session.actingUser(store.plan),
  language: session.language,
})

export const usersHandlers: Handlers<'users:list' | 'users:create' | 'users:delete'> = {
  'users:list': (query, { store }) => ok(listUsers(store.plan, query)),
  'users:create': (input, context) =>
    context.store.update(context.session.language, (draft) => createUser(draft, actorOf(context), input)),
  'users:delete': ({ id }, context) =>
    context.store.update(context.session.language, (draft) => deleteUser(draft, actorOf(context), id)),
}
