/**
 * Where an Edit menu Undo/Redo lands (Electron sends it as a command): in a text field it is the
 * field's own text undo; in an open dialog nothing (its change is not made yet); else the plan's.
 */
export function menuCommandTarget(active: Element | null): 'text' | 'dialog' | 'plan' {
  if (active instanceof HTMLElement) {
    if (active.isContentEditable || active instanceof HTMLTextAreaElement) return 'text'
    if (
      active instanceof HTMLInputElement &&
      !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(active.type)
    )
      return 'text'
  }
  if (active?.closest('[role="dialog"]')) return 'dialog'
  return 'plan'
}
