import type BetterSqlite3 from 'better-sqlite3';
import type { Migration } from './types';
import { makeAppendOnly, makeSynced } from '../outbox';
import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS, COMPLAINT_EVENT_KINDS, COMPLAINT_SEVERITIES, COMPLAINT_STATUSES, ESCALATION_LEVELS, FOLLOW_UP_STATUSES } from '../../../shared/reports/care';
import { rebuildReportFacts } from '../../reports/facts';

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/** Milliseconds since the epoch of an ISO instant written by toISOString() ('…T12:34:56.789Z'). */
const ms = (x: string) => `(unixepoch(${x}) * 1000 + CAST(substr(${x}, 21, 3) AS INTEGER))`;
/** Whole seconds from the row's status_at to the new event (rounded like Math.round). */
const step = `((${ms('NEW.at')} - ${ms('status_at')} + 500) / 1000)`;
const stage = (s: string) => `s_${s} = s_${s} + CASE WHEN status = '${s}' THEN ${step} ELSE 0 END`;

/**
 * The projection of each ticket's event stream the reports read (`report_facts`): when it was
 * received, first/last ready and collected, cancelled, time in each stage, reopens, who finished
 * the repair, and the ticket's dimensions. It is the fold of `factsFromEvents`
 * (src/shared/reports/math.ts) kept by trigger in the writer's transaction, so no code path can
 * forget it; it holds no counter of its own and `reports.verifyFacts` rebuilds it from the
 * events to prove it. Derived, so not synced: head office folds the synced events itself.
 */
export const REPORT_FACTS_TRIGGERS_SQL = `
  CREATE TRIGGER report_facts_event AFTER INSERT ON ticket_events WHEN NEW.to_status IS NOT NULL BEGIN
    INSERT INTO report_facts (ticket_id, received_at, status, status_at, technician_id, device_id, category, brand, service_type, promised_date, fault_key, warranty_claimed)
    SELECT NEW.ticket_id, NEW.at, NEW.to_status, NEW.at, t.technician_id, t.device_id, coalesce(d.category, ''), coalesce(d.brand, ''),
      coalesce(t.service_type, ''), coalesce(t.promised_date, ''), coalesce(json_extract(t.fault_codes_json, '$[0]'), ''), coalesce(t.warranty_claimed, 0)
    FROM (SELECT 1) LEFT JOIN tickets t ON t.id = NEW.ticket_id LEFT JOIN devices d ON d.id = t.device_id WHERE true
    ON CONFLICT (ticket_id) DO UPDATE SET
      ${['received', 'diagnosing', 'awaiting_approval', 'repairing', 'awaiting_parts', 'qc', 'ready'].map(stage).join(',\n      ')},
      reopens = reopens + CASE WHEN status IN ('ready', 'collected') AND NEW.to_status IN ('received', 'diagnosing', 'awaiting_approval', 'repairing', 'awaiting_parts', 'qc') THEN 1 ELSE 0 END,
      last_reopened_at = CASE WHEN status IN ('ready', 'collected') AND NEW.to_status IN ('received', 'diagnosing', 'awaiting_approval', 'repairing', 'awaiting_parts', 'qc') THEN NEW.at ELSE last_reopened_at END,
      credit_user_id = CASE WHEN status = 'repairing' AND NEW.to_status IN ('qc', 'ready') AND NEW.user_id IS NOT NULL THEN NEW.user_id ELSE credit_user_id END,
      first_ready_at = CASE WHEN NEW.to_status = 'ready' THEN coalesce(first_ready_at, NEW.at) ELSE first_ready_at END,
      last_ready_at = CASE WHEN NEW.to_status = 'ready' THEN NEW.at ELSE last_ready_at END,
      first_collected_at = CASE WHEN NEW.to_status = 'collected' THEN coalesce(first_collected_at, NEW.at) ELSE first_collected_at END,
      last_collected_at = CASE WHEN NEW.to_status = 'collected' THEN NEW.at ELSE last_collected_at END,
      cancelled_at = CASE WHEN NEW.to_status = 'cancelled' THEN NEW.at ELSE cancelled_at END,
      status = NEW.to_status,
      status_at = NEW.at;
  END;
  CREATE TRIGGER report_facts_ticket AFTER UPDATE OF technician_id, device_id, service_type, promised_date, fault_codes_json, warranty_claimed ON tickets BEGIN
    UPDATE report_facts SET technician_id = NEW.technician_id, device_id = NEW.device_id, service_type = NEW.service_type, promised_date = NEW.promised_date,
      fault_key = coalesce(json_extract(NEW.fault_codes_json, '$[0]'), ''), warranty_claimed = NEW.warranty_claimed,
      category = coalesce((SELECT category FROM devices WHERE id = NEW.device_id), ''), brand = coalesce((SELECT brand FROM devices WHERE id = NEW.device_id), '')
    WHERE ticket_id = NEW.id;
  END;
  CREATE TRIGGER report_facts_device AFTER UPDATE OF category, brand ON devices BEGIN
    UPDATE report_facts SET category = NEW.category, brand = NEW.brand WHERE device_id = NEW.id;
  END;
`;
export const REPORT_FACTS_TRIGGER_NAMES = ['report_facts_event', 'report_facts_ticket', 'report_facts_device'];

