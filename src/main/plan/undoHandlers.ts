import type { UndoState } from '../../shared/domain'
import { fail, ok } from '../../shared/result'
import type { Result } from '../../shared/result'
import type { Handlers, HandlerContext } from '../handlers'
import { actorOf, fullName } from '../rights'
import type { Actor } from '../rights'
import type { StepInfo } from '../store/undoHistory'
import { stepLabel, t } from './undoMessages'

/**
 * Who may take a step back or make it again (docs/decisions.md): an admin any step; a non-admin
 * only a step it made itself as a non-admin — such a step changed only what that user may change,
 * so the state on the other side of it differs from now only in that user's own things.
 */
export function mayTravel(actor: Actor, step: StepInfo): boolean {
  return actor.user.admin || (step.actorId === actor.user.id && !step.actorAdmin)
}

function refusal(context: HandlerContext): (step: StepInfo) => Result<never> | null {
  return (step) => {
    const actor = actorOf(context)
    if (mayTravel(actor, step)) return null
    const label = stepLabel(actor.language, step.label)
    return fail('forbidden', t(actor.language, 'undo.othersStep', { label, name: fullName(actor.user) }))
  }
}

export function undoState(context: HandlerContext): UndoState {
  const { store } = context
  const actor = actorOf(context)
  const { undo, redo } = store.undoTops()
  const writable = store.status().readOnly === null
  const state: UndoState = {
    canUndo: writable && undo !== undefined && mayTravel(actor, undo),
    canRedo: writable && redo !== undefined && mayTravel(actor, redo),
  }
  if (undo) state.undoLabel = stepLabel(actor.language, undo.label)
  if (redo) state.redoLabel = stepLabel(actor.language, redo.label)
  return state
}

export const undoHandlers: Handlers<'plan:undo' | 'plan:redo' | 'plan:undoState'> = {
  'plan:undo': async (_input, context) => {
    const done = await context.store.undo(context.session.language, refusal(context))
    return done.ok ? ok(undoState(context)) : done
  },
  'plan:redo': async (_input, context) => {
    const done = await context.store.redo(context.session.language, refusal(context))
    return done.ok ? ok(undoState(context)) : done
  },
  'plan:undoState': (_input, context) => ok(undoState(context)),
}
