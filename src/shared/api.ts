import { channelNames } from './channels'
import type { ChannelName } from './channels'
import type { ChannelInput, ChannelOutput } from './contract'
import type { Result } from './result'

type DomainOf<C> = C extends `${infer D}:${string}` ? D : never

/** `window.api`: `api.users.list(input)` for channel `users:list`, and nothing else. */
export type Api = {
  [D in DomainOf<ChannelName>]: {
    [C in ChannelName as C extends `${D}:${infer V}` ? V : never]: (
      input: ChannelInput<C>,
    ) => Promise<Result<ChannelOutput<C>>>
  }
}

export type Invoke = (channel: ChannelName, input: unknown) => Promise<Result<unknown>>

/** Builds the API object from the channel list; the preload and the browser bridge share it. */
export function buildApi(invoke: Invoke): Api {
  const api: Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>> = {}
  for (const channel of channelNames) {
    const [domain, verb] = channel.split(':') as [string, string]
    api[domain] ??= {}
    api[domain][verb] = (input: unknown) => invoke(channel, input)
  }
  return api as unknown as Api
}
