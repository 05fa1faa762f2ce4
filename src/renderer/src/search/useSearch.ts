import { useEffect, useState } from 'react';
import type { SearchResult } from '../../../shared/search/schemas';
import { api } from '../api/client';

export type Hit =
  | { kind: 'customer'; id: string; item: SearchResult['customers'][number] }
  | { kind: 'device'; id: string; item: SearchResult['devices'][number] }
  | { kind: 'ticket'; id: string; item: SearchResult['tickets'][number] };

/** The flat order keyboard navigation walks: tickets, customers, devices (as shown). */
export function flatten(r: SearchResult | null): Hit[] {
  if (!r) return [];
  return [
    ...r.tickets.map((item) => ({ kind: 'ticket' as const, id: item.id, item })),
    ...r.customers.map((item) => ({ kind: 'customer' as const, id: item.id, item })),
    ...r.devices.map((item) => ({ kind: 'device' as const, id: item.id, item })),
  ];
}

/** search.query as you type (debounced; an answer to an older query never replaces a newer one). */
export function useSearch(query: string, delayMs = 120): { result: SearchResult | null; error: unknown; pending: boolean } {
  const [result, setResult] = useState<SearchResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setResult(null);
      setPending(false);
      return;
    }
    let live = true;
    setPending(true);
    const timer = setTimeout(() => {
      api.call('search.query', { q, limit: 6 }).then(
        (r) => live && (setResult(r), setError(null), setPending(false)),
        (e) => live && (setError(e), setPending(false)),
      );
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, delayMs]);
  return { result, error, pending };
}
