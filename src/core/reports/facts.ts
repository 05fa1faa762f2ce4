/**
 * The report projection (`report_facts`, migration 9): rebuilt from the events with the pure
 * fold, and checked against it. It is read per range as aggregates computed in SQL from
 * covering indexes (aggregates.ts: counts and sums per technician and breakdown key; the
 * duration lists the percentiles need, as JSON) and as the tickets behind a figure (drill.ts).
 */
import type Database from 'better-sqlite3';
import { STAGES, factsFromEvents, returnGaps, type StatusEvent, type TimelineFacts } from '../../shared/reports/math';
import type { TicketStatus } from '../../shared/tickets/statuses';
import { quoteMixSql, returnGapsSql } from './facts-sql';
import { column, prepared, statement, tuples } from '../db/statements';

const COLUMNS = [
  'ticket_id', 'received_at', 'first_ready_at', 'last_ready_at', 'first_collected_at', 'last_collected_at', 'cancelled_at', 'status', 'status_at',
  ...STAGES.map((s) => `s_${s}`), 'reopens', 'last_reopened_at', 'credit_user_id', 'ready_ms', 'e2e_ms',
];
const msBetween = (a: string | null, b: string | null) => (a && b ? Date.parse(b) - Date.parse(a) : null);

function factValues(ticketId: string, f: TimelineFacts): unknown[] {
  return [
    ticketId, f.receivedAt, f.firstReadyAt, f.lastReadyAt, f.firstCollectedAt, f.lastCollectedAt, f.cancelledAt, f.status, f.statusAt,
    ...STAGES.map((s) => f.stageSeconds[s]), f.reopens, f.lastReopenedAt, f.creditUserId,
    msBetween(f.receivedAt, f.firstReadyAt), msBetween(f.receivedAt, f.firstCollectedAt),
  ];
}

/**
 * Every ticket's status events in order through `fn` (ticket by ticket), in chunks of tickets so
 * the caller may write between chunks (one connection cannot write while it iterates).
 */
function foldAll(db: Database.Database, fn: (ticketId: string, facts: TimelineFacts) => void): void {
  const next = column<string>(db, `SELECT ticket_id FROM ticket_events WHERE ticket_id > ? ORDER BY ticket_id LIMIT 1 OFFSET 100000`);
  const chunk = tuples<[string, string, TicketStatus, string | null]>(db, `SELECT ticket_id, at, to_status, user_id FROM ticket_events WHERE ticket_id >= ? AND ticket_id < ? AND to_status IS NOT NULL ORDER BY ticket_id, id`);
  let lo = '';
  for (;;) {
    const hi = next.get(lo) ?? '\u{10FFFF}';
    const rows = chunk.all(lo, hi);
    let current: string | null = null;
    let events: StatusEvent[] = [];
    for (const [ticketId, at, toStatus, userId] of rows) {
      if (ticketId !== current) {
        if (current !== null) fn(current, factsFromEvents(events));
        current = ticketId;
        events = [];
      }
      events.push({ at, toStatus, userId });
    }
    if (current !== null) fn(current, factsFromEvents(events));
    if (hi === '\u{10FFFF}') break;
    lo = hi;
  }
}

const DIMENSIONS_SQL = `
  UPDATE report_facts SET technician_id = t.technician_id, tech_id = coalesce(report_facts.credit_user_id, t.technician_id, ''), device_id = t.device_id,
    service_type = t.service_type, promised_date = t.promised_date,
    fault_key = coalesce(json_extract(t.fault_codes_json, '$[0]'), ''), warranty_claimed = t.warranty_claimed, category = d.category, brand = d.brand
  FROM tickets t JOIN devices d ON d.id = t.device_id WHERE t.id = report_facts.ticket_id`;

