import { fail, ok } from '../../shared/result'
import type { Result } from '../../shared/result'
import type { HandlerContext, Handlers } from '../handlers'
import { requireSelfOrAdmin, actorOf } from '../rights'
import { hashPassword, verifyPassword } from './passwords'
import {
  checkCreateUser,
  createUser,
  deleteUser,
  deletionImpact,
  listUsers,
  needsCurrentPassword,
  passwordProblem,
  permissionImpact,
  setAdmin,
  setLocation,
  setPasswordHash,
  setPermissions,
  updateUser,
  userDetail,
} from './usersService'
import { t } from './usersMessages'
import type { ParsedInput } from '../../shared/contract'
import { message } from '../messages'
import { planIndex } from '../planIndex'

/**
 * Sets or removes a password. Checking the current password and hashing the new one are slow and
 * asynchronous, so they happen before the change; the change then makes sure the password was not
 * changed meanwhile. A wrong current password is answered slowly.
 */
async function setPassword(
  input: ParsedInput<'users:setPassword'>,
  context: HandlerContext,
): Promise<Result<{ hasPassword: boolean }>> {
  const { store, session } = context
  if (store.status().readOnly !== null) return fail('read_only', message(session.language, 'plan.readOnly'))
  const actor = actorOf(context)
  const refused = requireSelfOrAdmin(actor, input.id)
  if (refused) return refused
  const user = planIndex(store.plan).userById.get(input.id)
  if (!user) return fail('not_found', message(actor.language, 'user.notFound'))
  if (input.password !== null) {
    const broken = passwordProblem(actor.language, input.password)
    if (broken) return broken
  }
  const previousHash = user.passwordHash
  let currentVerified = false
  if (needsCurrentPassword(actor, user) && previousHash !== null) {
    if (input.currentPassword === undefined || input.currentPassword === '') {
      return fail('forbidden', t(actor.language, 'password.currentRequired'), 'currentPassword')
    }
    if (!(await verifyPassword(input.currentPassword, previousHash))) {
      await session.refuseSlowly()
      return fail('forbidden', t(actor.language, 'password.currentWrong'), 'currentPassword')
    }
    session.passwordAccepted()
    currentVerified = true
  }
  const hash = input.password === null ? null : await hashPassword(input.password, session.passwordParams)
  return store.update(session.language, (draft) =>
    setPasswordHash(draft, actorOf(context), { id: input.id, hash, previousHash, currentVerified }),
  )
}

export const usersHandlers: Handlers<
  | 'users:list'
  | 'users:get'
  | 'users:create'
  | 'users:update'
  | 'users:setPassword'
  | 'users:setAdmin'
  | 'users:setLocation'
  | 'users:permissionImpact'
  | 'users:setPermissions'
  | 'users:deletionImpact'
  | 'users:delete'
> = {
  'users:list': (query, { store }) => ok(listUsers(store.plan, query)),
  'users:get': ({ id }, context) => userDetail(context.store.plan, actorOf(context), id),
  'users:create': async (input, context) => {
    let hash: string | null = null
    if (input.password !== undefined && input.password !== '' && context.store.status().readOnly === null) {
      // Refuse what would be refused anyway before spending the time to hash.
      const checked = checkCreateUser(context.store.plan, actorOf(context), input)
      if (!checked.ok) return checked
      hash = await hashPassword(input.password, context.session.passwordParams)
    }
    return context.store.update(context.session.language, (draft) =>
      createUser(draft, actorOf(context), input, hash),
    )
  },
  'users:update': (input, context) =>
    context.store.update(context.session.language, (draft) => updateUser(draft, actorOf(context), input)),
  'users:setPassword': setPassword,
  'users:setAdmin': (input, context) =>
    context.store.update(context.session.language, (draft) => setAdmin(draft, actorOf(context), input)),
  'users:setLocation': (input, context) =>
    context.store.update(context.session.language, (draft) => setLocation(draft, actorOf(context), input)),
  'users:permissionImpact': (input, context) => permissionImpact(context.store.plan, actorOf(context), input),
  'users:setPermissions': (input, context) =>
    context.store.update(context.session.language, (draft) => setPermissions(draft, actorOf(context), input)),
  'users:deletionImpact': ({ id }, context) => deletionImpact(context.store.plan, actorOf(context), id),
  'users:delete': ({ id }, context) =>
    context.store.update(context.session.language, (draft) => deleteUser(draft, actorOf(context), id)),
}
