import type { OutputOf } from '../../../shared/api/contract';
import type { Procedures } from '../../../shared/api/procedures';
import { api } from '../api/client';
import { callKey } from '../data/calls';
import type { Seed } from '../data/QueryProvider';
import { ensureLanguage, initialLocale } from './languages';
import { earlyMessages, earlyStatus } from '../early';

/**
 * What the first screen waits for, asked by the page's first script (early.ts) before React and
 * Mantine are even fetched, side by side: the UI language's messages (their own chunk) and
 * whether the shop is set up (which screen is first). A failed early fetch is asked again here.
 */
const again = () => ensureLanguage(initialLocale());
export const firstLanguage = earlyMessages.then(again, again);

/** setup.status as the app's first query would ask it; nothing if it failed (the app asks again and says why). */
export const firstAnswers: Promise<Seed[]> = (
  earlyStatus?.then((r) => (r.ok ? (r.data as OutputOf<Procedures['setup.status']>) : Promise.reject(new Error('setup.status failed')))) ?? api.call('setup.status', {})
).then(
  (data: OutputOf<Procedures['setup.status']>) => [{ key: callKey('setup.status', {}), data }],
  () => [],
);
