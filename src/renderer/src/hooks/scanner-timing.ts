/**
 * Telling a USB barcode scanner from a person. A scanner "types" a whole code in a burst
 * (a few ms between keys) and ends with Enter; people leave ~80–250 ms between keys.
 * This is the pure decision, fed one keystroke at a time, so it can be tested with times.
 */
export interface ScannerOptions {
  /** Shortest code we accept (shorter bursts are more likely fast typing). */
  minLength: number;
  /** Largest gap between two keys of the same burst, in ms. */
  maxGapMs: number;
}

export const DEFAULT_SCANNER_OPTIONS: ScannerOptions = { minLength: 6, maxGapMs: 30 };

export interface ScannerState {
  buffer: string;
  /** Time of the previous printable key, or null when nothing is buffered. */
  lastAt: number | null;
}

export const EMPTY_SCANNER_STATE: ScannerState = { buffer: '', lastAt: null };

export interface ScannerStep {
  state: ScannerState;
  /** Set when this key (an Enter) completed a scanner burst. */
  scanned?: string;
}

/** `key` is KeyboardEvent.key; `at` a monotonic time in ms. */
export function scannerStep(
  state: ScannerState,
  key: string,
  at: number,
  opts: ScannerOptions = DEFAULT_SCANNER_OPTIONS,
): ScannerStep {
  const inBurst = state.lastAt !== null && at - state.lastAt <= opts.maxGapMs;
  if (key === 'Enter') {
    if (inBurst && state.buffer.length >= opts.minLength) return { state: EMPTY_SCANNER_STATE, scanned: state.buffer };
    return { state: EMPTY_SCANNER_STATE };
  }
  // Only printable characters belong to a code; Shift and friends arrive between them and are ignored.
  if (key.length !== 1) return { state };
  // A slow key starts a new candidate burst: it may be the first character of a scan.
  return { state: { buffer: inBurst ? state.buffer + key : key, lastAt: at } };
}

/** Whole-sequence helper: the code if these keystrokes were a scan, else null. */
export function detectScan(keys: { key: string; at: number }[], opts: ScannerOptions = DEFAULT_SCANNER_OPTIONS): string | null {
  let state = EMPTY_SCANNER_STATE;
  let found: string | null = null;
  for (const k of keys) {
    const step = scannerStep(state, k.key, k.at, opts);
    state = step.state;
    if (step.scanned !== undefined) found = step.scanned;
  }
  return found;
}
