import type { ReactNode } from 'react';
import { HashRouter } from 'react-router';

/**
 * The signed-in screens' addresses. Hash history: the Electron custom protocol and the shop host
 * both serve one index.html, so every screen's URL lives after the # (`#/bench/queue/mine`,
 * `#/tickets/SZ01-2612-0001`). Only the screens after sign-in have addresses, so the router is
 * their chunk's, not the sign-in screen's (react-router is ~30 kB gzip the first screen never
 * uses); an address opened before sign-in is still there in the URL when the shell reads it.
 */
export function Routed({ children }: { children: ReactNode }) {
  return <HashRouter>{children}</HashRouter>;
}
