import { useDebouncedValue } from '@mantine/hooks';
import type { SearchResult } from '../../../shared/search/schemas';
import { parseTicketNumber } from '../../../shared/tickets/number';
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
 * Text that names one thing by its shape — a ticket number with its month (SZ01-2612-0143,
 * 2612-0143) or a whole mobile number — is asked at once: a counter reads it off a receipt or
 * hears it whole, and the answer is one row.
 */
export function asksAtOnce(q: string): boolean {
  return parseTicketNumber(q)?.yymm != null || /^1[3-9]\d{9}$/.test(q.replace(/[\s-]/g, ''));
}

/**
 * search.query as you type: anything else waits `delayMs` after the last keystroke (a fragment
 * typed on is not asked for at every key); a superseded call is cancelled and its answer, keyed by
 * its own text, never replaces a newer one. The host answers in 10–20 ms at 50,000 tickets, so the
 * wait is short.
 */
export function useSearch(query: string, delayMs = 80): { result: SearchResult | null; error: unknown; pending: boolean } {
  const q = query.trim();
  const [debounced] = useDebouncedValue(q, delayMs);
  const settled = asksAtOnce(q) ? q : debounced;
  const search = useCall('search.query', { q: settled, limit: 6 }, { enabled: settled !== '', keepPrevious: true, silent: true });
  if (!q) return { result: null, error: null, pending: false };
  return { result: search.data ?? null, error: search.error, pending: settled !== q || search.isFetching };
}
