import type { InputOf, OutputOf } from '../../../shared/api/contract';
import type { ProcedureName, Procedures } from '../../../shared/api/procedures';
import { RemoteError } from '../../../shared/api/remote-error';
import type { FixpointBridge, WireResult } from '../../../shared/api/bridge';
import type { Locale } from '../../../shared/i18n/types';
import { engine } from '../../../shared/i18n/engine';
import { isLocale } from '../../../shared/i18n/translate';
import type { EventName, EventPayload } from '../../../shared/api/events';

declare global {
  interface Window {
    fixpoint?: FixpointBridge;
  }
}

interface Transport {
  kind: 'ipc' | 'http';
  call(name: string, input: unknown, signal?: AbortSignal): Promise<WireResult>;
  on(event: EventName, handler: (payload: unknown) => void): () => void;
}

const TOKEN_KEY = 'fixpoint.token';
/**
 * The station secret a password sign-in gives this tab: sent with every call (header, never a
 * cookie, so no other page's request carries it), kept after sign-out so a PIN can switch users
 * in this tab, and gone with the tab.
 */
const STATION_KEY = 'fixpoint.station';
/** The language of the UI right now (i18next's, the one source): errors come back in it. */
const currentLocale = (): Locale => (isLocale(engine.language) ? engine.language : 'zh-CN');

/** HTTP to the shop host that served this page; the token lives in sessionStorage (per tab). */
function httpTransport(): Transport {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  let source: EventSource | null = null;
  const connect = () => {
    source?.close();
    source = null;
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (!token || listeners.size === 0) return;
    source = new EventSource(`api/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (m) => {
      const e = JSON.parse(m.data as string) as { name: unknown; payload: unknown };
      if (typeof e.name === 'string') listeners.get(e.name)?.forEach((h) => h(e.payload));
    };
  };
  return {
    kind: 'http',
    async call(name, input, signal) {
      const token = sessionStorage.getItem(TOKEN_KEY);
      const res = await fetch(`api/${encodeURIComponent(name)}`, {
        method: 'POST',
        signal,
        headers: {
          'content-type': 'application/json',
          'x-fixpoint-locale': currentLocale(),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(sessionStorage.getItem(STATION_KEY) ? { 'x-fixpoint-station': sessionStorage.getItem(STATION_KEY)! } : {}),
        },
        body: JSON.stringify(input ?? {}),
      });
      const body = (await res.json()) as WireResult;
      if (body.ok && typeof body.data === 'object' && body.data && 'token' in body.data) {
        sessionStorage.setItem(TOKEN_KEY, String((body.data as { token: string }).token));
        const station = (body.data as { station?: unknown }).station;
        if (typeof station === 'string') sessionStorage.setItem(STATION_KEY, station);
        connect();
      }
      if (body.ok && name === 'auth.logout') {
        sessionStorage.removeItem(TOKEN_KEY);
        connect();
      }
      return body;
    },
    on(event, handler) {
      const set = listeners.get(event) ?? new Set();
      set.add(handler);
      listeners.set(event, set);
      if (!source) connect();
      return () => set.delete(handler);
    },
  };
}

function pickTransport(): Transport {
  const bridge = typeof window !== 'undefined' ? window.fixpoint : undefined;
  if (bridge) return { kind: 'ipc', call: (n, i) => bridge.call(n, i), on: (e, h) => bridge.on(e, h as (p: EventPayload<typeof e>) => void) };
  return httpTransport();
}

const transport = pickTransport();
let eventSchemas: Promise<(typeof import('../../../shared/api/events'))['eventSchemas']> | null = null;
const lostHandlers = new Set<(e: RemoteError) => void>();

export const api = {
  transport: transport.kind,

  /**
   * Typed call of one procedure; throws RemoteError with the translated message. Over HTTP a
   * superseded query is cancelled by `signal` (over IPC the answer is dropped by its query key).
   */
  async call<N extends ProcedureName>(name: N, input: InputOf<Procedures[N]>, opts: { signal?: AbortSignal } = {}): Promise<OutputOf<Procedures[N]>> {
    const result = await transport.call(name, input, opts.signal);
    if (!result.ok) {
      const err = new RemoteError(result.error);
      if (err.code === 'SESSION_EXPIRED' || err.code === 'UNAUTHENTICATED') lostHandlers.forEach((h) => h(err));
      throw err;
    }
    return result.data as OutputOf<Procedures[N]>;
  },

  /** Listens to one backend event; a payload that does not match its schema is dropped, not guessed at. */
  on<N extends EventName>(event: N, handler: (payload: EventPayload<N>) => void): () => void {
    // The schemas (zod and the contract's shapes) load with the first event, not with the sign-in
    // screen; events keep their order (one promise, its callbacks in turn).
    return transport.on(event, (raw) =>
      void (eventSchemas ??= import('../../../shared/api/events').then((m) => m.eventSchemas)).then((all) => {
        const parsed = all[event].safeParse(raw);
        if (parsed.success) handler(parsed.data as EventPayload<N>);
        else console.warn(`[fixpoint] event ${event} with an unexpected payload`, parsed.error.issues);
      }),
    );
  },

  /** Called when any call finds the session gone: the app shows the sign-in screen. */
  onSessionLost(handler: (e: RemoteError) => void): () => void {
    lostHandlers.add(handler);
    return () => lostHandlers.delete(handler);
  },

  /** The page's language for the browser (fonts, hyphenation); calls read the UI's language themselves. */
  setLocale(next: Locale) {
    document.documentElement.lang = next;
  },

  hasStoredSession(): boolean {
    return transport.kind === 'ipc' || sessionStorage.getItem(TOKEN_KEY) !== null;
  },

  forgetSession() {
    if (transport.kind === 'http') sessionStorage.removeItem(TOKEN_KEY);
  },
};
