import { useCallback } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { overlayOf, sectionOf, customerPath, ticketPath, TICKETS_BEHIND, DEFAULT_PATH, type NavState } from './paths';

/** The section path the screen shows: the current one, or the one an open drawer covers. */
export function useSectionPath(): string {
  const location = useLocation();
  if (!overlayOf(location.pathname)) return sectionOf(location.pathname) ? location.pathname : DEFAULT_PATH;
  return (location.state as NavState | null)?.behind ?? TICKETS_BEHIND;
}

/** Opening a ticket (by number, or id) or a customer from anywhere: a drawer over the current section. */
export function useOpen() {
  const navigate = useNavigate();
  const behind = useSectionPath();
  const location = useLocation();
  const fromOverlay = overlayOf(location.pathname) !== null;
  const ticket = useCallback((ref: string) => navigate(ticketPath(ref), { state: { behind } satisfies NavState }), [navigate, behind]);
  const customer = useCallback(
    // From a ticket's drawer the customer's replaces it; back returns to the ticket.
    (id: string) => navigate(customerPath(id), { state: { behind } satisfies NavState, replace: false }),
    [navigate, behind],
  );
  const intakeFor = useCallback((customerId: string) => navigate('/counter/intake', { state: { intakeFor: customerId } satisfies NavState }), [navigate]);
  const collect = useCallback((number: string) => navigate('/counter/collect', { state: { collect: number } satisfies NavState }), [navigate]);
  /** Closes the drawer: back where it was opened from, or to the section behind a pasted link. */
  const close = useCallback(() => {
    if (!fromOverlay) return;
    const state = location.state as NavState | null;
    if (state?.behind && location.key !== 'default') navigate(-1);
    else navigate(behind, { replace: true });
  }, [fromOverlay, location, navigate, behind]);
  return { ticket, customer, intakeFor, collect, close };
}

/** A section's tab from the URL (`/stock/catalog`), and a way to change it that the back button undoes. */
export function useTab(level: number, tabs: readonly string[], fallback: string): [string, (tab: string | null) => void] {
  const navigate = useNavigate();
  const path = useSectionPath();
  const parsed = sectionOf(path);
  const current = parsed?.rest[level];
  const tab = current && tabs.includes(current) ? current : fallback;
  const base = parsed ? [parsed.section, ...parsed.rest.slice(0, level)] : [];
  const setTab = useCallback(
    (next: string | null) => {
      if (next && next !== tab) navigate(`/${[...base, next].map(encodeURIComponent).join('/')}`);
    },
    // base is derived from path; path is the dependency that matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [navigate, path, tab],
  );
  return [tab, setTab];
}
