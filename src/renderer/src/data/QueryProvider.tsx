import { useEffect, useRef, useState, type ReactNode } from 'react';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { EVENT_NAMES } from '../../../shared/api/events';
import { api } from '../api/client';
import { fieldErrorsOf } from '../components/errors';
import { useErrorToast } from '../hooks/useErrorToast';
import { useI18n } from '../i18n/I18nProvider';
import { EVENT_INVALIDATES, keyMatches } from './invalidation';

/** Backend events (this window's and other counters') turn into invalidations of what they touch. */
function EventInvalidation() {
  const client = useQueryClient();
  useEffect(() => {
    const offs = EVENT_NAMES.map((name) =>
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
export function QueryProvider({ children }: { children: ReactNode }) {
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
  return (
    <QueryClientProvider client={client}>
      <EventInvalidation />
      <LocaleInvalidation />
      {children}
    </QueryClientProvider>
  );
}
