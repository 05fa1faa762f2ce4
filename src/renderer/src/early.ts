import type { WireResult } from '../../shared/api/bridge';
import { loadCatalog } from '../../shared/i18n/catalog';
import { initialLocale } from './i18n/choice';

/**
 * The page's first script (index.html, before main.tsx), a few hundred bytes: it asks at once for
 * what the first screen waits for — its language's messages and setup.status — while the browser
 * still fetches and evaluates React, Mantine and i18next (main.tsx's modules run only once all of
 * them are in, which at a low-end PC's speed was half a second later). i18n/boot.ts takes both
 * answers; a module runs once per page, so this is asked once.
 */
export const earlyMessages: Promise<unknown> = loadCatalog[initialLocale()]();

/** setup.status over HTTP as api/client.ts asks it (no session yet); null in Electron, where the call is IPC. */
export const earlyStatus: Promise<WireResult> | null =
  typeof window !== 'undefined' && !window.fixpoint
    ? fetch('api/setup.status', { method: 'POST', headers: { 'content-type': 'application/json', 'x-fixpoint-locale': initialLocale() }, body: '{}' }).then((r) => r.json() as Promise<WireResult>)
    : null;
