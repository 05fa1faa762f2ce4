import { Suspense } from 'react';
import { Center, Loader } from '@mantine/core';
import { sectionChunks } from '../app/chunks';
import { lazyChunk } from '../app/lazyChunk';
import type { SectionId } from './sections';

// One chunk per section: each loads when first opened, or before, when the page is idle (app/chunks.ts).
const pages = {
  counter: lazyChunk(sectionChunks.counter, (m) => m.CounterPage),
  bench: lazyChunk(sectionChunks.bench, (m) => m.BenchPage),
  stock: lazyChunk(sectionChunks.stock, (m) => m.StockPage),
  reports: lazyChunk(sectionChunks.reports, (m) => m.ReportsPage),
  settings: lazyChunk(sectionChunks.settings, (m) => m.SettingsPage),
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
