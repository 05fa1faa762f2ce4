import { SECTIONS, type SectionId } from '../shell/sections';

/**
 * Where each screen lives in the URL (hash history: `#/bench/queue/mine`). A ticket or a
 * customer opens in a drawer over the section it was opened from, at its own URL
 * (`#/tickets/SZ01-2612-0001`, `#/customers/<id>`); the section behind rides in the history
 * entry's state, so the back button closes the drawer and a pasted link shows the ticket list behind.
 */
export const DEFAULT_PATH = '/counter/intake';
export const TICKETS_BEHIND = '/counter/tickets';

export type Overlay = { kind: 'ticket'; ref: string } | { kind: 'customer'; id: string } | null;

export function overlayOf(pathname: string): Overlay {
  const m = /^\/(tickets|customers)\/([^/]+)\/?$/.exec(pathname);
  if (!m) return null;
  const ref = decodeURIComponent(m[2]!);
  return m[1] === 'tickets' ? { kind: 'ticket', ref } : { kind: 'customer', id: ref };
}

export const ticketPath = (ref: string) => `/tickets/${encodeURIComponent(ref)}`;
export const customerPath = (id: string) => `/customers/${encodeURIComponent(id)}`;

/** The section and the rest of its path (its tab, a sub-tab), from a section path. */
export function sectionOf(pathname: string): { section: SectionId; rest: string[] } | null {
  const [first, ...rest] = pathname.split('/').filter(Boolean);
  if (!first || !(SECTIONS as readonly string[]).includes(first)) return null;
  return { section: first as SectionId, rest: rest.map(decodeURIComponent) };
}

/** History state of an overlay: the section path it covers. */
export interface NavState {
  behind?: string;
  /** "New intake for this customer": the intake screen picks the customer once. */
  intakeFor?: string;
  /** "Hand back" from a ready ticket's drawer: the collection tab opens with this ticket number. */
  collect?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A ticket in a URL is its number (what people read and scan); an id still works in an old link. */
export const isTicketId = (ref: string) => UUID.test(ref);
