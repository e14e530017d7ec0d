/**
 * The graph's undo: each hide, pin, drag, expansion or unfolded group pushes how to take it back. One button
 * undoes the latest; it says what it would undo and is disabled when there is nothing. Loading another entity
 * starts afresh (its graph is a new one, and Back returns to the old).
 */
export interface UndoStack {
  push(what: string, undo: () => void): void;
  undo(): void;
  clear(): void;
}

/** The undo stack behind `button`; `after` runs after each undo (the graph tab records the view in the URL). */
export function createUndo(button: HTMLButtonElement, after: () => void = () => undefined): UndoStack {
  const stack: { what: string; undo: () => void }[] = [];
  const show = () => {
    const top = stack.at(-1);
    button.disabled = !top;
    button.title = top ? `Undo ${top.what}` : 'Nothing to undo';
    button.setAttribute('aria-label', top ? `Undo ${top.what}` : 'Undo (nothing to undo)');
  };
  show();
  const undo = {
    push(what: string, fn: () => void) {
      stack.push({ what, undo: fn });
      show();
    },
    undo() {
      stack.pop()?.undo();
      show();
      after();
    },
    clear() {
      stack.length = 0;
      show();
    },
  };
  button.addEventListener('click', () => undo.undo());
  return undo;
}
