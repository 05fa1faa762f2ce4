import type { OutputOf } from '../../../shared/api/contract';
import type { Procedures } from '../../../shared/api/procedures';
import { api } from '../api/client';
import { callKey } from '../data/calls';
import type { Seed } from '../data/QueryProvider';
import { ensureLanguage, initialLocale } from './languages';

/**
 * Imported first by main.tsx, so what the first screen waits for is asked before React and
 * Mantine are evaluated, not after, and side by side: the UI language's messages (their own
 * chunk) and whether the shop is set up (which screen is first).
 */
export const firstLanguage = ensureLanguage(initialLocale());

/** setup.status as the app's first query would ask it; nothing if it failed (the app asks again and says why). */
export const firstAnswers: Promise<Seed[]> = api.call('setup.status', {}).then(
  (data: OutputOf<Procedures['setup.status']>) => [{ key: callKey('setup.status', {}), data }],
  () => [],
);
