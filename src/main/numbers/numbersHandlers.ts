import { ok } from '../../shared/result'
import { write } from '../handlers'
import type { Handlers } from '../handlers'
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
  'numbers:add': (input, context) => write(context, addNumber, input),
  'numbers:addBlock': (input, context) => write(context, addNumberBlock, input),
  'numbers:assign': (input, context) => write(context, assignNumber, input),
  'numbers:unassign': (input, context) => write(context, unassignNumber, input),
  'numbers:remove': (input, context) => write(context, removeNumber, input),
}
