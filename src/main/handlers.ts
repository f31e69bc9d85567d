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

type ChannelsOf<H> = H extends Handlers<infer C> ? C : never

/** Joins each feature's handlers into one map; a channel registered twice is a programming error. */
export function combineHandlers<const Parts extends readonly Handlers<never>[]>(
  ...parts: Parts
): Handlers<ChannelsOf<Parts[number]>> {
  const combined: Record<string, unknown> = {}
  for (const part of parts) {
    for (const channel of Object.keys(part)) {
      if (channel in combined) throw new Error(`Handler for ${channel} registered twice`)
      combined[channel] = (part as Record<string, unknown>)[channel]
    }
  }
  return combined as Handlers<ChannelsOf<Parts[number]>>
}
