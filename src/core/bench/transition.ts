/**
 * THE transition function: every capability that moves a ticket calls `transition`, which
 * reads the facts, asks the pure state machine (src/shared/tickets/lifecycle.ts) and appends
 * the status event through appendEvent (the one place a status changes). The counter is told
 * at once over the push channel when a ticket needs approval or is ready.
 */
import { AppError } from '../../shared/api/errors';
import { checkTransition, type Outcome, type TransitionFacts } from '../../shared/tickets/lifecycle';
import type { TicketStatus } from '../../shared/tickets/statuses';
import type { Ctx } from '../api/context';
import { appendEvent } from '../tickets/events';
import { statement } from '../db/statements';
import { erasePasscodeNow } from '../tickets/passcode';
import { benchRow, ticketBasics, updateBenchRow } from './common';
import { coverageFacts } from './quotes';

export interface TransitionOptions {
  note?: string;
  data?: Record<string, unknown>;
  /** The outcome a move to `ready` records. */
  outcome?: Outcome;
  /** Facts another capability knows better (collection: `settled`). */
  facts?: Partial<TransitionFacts>;
}

/** What the guards look at, read from the database inside the caller's transaction. */
export function ticketFacts(ctx: Ctx, ticketId: string, extra: Partial<TransitionFacts> = {}): TransitionFacts {
  const cov = coverageFacts(ctx, ticketId);
  const qc = statement<{ passed: number; fail_reason: string }>(ctx.sqlite, `SELECT passed, fail_reason FROM qc_results WHERE ticket_id = ? ORDER BY id DESC LIMIT 1`).get(ticketId);
  const bench = benchRow(ctx, ticketId);
  return {
    role: ctx.session?.role ?? 'technician',
    hasQuote: cov.hasQuote,
    fullyCovered: cov.fullyCovered,
    authorizationCovers: cov.authorizationCovers,
    declined: cov.declined,
    qcPassed: qc?.passed === 1,
    qcFailed: qc !== undefined && qc.passed === 0 && qc.fail_reason.trim() !== '',
    outcome: (bench.outcome as Outcome | null) ?? null,
    settled: false,
    ...extra,
  };
}

/**
 * Moves a ticket, or refuses with a translated RULE error and writes nothing. Returns the
 * status event's id.
 */
export function transition(ctx: Ctx, ticketRef: string, to: TicketStatus, opts: TransitionOptions = {}): string {
  const t = ticketBasics(ctx, ticketRef);
  const facts = ticketFacts(ctx, t.id, { ...(opts.outcome ? { outcome: opts.outcome } : {}), ...opts.facts });
  const check = checkTransition(t.status, to, facts);
  if (!check.ok) {
    throw new AppError(check.key === 'bench.lifecycle.managerOnly' ? 'FORBIDDEN' : 'RULE', {
      key: check.key,
      params: { ...check.params, number: t.number },
      details: { from: t.status, to },
    });
  }
  if (to === 'ready' && facts.outcome) updateBenchRow(ctx, t.id, { outcome: facts.outcome });
  // The passcode was given for the repair: a ticket that ends without one (cancelled, or the
  // device going back unrepaired) does not keep it until a collection that may never come.
  if (to === 'cancelled') erasePasscodeNow(ctx, t.id, 'cancelled');
  if (to === 'ready' && facts.outcome === 'not_repaired') erasePasscodeNow(ctx, t.id, 'not_repaired');
  const eventId = appendEvent(ctx, {
    ticketId: t.id,
    kind: 'status',
    fromStatus: t.status,
    toStatus: to,
    note: opts.note ?? '',
    data: { action: check.edge.action, ...(to === 'ready' && facts.outcome ? { outcome: facts.outcome } : {}), ...opts.data },
  });
  ctx.emit({ name: 'tickets.changed', payload: { id: t.id, number: t.number, status: to, from: t.status } });
  if (to === 'awaiting_approval') ctx.emit({ name: 'bench.needsApproval', payload: { id: t.id, number: t.number } });
  if (to === 'ready') ctx.emit({ name: 'bench.ready', payload: { id: t.id, number: t.number, outcome: facts.outcome } });
  return eventId;
}
