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

/** What main keeps (a new token, or that the session ended) and what the renderer gets. */
export function splitResult(name: string, result: WireResult): { token: string | null | undefined; forRenderer: WireResult } {
  let token: string | null | undefined;
  if (result.ok && (SESSION_STARTING as readonly string[]).includes(name)) {
    const t = (result.data as { token?: unknown } | null)?.token;
    if (typeof t === 'string') token = t;
  }
  if (name === 'auth.logout' || (!result.ok && (result.error.code === 'SESSION_EXPIRED' || result.error.code === 'UNAUTHENTICATED'))) token = null;
  if (!result.ok || typeof result.data !== 'object' || result.data === null || !('token' in result.data)) return { token, forRenderer: result };
  const { token: _dropped, ...rest } = result.data as Record<string, unknown>;
  return { token, forRenderer: { ok: true, data: rest } };
}
