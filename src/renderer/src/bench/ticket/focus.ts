import type { Workbench } from './types';

/**
 * Where the keyboard goes after a bench action: the first field or button of the next action
 * the ticket's new status asks for (a technician should not Tab down from the top of the page).
 * Each entry lists test ids tried in order; a card's id means its first focusable control.
 */
const NEXT: Record<string, string[]> = {
  received: ['diag-cause'],
  diagnosing: ['add-labor', 'quote-submit', 'quote-card'],
  awaiting_approval: ['auth-card'],
  repairing: ['issue-scan', 'repair-card'],
  awaiting_parts: ['repair-card'],
  qc: ['qc-all-pass'],
  // Nothing left at the bench: the scan field, for the next ticket.
  ready: ['bench-scan'],
};
const AFTER: Record<string, string[]> = { 'bench.issuePart': ['move-toQc'] };
/** The steps of the repair; the side writes (priority, timer, a note) leave the keyboard where it is. */
const STEPS = new Set(['bench.diagnose', 'bench.quote.save', 'bench.authorize', 'bench.decline', 'bench.issuePart', 'bench.awaitParts', 'bench.qc', 'bench.transition', 'bench.sanbao.decide']);

const FOCUSABLE = 'input:not([disabled]):not([type=hidden]), button:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function target(ids: string[]): HTMLElement | null {
  for (const id of ids) {
    const el = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    if (!el) continue;
    const f = el.matches(FOCUSABLE) ? el : el.querySelector<HTMLElement>(FOCUSABLE);
    if (f) return f;
  }
  return null;
}

/** Focuses the next action once the new workbench has rendered (tried for about a second). */
export function focusNext(action: string, wb: Pick<Workbench, 'status'>): void {
  if (!STEPS.has(action)) return;
  focusFirst([...(AFTER[action] ?? []), ...(NEXT[wb.status] ?? [])]);
}

/**
 * A ticket just opened at the bench (scanned, or picked in the queue): the keyboard goes to what
 * its status asks for first, as after an action. A ticket with nothing to do leaves it where it is.
 */
export function focusOpened(wb: Pick<Workbench, 'status'>): void {
  if (wb.status !== 'ready') focusFirst(NEXT[wb.status] ?? []);
}

function focusFirst(ids: string[]): void {
  let tries = 0;
  const attempt = () => {
    const el = target(ids);
    if (el && el.getAttribute('data-disabled') === null) {
      el.focus();
      el.scrollIntoView({ block: 'nearest' });
    } else if (++tries < 20) setTimeout(attempt, 50);
  };
  setTimeout(attempt, 0);
}
