import path from 'node:path'
import { channelNames } from '../shared/channels'
import type { ChannelName } from '../shared/channels'
import { contract } from '../shared/contract'
import type { Language } from '../shared/domain'
import { fail } from '../shared/result'
import type { Result } from '../shared/result'
import { appHandlers } from './app/appHandlers'
import { combineHandlers } from './handlers'
import type { FilesPort, Handler, HandlerContext, Handlers } from './handlers'
import { fieldLabel, message } from './messages'
import { Session } from './session'
import type { PlanStore } from './store/planStore'
import type { PlanStoreOptions } from './store/planStore'
import type { Plan } from './store/planFile'
import type { StepInfo } from './store/undoHistory'
import { usersHandlers } from './users/usersHandlers'
import { planHandlers } from './plan/planHandlers'
import { undoHandlers } from './plan/undoHandlers'
import { historyHandlers } from './history/historyHandlers'
import { stepContext } from './store/undoHistory'
import { numbersHandlers } from './numbers/numbersHandlers'
import { extensionsHandlers } from './extensions/extensionsHandlers'
import { devicesHandlers } from './devices/devicesHandlers'
import { faxHandlers } from './fax/faxHandlers'
import { routingHandlers } from './routing/routingHandlers'
import { locationsHandlers } from './locations/locationsHandlers'
import { csvHandlers } from './csv/csvHandlers'
import { workspaceHandlers } from './workspace/workspaceHandlers'
import { Workspace } from './workspace/workspace'
import type { PlanDialogs } from './workspace/workspace'
import { healthHandlers } from './health/healthHandlers'
import { compareHandlers } from './compare/compareHandlers'

/** Every channel's handler; the type requires exactly one per channel of the contract. */
export const handlers: Handlers = combineHandlers(
  appHandlers,
  planHandlers,
  undoHandlers,
  historyHandlers,
  usersHandlers,
  numbersHandlers,
  extensionsHandlers,
  devicesHandlers,
  faxHandlers,
  routingHandlers,
  locationsHandlers,
  csvHandlers,
  workspaceHandlers,
  healthHandlers,
  compareHandlers,
)

export interface Backend {
  /** The plan open now (it changes when the person opens, creates or saves a plan as another file). */
  readonly store: PlanStore
  /** The plan files and the open plan (src/main/workspace/). */
  readonly workspace: Workspace
  readonly session: Session
  /** Parses `payload` with the channel's schema, runs its handler, and always returns a Result. */
  call(channel: string, payload: unknown): Promise<Result<unknown>>
}

const isChannel = (name: string): name is ChannelName => (channelNames as readonly string[]).includes(name)

/** Keeps echoed input (an unknown key, a channel name) from making a message huge. */
const clip = (text: string, max = 200): string => (text.length > max ? `${text.slice(0, max)}…` : text)

interface Issue {
  code: string
  path: readonly PropertyKey[]
  message: string
  origin?: unknown
  maximum?: unknown
}

/** The payload's own value at `path`, or undefined; never runs getters of prototypes. */
function valueAt(payload: unknown, path: readonly PropertyKey[]): unknown {
  let current = payload
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined
    current = (current as Record<PropertyKey, unknown>)[key]
  }
  return current
}

/**
 * Describes the first problem zod found, in the person's language and naming the field: a missing
 * field reads "First name is required.", a too long one names its limit; anything else (a request
 * the UI would never send) gets zod's own description after "The request was not understood".
 */
function describeIssue(
  language: Language,
  payload: unknown,
  issues: readonly Issue[],
): { text: string; field?: string } {
  const issue = issues[0]
  if (!issue) return { text: message(language, 'input.invalid', { detail: 'invalid input' }) }
  const field = issue.path.map(String).join('.')
  if (!field) return { text: message(language, 'input.invalid', { detail: clip(issue.message) }) }
  const label = fieldLabel(language, field)
  if (issue.code === 'invalid_type' && valueAt(payload, issue.path) === undefined) {
    return { text: message(language, 'field.required', { field: label }), field }
  }
  if (issue.code === 'too_big' && issue.origin === 'string' && typeof issue.maximum === 'number') {
    return { text: message(language, 'field.tooLong', { field: label, max: issue.maximum }), field }
  }
  return { text: message(language, 'input.invalid', { detail: `${label}: ${clip(issue.message)}` }), field }
}

/** What the shell injects: the native Save dialog in Electron; nothing in the browser bridge. */
export interface BackendPorts {
  files?: FilesPort
  /** The native Open and Save dialogs for plan files (Electron only). */
  planDialogs?: PlanDialogs
}

/**
 * A backend on an open plan, or on a workspace (which owns the open plan and switches it). A bare
 * store gets a workspace whose data folder is the store's folder (tests, the fuzz test).
 */
export function createBackendWith(
  opened: PlanStore | Workspace,
  session: Session,
  ports: BackendPorts = {},
): Backend {
  const { planDialogs, ...handlerPorts } = ports
  const workspace =
    opened instanceof Workspace
      ? opened
      : new Workspace(opened, { dataDir: path.dirname(opened.file), dialogs: planDialogs })
  // Handlers read the store on every call, so they always work on the plan open now.
  const context: HandlerContext = {
    get store() {
      return workspace.store
    },
    session,
    plans: workspace,
    ...handlerPorts,
  }
  return {
    get store() {
      return workspace.store
    },
    workspace,
    session,
    async call(channel, payload) {
      const language = session.language
      if (!isChannel(channel))
        return fail(
          'not_found',
          message(language, 'channel.unknown', {
            channel: clip(typeof channel === 'string' ? channel : typeof channel, 60),
          }),
        )
      const parsed = contract[channel].input.safeParse(payload ?? {})
      if (!parsed.success) {
        const { text, field } = describeIssue(language, payload, parsed.error.issues)
        return fail('validation', text, field)
      }
      try {
        const handler = handlers[channel] as Handler<ChannelName>
        // A change the call makes is one undo step, named after the channel, by the acting user.
        const step = (plan: Plan): StepInfo => {
          const actor = session.actingUser(plan)
          return { label: channel, actorId: actor.id, actorAdmin: actor.admin }
        }
        return await stepContext.run(step, () => handler(parsed.data as never, context))
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
  ports: BackendPorts = {},
): Promise<Backend> {
  const workspace = await Workspace.open(planFile, {
    dataDir: path.dirname(planFile),
    storeOptions: { language, ...options },
    dialogs: ports.planDialogs,
  })
  return createBackendWith(workspace, new Session(language), ports)
}