export function createReportFactsTable(db: BetterSqlite3.Database): void {
  db.exec(`
    CREATE TABLE report_facts (
      n INTEGER PRIMARY KEY,
      ticket_id TEXT NOT NULL UNIQUE,
      received_at TEXT NOT NULL,
      first_ready_at TEXT,
      last_ready_at TEXT,
      first_collected_at TEXT,
      last_collected_at TEXT,
      cancelled_at TEXT,
      status TEXT NOT NULL,
      status_at TEXT NOT NULL,
      s_received INTEGER NOT NULL DEFAULT 0,
      s_diagnosing INTEGER NOT NULL DEFAULT 0,
      s_awaiting_approval INTEGER NOT NULL DEFAULT 0,
      s_repairing INTEGER NOT NULL DEFAULT 0,
      s_awaiting_parts INTEGER NOT NULL DEFAULT 0,
      s_qc INTEGER NOT NULL DEFAULT 0,
      s_ready INTEGER NOT NULL DEFAULT 0,
      reopens INTEGER NOT NULL DEFAULT 0,
      last_reopened_at TEXT,
      credit_user_id TEXT,
      technician_id TEXT,
      device_id TEXT,
      category TEXT NOT NULL DEFAULT '',
      brand TEXT NOT NULL DEFAULT '',
      service_type TEXT NOT NULL DEFAULT '',
      promised_date TEXT NOT NULL DEFAULT '',
      fault_key TEXT NOT NULL DEFAULT '',
      warranty_claimed INTEGER NOT NULL DEFAULT 0
    ) STRICT;
  `);
}

export const REPORT_FACTS_INDEXES_SQL = `
  CREATE INDEX report_facts_received ON report_facts(received_at);
  CREATE INDEX report_facts_first_ready ON report_facts(first_ready_at) WHERE first_ready_at IS NOT NULL;
  CREATE INDEX report_facts_last_ready ON report_facts(last_ready_at) WHERE last_ready_at IS NOT NULL;
  CREATE INDEX report_facts_first_collected ON report_facts(first_collected_at) WHERE first_collected_at IS NOT NULL;
  CREATE INDEX report_facts_last_collected ON report_facts(last_collected_at) WHERE last_collected_at IS NOT NULL;
  CREATE INDEX report_facts_cancelled ON report_facts(cancelled_at) WHERE cancelled_at IS NOT NULL;
  CREATE INDEX report_facts_reopened ON report_facts(last_reopened_at) WHERE last_reopened_at IS NOT NULL;
  CREATE INDEX report_facts_device ON report_facts(device_id, received_at);
  CREATE INDEX report_facts_open ON report_facts(received_at) WHERE first_ready_at IS NULL AND cancelled_at IS NULL;
`;

