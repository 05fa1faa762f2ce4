import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { ticketListInputSchema, TicketRow } from '../../shared/tickets/schemas';
import { WORK_STATUSES } from '../../shared/tickets/statuses';
import { planSearch, ftsPhrase } from '../../shared/search/classify';
import type { ShopClock } from '../shop/clock';
import { prefixEnd } from '../db/statements';
import { rowsWhere } from './rows';

type ListInput = z.infer<typeof ticketListInputSchema>;

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * One page of tickets, newest first, keyset-paged by id (UUIDv7, so id order is intake
 * order). Each filter is a WHERE term the indexes of migration 003 serve; the SQL text
 * depends only on which filters are set, so the statement cache stays small.
 */
export function listTickets(sqlite: Database.Database, clock: ShopClock, now: Date, input: ListInput): { rows: TicketRow[]; nextCursor: string | null } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (input.status?.length) {
    where.push(`t.status IN (${placeholders(input.status.length)})`);
    params.push(...input.status);
  }
  if (input.technicianId === 'unassigned') where.push('t.technician_id IS NULL');
  else if (input.technicianId) {
    where.push('t.technician_id = ?');
    params.push(input.technicianId);
  }
  if (input.coverage) {
    where.push('t.warranty_claimed = ?');
    params.push(input.coverage === 'warranty' ? 1 : 0);
  }
  if (input.overdue) {
    // The statuses written out (not bound) so SQLite can use the partial index of open promises.
    where.push(`t.status IN (${WORK_STATUSES.map((s) => `'${s}'`).join(', ')}) AND t.promised_date < ?`);
    params.push(clock.today);
  }
  if (input.minAgeDays !== undefined) {
    where.push('t.received_at <= ?');
    params.push(new Date(now.getTime() - input.minAgeDays * 86_400_000).toISOString());
  }
  if (input.maxAgeDays !== undefined) {
    where.push('t.received_at >= ?');
    params.push(new Date(now.getTime() - input.maxAgeDays * 86_400_000).toISOString());
  }
  if (input.customerId) {
    where.push('t.customer_id = ?');
    params.push(input.customerId);
  }
  if (input.deviceId) {
    where.push('t.device_id = ?');
    params.push(input.deviceId);
  }
  if (input.text) {
    const plan = planSearch(input.text);
    const alts: string[] = [];
    if (plan.ticket?.shopCode) {
      alts.push('t.number = ?');
      params.push(input.text.trim().toUpperCase());
    } else if (plan.ticket) {
      alts.push(plan.ticket.yymm ? 't.seq = ? AND t.yymm = ?' : 't.seq = ?');
      params.push(plan.ticket.seq, ...(plan.ticket.yymm ? [plan.ticket.yymm] : []));
    }
    if (plan.fullText) {
      alts.push('t.n IN (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ?)');
      params.push(ftsPhrase(plan.fullText));
      alts.push('t.customer_id IN (SELECT c2.id FROM customers c2 WHERE c2.n IN (SELECT rowid FROM customers_fts WHERE customers_fts MATCH ?))');
      params.push(ftsPhrase(plan.fullText));
    } else if (plan.short) {
      alts.push('t.customer_id IN (SELECT c2.id FROM customers c2 WHERE c2.name >= ? AND c2.name < ?)');
      params.push(plan.short, prefixEnd(plan.short));
    }
    if (plan.phoneSuffix) {
      const rev = [...plan.phoneSuffix].reverse().join('');
      alts.push('t.customer_id IN (SELECT p.customer_id FROM customer_phones p WHERE p.digits_rev >= ? AND p.digits_rev < ?)');
      params.push(rev, prefixEnd(rev));
    }
    where.push(alts.length ? `(${alts.join(' OR ')})` : '0');
  }
  if (input.cursor) {
    where.push('t.id < ?');
    params.push(input.cursor);
  }
  const rows = rowsWhere(sqlite, clock, where.length ? where.join(' AND ') : '1', params, 't.id DESC', input.limit + 1);
  const more = rows.length > input.limit;
  if (more) rows.pop();
  return { rows, nextCursor: more ? rows[rows.length - 1]!.id : null };
}
