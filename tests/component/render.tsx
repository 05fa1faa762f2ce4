import type { ReactElement, ReactNode } from 'react';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import { afterEach } from 'vitest';
import type { Locale } from '../../src/shared/i18n/types';
import { I18nProvider } from '../../src/renderer/src/i18n/I18nProvider';

afterEach(cleanup);

/**
 * A component as the app mounts it: Mantine, the UI language (as a person picked it on this PC)
 * and a query cache. `cache` seeds answers by query key, kept fresh, so nothing is asked of a
 * backend the test does not have.
 */
export function renderUi(ui: ReactElement, { locale = 'zh-CN', cache = [] }: { locale?: Locale; cache?: [readonly unknown[], unknown][] } = {}) {
  localStorage.setItem('fixpoint.locale', locale);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  for (const [key, data] of cache) client.setQueryData(key, data);
  const wrap = ({ children }: { children: ReactNode }) => (
    <MantineProvider>
      <QueryClientProvider client={client}>
        <I18nProvider>{children}</I18nProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
  return render(ui, { wrapper: wrap });
}