/** The per-ticket marks that need other rows: return gaps of devices seen more than once, latest quote kinds. */
function derive(db: Database.Database): void {
  db.exec(`CREATE INDEX IF NOT EXISTS report_facts_device ON report_facts(device_id, received_at, first_collected_at, fault_key)`);
  db.exec(returnGapsSql(`r.device_id IN (SELECT device_id FROM report_facts WHERE device_id IS NOT NULL GROUP BY device_id HAVING count(*) > 1)`));
  db.exec(`UPDATE report_facts SET quote_mix = ${quoteMixSql('report_facts.ticket_id')} WHERE ticket_id IN (SELECT ticket_id FROM quotes)`);
}

/** Empties the projection and folds every ticket's events into it again (upgrade, seed, repair). */
export function rebuildReportFacts(db: Database.Database): number {
  db.exec(`DELETE FROM report_facts`);
  const ins = prepared(db, `INSERT INTO report_facts (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`);
  let n = 0;
  foldAll(db, (ticketId, f) => {
    if (!f.receivedAt) return;
    ins.run(...factValues(ticketId, f));
    n++;
  });
  db.exec(DIMENSIONS_SQL);
  derive(db);
  return n;
}

/**
 * Compares the projection with a fresh fold of the events (and the per-ticket marks with a fresh
 * computation from the tickets); returns the tickets that differ.
 */
export function verifyReportFacts(db: Database.Database, limit = 20): { checked: number; mismatches: string[] } {
  const read = tuples<unknown[]>(db, `SELECT ${COLUMNS.join(', ')} FROM report_facts WHERE ticket_id = ?`);
  const mismatches: string[] = [];
  const add = (x: string) => {
    if (mismatches.length < limit && !mismatches.includes(x)) mismatches.push(x);
  };
  let checked = 0;
  const visits: { ticketId: string; deviceId: string; receivedAt: string; firstCollectedAt: string | null; faultKey: string }[] = [];
  const ticket = tuples<[string | null, string]>(db, `SELECT device_id, coalesce(json_extract(fault_codes_json, '$[0]'), '') FROM tickets WHERE id = ?`);
  foldAll(db, (ticketId, f) => {
    checked++;
    const stored = read.get(ticketId);
    const want = factValues(ticketId, f);
    if (!stored || stored.some((v, i) => v !== want[i])) add(ticketId);
    const t = ticket.get(ticketId);
    if (f.receivedAt) visits.push({ ticketId, deviceId: t?.[0] ?? '', receivedAt: f.receivedAt, firstCollectedAt: f.firstCollectedAt, faultKey: t?.[1] ?? '' });
  });
  const total = statement<{ n: number }>(db, `SELECT count(*) AS n FROM report_facts`).get()!.n;
  if (total !== checked) add(`count ${total} ≠ ${checked}`);
  // The return rule's gaps, worked out again in JavaScript from the tickets' devices and faults.
  const gaps = returnGaps(visits);
  const stored = tuples<[string, number | null, number | null]>(db, `SELECT ticket_id, returned_after_ms, return_after_ms FROM report_facts`);
  for (const [id, a, b] of stored.iterate()) {
    const g = gaps.get(id);
    if (!g || g.returnedAfterMs !== a || g.returnAfterMs !== b) add(id);
  }
  // The dimensions, the credited technician and the latest quote's kind.
  const dims = column<string>(db, `SELECT f.ticket_id FROM report_facts f LEFT JOIN tickets t ON t.id = f.ticket_id LEFT JOIN devices d ON d.id = t.device_id
       WHERE f.tech_id IS NOT coalesce(f.credit_user_id, t.technician_id, '') OR f.technician_id IS NOT t.technician_id OR f.device_id IS NOT t.device_id
         OR f.category IS NOT coalesce(d.category, '') OR f.brand IS NOT coalesce(d.brand, '') OR f.service_type IS NOT t.service_type
         OR f.promised_date IS NOT t.promised_date OR f.fault_key IS NOT coalesce(json_extract(t.fault_codes_json, '$[0]'), '')
         OR f.warranty_claimed IS NOT t.warranty_claimed OR f.quote_mix IS NOT ${quoteMixSql('f.ticket_id')}
       LIMIT ?`).all(limit);
  for (const id of dims) add(id);
  return { checked, mismatches };
}
