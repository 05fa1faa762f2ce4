/**
 * Reports in the generated shop: the report projection is folded once after the bulk load (its
 * trigger is off while the events stream in), then follow-ups for every collected ticket (most
 * of them called, a score drawn) and a complaint for about one in two hundred — all set-based SQL.
 */
import type { SeedContext, SeedStep } from './context';
import { REPORT_FACTS_INDEXES_SQL, REPORT_FACTS_INDEX_NAMES, REPORT_FACTS_TRIGGERS_SQL, REPORT_FACTS_TRIGGER_NAMES } from '../../src/core/reports/facts-sql';
import { rebuildReportFacts } from '../../src/core/reports/facts';
import { foldRollupDays } from '../../src/core/reports/rollup-days';
import { shopInfo } from '../../src/core/reports/report';
import { REPORT_ROLLUP_TRIGGERS_SQL, REPORT_ROLLUP_TRIGGER_NAMES, rebuildReportRollups } from '../../src/core/reports/rollups';

const INDEX_NAMES = REPORT_FACTS_INDEX_NAMES;

/** Runs before the intake step: the projection's trigger and indexes off for the bulk load. */
export const reportsSeedPrepare: SeedStep = {
  name: 'report projection off',
  run(ctx: SeedContext) {
    for (const t of [...REPORT_FACTS_TRIGGER_NAMES, ...REPORT_ROLLUP_TRIGGER_NAMES]) ctx.sqlite.exec(`DROP TRIGGER IF EXISTS ${t}`);
    for (const i of INDEX_NAMES) ctx.sqlite.exec(`DROP INDEX IF EXISTS ${i}`);
  },
};

export const reportsSeedStep: SeedStep = {
  name: 'report projection, follow-ups, complaints',
  run(ctx: SeedContext) {
    const { sqlite } = ctx;
    const n = sqlite.transaction(() => rebuildReportFacts(sqlite))();
    ctx.log(`report projection: ${n.toLocaleString('en')} tickets folded`);
    sqlite.exec(REPORT_FACTS_INDEXES_SQL);
    sqlite.exec(REPORT_FACTS_TRIGGERS_SQL);
    const nowIso = new Date(ctx.endMs).toISOString();
    const today = new Date(ctx.endMs + 8 * 3_600_000).toISOString().slice(0, 10);
    sqlite.transaction(() => {
      // ids: the ticket's id with its last 4 hex digits swapped: unique, time-ordered, cheap.
      sqlite.exec(`
        INSERT INTO follow_ups (id, ticket_id, customer_id, collected_at, due_date, status, attempts, reached, score, comments, problem_reported, outcome_at, created_at, updated_at)
        SELECT substr(f.ticket_id, 1, 32) || 'f0f0', f.ticket_id, t.customer_id, f.first_collected_at,
          date(f.first_collected_at, '+8 hours', '+3 days') AS due,
          CASE WHEN date(f.first_collected_at, '+8 hours', '+3 days') >= '${today}' OR abs(random()) % 100 < 8 THEN 'open' ELSE 'done' END,
          1, 1, NULL, '', 0, NULL, f.first_collected_at, f.first_collected_at
        FROM report_facts f JOIN tickets t ON t.id = f.ticket_id WHERE f.first_collected_at IS NOT NULL;
        UPDATE follow_ups SET score = CASE WHEN abs(random()) % 100 < 70 THEN 5 WHEN abs(random()) % 100 < 70 THEN 4 WHEN abs(random()) % 100 < 60 THEN 3 ELSE 1 + abs(random()) % 2 END,
          outcome_at = strftime('%Y-%m-%dT%H:%M:%fZ', collected_at, '+3 days'), updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', collected_at, '+3 days')
        WHERE status = 'done';
        UPDATE follow_ups SET problem_reported = 1 WHERE status = 'done' AND score <= 2 AND abs(random()) % 2 = 0;
        UPDATE follow_ups SET status = 'open', attempts = 0, reached = NULL WHERE status = 'open';
      `);
      const code = (sqlite.prepare(`SELECT code FROM shop`).get() as { code: string }).code;
      sqlite.exec(`
        INSERT INTO complaints (id, number, ticket_id, customer_id, follow_up_id, channel, category, severity, description, status, opened_at, respond_by, resolve_by,
          responded_at, resolved_at, resolution, accepted, escalation, updated_at)
        SELECT substr(u.id, 1, 32) || 'c0c0', '${code}-C' || upper(replace(substr(u.id, 15, 18), '-', '')), u.ticket_id, u.customer_id, u.id, 'follow_up', 'repair_quality', 'normal', '回访反映问题',
          CASE WHEN u.outcome_at < strftime('%Y-%m-%dT%H:%M:%fZ', '${nowIso}', '-10 days') THEN 'closed' ELSE 'open' END,
          u.outcome_at, strftime('%Y-%m-%dT%H:%M:%fZ', u.outcome_at, '+1 day'), strftime('%Y-%m-%dT%H:%M:%fZ', u.outcome_at, '+7 days'),
          strftime('%Y-%m-%dT%H:%M:%fZ', u.outcome_at, '+' || (abs(random()) % 30) || ' hours'), strftime('%Y-%m-%dT%H:%M:%fZ', u.outcome_at, '+' || (1 + abs(random()) % 9) || ' days'),
          '已处理', 1, 'none', u.outcome_at
        FROM follow_ups u WHERE u.problem_reported = 1 AND abs(random()) % 4 = 0;
        UPDATE complaints SET responded_at = NULL, resolved_at = NULL, accepted = NULL WHERE status = 'open';
        UPDATE follow_ups SET complaint_id = substr(id, 1, 32) || 'c0c0' WHERE substr(id, 1, 32) || 'c0c0' IN (SELECT id FROM complaints);
      `);
    })();
    const fu = (sqlite.prepare(`SELECT count(*) AS n FROM follow_ups`).get() as { n: number }).n;
    const cp = (sqlite.prepare(`SELECT count(*) AS n FROM complaints`).get() as { n: number }).n;
    ctx.log(`${fu.toLocaleString('en')} follow-ups, ${cp.toLocaleString('en')} complaints`);
  },
};

/** Last: the rollups of payments, parts issued and follow-ups summed once, then kept by trigger. */
export const rollupsSeedStep: SeedStep = {
  name: 'report rollups',
  run(ctx: SeedContext) {
    ctx.sqlite.transaction(() => rebuildReportRollups(ctx.sqlite))();
    ctx.sqlite.exec(REPORT_ROLLUP_TRIGGERS_SQL);
    // A shop that has run for years has had its past days folded by the maintenance tick.
    const zone = shopInfo(ctx.sqlite).timeZone;
    while (foldRollupDays(ctx.sqlite, zone, new Date(ctx.endMs), 366) > 0);
  },
};
