/**
 * Where the window may go. It never navigates away from the app (a reload of our own origin is
 * the only navigation); window.open gives a PDF window for our own blob: documents (printed
 * receipts, reports), hands https links on the allow-list to the system browser, and refuses
 * everything else (http:, file:, javascript:, data:, custom protocols that start programs).
 */
import { isTrustedOrigin, originOf } from './origins';

/** Hosts whose https pages may open in the system browser (ours; nothing a page can add). */
export const EXTERNAL_HOSTS: readonly string[] = ['fixpoint.cn', 'www.fixpoint.cn', 'help.fixpoint.cn'];

export type WindowOpenDecision = { action: 'pdf-window' } | { action: 'external'; url: string } | { action: 'deny' };

export function isAllowedExternal(url: string, hosts: readonly string[] = EXTERNAL_HOSTS): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.protocol === 'https:' && !u.username && !u.password && (u.port === '' || u.port === '443') && hosts.includes(u.hostname.toLowerCase());
}

export function decideWindowOpen(url: string, origins: readonly string[], hosts: readonly string[] = EXTERNAL_HOSTS): WindowOpenDecision {
  if (url.startsWith('blob:') && isTrustedOrigin(url, origins)) return { action: 'pdf-window' };
  if (isAllowedExternal(url, hosts)) return { action: 'external', url: new URL(url).href };
  return { action: 'deny' };
}

/** will-navigate / will-redirect / will-frame-navigate: only our own origin (a reload). */
export function allowNavigation(url: string, origins: readonly string[]): boolean {
  if (url.startsWith('blob:')) return false;
  const o = originOf(url);
  return o !== null && origins.includes(o);
}
