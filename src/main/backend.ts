import { channelNames } from '../shared/channels'
import type { ChannelName } from '../shared/channels'
import { contract } from '../shared/contract'
import type { Language } from '../shared/domain'
import { fail } from '../shared/result'
import type { Result } from '../shared/result'
import { appHandlers } from './app/appHandlers'
import { combineHandlers } from './handlers'
import type { Handler, HandlerContext, Handlers } from './handlers'
import { message } from './messages'
import { Session } from './session'
import { PlanStore } from './store/planStore'
import type { PlanStoreOptions } from './store/planStore'
import { usersHandlers } from './users/usersHandlers'

export const handlers: Handlers = combineHandlers(appHandlers, usersHandlers)

export interface Backend {
  readonly store: PlanStore
  readonly session: Session
  /** Parses `payload` with the channel's schema, runs its handler, and always returns a Result. */
  call(channel: string, payload: unknown): Promise<Result<unknown>>
}

const isChannel = (name: string): name is ChannelName => (channelNames as readonly string[]).includes(name)

/** Describes the first problem zod found, naming the field, e.g. `email: Too big: …`. */
function describeIssue(issues: readonly { path: readonly PropertyKey[]; message: string }[]): {
  detail: string
  field?: string
} {
  const issue = issues[0]
  if (!issue) return { detail: 'invalid input' }
  const field = issue.path.map(String).join('.')
  return field ? { detail: `${field}: ${issue.message}`, field } : { detail: issue.message }
}

export function createBackendWith(store: PlanStore, session: Session): Backend {
  const context: HandlerContext = { store, session }
  return {
    store,
    session,
    async call(channel, payload) {
      const language = session.language
      if (!isChannel(channel)) return fail('not_found', message(language, 'channel.unknown', { channel: channel.slice(0, 60) }))
      const parsed = contract[channel].input.safeParse(payload ?? {})
      if (!parsed.success) {
        const { detail, field } = describeIssue(parsed.error.issues)
        return fail('validation', message(language, 'input.invalid', { detail }), field)
      }
      try {
        const handler = handlers[channel] as Handler<ChannelName>
        return await handler(parsed.data as never, context)
      } catch (error) {
        console.error(`[${channel}]`, error)
        return fail('internal', message(language, 'internal.error'))
      }
    },
  }
}

export async function createBackend(
  planFile: string,
  language: Language,
  options: PlanStoreOptions = {},
): Promise<Backend> {
  const store = await PlanStore.open(planFile, { language, ...options })
  return createBackendWith(store, new Session(language))
}
