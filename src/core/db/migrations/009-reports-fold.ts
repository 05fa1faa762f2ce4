import type BetterSqlite3 from 'better-sqlite3';

/*
 * FROZEN: migration 9's one-time fold of the tickets already there into report_facts — a copy
 * of factsFromEvents (src/shared/reports/math.ts) and of the rebuild (src/core/reports/facts.ts)
 * as they were when migration 9 shipped, so today's code never changes what an old upgrade does.
 */

const STAGES = ['received', 'diagnosing', 'awaiting_approval', 'repairing', 'awaiting_parts', 'qc', 'ready'] as const;
type Stage = (typeof STAGES)[number];
const REWORK_TARGETS: readonly string[] = ['received', 'diagnosing', 'awaiting_approval', 'repairing', 'awaiting_parts', 'qc'];

interface StatusEvent {
  at: string;
  toStatus: string | null;
  userId: string | null;
}

interface TimelineFacts {
  receivedAt: string | null;
  firstReadyAt: string | null;
  lastReadyAt: string | null;
  firstCollectedAt: string | null;
  lastCollectedAt: string | null;
  cancelledAt: string | null;
  status: string | null;
  statusAt: string | null;
  stageSeconds: Record<Stage, number>;
  reopens: number;
  lastReopenedAt: string | null;
  creditUserId: string | null;
}

const secondsBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 1000);

function factsFromEvents(events: readonly StatusEvent[]): TimelineFacts {
  const f: TimelineFacts = {
    receivedAt: null,
    firstReadyAt: null,
    lastReadyAt: null,
    firstCollectedAt: null,
    lastCollectedAt: null,
    cancelledAt: null,
    status: null,
    statusAt: null,
    stageSeconds: { received: 0, diagnosing: 0, awaiting_approval: 0, repairing: 0, awaiting_parts: 0, qc: 0, ready: 0 },
    reopens: 0,
    lastReopenedAt: null,
    creditUserId: null,
  };
  for (const e of events) {
    const to = e.toStatus;
    if (!to) continue;
    if (f.status === null) {
      f.receivedAt = e.at;
    } else {
      const prev = f.status;
      if ((STAGES as readonly string[]).includes(prev)) f.stageSeconds[prev as Stage] += secondsBetween(f.statusAt!, e.at);
      if ((prev === 'ready' || prev === 'collected') && REWORK_TARGETS.includes(to)) {
        f.reopens += 1;
        f.lastReopenedAt = e.at;
      }
      if (prev === 'repairing' && (to === 'qc' || to === 'ready') && e.userId) f.creditUserId = e.userId;
    }
    if (to === 'ready') {
      f.firstReadyAt ??= e.at;
      f.lastReadyAt = e.at;
    }
    if (to === 'collected') {
      f.firstCollectedAt ??= e.at;
      f.lastCollectedAt = e.at;
    }
    if (to === 'cancelled') f.cancelledAt = e.at;
    f.status = to;
    f.statusAt = e.at;
  }
  return f;
}

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

const DIMENSIONS_SQL = `
  UPDATE report_facts SET technician_id = t.technician_id, tech_id = coalesce(report_facts.credit_user_id, t.technician_id, ''), device_id = t.device_id,
    service_type = t.service_type, promised_date = t.promised_date,
    fault_key = coalesce(json_extract(t.fault_codes_json, '$[0]'), ''), warranty_claimed = t.warranty_claimed, category = d.category, brand = d.brand
  FROM tickets t JOIN devices d ON d.id = t.device_id WHERE t.id = report_facts.ticket_id`;

/** Folds every ticket's status events into report_facts, then its dimensions and per-ticket marks. */
export function rebuildReportFactsV9(db: BetterSqlite3.Database, returnGapsSql: (where: string) => string, quoteMixSql: (ticket: string) => string): void {
  db.exec(`DELETE FROM report_facts`);
  const ins = db.prepare(`INSERT INTO report_facts (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`);
  const next = db.prepare(`SELECT ticket_id FROM ticket_events WHERE ticket_id > ? ORDER BY ticket_id LIMIT 1 OFFSET 100000`).pluck();
  const chunk = db.prepare(`SELECT ticket_id, at, to_status, user_id FROM ticket_events WHERE ticket_id >= ? AND ticket_id < ? AND to_status IS NOT NULL ORDER BY ticket_id, id`).raw();
  const put = (ticketId: string, f: TimelineFacts) => {
    if (f.receivedAt) ins.run(...factValues(ticketId, f));
  };
  let lo = '';
  for (;;) {
    const hi = (next.get(lo) as string | undefined) ?? '\u{10FFFF}';
    const rows = chunk.all(lo, hi) as [string, string, string, string | null][];
    let current: string | null = null;
    let events: StatusEvent[] = [];
    for (const [ticketId, at, toStatus, userId] of rows) {
      if (ticketId !== current) {
        if (current !== null) put(current, factsFromEvents(events));
        current = ticketId;
        events = [];
      }
      events.push({ at, toStatus, userId });
    }
    if (current !== null) put(current, factsFromEvents(events));
    if (hi === '\u{10FFFF}') break;
    lo = hi;
  }
  db.exec(DIMENSIONS_SQL);
  db.exec(`CREATE INDEX IF NOT EXISTS report_facts_device ON report_facts(device_id, received_at, first_collected_at, fault_key)`);
  db.exec(returnGapsSql(`r.device_id IN (SELECT device_id FROM report_facts WHERE device_id IS NOT NULL GROUP BY device_id HAVING count(*) > 1)`));
  db.exec(`UPDATE report_facts SET quote_mix = ${quoteMixSql('report_facts.ticket_id')} WHERE ticket_id IN (SELECT ticket_id FROM quotes)`);
}
