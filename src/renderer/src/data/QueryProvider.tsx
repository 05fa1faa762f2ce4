import { useEffect, useRef, useState, type ReactNode } from 'react';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import type { EventName } from '../../../shared/api/events';
import { api } from '../api/client';
import { fieldErrorsOf } from '../components/errors';
import { useErrorToast } from '../hooks/useErrorToast';
import { useI18n } from '../i18n/I18nProvider';
import { EVENT_INVALIDATES, keyMatches } from './invalidation';

/** Backend events (this window's and other counters') turn into invalidations of what they touch. */
function EventInvalidation() {
  const client = useQueryClient();
  useEffect(() => {
    // (the names from the table, not from the events' zod schemas: the first screen loads no zod)
    const offs = (Object.keys(EVENT_INVALIDATES) as EventName[]).map((name) =>
      api.on(name, () => void client.invalidateQueries({ predicate: (q) => keyMatches(EVENT_INVALIDATES[name], q.queryKey) })),
    );
    return () => offs.forEach((off) => off());
  }, [client]);
  return null;
}

/**
 * The server answers in the UI's language (rule reasons, error messages): a language switch
 * makes every answer stale. The client's language is set first, so the refetch asks in the new one.
 */
function LocaleInvalidation() {
  const client = useQueryClient();
  const { locale } = useI18n();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    api.setLocale(locale);
    void client.invalidateQueries();
  }, [client, locale]);
  return null;
}

/** One QueryClient for the app; a failed read shows the translated toast unless its caller handles it. */
/** An answer already in hand when the app starts (main.tsx), keyed as useCall keys it. */
export type Seed = { key: readonly unknown[]; data: unknown };

export function QueryProvider({ children, seed = [] }: { children: ReactNode; seed?: Seed[] }) {
  const { toast } = useErrorToast();
  const toastRef = useRef(toast); // the toast of the current language, read when an error arrives
  toastRef.current = toast;
  const [client] = useState(
    () =>
      new QueryClient({
        queryCache: new QueryCache({
          onError: (err, query) => {
            if (query.meta?.silent || (query.meta?.fieldErrors && Object.keys(fieldErrorsOf(err)).length > 0)) return;
            toastRef.current(err);
          },
        }),
        mutationCache: new MutationCache(),
        defaultOptions: {
          // A local backend: a failure is an answer (a rule, a lost session), not a flaky network.
          queries: { retry: false, staleTime: 0, refetchOnWindowFocus: true },
          mutations: { retry: false },
        },
      }),
  );
  // before the first render, so the screens that read these show at once instead of a spinner first
  useState(() => seed.forEach((s) => client.setQueryData(s.key, s.data)));
  return (
    <QueryClientProvider client={client}>
      <EventInvalidation />
      <LocaleInvalidation />
      {children}
    </QueryClientProvider>
  );
}
