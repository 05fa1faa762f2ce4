import { useEffect, useRef } from 'react';
import { EMPTY_SCANNER_STATE, scannerStep, type ScannerState } from './scanner-timing';
import { routeScan, scanFieldOf, type ScanField } from './scan-route';

export interface ScanInfo {
  /** The element that had focus. */
  target: EventTarget | null;
  inEditableField: boolean;
  /** The scan field (`data-scan`) the code went into, or null: then no field kept it. */
  field: ScanField | null;
}

type Handler = (code: string, info: ScanInfo) => void;
type Field = HTMLInputElement | HTMLTextAreaElement;
/** A text field as it was just before a key: what a scan into it is undone to. */
interface Before {
  el: Field;
  value: string;
  start: number | null;
  end: number | null;
}

function isEditable(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  return el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT';
}

function textField(el: EventTarget | null): Field | null {
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el : null;
}

/** Sets a field's text the way typing does, so React's onChange (a controlled input) sees it. */
function restore(b: Before): void {
  const proto = b.el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(b.el, b.value);
  b.el.dispatchEvent(new Event('input', { bubbles: true }));
  if (b.start !== null && b.end !== null) b.el.setSelectionRange(b.start, b.end);
}

/**
 * The keystroke listener of one screen: its own burst state, so a screen that mounts mid-burst
 * cannot misread another's. Several screens decide alike on the same keys; putting a field's text
 * back is the same for each, so doing it twice changes nothing.
 */
function scanListener(handler: { current: Handler }): (e: KeyboardEvent) => void {
  let state: ScannerState = EMPTY_SCANNER_STATE;
  let before: (Before | null)[] = [];
  return (e) => {
    if (e.ctrlKey || e.altKey || e.metaKey) {
      state = EMPTY_SCANNER_STATE;
      return;
    }
    if (e.key.length === 1) {
      const f = textField(e.target);
      before = [...before, f ? { el: f, value: f.value, start: f.selectionStart, end: f.selectionEnd } : null].slice(-64);
    }
    const step = scannerStep(state, e.key, e.timeStamp);
    state = step.state;
    const code = step.scanned;
    if (code === undefined) return;
    const field = scanFieldOf(e.target instanceof HTMLElement ? e.target.dataset.scan : undefined);
    const route = routeScan(field, isEditable(e.target));
    if (route.stopEnter) {
      e.preventDefault();
      e.stopPropagation();
    }
    const first = before.at(-code.length);
    before = [];
    if (route.restoreField && first && first.el === e.target) restore(first);
    if (route.toHandlers) handler.current(code, { target: e.target, inEditableField: isEditable(e.target), field });
  };
}

/**
 * Calls onScan when a scanner burst ends with Enter (judged by the whole burst's timing, see
 * scanner-timing). Listens in the capture phase, so no component can swallow the keys; what
 * happens to the burst's text and its Enter depends on the focused field (see scan-route).
 */
export function useBarcodeScanner(onScan: Handler): void {
  const handler = useRef(onScan);
  handler.current = onScan;
  useEffect(() => {
    const onKey = scanListener(handler);
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
