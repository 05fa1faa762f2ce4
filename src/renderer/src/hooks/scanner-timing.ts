/**
 * Telling a USB barcode scanner from a person. A scanner "types" a whole code in a burst and
 * ends with Enter: keys a few ms apart on average, with the odd hiccup (a USB polling slot, a
 * busy PC) of 40–100 ms anywhere in the code. People leave 80–250 ms between keys. So a burst
 * is judged by the timing of the whole burst — its mean pace and its longest gap — never by one
 * gap, which used to cut a code at its first hiccup and take the tail for the scan.
 * This is the pure decision, fed one keystroke at a time, so it can be tested with times.
 */
export interface ScannerOptions {
  /** Shortest code we accept (shorter bursts are more likely fast typing). */
  minLength: number;
  /** Largest mean gap between the keys of a burst (Enter included), in ms. */
  maxGapMs: number;
  /** A gap this long ends any burst: no scanner pauses this long inside a code. */
  pauseMs: number;
}

export const DEFAULT_SCANNER_OPTIONS: ScannerOptions = { minLength: 6, maxGapMs: 30, pauseMs: 150 };

export interface ScannerState {
  /** Printable keys since the last pause, with their times. */
  keys: { key: string; at: number }[];
}

export const EMPTY_SCANNER_STATE: ScannerState = { keys: [] };

export interface ScannerStep {
  state: ScannerState;
  /** Set when this key (an Enter) completed a scanner burst. */
  scanned?: string;
}

/** Longest code kept: nothing we print is longer, and the buffer stays small. */
const MAX_KEYS = 64;

/** `key` is KeyboardEvent.key; `at` a monotonic time in ms. */
export function scannerStep(state: ScannerState, key: string, at: number, opts: Partial<ScannerOptions> = {}): ScannerStep {
  const o = { ...DEFAULT_SCANNER_OPTIONS, ...opts };
  const last = state.keys.at(-1);
  const paused = last === undefined || at - last.at > o.pauseMs;
  if (key === 'Enter') {
    if (paused) return { state: EMPTY_SCANNER_STATE };
    const code = burstBefore([...state.keys, { key, at }], o);
    return code === null ? { state: EMPTY_SCANNER_STATE } : { state: EMPTY_SCANNER_STATE, scanned: code };
  }
  // Only printable characters belong to a code; Shift and friends arrive between them and are ignored.
  if (key.length !== 1) return { state };
  const keys = paused ? [{ key, at }] : [...state.keys, { key, at }].slice(-MAX_KEYS);
  return { state: { keys } };
}

/**
 * The scan that `keys` (ending with Enter) end with, or null. Keys typed by hand just before a
 * scan are dropped from its head: they are the leading keys each followed by a gap much longer
 * than the burst's usual pace. One such gap after the very first key is the exception: that is a
 * scanner hiccup (≤ HICCUP_MS) unless longer — nobody types a key and pulls the trigger within
 * a tenth of a second. What is left is a scan when it is long enough and its mean pace, Enter
 * included, is a scanner's.
 */
const HICCUP_MS = 100;

function burstBefore(keys: { key: string; at: number }[], o: ScannerOptions): string | null {
  const gaps = keys.slice(1).map((k, i) => k.at - keys[i]!.at);
  const slow = Math.max(50, 4 * median(gaps));
  let start = 0;
  while (start < gaps.length - 1 && gaps[start]! > slow) start++;
  if (start === 1 && gaps[0]! <= HICCUP_MS) start = 0;
  const chars = keys.slice(start, -1);
  if (chars.length < o.minLength) return null;
  const span = keys.at(-1)!.at - keys[start]!.at;
  return span / chars.length <= o.maxGapMs ? chars.map((k) => k.key).join('') : null;
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Whole-sequence helper: the code if these keystrokes were a scan, else null. */
export function detectScan(keys: { key: string; at: number }[], opts: Partial<ScannerOptions> = {}): string | null {
  let state = EMPTY_SCANNER_STATE;
  let found: string | null = null;
  for (const k of keys) {
    const step = scannerStep(state, k.key, k.at, opts);
    state = step.state;
    if (step.scanned !== undefined) found = step.scanned;
  }
  return found;
}
