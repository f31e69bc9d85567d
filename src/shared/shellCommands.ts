/**
 * What the Electron menus ask the renderer to do (the preload's one event API, `window.shell`).
 * No dependencies: the sandboxed preload bundles it.
 */
export const shellCommands = ['newPlan', 'openPlan', 'openRecent', 'saveAs', 'undo', 'redo'] as const
export type ShellCommandName = (typeof shellCommands)[number]

/** `openRecent` carries the plan file's path (one of the known plans). */
export interface ShellCommand {
  command: ShellCommandName
  path?: string
}

/** The IPC channel main sends commands on (main → renderer only). */
export const SHELL_COMMAND_CHANNEL = 'shell:command'

/** Checks a message that arrived on the channel (anything may arrive; only commands pass). */
export function asShellCommand(message: unknown): ShellCommand | null {
  if (typeof message !== 'object' || message === null) return null
  const { command, path } = message as { command?: unknown; path?: unknown }
  if (typeof command !== 'string' || !(shellCommands as readonly string[]).includes(command)) return null
  if (path !== undefined && (typeof path !== 'string' || path.length > 4096)) return null
  return path === undefined
    ? { command: command as ShellCommandName }
    : { command: command as ShellCommandName, path }
}

/** `window.shell` in Electron (absent in the browser bridge). */
export interface ShellBridge {
  /** Calls `listener` for every menu command; returns the function that stops it. */
  onCommand(listener: (command: ShellCommand) => void): () => void
}
