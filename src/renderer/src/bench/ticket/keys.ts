import type { KeyboardEvent } from 'react';

/**
 * Ctrl+Enter (Cmd+Enter) anywhere in a bench card does the card's main action (save the
 * diagnosis, send the quote, record the approval, submit QC), as it saves the intake at the
 * counter: the keyboard need not Tab down to the button. Listed in the `?` overlay.
 */
export function onCtrlEnter(run: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
    e.preventDefault();
    e.stopPropagation();
    run();
  };
}
