/**
 * The report projection's SQL as the schema has it today (report_facts, created by migration 9,
 * which keeps its own frozen copy): the triggers that keep it, its indexes, and the pieces of
 * SQL the rebuild and the reports reuse. A migration that changes the projection's triggers or
 * indexes changes this copy too; the migration test compares a fresh database with upgraded ones.
 */
/** Milliseconds since the epoch of an ISO instant written by toISOString() ('…T12:34:56.789Z'). */
const ms = (x: string) => `(unixepoch(${x}) * 1000 + CAST(substr(${x}, 21, 3) AS INTEGER))`;
/** Whole seconds from the row's status_at to the new event (rounded like Math.round). */
const step = `((${ms('NEW.at')} - ${ms('status_at')} + 500) / 1000)`;
const stage = (s: string) => `s_${s} = s_${s} + CASE WHEN status = '${s}' THEN ${step} ELSE 0 END`;

const SAME_FAULT = (a: string, b: string) => `(${a}.fault_key = '' OR ${b}.fault_key = '' OR ${a}.fault_key = ${b}.fault_key)`;

/**
 * The return rule's gaps of every ticket of the device(s) `where` picks (on report_facts `r`):
 * a later visit of the same device for the same fault (returnGaps in src/shared/reports/math.ts).
 * Kept per ticket so a report compares them with its window (ftfDays) instead of searching.
 */
export const returnGapsSql = (where: string) => `
  UPDATE report_facts AS r SET
    returned_after_ms = (SELECT ${ms('min(g.received_at)')} FROM report_facts g
      WHERE g.device_id = r.device_id AND g.received_at > r.first_collected_at AND g.received_at > r.received_at AND ${SAME_FAULT('g', 'r')}) - ${ms('r.first_collected_at')},
    return_after_ms = ${ms('r.received_at')} - (SELECT ${ms('max(p.first_collected_at)')} FROM report_facts p
      WHERE p.device_id = r.device_id AND p.first_collected_at < r.received_at AND p.received_at < r.received_at AND ${SAME_FAULT('p', 'r')})
  WHERE ${where}`;

/** The kind of a ticket's latest quote (report_facts.quote_mix): 0 none, 1 warranty, 2 paid, 3 mixed, 4 other. */
export const quoteMixSql = (ticket: string) => `coalesce((SELECT CASE WHEN q.customer_total_fen = 0 THEN 1
    WHEN q.customer_total_fen > 0 AND q.maker_fen + q.extended_warranty_fen + q.insurer_fen + q.shop_fen = 0 THEN 2
    WHEN q.customer_total_fen > 0 THEN 3 ELSE 4 END
  FROM quotes q WHERE q.ticket_id = ${ticket} ORDER BY q.version DESC LIMIT 1), 0)`;

/**
 * The projection of each ticket's event stream the reports read (`report_facts`): when it was
 * received, first/last ready and collected, cancelled, time in each stage, reopens, who finished
 * the repair, and the ticket's dimensions. It is the fold of `factsFromEvents`
 * (src/shared/reports/math.ts) kept by trigger in the writer's transaction, so no code path can
 * forget it; it holds no counter of its own and `reports.verifyFacts` rebuilds it from the
 * events to prove it. Derived, so not synced: head office folds the synced events itself.
 *
 * Beside the fold, per ticket and at write time, what a report would otherwise work out row by
 * row: the credited technician (tech_id), received → first ready / first collected in ms, the
 * return rule's gaps for the device's visits, and the kind of the latest quote.
 */