/** Follow-ups, complaints and their history; the report projection. */
export const reports: Migration = {
  version: 9,
  name: 'reports',
  up(db) {
    createReportFactsTable(db);
    db.exec(REPORT_FACTS_INDEXES_SQL);
    db.exec(`
      CREATE TABLE follow_ups (
        id TEXT PRIMARY KEY,
        ticket_id TEXT NOT NULL REFERENCES tickets(id),
        customer_id TEXT NOT NULL REFERENCES customers(id),
        collected_at TEXT NOT NULL,
        -- the shop's local calendar day the call is due
        due_date TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN (${list(FOLLOW_UP_STATUSES)})),
        attempts INTEGER NOT NULL DEFAULT 0,
        reached INTEGER,
        score INTEGER CHECK (score IS NULL OR score BETWEEN 1 AND 5),
        comments TEXT NOT NULL DEFAULT '',
        problem_reported INTEGER NOT NULL DEFAULT 0,
        outcome_at TEXT,
        outcome_by TEXT REFERENCES users(id),
        complaint_id TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX follow_ups_due ON follow_ups(status, due_date);
      CREATE INDEX follow_ups_ticket ON follow_ups(ticket_id);
      CREATE INDEX follow_ups_collected ON follow_ups(collected_at);
      CREATE INDEX follow_ups_due_date ON follow_ups(due_date);

      CREATE TABLE complaints (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        ticket_id TEXT REFERENCES tickets(id),
        customer_id TEXT REFERENCES customers(id),
        follow_up_id TEXT REFERENCES follow_ups(id),
        channel TEXT NOT NULL CHECK (channel IN (${list(COMPLAINT_CHANNELS)})),
        category TEXT NOT NULL CHECK (category IN (${list(COMPLAINT_CATEGORIES)})),
        severity TEXT NOT NULL CHECK (severity IN (${list(COMPLAINT_SEVERITIES)})),
        description TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN (${list(COMPLAINT_STATUSES)})),
        opened_at TEXT NOT NULL,
        opened_by TEXT REFERENCES users(id),
        respond_by TEXT NOT NULL,
        resolve_by TEXT NOT NULL,
        responded_at TEXT,
        resolved_at TEXT,
        resolution TEXT NOT NULL DEFAULT '',
        accepted INTEGER,
        accepted_at TEXT,
        closed_at TEXT,
        escalation TEXT NOT NULL DEFAULT 'none' CHECK (escalation IN (${list(ESCALATION_LEVELS)})),
        escalated_at TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX complaints_status ON complaints(status, opened_at);
      CREATE INDEX complaints_opened ON complaints(opened_at);
      CREATE INDEX complaints_ticket ON complaints(ticket_id) WHERE ticket_id IS NOT NULL;

      CREATE TABLE complaint_events (
        id TEXT PRIMARY KEY,
        complaint_id TEXT NOT NULL REFERENCES complaints(id),
        at TEXT NOT NULL,
        user_id TEXT REFERENCES users(id),
        kind TEXT NOT NULL CHECK (kind IN (${list(COMPLAINT_EVENT_KINDS)})),
        note TEXT NOT NULL DEFAULT '',
        data_json TEXT NOT NULL DEFAULT '{}'
      ) STRICT;
      CREATE INDEX complaint_events_complaint ON complaint_events(complaint_id, id);

      -- report ranges over stock issued to tickets: covering, so a year of issues is one index range
      CREATE INDEX IF NOT EXISTS stock_movements_report ON stock_movements(at, kind, part_id, qty, unit_cost, ticket_id) WHERE ticket_id IS NOT NULL;
    `);
    for (const t of ['follow_ups', 'complaints', 'complaint_events']) makeSynced(db, t);
    makeAppendOnly(db, 'complaint_events');
    // Tickets already there (an upgrade): fold their events once, then the triggers keep it.
    rebuildReportFacts(db);
    db.exec(REPORT_FACTS_TRIGGERS_SQL);
  },
};
