/**
 * Every IPC channel, named `domain:verb`. This list has no dependencies so the sandboxed preload
 * can build the API from it; `contract.ts` must give every name a schema (checked by the compiler).
 */
export const channelNames = [
  'app:status',
  'app:setLanguage',
  'session:actingUser',
  'users:list',
  'users:create',
  'users:delete',
] as const

export type ChannelName = (typeof channelNames)[number]
