import type { PlanStatus } from '../../shared/domain'
import { fail, ok } from '../../shared/result'
import type { Result } from '../../shared/result'
import type { HandlerContext, Handlers } from '../handlers'
import { actorOf, fullName } from '../rights'
import { Workspace } from './workspace'
import { t } from './workspaceMessages'

type Refusal = Extract<Result<never>, { ok: false }>

/**
 * Plan files are for admins of the open plan (docs/decisions.md). Returns the workspace, or why
 * the call is refused.
 */
function admitted(context: HandlerContext): Workspace | Refusal {
  const actor = actorOf(context)
  if (!actor.user.admin)
    return fail('forbidden', t(actor.language, 'plans.adminOnly', { name: fullName(actor.user) }))
  // Every backend has a workspace (createBackendWith wraps a bare store in one).
  if (!(context.plans instanceof Workspace)) return fail('not_found', t(actor.language, 'plans.noPlanFiles'))
  return context.plans
}

/**
 * After a switch the session acts as the new plan's first admin, as on start: the acting user of
 * the previous plan may not exist in this one (or be someone else there).
 */
function afterSwitch(context: HandlerContext, result: Result<PlanStatus | null>): Result<PlanStatus | null> {
  if (!result.ok || result.data === null) return result
  const plan = context.store.plan
  const firstAdmin = plan.users.find((user) => user.admin) ?? plan.users[0]
  if (firstAdmin) context.session.actAs(firstAdmin.id)
  return result
}

export const workspaceHandlers: Handlers<'plans:known' | 'plans:create' | 'plans:open' | 'plans:saveAs'> = {
  'plans:known': async (_input, context) => {
    const workspace = admitted(context)
    if (!(workspace instanceof Workspace)) return workspace
    return ok(await workspace.known())
  },
  'plans:create': async (input, context) => {
    const workspace = admitted(context)
    if (!(workspace instanceof Workspace)) return workspace
    return afterSwitch(context, await workspace.create(context.session.language, input))
  },
  'plans:open': async (input, context) => {
    const workspace = admitted(context)
    if (!(workspace instanceof Workspace)) return workspace
    return afterSwitch(context, await workspace.open(context.session.language, input.path))
  },
  'plans:saveAs': async (input, context) => {
    const workspace = admitted(context)
    if (!(workspace instanceof Workspace)) return workspace
    // The same plan under a new name: the acting user stays (an admin, who is in the copy too).
    return workspace.saveAs(context.session.language, input.fileName)
  },
}
