import { ok } from '../../shared/result'
import { planCost } from '../devices/cost'
import { write } from '../handlers'
import type { Handlers } from '../handlers'
import { updateSettings } from './planService'

export const planHandlers: Handlers<'plan:settings' | 'plan:updateSettings' | 'plan:cost'> = {
  'plan:settings': (_input, { store }) => ok({ ...store.plan.account }),
  'plan:updateSettings': (input, context) => write(context, updateSettings, input),
  'plan:cost': (_input, { store }) => ok(planCost(store.plan)),
}
