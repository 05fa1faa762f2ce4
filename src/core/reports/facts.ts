/**
 * The report projection (`report_facts`, migration 9): rebuilt from the events with the pure
 * fold, read per range with the return flags computed in SQL.
 */
import type Database from 'better-sqlite3';
import { STAGES, emptyStages, factsFromEvents, type StatusEvent, type TimelineFacts } from '../../shared/reports/math';
import type { FactRow } from '../../shared/reports/compute';
import type { ReportFilters } from '../../shared/reports/schemas';
import type { TicketStatus } from '../../shared/tickets/statuses';

const COLUMNS = [
  'ticket_id', 'received_at', 'first_ready_at', 'last_ready_at', 'first_collected_at', 'last_collected_at', 'cancelled_at', 'status', 'status_at',
  ...STAGES.map((s) => `s_${s}`), 'reopens', 'last_reopened_at', 'credit_user_id',
];

function factValues(ticketId: string, f: TimelineFacts): unknown[] {
  return [
    ticketId, f.receivedAt, f.firstReadyAt, f.lastReadyAt, f.firstCollectedAt, f.lastCollectedAt, f.cancelledAt, f.status, f.statusAt,
    ...STAGES.map((s) => f.stageSeconds[s]), f.reopens, f.lastReopenedAt, f.creditUserId,
  ];
}

/**
 * Every ticket's status events in order through `fn` (ticket by ticket), in chunks of tickets so
 * the caller may write between chunks (one connection cannot write while it iterates).
 */
