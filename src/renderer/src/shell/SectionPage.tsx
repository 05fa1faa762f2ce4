import { lazy, Suspense } from 'react';
import { Center, Loader } from '@mantine/core';
import type { SectionId } from './sections';

// One chunk per section: the page starts with the shared chunk only, each section loads when first opened.
const loaders = {
  counter: () => import('../counter/CounterPage').then((m) => ({ default: m.CounterPage })),
  bench: () => import('../bench/BenchPage').then((m) => ({ default: m.BenchPage })),
  stock: () => import('../stock/StockPage').then((m) => ({ default: m.StockPage })),
  reports: () => import('../reports/ReportsPage').then((m) => ({ default: m.ReportsPage })),
  settings: () => import('../settings/SettingsPage').then((m) => ({ default: m.SettingsPage })),
} satisfies Record<SectionId, unknown>;
const pages = {
  counter: lazy(loaders.counter),
  bench: lazy(loaders.bench),
  stock: lazy(loaders.stock),
  reports: lazy(loaders.reports),
  settings: lazy(loaders.settings),
} satisfies Record<SectionId, unknown>;

/** The counter is the first screen after sign-in: its chunk is fetched while the person signs in. */
export function prefetchFirstScreen(): void {
  void loaders.counter();
}

export function SectionPage({ section }: { section: SectionId }) {
  const Page = pages[section];
  return (
    <Suspense
      fallback={
        <Center p="xl">
          <Loader />
        </Center>
      }
    >
      <Page />
    </Suspense>
  );
}
