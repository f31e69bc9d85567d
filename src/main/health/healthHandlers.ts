import { ok } from '../../shared/result'
import type { Handlers } from '../handlers'
import { actorOf, requireAdmin } from '../rights'
import { planHealth } from './healthService'

export const healthHandlers: Handlers<'plan:health'> = {
  /** Admins only: the overview names every user's gaps and the plan's cost. */
  'plan:health': (_input, context) => requireAdmin(actorOf(context)) ?? ok(planHealth(context.store.plan)),
}
