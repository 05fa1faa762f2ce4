import type { WireResult } from '../shared/api/bridge';
import type { AppEvent } from '../shared/api/events';

/** Messages between the Electron main process and the backend utility process. */
export type ToBackend =
  | { kind: 'call'; id: number; name: string; input: unknown; token: string | null; locale: string; station: string | null }
  /** First message: the passcode key from safeStorage (never through env or argv). */
  | { kind: 'init'; secretKey: string | null };
export type FromBackend =
  | { kind: 'result'; id: number; result: WireResult }
  | { kind: 'event'; event: AppEvent };
