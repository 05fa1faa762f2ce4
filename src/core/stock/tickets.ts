import type Database from 'better-sqlite3';
import { AppError } from '../../shared/api/errors';
import { statement } from '../db/statements';
import { hasTable } from '../db/catalog';

export interface TicketRef {
  id: string;
  number: string | null;
  deviceId: string | null;
}

const hasTickets = new WeakMap<Database.Database, boolean>();

/** Whether intake's tickets table exists (stock was built beside it and must work either way). */
export function ticketsTableExists(sqlite: Database.Database): boolean {
  let v = hasTickets.get(sqlite);
  if (v === undefined) {
    v = hasTable(sqlite, 'tickets');
    // Only a positive answer is final: the table appears with a migration, it never goes away.
    if (v) hasTickets.set(sqlite, v);
  }
  return v;
}

/** The ticket a person named by id or by its printed number; refused when no such ticket exists. */
export function resolveTicket(sqlite: Database.Database, ref: string): TicketRef {
  if (!ticketsTableExists(sqlite)) return { id: ref, number: null, deviceId: null };
  const row = statement<{ id: string; number: string; device_id: string | null }>(sqlite, `SELECT id, number, device_id FROM tickets WHERE id = @ref UNION ALL SELECT id, number, device_id FROM tickets WHERE number = @ref LIMIT 1`).get({ ref });
  if (!row) throw new AppError('NOT_FOUND', { key: 'stock.errors.unknownTicket', params: { ref }, details: { ticket: ref } });
  return { id: row.id, number: row.number, deviceId: row.device_id };
}

/** Ticket numbers for display, by id (empty when tickets do not exist yet). */
export function ticketNumbers(sqlite: Database.Database, ids: readonly (string | null)[]): Map<string, string> {
  const out = new Map<string, string>();
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (wanted.length === 0 || !ticketsTableExists(sqlite)) return out;
  for (let i = 0; i < wanted.length; i += 500) {
    const chunk = wanted.slice(i, i + 500);
    // one statement for every chunk: the ids as a JSON array (an IN list of ? would be a statement per length)
    const rows = statement<{ id: string; number: string }, [ids: string]>(sqlite, `SELECT id, number FROM tickets WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(chunk));
    for (const r of rows) out.set(r.id, r.number);
  }
  return out;
}

export function ticketNumber(sqlite: Database.Database, id: string | null): string | null {
  if (!id || !ticketsTableExists(sqlite)) return null;
  return statement<{ number: string }>(sqlite, `SELECT number FROM tickets WHERE id = ?`).all(id)[0]?.number ?? null;
}
