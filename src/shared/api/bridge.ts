import type { WireError } from './errors';
import type { AppEvent, EventName, EventPayload } from './events';

export type WireResult<T = unknown> = { ok: true; data: T } | { ok: false; error: WireError };

/** What the Electron preload exposes on window.fixpoint (nothing else crosses). */
export interface FixpointBridge {
  call(name: string, input: unknown): Promise<WireResult>;
  on<N extends EventName>(event: N, handler: (payload: EventPayload<N>) => void): () => void;
}

/** What main sends the page on the 'fixpoint:event' channel. */
export type BridgeEvent = AppEvent;

/** Sign-in procedures whose answer carries a session token (main keeps it per window). */
export const SESSION_STARTING = ['setup.run', 'auth.login', 'auth.pinSwitch'] as const;

/** HTTP status per error code, so proxies and logs read right; the body says the rest. */
export const HTTP_STATUS: Record<WireError['code'], number> = {
  VALIDATION: 400,
  RULE: 422,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  BAD_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_PROCEDURE: 404,
  CONFLICT: 409,
  ALREADY_SET_UP: 409,
  SETUP_REQUIRED: 409,
  LOCKED_OUT: 423,
  TOO_MANY_ATTEMPTS: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  REQUEST_TIMEOUT: 408,
  SCHEMA_TOO_NEW: 500,
  DB_CORRUPT: 500,
  INTERNAL: 500,
};
