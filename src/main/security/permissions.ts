/**
 * Which permission a page may have: the camera (intake photos: getUserMedia with video only),
 * for our own origin, in the main frame — nothing else, for no one else. Used by both the
 * session's permission *request* handler (a page asks) and its *check* handler (a page or
 * Chromium asks whether it has it), so the answer is the same either way.
 */
import { isTrustedOrigin } from './origins';

export interface PermissionAsk {
  permission: string;
  /** The URL or origin asking (details.requestingUrl / requestingOrigin / securityOrigin). */
  origin: string;
  /** Request: details.mediaTypes (['video'], ['audio', 'video']); check: [details.mediaType]. */
  mediaTypes?: readonly string[];
  /** false for a subframe (we have none; a frame must not inherit the camera). */
  mainFrame?: boolean;
}

export function allowPermission(ask: PermissionAsk, origins: readonly string[]): boolean {
  if (ask.permission !== 'media') return false;
  if (ask.mainFrame === false) return false;
  if (!isTrustedOrigin(ask.origin, origins)) return false;
  const types = ask.mediaTypes ?? [];
  return types.length > 0 && types.every((t) => t === 'video');
}