function foldAll(db: Database.Database, fn: (ticketId: string, facts: TimelineFacts) => void): void {
  const next = db.prepare(`SELECT ticket_id FROM ticket_events WHERE ticket_id > ? ORDER BY ticket_id LIMIT 1 OFFSET 100000`).pluck();
  const chunk = db.prepare(`SELECT ticket_id, at, to_status, user_id FROM ticket_events WHERE ticket_id >= ? AND ticket_id < ? AND to_status IS NOT NULL ORDER BY ticket_id, id`).raw();
  let lo = '';
  for (;;) {
    const hi = (next.get(lo) as string | undefined) ?? '\u{10FFFF}';
    const rows = chunk.all(lo, hi) as [string, string, TicketStatus, string | null][];
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
  UPDATE report_facts SET technician_id = t.technician_id, device_id = t.device_id, service_type = t.service_type, promised_date = t.promised_date,
    fault_key = coalesce(json_extract(t.fault_codes_json, '$[0]'), ''), warranty_claimed = t.warranty_claimed, category = d.category, brand = d.brand
  FROM tickets t JOIN devices d ON d.id = t.device_id WHERE t.id = report_facts.ticket_id`;

/** Empties the projection and folds every ticket's events into it again (upgrade, seed, repair). */
export function rebuildReportFacts(db: Database.Database): number {
  db.exec(`DELETE FROM report_facts`);
  const ins = db.prepare(`INSERT INTO report_facts (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`);
  let n = 0;
  foldAll(db, (ticketId, f) => {
    if (!f.receivedAt) return;
    ins.run(...factValues(ticketId, f));
    n++;
  });
  db.exec(DIMENSIONS_SQL);
  return n;
}

/** Compares the projection with a fresh fold of the events; returns the tickets that differ. */
export function verifyReportFacts(db: Database.Database, limit = 20): { checked: number; mismatches: string[] } {
  const read = db.prepare(`SELECT ${COLUMNS.join(', ')} FROM report_facts WHERE ticket_id = ?`).raw();
  const mismatches: string[] = [];
  let checked = 0;
  foldAll(db, (ticketId, f) => {
    checked++;
    const stored = read.get(ticketId) as unknown[] | undefined;
    const want = factValues(ticketId, f);
    if (!stored || stored.some((v, i) => v !== want[i])) if (mismatches.length < limit) mismatches.push(ticketId);
  });
  const total = (db.prepare(`SELECT count(*) AS n FROM report_facts`).get() as { n: number }).n;
  if (total !== checked && mismatches.length < limit) mismatches.push(`count ${total} ≠ ${checked}`);
  return { checked, mismatches };
}

type RawFact = [
  string, string, string | null, string | null, string | null, string | null, string | null, string,
  number, number, number, number, number, number, number,
  number, string | null, string | null, string, string, string, string, string, string, number, number, number,
];

/** ISO instant `days` days after `col` (the same text format as toISOString). */
const plusDays = (col: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${col}, '+' || $days || ' days')`;
const minusDays = (col: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${col}, '-' || $days || ' days')`;
const SAME_FAULT = (a: string, b: string) => `(${a}.fault_key = '' OR ${b}.fault_key = '' OR ${a}.fault_key = ${b}.fault_key)`;

/**
 * The facts of every ticket with a received / ready / collected / cancelled / reopened instant in
 * [start, end), filtered in SQL, with the first-time-fix flags (a same-fault return within
 * `days` of the first collection; this ticket being such a return).
 */
export function loadFacts(sqlite: Database.Database, startIso: string, endIso: string, filters: ReportFilters, days: number): FactRow[] {
  const where: string[] = [];
  const params: Record<string, unknown> = { s: startIso, e: endIso, days };
  if (filters.technicianId) {
    where.push(`coalesce(f.credit_user_id, f.technician_id) = $tech`);
    params.tech = filters.technicianId;
  }
  if (filters.category) {
    where.push(`f.category = $cat`);
    params.cat = filters.category;
  }
  if (filters.brand) {
    where.push(`f.brand = $brand COLLATE NOCASE`);
    params.brand = filters.brand;
  }
  if (filters.serviceType) {
    where.push(`f.service_type = $svc`);
    params.svc = filters.serviceType;
  }
  const ranges = ['received_at', 'first_ready_at', 'last_ready_at', 'first_collected_at', 'last_collected_at', 'cancelled_at', 'last_reopened_at']
    .map((c) => `SELECT n FROM report_facts WHERE ${c} >= $s AND ${c} < $e`)
    .join(' UNION ');
  const sql = `
    SELECT f.ticket_id, f.received_at, f.first_ready_at, f.last_ready_at, f.first_collected_at, f.last_collected_at, f.cancelled_at, f.status,
      ${STAGES.map((s) => `f.s_${s}`).join(', ')},
      f.reopens, f.last_reopened_at, coalesce(f.credit_user_id, f.technician_id), coalesce(f.device_id, ''), f.category, f.brand, f.service_type,
      f.promised_date, f.fault_key, f.warranty_claimed,
      CASE WHEN f.first_collected_at >= $s AND f.first_collected_at < $e THEN EXISTS (
        SELECT 1 FROM report_facts g WHERE g.device_id = f.device_id AND g.received_at > f.first_collected_at
          AND g.received_at <= ${plusDays('f.first_collected_at')} AND ${SAME_FAULT('g', 'f')}) ELSE 0 END,
      CASE WHEN f.received_at >= $s AND f.received_at < $e THEN EXISTS (
        SELECT 1 FROM report_facts p WHERE p.device_id = f.device_id AND p.received_at < f.received_at AND p.first_collected_at < f.received_at
          AND p.first_collected_at >= ${minusDays('f.received_at')} AND ${SAME_FAULT('p', 'f')}) ELSE 0 END
    FROM report_facts f WHERE f.n IN (${ranges})${where.length ? ` AND ${where.join(' AND ')}` : ''}`;
  const rows = sqlite.prepare(sql).raw().all(params) as RawFact[];
  return rows.map((r) => {
    const stageSeconds = emptyStages();
    STAGES.forEach((s, i) => (stageSeconds[s] = r[8 + i] as number));
    return {
      ticketId: r[0],
      receivedAt: r[1],
      firstReadyAt: r[2],
      lastReadyAt: r[3],
      firstCollectedAt: r[4],
      lastCollectedAt: r[5],
      cancelledAt: r[6],
      status: r[7],
      stageSeconds,
      reopens: r[15],
      lastReopenedAt: r[16],
      techId: r[17],
      deviceId: r[18],
      category: r[19],
      brand: r[20],
      serviceType: r[21],
      promisedDate: r[22],
      faultKey: r[23],
      warrantyClaimed: r[24] === 1,
      returned: r[25] === 1,
      isReturn: r[26] === 1,
    };
  });
}
