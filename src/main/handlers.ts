import type { ChannelName } from '../shared/channels'
import type { ChannelOutput, ParsedInput } from '../shared/contract'
import type { KnownPlan } from '../shared/domain'
import type { Result } from '../shared/result'
import { actorOf } from './rights'
import type { Actor } from './rights'
import type { Session } from './session'
import type { Plan } from './store/planFile'
import type { PlanStore } from './store/planStore'

/** What the shell lends the backend (the backend itself stays Electron-free). */
export interface FilesPort {
  /** Asks where to save (native Save dialog) and writes the text there as UTF-8. */
  saveText(suggestedName: string, text: string): Promise<{ saved: true; path: string } | { saved: false }>
}

/**
 * The plan files the person works with (src/main/workspace/): the recent list, the plans folder,
 * and switching the open plan. Main accepts a plan path from the renderer only when it is one of
 * `known()` (or came from a native dialog the shell showed).
 */
export interface PlanLibrary {
  /** The recent plans (newest first) and the other plan files in the plans folder. */
  known(): Promise<KnownPlan[]>
  /** Asks for a plan file to open or compare (native Open dialog); null when cancelled or no dialog (bridge). */
  chooseToOpen(): Promise<string | null>
}

/** What every handler gets besides its parsed input. */
export interface HandlerContext {
  store: PlanStore
  session: Session
  /** Absent in the browser bridge and in tests: files are then handed to the renderer. */
  files?: FilesPort
  /** The plan files; absent in tests of single handlers that do not need it. */
  plans?: PlanLibrary
}

export type Handler<C extends ChannelName> = (
  input: ParsedInput<C>,
  context: HandlerContext,
) => Promise<Result<ChannelOutput<C>>> | Result<ChannelOutput<C>>

export type Handlers<C extends ChannelName = ChannelName> = { [K in C]: Handler<K> }

/**
 * The write path every write handler takes: `service` runs on a draft as the acting user, in the
 * session's language; the store keeps (validates and saves) the draft only when it returns ok.
 */
export function write<I, T>(
  context: HandlerContext,
  service: (draft: Plan, actor: Actor, input: I) => Result<T>,
  input: I,
): Promise<Result<T>> {
  return context.store.update(context.session.language, (draft) => service(draft, actorOf(context), input))
}

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
