import { lazy, Suspense } from 'react';
import { Center, Loader } from '@mantine/core';
import { sectionChunks } from '../app/chunks';
import type { SectionId } from './sections';

// One chunk per section: each loads when first opened, or before, when the page is idle (app/chunks.ts).
const pages = {
  counter: lazy(sectionChunks.counter),
  bench: lazy(sectionChunks.bench),
  stock: lazy(sectionChunks.stock),
  reports: lazy(sectionChunks.reports),
  settings: lazy(sectionChunks.settings),
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
