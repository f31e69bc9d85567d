/** Strings of undo and redo in the app bar. */
export const undoEn = {
  undo: 'Undo',
  redo: 'Redo',
  undoLabel: 'Undo {label}',
  redoLabel: 'Redo {label}',
  nothingToUndo: 'Nothing to undo',
  nothingToRedo: 'Nothing to redo',
  undone: 'Undone: {label}',
  redone: 'Redone: {label}',
}

export const undoDe: typeof undoEn = {
  undo: 'Rückgängig',
  redo: 'Wiederholen',
  undoLabel: 'Rückgängig: {label}',
  redoLabel: 'Wiederholen: {label}',
  nothingToUndo: 'Nichts rückgängig zu machen',
  nothingToRedo: 'Nichts zu wiederholen',
  undone: 'Rückgängig gemacht: {label}',
  redone: 'Wiederholt: {label}',
}
