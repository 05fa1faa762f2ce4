import type { SectionId } from '../shell/sections';
import { chunk } from './lazyChunk';
import { localDate } from '../../../shared/time/local-date';

/**
 * The screens that are their own chunk, by name, and when they are fetched. The sign-in screen
 * (the first screen) loads only itself; once it is usable and the page is idle, the frame after
 * sign-in (the shell and the counter, where every shift starts) is fetched; once the shell shows
 * and the page is idle again, the other sections follow one by one, so a first switch to one of
 * them finds its chunk already parsed (and shows it without suspending: lazyChunk.tsx). A person
 * faster than the prefetch simply loads the chunk themselves.
 */
export const chunks = {
  shell: chunk(() => import('../shell/Shell')),
  pin: chunk(() => import('../auth/PinSwitchScreen')),
  setup: chunk(() => import('../setup/SetupWizard')),
  firstDay: chunk(() => import('../firstday/FirstDayScreen')),
  /** the address bar of the screens after sign-in (react-router) */
  router: chunk(() => import('../nav/Routed')),
  /** the toasts' container and store (components/toast.ts) */
  toasts: chunk(() => import('@mantine/notifications')),
};

export const sectionChunks = {
  counter: chunk(() => import('../counter/CounterPage')),
  bench: chunk(() => import('../bench/BenchPage')),
  stock: chunk(() => import('../stock/StockPage')),
  reports: chunk(() => import('../reports/ReportsPage')),
  settings: chunk(() => import('../settings/SettingsPage')),
} satisfies Record<SectionId, unknown>;

type Load = () => Promise<unknown>;

/** `f` when the page is idle (a person's input goes first), at the latest after 2 s. */
export const atIdle = (f: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(f, { timeout: 2000 }) : setTimeout(f, 50));
// offline or a stale build: the screen's own load says so when it is opened; the console keeps a note
const quiet = (p: Promise<unknown>) => p.catch((e: unknown) => console.warn('[fixpoint] prefetch failed', e));

/** Runs the loads one after another, each when the page is idle (a person's input goes first). */
function whenIdle(loads: Load[]): void {
  const next = (i: number) => {
    if (i >= loads.length) return;
    atIdle(() => void quiet(loads[i]!()).then(() => next(i + 1)));
  };
  next(0);
}

/** What has been prefetched already (once per page). */
const started = { afterFirst: false, sections: false };
/**
 * The sign-in screen is usable: fetch what follows it, all at once at the first idle moment — a
 * person takes seconds to type a name and password, and the counter must be ready when they press Enter.
 */
export function prefetchAfterSignInScreen(): void {
  if (started.afterFirst) return;
  started.afterFirst = true;
  atIdle(() => [chunks.router, chunks.shell, sectionChunks.counter, chunks.pin].forEach((load) => void quiet(load())));
  // The counter's first render dates in the shop's zone: the first zoned date format loads the
  // runtime's time-zone data (~50 ms at a low-end PC's speed), here instead of after Enter.
  atIdle(() => void localDate(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone));
}

/** The shell shows: fetch the sections not opened yet, the lightest first (reports, with its charts, last). */
export function prefetchSections(): void {
  if (started.sections) return;
  started.sections = true;
  whenIdle([chunks.shell, sectionChunks.counter, sectionChunks.bench, sectionChunks.stock, sectionChunks.settings, sectionChunks.reports]);
}
