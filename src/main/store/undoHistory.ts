import { AsyncLocalStorage } from 'node:async_hooks'
import type { Plan } from './planFile'

/** Undo keeps at most this many steps; the oldest is dropped first (docs/decisions.md). */
export const UNDO_LIMIT = 100

/** Who made a step and what it was (the channel name for now; a readable history comes later). */
export interface StepInfo {
  label: string
  /** The acting user's id, or null for a change made outside a call (tests, migrations). */
  actorId: string | null
  /** Whether that user was an admin when making the change (decides who may take it back). */
  actorAdmin: boolean
}

/** One undoable step: the state on the other side of it and who made it. */
export interface Step extends StepInfo {
  state: Plan
}

/**
 * Who the step of a call is: set by the backend around each call, read by `PlanStore.update` when
 * a change is made (also through async handlers) so no write path has to pass it along.
 */
export const stepContext = new AsyncLocalStorage<(plan: Plan) => StepInfo>()

export const anonymousStep: StepInfo = { label: 'change', actorId: null, actorAdmin: true }

/**
 * Undo and redo stacks of whole plan states. States are immer states sharing every record a change
 * did not touch, so a step costs about the records it changed.
 */
export class UndoHistory {
  private readonly undoSteps: Step[] = []
  private readonly redoSteps: Step[] = []

  constructor(private readonly limit = UNDO_LIMIT) {}

  /** A change landed: `previous` is the state before it. Clears the redo stack. */
  record(previous: Plan, info: StepInfo): void {
    this.undoSteps.push({ ...info, state: previous })
    if (this.undoSteps.length > this.limit) this.undoSteps.splice(0, this.undoSteps.length - this.limit)
    this.redoSteps.length = 0
  }

  /** The step undo would take back (its `state` is the state before it), without taking it. */
  peekUndo(): Step | undefined {
    return this.undoSteps.at(-1)
  }

  /** The step redo would make again (its `state` is the state after it), without taking it. */
  peekRedo(): Step | undefined {
    return this.redoSteps.at(-1)
  }

  /** Undo landed: the top step moves to the redo stack, remembering `current` (the state after it). */
  undone(current: Plan): void {
    const step = this.undoSteps.pop()
    if (step) this.redoSteps.push({ ...step, state: current })
  }

  /** Redo landed: the top redo step moves back, remembering `current` (the state before it). */
  redone(current: Plan): void {
    const step = this.redoSteps.pop()
    if (step) this.undoSteps.push({ ...step, state: current })
  }

  get sizes(): { undo: number; redo: number } {
    return { undo: this.undoSteps.length, redo: this.redoSteps.length }
  }
}
