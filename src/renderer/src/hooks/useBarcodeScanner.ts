import { useEffect, useRef } from 'react';
import { DEFAULT_SCANNER_OPTIONS, EMPTY_SCANNER_STATE, scannerStep, type ScannerOptions } from './scanner-timing';

export interface ScanInfo {
  /** The element that had focus: a scan into a text field may be meant for that field (an IMEI, a serial). */
  target: EventTarget | null;
  inEditableField: boolean;
}

function isEditable(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  return el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT';
}

/**
 * Listens to every keystroke in the window (capture phase, so no component can swallow it)
 * and calls onScan when a scanner burst ends with Enter. That Enter is stopped, so a scan
 * never submits whatever form happened to have focus.
 */
export function useBarcodeScanner(onScan: (code: string, info: ScanInfo) => void, opts: Partial<ScannerOptions> = {}): void {
  const handler = useRef(onScan);
  handler.current = onScan;
  const { minLength, maxGapMs, pauseMs } = { ...DEFAULT_SCANNER_OPTIONS, ...opts };

  useEffect(() => {
    let state = EMPTY_SCANNER_STATE;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey) {
        state = EMPTY_SCANNER_STATE;
        return;
      }
      const step = scannerStep(state, e.key, e.timeStamp, { minLength, maxGapMs, pauseMs });
      state = step.state;
      if (step.scanned !== undefined) {
        e.preventDefault();
        e.stopPropagation();
        handler.current(step.scanned, { target: e.target, inEditableField: isEditable(e.target) });
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [minLength, maxGapMs, pauseMs]);
}
