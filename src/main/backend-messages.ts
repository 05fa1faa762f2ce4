import type { WireResult } from '../shared/api/bridge';

/** Messages between the Electron main process and the backend utility process. */
export type ToBackend = { kind: 'call'; id: number; name: string; input: unknown; token: string | null; locale: string };
export type FromBackend =
  | { kind: 'result'; id: number; result: WireResult }
  | { kind: 'event'; event: { name: string; payload: unknown } };
