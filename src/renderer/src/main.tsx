/**
 * The page's only entry, kept tiny: its modules run as soon as these few hundred bytes are in,
 * and early.ts asks at once for what the first screen waits for (its messages, setup.status)
 * while the app itself (React, Mantine, i18next: app/start.tsx) is fetched and evaluated. With
 * the app as the entry, nothing could be asked before all of it had been evaluated.
 */
import './early';

import('./app/start').catch((e: unknown) => {
  console.error('[fixpoint] the app did not load', e);
  document.body.textContent = 'Fixpoint: 无法加载 / could not load. 请刷新 / Reload the page.';
});
