import { useDebouncedValue } from '@mantine/hooks';
import type { SearchResult } from '../../../shared/search/schemas';
import { useCall } from '../data/calls';

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

/**
 * search.query as you type: the query waits `delayMs` after the last keystroke; a superseded
 * call is cancelled and its answer, keyed by its own text, never replaces a newer one.
 */
export function useSearch(query: string, delayMs = 120): { result: SearchResult | null; error: unknown; pending: boolean } {
  const q = query.trim();
  const [settled] = useDebouncedValue(q, delayMs);
  const search = useCall('search.query', { q: settled, limit: 6 }, { enabled: settled !== '', keepPrevious: true, silent: true });
  if (!q) return { result: null, error: null, pending: false };
  return { result: search.data ?? null, error: search.error, pending: settled !== q || search.isFetching };
}
