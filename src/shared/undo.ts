import type { ChannelName } from './channels'

/**
 * The channels that change the plan: each successful call is one undo step. Main labels each step
 * (a missing label does not compile); the renderer refreshes what undo offers after each of them.
 * The model test checks that no other channel changes the plan.
 */
export const undoableChannels = [
  'plan:updateSettings',
  'users:create',
  'users:update',
  'users:setPassword',
  'users:setAdmin',
  'users:setLocation',
  'users:setPermissions',
  'users:delete',
  'numbers:add',
  'numbers:addBlock',
  'numbers:assign',
  'numbers:unassign',
  'numbers:remove',
  'extensions:add',
  'extensions:remove',
  'devices:add',
  'devices:rename',
  'devices:remove',
  'devices:setActive',
  'fax:add',
  'fax:update',
  'fax:remove',
  'routing:setVoicemail',
  'locations:create',
  'locations:update',
  'locations:delete',
  'csv:importCommit',
] as const satisfies readonly ChannelName[]

export type UndoableChannel = (typeof undoableChannels)[number]
