import type Database from 'better-sqlite3';
import type { TicketEvent } from '../../shared/tickets/schemas';
import type { EventKind, TicketStatus } from '../../shared/tickets/statuses';
import type { Ctx } from '../api/context';
import { prepared, statement } from '../db/statements';

export interface NewEvent {
  ticketId: string;
  kind: EventKind;
  fromStatus?: TicketStatus | null;
  toStatus?: TicketStatus | null;
  note?: string;
  data?: Record<string, unknown>;
}

/**
 * Appends to a ticket's event stream. The one place a ticket's status changes: an event
 * with a to_status also sets tickets.status in the same transaction, so the stored status
 * is always the last status event's (tests/integration/tickets check it).
 */
export function appendEvent(ctx: Pick<Ctx, 'sqlite' | 'newId' | 'nowIso' | 'session'>, e: NewEvent): string {
  const id = ctx.newId();
  const at = ctx.nowIso();
  prepared(
    ctx.sqlite,
    `INSERT INTO ticket_events (id, ticket_id, at, user_id, from_status, to_status, kind, note, data_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, e.ticketId, at, ctx.session?.userId ?? null, e.fromStatus ?? null, e.toStatus ?? null, e.kind, e.note ?? '', JSON.stringify(e.data ?? {}));
  if (e.toStatus) {
    prepared(ctx.sqlite, `UPDATE tickets SET status = ?, status_at = ?, updated_at = ? WHERE id = ?`).run(e.toStatus, at, at, e.ticketId);
  }
  for (const h of eventHooks) h(ctx, { ...e, id, at });
  return id;
}

/** What a hook sees: the event just appended, with its id and instant. */
export type AppendedEvent = NewEvent & { id: string; at: string };
export type TicketEventHook = (ctx: Pick<Ctx, 'sqlite' | 'newId' | 'nowIso' | 'session'>, e: AppendedEvent) => void;
const eventHooks: TicketEventHook[] = [];

/**
 * Runs `hook` after every appended event, inside appendEvent's transaction (a failing hook
 * rolls the event back). Capabilities react to transitions here (reports: a follow-up on
 * collection) without the transition code knowing them. Returns an unregister function.
 */
export function onTicketEvent(hook: TicketEventHook): () => void {
  eventHooks.push(hook);
  return () => {
    const i = eventHooks.indexOf(hook);
    if (i >= 0) eventHooks.splice(i, 1);
  };
}

export function eventsOf(sqlite: Database.Database, ticketId: string): TicketEvent[] {
  const rows = statement<{
    id: string;
    ticket_id: string;
    at: string;
    user_id: string | null;
    display_name: string | null;
    from_status: string | null;
    to_status: string | null;
    kind: string;
    note: string;
    data_json: string;
  }>(
    sqlite,
    `SELECT e.id, e.ticket_id, e.at, e.user_id, u.display_name, e.from_status, e.to_status, e.kind, e.note, e.data_json
     FROM ticket_events e LEFT JOIN users u ON u.id = e.user_id WHERE e.ticket_id = ? ORDER BY e.id`,
  ).all(ticketId);
  return rows.map((r) => ({
    id: r.id,
    ticketId: r.ticket_id,
    at: r.at,
    userId: r.user_id,
    userName: r.display_name,
    fromStatus: r.from_status as TicketEvent['fromStatus'],
    toStatus: r.to_status as TicketEvent['toStatus'],
    kind: r.kind as TicketEvent['kind'],
    note: r.note,
    data: JSON.parse(r.data_json) as Record<string, unknown>,
  }));
}
