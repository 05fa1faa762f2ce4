/**
 * The rules of the one IPC bridge (fixpoint:call): who may call, and what goes back. The session
 * token stays in main (per window); no answer that reaches the renderer carries one, so a script
 * that somehow ran in the page could not take the session elsewhere.
 */
import type { WireResult } from '../../shared/api/bridge';
import { SESSION_STARTING } from '../../shared/api/bridge';
import { isTrustedOrigin } from './origins';

export interface Sender {
  /** event.senderFrame.url */
  frameUrl: string;
  /** event.sender.id, and the id of the window's webContents whose bridge this is. */
  webContentsId: number;
  windowWebContentsId: number | null;
  /** senderFrame is the top frame of that webContents. */
  isMainFrame: boolean;
}

export function isTrustedSender(s: Sender, origins: readonly string[]): boolean {
  return s.windowWebContentsId !== null && s.webContentsId === s.windowWebContentsId && s.isMainFrame && isTrustedOrigin(s.frameUrl, origins);
}

/**
 * What main keeps (a new token, or that the session ended; the window's station secret from a
 * password sign-in, which makes it a station for PIN switching) and what the renderer gets:
 * neither secret ever reaches the page.
 */
export function splitResult(name: string, result: WireResult): { token: string | null | undefined; station?: string; forRenderer: WireResult } {
  let token: string | null | undefined;
  let station: string | undefined;
  if (result.ok && (SESSION_STARTING as readonly string[]).includes(name)) {
    const data = result.data as { token?: unknown; station?: unknown } | null;
    if (typeof data?.token === 'string') token = data.token;
    if (typeof data?.station === 'string') station = data.station;
  }
  if (name === 'auth.logout' || (!result.ok && (result.error.code === 'SESSION_EXPIRED' || result.error.code === 'UNAUTHENTICATED'))) token = null;
  if (!result.ok || typeof result.data !== 'object' || result.data === null || !('token' in result.data || 'station' in result.data)) return { token, station, forRenderer: result };
  const { token: _dropped, station: _kept, ...rest } = result.data as Record<string, unknown>;
  return { token, station, forRenderer: { ok: true, data: rest } };
}
