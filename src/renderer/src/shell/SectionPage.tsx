import { lazy, Suspense } from 'react';
import { Center, Loader } from '@mantine/core';
import type { SectionId } from './sections';

// One chunk per section: the first screen loads the counter only, the rest when first opened.
const pages = {
  counter: lazy(() => import('../counter/CounterPage').then((m) => ({ default: m.CounterPage }))),
  bench: lazy(() => import('../bench/BenchPage').then((m) => ({ default: m.BenchPage }))),
  stock: lazy(() => import('../stock/StockPage').then((m) => ({ default: m.StockPage }))),
  reports: lazy(() => import('../reports/ReportsPage').then((m) => ({ default: m.ReportsPage }))),
  settings: lazy(() => import('../settings/SettingsPage').then((m) => ({ default: m.SettingsPage }))),
} satisfies Record<SectionId, unknown>;

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
