import { inTextField } from '../shell/undoShortcut'

/**
 * Where an Edit menu Undo/Redo lands (Electron sends it as a command): in a text field it is the
 * field's own text undo; in an open dialog nothing (its change is not made yet); else the plan's.
 */
export function menuCommandTarget(active: Element | null): 'text' | 'dialog' | 'plan' {
  if (inTextField(active)) return 'text'
  if (active?.closest('[role="dialog"]')) return 'dialog'
  return 'plan'
}
