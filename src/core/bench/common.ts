import { AppError } from '../../shared/api/errors';
import type { BenchSettings } from '../../shared/bench/schemas';
import type { TicketStatus } from '../../shared/tickets/statuses';
import type { Ctx } from '../api/context';
import { prepared, statement } from '../db/statements';
import { shopSettings } from '../shop/settings';
import { shopClock } from '../shop/clock';

export interface TicketBasics {
  id: string;
  number: string;
  status: TicketStatus;
  status_at: string;
  technician_id: string | null;
  device_id: string;
  customer_id: string;
  category: string;
  received_at: string;
  promised_date: string;
  warranty_claimed: number;
  passcode_state: string;
}

/** A ticket named by id or printed number; NOT_FOUND otherwise. */
export function ticketBasics(ctx: Pick<Ctx, 'sqlite'>, ref: string): TicketBasics {
  const row = statement<TicketBasics>(ctx.sqlite, `SELECT t.id, t.number, t.status, t.status_at, t.technician_id, t.device_id, t.customer_id, d.category, t.received_at, t.promised_date,
            t.warranty_claimed, t.passcode_state
     FROM tickets t JOIN devices d ON d.id = t.device_id WHERE t.id = ? OR t.number = ? LIMIT 1`).get(ref, ref);
  if (!row) throw new AppError('NOT_FOUND', { key: 'bench.error.unknownTicket', params: { ref }, details: { entity: 'ticket', id: ref } });
  return row;
}

export function requireStatus(t: TicketBasics, allowed: readonly TicketStatus[], key = 'bench.error.wrongStatus'): void {
  if (!allowed.includes(t.status)) throw new AppError('RULE', { key, params: { number: t.number, status: t.status } , details: { status: t.status, allowed } });
}

/** The bench row of a ticket, created on first use. */
export function ensureBenchRow(ctx: Pick<Ctx, 'sqlite' | 'nowIso'>, ticketId: string): void {
  prepared(ctx.sqlite, `INSERT INTO bench_tickets (ticket_id, updated_at) VALUES (?, ?) ON CONFLICT(ticket_id) DO NOTHING`).run(ticketId, ctx.nowIso());
}

export function updateBenchRow(ctx: Pick<Ctx, 'sqlite' | 'nowIso'>, ticketId: string, set: Partial<{ priority: number; outcome: string | null; parts_expected: string | null; performance_fault: number }>): void {
  ensureBenchRow(ctx, ticketId);
  const keys = Object.keys(set) as (keyof typeof set)[];
  if (keys.length === 0) return;
  prepared(ctx.sqlite, `UPDATE bench_tickets SET ${keys.map((k) => `${k} = @${k}`).join(', ')}, updated_at = @now WHERE ticket_id = @id`).run({ ...set, now: ctx.nowIso(), id: ticketId });
}

export function benchRow(ctx: Pick<Ctx, 'sqlite'>, ticketId: string): { priority: number; outcome: string | null; parts_expected: string | null; performance_fault: number } {
  return (
    statement<{ priority: number; outcome: string | null; parts_expected: string | null; performance_fault: number }>(ctx.sqlite, `SELECT priority, outcome, parts_expected, performance_fault FROM bench_tickets WHERE ticket_id = ?`).get(ticketId) ?? { priority: 0, outcome: null, parts_expected: null, performance_fault: 0 }
  );
}

export function benchSettings(ctx: Pick<Ctx, 'sqlite'>): BenchSettings {
  return shopSettings(ctx).bench;
}

export function today(ctx: Pick<Ctx, 'sqlite' | 'clock'>): string {
  return shopClock(ctx.sqlite, ctx.clock.now()).today;
}

/** The cause the latest diagnosis found ('' before any). */
export function latestCause(ctx: Pick<Ctx, 'sqlite'>, ticketId: string): string {
  return statement<{ cause: string }, [string]>(ctx.sqlite, `SELECT cause FROM diagnoses WHERE ticket_id = ? ORDER BY id DESC LIMIT 1`).get(ticketId)?.cause ?? '';
}

export function userName(ctx: Pick<Ctx, 'sqlite'>, id: string | null): string | null {
  if (!id) return null;
  return statement<{ display_name: string }>(ctx.sqlite, `SELECT display_name FROM users WHERE id = ?`).get(id)?.display_name ?? null;
}

/** The calls logged on a ticket since an instant (its last status change), newest first. */
export function callsSince(ctx: Ctx, ticketId: string, since: string): { at: string; result: string; note: string; by: string | null }[] {
  return statement<{ at: string; note: string; data_json: string; display_name: string | null }>(
    ctx.sqlite,
    `SELECT e.at, e.note, e.data_json, u.display_name FROM ticket_events e LEFT JOIN users u ON u.id = e.user_id
     WHERE e.ticket_id = ? AND e.kind = 'note' AND json_extract(e.data_json, '$.kind') = 'call' AND e.at >= ? ORDER BY e.id DESC`,
  )
    .all(ticketId, since)
    .map((c) => ({ at: c.at, result: (JSON.parse(c.data_json) as { result: string }).result, note: c.note, by: c.display_name }));
}
