import type { ChannelName } from '../shared/channels'
import type { ChannelOutput, ParsedInput } from '../shared/contract'
import type { Result } from '../shared/result'
import type { Session } from './session'
import type { PlanStore } from './store/planStore'

/** What every handler gets besides its parsed input. */
export interface HandlerContext {
  store: PlanStore
  session: Session
}

export type Handler<C extends ChannelName> = (
  input: ParsedInput<C>,
  context: HandlerContext,
) => Promise<Result<ChannelOutput<C>>> | Result<ChannelOutput<C>>

export type Handlers<C extends ChannelName = ChannelName> = { [K in C]: Handler<K> }

/** Joins each feature's handlers into one map; a channel registered twice is a programming error. */
export function combineHandlers<A extends ChannelName, B extends ChannelName>(
  first: Handlers<A>,
  second: Handlers<B>,
): Handlers<A | B> {
  for (const channel of Object.keys(second)) {
    if (channel in first) throw new Error(`Handler for ${channel} registered twice`)
  }
  return { ...first, ...second } as Handlers<A | B>
}
