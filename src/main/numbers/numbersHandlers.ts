import { ok } from '../../shared/result'
import type { Handlers } from '../handlers'
import { actorOf } from '../rights'
import {
  addNumber,
  addNumberBlock,
  assignNumber,
  listNumbers,
  removeNumber,
  unassignNumber,
} from './numbersService'

export const numbersHandlers: Handlers<
  | 'numbers:list'
  | 'numbers:add'
  | 'numbers:addBlock'
  | 'numbers:assign'
  | 'numbers:unassign'
  | 'numbers:remove'
> = {
  'numbers:list': (query, { store }) => ok(listNumbers(store.plan, query)),
  'numbers:add': (input, context) =>
    context.store.update(context.session.language, (draft) => addNumber(draft, actorOf(context), input)),
  'numbers:addBlock': (input, context) =>
    context.store.update(context.session.language, (draft) => addNumberBlock(draft, actorOf(context), input)),
  'numbers:assign': (input, context) =>
    context.store.update(context.session.language, (draft) => assignNumber(draft, actorOf(context), input)),
  'numbers:unassign': (input, context) =>
    context.store.update(context.session.language, (draft) => unassignNumber(draft, actorOf(context), input)),
  'numbers:remove': (input, context) =>
    context.store.update(context.session.language, (draft) => removeNumber(draft, actorOf(context), input)),
}
