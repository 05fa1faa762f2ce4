import { AppError } from '../../shared/api/errors';
import type { ticketProcedures } from '../../shared/tickets/procedures';
import { TICKET_STATUSES, type TicketStatus } from '../../shared/tickets/statuses';
import { parseTicketNumber, formatTicketNumber } from '../../shared/tickets/number';
import { daysBetweenDates, localDate } from '../../shared/time/local-date';
import type { Handlers } from '../api/context';
import { shopClock } from '../shop/clock';
import { exists, statement } from '../db/statements';
import { loadAttachment } from './attachments';
import { loadTicketDetail } from './detail';
import { eventsOf } from './events';
import { runIntake } from './intake';
import { registerCustomerMessageKind } from './messages-pulled';

registerCustomerMessageKind();
import { listTickets } from './list';
import { erasePasscode, revealPasscode } from './passcode';
import { rowsWhere } from './rows';

function requireTicket(ctx: { sqlite: import('better-sqlite3').Database }, id: string) {
  if (!exists(ctx.sqlite, `SELECT 1 FROM tickets WHERE id = ?`, id)) throw new AppError('NOT_FOUND', { details: { entity: 'ticket', id } });
}

export const ticketHandlers: Handlers<typeof ticketProcedures> = {
  async 'tickets.intake'(input, ctx) {
    const { ticketId, duplicateOf } = runIntake(ctx, input);
    if (!ticketId) return { ticket: null, duplicateOf };
    const ticket = loadTicketDetail(ctx.sqlite, shopClock(ctx.sqlite, ctx.clock.now()), ticketId);
    ctx.emit({ name: 'tickets.changed', payload: { id: ticketId, status: ticket.status } });
    return { ticket, duplicateOf: [] };
  },

  async 'tickets.get'(input, ctx) {
    return loadTicketDetail(ctx.sqlite, shopClock(ctx.sqlite, ctx.clock.now()), input.id);
  },

  async 'tickets.list'(input, ctx) {
    const now = ctx.clock.now();
    return listTickets(ctx.sqlite, shopClock(ctx.sqlite, now), now, input);
  },

  async 'tickets.statusCounts'(input, ctx) {
    type Row = { status: TicketStatus; n: number };
    const rows = input.technicianId
      ? statement<Row>(ctx.sqlite, `SELECT status, count(*) AS n FROM tickets WHERE technician_id = ? GROUP BY status`).all(input.technicianId)
      : statement<Row>(ctx.sqlite, `SELECT status, count(*) AS n FROM tickets GROUP BY status`).all();
    const out = Object.fromEntries(TICKET_STATUSES.map((s) => [s, 0])) as Record<TicketStatus, number>;
    for (const r of rows) out[r.status] = r.n;
    return out;
  },

  async 'tickets.events'(input, ctx) {
    requireTicket(ctx, input.ticketId);
    return eventsOf(ctx.sqlite, input.ticketId);
  },

  async 'tickets.uncollected'(input, ctx) {
    const now = ctx.clock.now();
    const clock = shopClock(ctx.sqlite, now);
    const cutoff = new Date(now.getTime() - input.days * 86_400_000).toISOString();
    // Longest waiting first; the cursor is the status_at|id of the last row shown.
    const [afterAt, afterId] = input.cursor ? input.cursor.split('|') : [null, null];
    const rows = rowsWhere(
      ctx.sqlite,
      clock,
      `t.status = 'ready' AND t.status_at <= ? AND (? IS NULL OR (t.status_at, t.id) > (?, ?))`,
      [cutoff, afterAt, afterAt, afterId],
      't.status_at, t.id',
      input.limit + 1,
    );
    const more = rows.length > input.limit;
    if (more) rows.pop();
    const last = rows[rows.length - 1];
    return {
      rows: rows.map((r) => ({ ...r, readyDays: daysBetweenDates(localDate(new Date(r.statusAt), clock.timeZone), clock.today) })),
      nextCursor: more && last ? `${last.statusAt}|${last.id}` : null,
    };
  },

  async 'tickets.byBarcode'(input, ctx) {
    const parsed = parseTicketNumber(input.code);
    const number = parsed?.shopCode && parsed.yymm ? formatTicketNumber(parsed.shopCode, parsed.yymm, parsed.seq) : input.code.toUpperCase();
    const row = statement<{ id: string; number: string }>(ctx.sqlite, `SELECT id, number FROM tickets WHERE number = ?`).get(number);
    if (!row) throw new AppError('NOT_FOUND', { key: 'tickets.error.barcodeUnknown', params: { code: input.code } });
    return row;
  },

  async 'tickets.revealPasscode'(input, ctx) {
    return revealPasscode(ctx, input.ticketId);
  },

  async 'tickets.erasePasscode'(input, ctx) {
    return { erased: await erasePasscode(ctx, input.ticketId) };
  },

  async 'tickets.technicians'(_input, ctx) {
    // The same rule as intake's check: any active user who is not counter staff can take a ticket.
    return statement<{ id: string; displayName: string; role: string }>(
      ctx.sqlite,
      `SELECT id, display_name AS displayName, role FROM users WHERE disabled = 0 AND role <> 'counter' ORDER BY role = 'technician' DESC, display_name`,
    ).all();
  },

  async 'attachments.get'(input, ctx) {
    return loadAttachment(ctx.sqlite, input.id);
  },
};
