import { ok } from '../../shared/result'
import { planCost } from '../devices/cost'
import type { Handlers } from '../handlers'
import { actorOf } from '../rights'
import { updateSettings } from './planService'

export const planHandlers: Handlers<'plan:settings' | 'plan:updateSettings' | 'plan:cost'> = {
  'plan:settings': (_input, { store }) => ok({ ...store.plan.account }),
  'plan:updateSettings': (input, context) =>
    context.store.update(context.session.language, (draft) => updateSettings(draft, actorOf(context), input)),
  'plan:cost': (_input, { store }) => ok(planCost(store.plan)),
}
