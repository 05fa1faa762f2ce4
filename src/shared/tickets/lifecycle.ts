/**
 * The ticket lifecycle as a pure state machine (../shared/DESIGN.md, "The ticket lifecycle"):
 *
 *   received ─► diagnosing ─► awaiting_approval ─► repairing ◄─► awaiting_parts
 *      │             │              │ declined         │
 *      │             └──(covered)───┼──────────────────►│
 *      │                            ▼                   ▼
 *      └──────────────────────► ready ◄──── pass ──── qc ── fail ─► repairing
 *                                 │
 *                                 ▼
 *                             collected            (any open state ─► cancelled, manager)
 *
 * plus the revision rule of the same section: a revised quote above what the customer
 * authorized sends repairing / awaiting_parts back to awaiting_approval.
 *
 * Guards are pure functions of facts core reads from the database (`TransitionFacts`); core
 * has ONE transition function (src/core/bench/transition.ts) that asks `checkTransition` and
 * then appends the status event. Nothing else changes a ticket's status.
 */
import { MANAGERS, type Role } from '../api/roles';
import { OPEN_STATUSES, type TicketStatus } from './statuses';

export const OUTCOMES = ['repaired', 'not_repaired', 'exchanged', 'refunded'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** What the guards look at; core fills it in from the ticket's quote, authorizations, QC and settlement. */
export interface TransitionFacts {
  role: Role;
  /** A quote exists for the ticket (its latest version). */
  hasQuote: boolean;
  /** The latest quote costs the customer nothing (warranty, programs, or an approved 三包 outcome). */
  fullyCovered: boolean;
  /** The customer's authorization (total or pre-approved cap) covers the latest quote's total to the customer. */
  authorizationCovers: boolean;
  /** The customer declined the quote (recorded with the diagnosis fee or its waiver). */
  declined: boolean;
  /** The last QC checklist is complete and passed. */
  qcPassed: boolean;
  /** The last QC checklist failed, with a reason. */
  qcFailed: boolean;
  /** The outcome the move to `ready` records. */
  outcome: Outcome | null;
  /** What is due is paid, or a manager recorded why not (collection capability). */
  settled: boolean;
}

export const NO_FACTS: TransitionFacts = {
  role: 'technician',
  hasQuote: false,
  fullyCovered: false,
  authorizationCovers: false,
  declined: false,
  qcPassed: false,
  qcFailed: false,
  outcome: null,
  settled: false,
};

/** Why a move is refused: an i18n key (bench.lifecycle.*). */
export type Guard = (f: TransitionFacts) => string | null;


/** Chargeable work may run only when it is covered or the customer authorized its total. */
export const workAllowed: Guard = (f) => (f.fullyCovered || f.authorizationCovers ? null : 'bench.lifecycle.notAuthorized');
const needsQuote: Guard = (f) => (f.hasQuote ? null : 'bench.lifecycle.noQuote');
const covered: Guard = (f) => (f.fullyCovered ? null : 'bench.lifecycle.notCovered');
const declined: Guard = (f) => (f.declined ? null : 'bench.lifecycle.notDeclined');
const qcPassed: Guard = (f) => (f.qcPassed ? null : 'bench.lifecycle.qcIncomplete');
const qcFailed: Guard = (f) => (f.qcFailed ? null : 'bench.lifecycle.qcNotFailed');
const settled: Guard = (f) => (f.settled ? null : 'bench.lifecycle.notSettled');
const notRepaired: Guard = (f) => (f.outcome === 'not_repaired' ? null : 'bench.lifecycle.outcomeRequired');
const reapproval: Guard = (f) => (f.fullyCovered || f.authorizationCovers ? 'bench.lifecycle.stillAuthorized' : null);
const manager: Guard = (f) => (MANAGERS.includes(f.role) ? null : 'bench.lifecycle.managerOnly');

const all =
  (...gs: Guard[]): Guard =>
  (f) => {
    for (const g of gs) {
      const r = g(f);
      if (r) return r;
    }
    return null;
  };

export interface Edge {
  from: TicketStatus;
  to: TicketStatus;
  /** What the move is called in events and the UI (bench.action.*). */
  action: string;
  guard: Guard;
}

export const EDGES: readonly Edge[] = [
  { from: 'received', to: 'diagnosing', action: 'startDiagnosis', guard: () => null },
  // Returned without repair before anyone diagnosed it (withdrawn, cannot be repaired here).
  { from: 'received', to: 'ready', action: 'returnUnrepaired', guard: notRepaired },
  { from: 'diagnosing', to: 'awaiting_approval', action: 'requestApproval', guard: needsQuote },
  { from: 'diagnosing', to: 'repairing', action: 'startCoveredRepair', guard: all(needsQuote, covered) },
  { from: 'awaiting_approval', to: 'repairing', action: 'startRepair', guard: all(needsQuote, workAllowed) },
  { from: 'awaiting_approval', to: 'ready', action: 'declined', guard: all(declined, notRepaired) },
  { from: 'repairing', to: 'awaiting_parts', action: 'awaitParts', guard: () => null },
  { from: 'awaiting_parts', to: 'repairing', action: 'resumeRepair', guard: workAllowed },
  { from: 'repairing', to: 'awaiting_approval', action: 'reapprove', guard: all(needsQuote, reapproval) },
  { from: 'awaiting_parts', to: 'awaiting_approval', action: 'reapprove', guard: all(needsQuote, reapproval) },
  { from: 'repairing', to: 'qc', action: 'toQc', guard: workAllowed },
  { from: 'qc', to: 'ready', action: 'qcPass', guard: qcPassed },
  { from: 'qc', to: 'repairing', action: 'qcFail', guard: qcFailed },
  { from: 'ready', to: 'collected', action: 'collect', guard: settled },
  ...OPEN_STATUSES.map((from): Edge => ({ from, to: 'cancelled', action: 'cancel', guard: manager })),
];

export function edgeOf(from: TicketStatus, to: TicketStatus): Edge | undefined {
  return EDGES.find((e) => e.from === from && e.to === to);
}

export type TransitionCheck = { ok: true; edge: Edge } | { ok: false; key: string; params: Record<string, string> };

/** Whether `from → to` is allowed with these facts: the edge must exist and its guard pass. */
export function checkTransition(from: TicketStatus, to: TicketStatus, facts: TransitionFacts): TransitionCheck {
  const edge = edgeOf(from, to);
  if (!edge) return { ok: false, key: 'bench.lifecycle.notAllowed', params: { from, to } };
  const refused = edge.guard(facts);
  if (refused) return { ok: false, key: refused, params: { from, to } };
  return { ok: true, edge };
}

/** The statuses reachable from `from` as edges (guards not applied): what the UI may offer. */
export function nextStatuses(from: TicketStatus): TicketStatus[] {
  return EDGES.filter((e) => e.from === from).map((e) => e.to);
}