export const REPORT_FACTS_TRIGGERS_SQL = `
  CREATE TRIGGER report_facts_event AFTER INSERT ON ticket_events WHEN NEW.to_status IS NOT NULL BEGIN
    INSERT INTO report_facts (ticket_id, received_at, status, status_at, technician_id, tech_id, device_id, category, brand, service_type, promised_date, fault_key, warranty_claimed, quote_mix)
    SELECT NEW.ticket_id, NEW.at, NEW.to_status, NEW.at, t.technician_id, coalesce(t.technician_id, ''), t.device_id, coalesce(d.category, ''), coalesce(d.brand, ''),
      coalesce(t.service_type, ''), coalesce(t.promised_date, ''), coalesce(json_extract(t.fault_codes_json, '$[0]'), ''), coalesce(t.warranty_claimed, 0), ${quoteMixSql('NEW.ticket_id')}
    FROM (SELECT 1) LEFT JOIN tickets t ON t.id = NEW.ticket_id LEFT JOIN devices d ON d.id = t.device_id WHERE true
    ON CONFLICT (ticket_id) DO UPDATE SET
      ${['received', 'diagnosing', 'awaiting_approval', 'repairing', 'awaiting_parts', 'qc', 'ready'].map(stage).join(',\n      ')},
      reopens = reopens + CASE WHEN status IN ('ready', 'collected') AND NEW.to_status IN ('received', 'diagnosing', 'awaiting_approval', 'repairing', 'awaiting_parts', 'qc') THEN 1 ELSE 0 END,
      last_reopened_at = CASE WHEN status IN ('ready', 'collected') AND NEW.to_status IN ('received', 'diagnosing', 'awaiting_approval', 'repairing', 'awaiting_parts', 'qc') THEN NEW.at ELSE last_reopened_at END,
      credit_user_id = CASE WHEN status = 'repairing' AND NEW.to_status IN ('qc', 'ready') AND NEW.user_id IS NOT NULL THEN NEW.user_id ELSE credit_user_id END,
      tech_id = coalesce(CASE WHEN status = 'repairing' AND NEW.to_status IN ('qc', 'ready') AND NEW.user_id IS NOT NULL THEN NEW.user_id ELSE credit_user_id END, technician_id, ''),
      first_ready_at = CASE WHEN NEW.to_status = 'ready' THEN coalesce(first_ready_at, NEW.at) ELSE first_ready_at END,
      ready_ms = CASE WHEN NEW.to_status = 'ready' AND first_ready_at IS NULL THEN ${ms('NEW.at')} - ${ms('received_at')} ELSE ready_ms END,
      last_ready_at = CASE WHEN NEW.to_status = 'ready' THEN NEW.at ELSE last_ready_at END,
      first_collected_at = CASE WHEN NEW.to_status = 'collected' THEN coalesce(first_collected_at, NEW.at) ELSE first_collected_at END,
      e2e_ms = CASE WHEN NEW.to_status = 'collected' AND first_collected_at IS NULL THEN ${ms('NEW.at')} - ${ms('received_at')} ELSE e2e_ms END,
      last_collected_at = CASE WHEN NEW.to_status = 'collected' THEN NEW.at ELSE last_collected_at END,
      cancelled_at = CASE WHEN NEW.to_status = 'cancelled' THEN NEW.at ELSE cancelled_at END,
      status = NEW.to_status,
      status_at = NEW.at;
    -- a new visit (or a first collection) can make a return of the device's earlier visits
    ${returnGapsSql(`NEW.to_status IN ('received', 'collected') AND r.device_id = (SELECT device_id FROM report_facts WHERE ticket_id = NEW.ticket_id)`)};
  END;
  CREATE TRIGGER report_facts_ticket AFTER UPDATE OF technician_id, device_id, service_type, promised_date, fault_codes_json, warranty_claimed ON tickets BEGIN
    UPDATE report_facts SET technician_id = NEW.technician_id, tech_id = coalesce(credit_user_id, NEW.technician_id, ''), device_id = NEW.device_id, service_type = NEW.service_type, promised_date = NEW.promised_date,
      fault_key = coalesce(json_extract(NEW.fault_codes_json, '$[0]'), ''), warranty_claimed = NEW.warranty_claimed,
      category = coalesce((SELECT category FROM devices WHERE id = NEW.device_id), ''), brand = coalesce((SELECT brand FROM devices WHERE id = NEW.device_id), '')
    WHERE ticket_id = NEW.id;
    ${returnGapsSql(`(OLD.device_id IS NOT NEW.device_id OR OLD.fault_codes_json IS NOT NEW.fault_codes_json) AND r.device_id IN (OLD.device_id, NEW.device_id)`)};
  END;
  CREATE TRIGGER report_facts_device AFTER UPDATE OF category, brand ON devices BEGIN
    UPDATE report_facts SET category = NEW.category, brand = NEW.brand WHERE device_id = NEW.id;
  END;
  CREATE TRIGGER report_facts_quote_in AFTER INSERT ON quotes BEGIN
    UPDATE report_facts SET quote_mix = ${quoteMixSql('NEW.ticket_id')} WHERE ticket_id = NEW.ticket_id;
  END;
  CREATE TRIGGER report_facts_quote_up AFTER UPDATE ON quotes BEGIN
    UPDATE report_facts SET quote_mix = ${quoteMixSql('report_facts.ticket_id')} WHERE ticket_id IN (OLD.ticket_id, NEW.ticket_id);
  END;
  CREATE TRIGGER report_facts_quote_del AFTER DELETE ON quotes BEGIN
    UPDATE report_facts SET quote_mix = ${quoteMixSql('OLD.ticket_id')} WHERE ticket_id = OLD.ticket_id;
  END;
`;
export const REPORT_FACTS_TRIGGER_NAMES = ['report_facts_event', 'report_facts_ticket', 'report_facts_device', 'report_facts_quote_in', 'report_facts_quote_up', 'report_facts_quote_del'];

export const REPORT_FACTS_INDEXES_SQL = `
  CREATE INDEX IF NOT EXISTS report_facts_received ON report_facts(received_at);
  CREATE INDEX IF NOT EXISTS report_facts_first_ready ON report_facts(first_ready_at) WHERE first_ready_at IS NOT NULL;
  CREATE INDEX IF NOT EXISTS report_facts_first_collected ON report_facts(first_collected_at) WHERE first_collected_at IS NOT NULL;
  -- the small sets (cancelled, reopened; ready / collected again later than the first time, which
  -- the first-time ranges miss), covering for their counts per technician and breakdown key
  CREATE INDEX IF NOT EXISTS report_facts_cancelled ON report_facts(cancelled_at, tech_id, category, brand, service_type) WHERE cancelled_at IS NOT NULL;
  CREATE INDEX IF NOT EXISTS report_facts_reopened ON report_facts(last_reopened_at, tech_id, category, brand, service_type) WHERE last_reopened_at IS NOT NULL;
  CREATE INDEX IF NOT EXISTS report_facts_ready_again ON report_facts(last_ready_at, first_ready_at, tech_id, category, brand, service_type) WHERE last_ready_at <> first_ready_at;
  CREATE INDEX IF NOT EXISTS report_facts_collected_again ON report_facts(last_collected_at, first_collected_at, tech_id, category, brand, service_type)
    WHERE last_collected_at <> first_collected_at;
  CREATE INDEX IF NOT EXISTS report_facts_device ON report_facts(device_id, received_at, first_collected_at, fault_key);
  CREATE INDEX IF NOT EXISTS report_facts_open ON report_facts(received_at) WHERE first_ready_at IS NULL AND cancelled_at IS NULL;
  CREATE INDEX IF NOT EXISTS report_facts_cohort_received ON report_facts(tech_id, received_at, category, brand, service_type, warranty_claimed, return_after_ms);
  CREATE INDEX IF NOT EXISTS report_facts_cohort_ready ON report_facts(tech_id, first_ready_at, category, brand, service_type, ready_ms, promised_date, quote_mix)
    WHERE first_ready_at IS NOT NULL;
  CREATE INDEX IF NOT EXISTS report_facts_cohort_collected ON report_facts(tech_id, first_collected_at, category, brand, service_type, e2e_ms,
    s_received, s_diagnosing, s_awaiting_approval, s_repairing, s_awaiting_parts, s_qc, s_ready, reopens, returned_after_ms)
    WHERE first_collected_at IS NOT NULL;
`;
export const REPORT_FACTS_INDEX_NAMES = [...REPORT_FACTS_INDEXES_SQL.matchAll(/CREATE INDEX IF NOT EXISTS (\w+)/g)].map((m) => m[1]!);
