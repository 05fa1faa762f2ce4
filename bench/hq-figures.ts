/**
 * The network's figures at head office (issue 21 point 7): the network dashboard and a one-year
 * report across 200 shops' synced histories, on SQLite and on PostgreSQL (a loopback server),
 * each beside a plain-SQL baseline over the same projection in the same run. The histories are
 * written straight into head office's tables (no generated shop): per shop 1,500 tickets over
 * 400 days, each with its device, customer, status events, latest quote, payment at collection
 * and follow-up call, plus three technicians and a few complaints — about 3.4 million synced rows.
 * `npm run bench -- --only hq-figures`; writes its own section of docs/benchmarks.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { measure, replaceSection, type BenchResult, type BenchSuite } from './lib';
import { openHqDatabase, type HqDatabase } from '../src/hq/db';
import { HqService } from '../src/hq/service';
import { hqReports } from '../src/hq/reports';
import { networkDashboard } from '../src/hq/network-figures/queries';
import { refreshFacts, tuples } from '../src/hq/network-figures/store';
import { startPostgres } from '../tests/helpers/postgres';

// FIXPOINT_BENCH_SHOPS makes a smaller network for a quick look; the figures in docs are at 200.
const SHOPS = Number(process.env.FIXPOINT_BENCH_SHOPS ?? 200);
const TICKETS = 1_500;
const DAYS = 400;
const REGIONS = ['华南', '华东', '华北', '西南', '华中'];
const CATEGORIES = ['phone', 'phone', 'phone', 'tablet', 'laptop', 'watch'];
const BRANDS = ['Huawei', 'Xiaomi', 'OPPO', 'vivo', 'Honor', 'Apple'];
const TENDERS = ['wechat', 'alipay', 'cash', 'card'];
export const NOW = new Date('2026-11-23T04:00:00.000Z');
const H = 3_600_000;

type Row = [shopId: string, table: string, id: string, data: Record<string, unknown>];

/** One shop's synced rows, deterministic (a small LCG), newest tickets still open. */
function shopRows(s: number, push: (r: Row) => void): void {
  const shopId = `shop-${s}`;
  let seed = s * 7919 + 17;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const techs = [0, 1, 2].map((i) => `${shopId}-u${i}`);
  techs.forEach((id, i) => push([shopId, 'users', id, { id, username: `tech${i}`, display_name: `技师${s}-${i}`, role: 'technician' }]));
  const iso = (ms: number) => new Date(ms).toISOString();
  for (let t = 0; t < TICKETS; t++) {
    const ticketId = `${shopId}-t${String(t).padStart(5, '0')}`;
    const deviceId = `${ticketId}-d`;
    const customerId = `${ticketId}-c`;
    const received = NOW.getTime() - Math.floor(((TICKETS - t) / TICKETS) * DAYS * 24 * H) + Math.floor(rnd() * 8 * H);
    const tech = techs[Math.floor(rnd() * 3)]!;
    push([shopId, 'customers', customerId, { id: customerId, name: rnd() < 0.5 ? '王小明' : '李华' }]);
    push([shopId, 'devices', deviceId, { id: deviceId, category: CATEGORIES[Math.floor(rnd() * CATEGORIES.length)], brand: BRANDS[Math.floor(rnd() * BRANDS.length)], model: 'X' + Math.floor(rnd() * 40), imei: null, serial: `SN${s}${t}` }]);
    const steps: [string, number][] = [['received', received], ['diagnosing', received + 2 * H], ['repairing', received + (6 + rnd() * 30) * H]];
    const readyAt = steps[2]![1] + (4 + rnd() * 60) * H;
    const collectAt = readyAt + (2 + rnd() * 70) * H;
    const cancelled = rnd() < 0.03;
    if (cancelled) steps.push(['cancelled', steps[2]![1] + 3 * H]);
    else {
      if (readyAt < NOW.getTime()) steps.push(['ready', readyAt]);
      if (collectAt < NOW.getTime()) steps.push(['collected', collectAt]);
    }
    const paid = rnd() < 0.4;
    push([shopId, 'tickets', ticketId, { id: ticketId, number: `B${s}-${t}`, device_id: deviceId, customer_id: customerId, technician_id: tech, service_type: rnd() < 0.9 ? 'carry_in' : 'mail_in', promised_date: iso(received + 72 * H).slice(0, 10), warranty_claimed: paid ? 0 : 1, fault_codes_json: '["screen"]', status: steps[steps.length - 1]![0] }]);
    steps.forEach(([to, at], e) => push([shopId, 'ticket_events', `${ticketId}-e${e}`, { id: `${ticketId}-e${e}`, ticket_id: ticketId, at: iso(at), from_status: e ? steps[e - 1]![0] : null, to_status: to, user_id: to === 'ready' ? tech : null }]));
    const fen = paid ? 10_000 + Math.floor(rnd() * 60_000) : 0;
    push([shopId, 'quotes', `${ticketId}-q`, { id: `${ticketId}-q`, ticket_id: ticketId, version: 1, customer_total_fen: fen, maker_fen: paid ? 0 : 30_000, extended_warranty_fen: 0, insurer_fen: 0, shop_fen: 0 }]);
    if (!cancelled && collectAt < NOW.getTime()) {
      if (fen > 0) push([shopId, 'payments', `${ticketId}-p`, { id: `${ticketId}-p`, ticket_id: ticketId, at: iso(collectAt), tender: TENDERS[Math.floor(rnd() * TENDERS.length)], amount_fen: fen }]);
      push([shopId, 'follow_ups', `${ticketId}-f`, { id: `${ticketId}-f`, ticket_id: ticketId, due_date: iso(collectAt + 72 * H).slice(0, 10), status: collectAt + 72 * H < NOW.getTime() ? 'done' : 'open', reached: 1, score: 3 + Math.floor(rnd() * 3), problem_reported: 0 }]);
    }
    if (t % 150 === 0) push([shopId, 'complaints', `${ticketId}-k`, { id: `${ticketId}-k`, ticket_id: ticketId, opened_at: iso(received + 30 * H), respond_by: iso(received + 54 * H), resolve_by: iso(received + 200 * H), responded_at: iso(received + 40 * H), resolved_at: null, status: 'responded', escalation: 'none' }]);
  }
}

/** Writes the network's synced rows as a push would leave them (shops, rows, versions). */
export async function writeNetwork(store: HqDatabase): Promise<number> {
  const at = NOW.toISOString();
  let total = 0;
  for (let s0 = 0; s0 < SHOPS; s0 += 10) {
    const rows: Row[] = [];
    for (let s = s0; s < s0 + 10; s++) shopRows(s, (r) => rows.push(r));
    total += rows.length;
    const shops = Array.from({ length: 10 }, (_, i) => s0 + i);
    if (store.sqlite) {
      const db = store.sqlite;
      const shop = db.prepare(`INSERT INTO hq_shops (id, code, name, created_at, last_push_at, last_seen_at, last_seq, high_version, schema_version, region) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 19, ?)`);
      const ins = db.prepare(`INSERT INTO hq_rows (shop_id, table_name, row_id, version, deleted, data, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?)`);
      db.transaction(() => {
        for (const s of shops) shop.run(`shop-${s}`, `B${String(s).padStart(3, '0')}`, `授权服务中心 ${s}`, at, at, at, TICKETS * 10, TICKETS * 10, REGIONS[s % REGIONS.length]);
        rows.forEach((r, i) => ins.run(r[0], r[1], r[2], i + 1, JSON.stringify(r[3]), at));
      })();
    } else {
      const pool = store.pool!;
      for (const s of shops) {
        await pool.query(`INSERT INTO hq_shops (id, code, name, created_at, last_push_at, last_seen_at, last_seq, high_version, schema_version, region) VALUES ($1, $2, $3, $4, $4, $4, $5, $5, 19, $6)`, [`shop-${s}`, `B${String(s).padStart(3, '0')}`, `授权服务中心 ${s}`, at, TICKETS * 10, REGIONS[s % REGIONS.length]]);
      }
      for (let i = 0; i < rows.length; i += 20_000) {
        const part = rows.slice(i, i + 20_000);
        await pool.query(`INSERT INTO hq_rows (shop_id, table_name, row_id, version, deleted, data, updated_at) SELECT a, b, c, d, 0, e, $6 FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[]) AS u(a, b, c, d, e)`, [
          part.map((r) => r[0]), part.map((r) => r[1]), part.map((r) => r[2]), part.map((_, j) => i + j + 1), part.map((r) => JSON.stringify(r[3])), at,
        ]);
      }
    }
  }
  if (store.sqlite) store.sqlite.exec('ANALYZE');
  else await store.pool!.query('ANALYZE');
  return total;
}

interface Figures {
  rows: number;
  build: number;
  dashboard: Awaited<ReturnType<typeof measure>>;
  dashboardBase: Awaited<ReturnType<typeof measure>>;
  year: Awaited<ReturnType<typeof measure>>;
  yearBase: Awaited<ReturnType<typeof measure>>;
  one: Awaited<ReturnType<typeof measure>>;
  refresh: Awaited<ReturnType<typeof measure>>;
}

async function runOn(store: HqDatabase): Promise<Figures> {
  const t0 = performance.now();
  const rows = await writeNetwork(store);
  console.log(`    ${rows.toLocaleString('en')} synced rows written in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  const service = new HqService(store, { now: () => NOW });
  // The first read projects every shop (once; afterwards only shops whose rows moved).
  const b0 = performance.now();
  await refreshFacts(store, 90, NOW.toISOString());
  const build = performance.now() - b0;
  console.log(`    projection of ${SHOPS} shops built in ${(build / 1000).toFixed(1)} s`);
  if (store.sqlite) store.sqlite.exec('ANALYZE');
  else await store.pool!.query('ANALYZE');
  const year = { from: '2025-11-23', to: '2026-11-22', groupBy: 'region' };
  const check = await hqReports(service, year, NOW);
  if (check.shops.length !== SHOPS || !check.total || check.total.volume.received < SHOPS * TICKETS * 0.8) throw new Error(`the year's report counts ${check.total?.volume.received} tickets`);
  const dash = await networkDashboard(service, undefined, NOW);
  if (dash.total.week.received === 0) throw new Error('the dashboard counts no tickets this week');
  const dashboard = await measure(() => networkDashboard(service, undefined, NOW), { iterations: 30, warmup: 3 });
  // Baseline: the dashboard's counts per shop straight from the projection in one plain query.
  const weekStart = '2026-11-16T16:00:00.000Z';
  const dashboardBase = await measure(
    () =>
      Promise.all([
        tuples(store, `SELECT shop_id, sum(CASE WHEN received_at >= ? THEN 1 ELSE 0 END), sum(CASE WHEN first_ready_at >= ? THEN 1 ELSE 0 END), sum(CASE WHEN first_collected_at >= ? THEN 1 ELSE 0 END) FROM hq_report_facts WHERE last_touch_at >= ? GROUP BY shop_id`, [weekStart, weekStart, weekStart, weekStart]),
        tuples(store, `SELECT shop_id, status, count(*) FROM hq_report_facts WHERE status NOT IN ('collected', 'cancelled') GROUP BY shop_id, status`, []),
      ]),
    { iterations: 30, warmup: 3 },
  );
  const yearRun = await measure(() => hqReports(service, year, NOW), { iterations: 8, warmup: 1 });
  // Baseline: the year's volume per shop and region in one plain aggregate over the same projection.
  const s = '2025-11-22T16:00:00.000Z';
  const e = '2026-11-22T16:00:00.000Z';
  const yearBase = await measure(
    () =>
      tuples(
        store,
        `SELECT f.shop_id, s.region, sum(CASE WHEN f.received_at >= ? THEN 1 ELSE 0 END), sum(CASE WHEN f.first_ready_at >= ? AND f.first_ready_at < ? THEN 1 ELSE 0 END), sum(CASE WHEN f.first_collected_at >= ? AND f.first_collected_at < ? THEN 1 ELSE 0 END), avg(f.s_repairing) FROM hq_report_facts f JOIN hq_shops s ON s.id = f.shop_id WHERE f.last_touch_at >= ? AND f.received_at < ? GROUP BY f.shop_id, s.region`,
        [s, s, e, s, e, s, e],
      ),
    { iterations: 8, warmup: 1 },
  );
  const one = await measure(() => hqReports(service, { ...year, groupBy: 'technician', shop: 'B007' }, NOW), { iterations: 10, warmup: 1 });
  // A shop pushed: its projection is rebuilt at the next read (the report of that shop measures it).
  let seq = TICKETS * 10;
  const refresh = await measure(
    async () => {
      seq++;
      await store.db.updateTable('hq_shops').set({ last_seq: seq, high_version: seq }).where('id', '=', 'shop-7').execute();
      await refreshFacts(store, 90, NOW.toISOString(), ['shop-7']);
    },
    { iterations: 5, warmup: 1 },
  );
  return { rows, build, dashboard, dashboardBase, year: yearRun, yearBase, one, refresh };
}

function results(engine: string, f: Figures, strict: boolean): BenchResult[] {
  const suite = 'hq-figures';
  const dashTarget = strict ? 'p95 < 300 ms' : undefined;
  const yearTarget = strict ? 'p95 < 2 s' : undefined;
  return [
    { suite, name: `network dashboard, all ${SHOPS} shops (${engine})`, unit: 'ms', median: f.dashboard.median, p95: f.dashboard.p95, baseline: { name: 'plain SQL: the week’s counts and the open tickets by shop and status over the projection', median: f.dashboardBase.median, p95: f.dashboardBase.p95 }, ...(dashTarget ? { target: dashTarget, met: f.dashboard.p95 < 300 } : {}) },
    { suite, name: `one-year report, ${SHOPS} shops by region (${engine})`, unit: 'ms', median: f.year.median, p95: f.year.p95, baseline: { name: 'plain SQL: the year’s received / completed / collected by shop and region over the projection', median: f.yearBase.median, p95: f.yearBase.p95 }, ...(yearTarget ? { target: yearTarget, met: f.year.p95 < 2000 } : {}) },
    { suite, name: `one-year report, one shop by technician (${engine})`, unit: 'ms', median: f.one.median, p95: f.one.p95 },
    { suite, name: `a shop's projection rebuilt after its push (${TICKETS.toLocaleString('en')} tickets, ${engine})`, unit: 'ms', median: f.refresh.median, p95: f.refresh.p95 },
    { suite, name: `the projection of all ${SHOPS} shops built once (${engine})`, unit: 'ms', median: f.build, p95: f.build },
  ];
}

/** What was chosen and measured on the way (kept with the table; the figures above are this run's). */
const NOTES = [
  '- **Chosen**: a per-ticket projection (HQ 014) instead of parsing every synced row\'s JSON per report (the code before this issue loaded tickets, events, devices, quotes and payments as JSON for every report: at 200 shops the same work as building the projection, 45–50 s). It is rebuilt per shop at the first read after the shop\'s sequence or version moved, not inside the push, so pushes pay nothing and any head-office process can rebuild it (marks in the database, an advisory lock per shop on PostgreSQL); the rebuild of one shop is the line above.',
  '- **Then**, measured at 10 shops on this machine: reading 31 columns per ticket cost 130 ms per 13,800 tickets (about 1 µs a cell); read as one text joined by the engine, 55 ms; the ticket arithmetic parsed dates per ticket and ran twice (per shop and for the network), 60 ms → 15 ms with the durations projected (ready_s, collected_s) and each ticket aggregated once in its shop and the shops\' aggregates merged (mergeAggregates, retired with HQ 016). The 10-shop year went from 470 ms to 200 ms.',
  '- **Then** (HQ 016), the counts and percentiles in the engine: per shop, for the network, per breakdown key and per credited technician (src/hq/network-figures/ticket-sql.ts; PostgreSQL percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP, SQLite 3.53\'s percentile_cont — the same linear interpolation between the closest ranks as the shop\'s percentile, then the shop\'s rounding to a tenth of an hour), the takings, the follow-up calls (now projected, hq_report_follow_ups) and the open tickets counted per shop (side-sql.ts): no per-ticket row leaves the database. The promised days\' ends are kept per time zone (hq_report_day_ends, worked out by the shop\'s rule once per day) so a promise breach is a join on a key (a list of days joined directly was scanned per ticket on SQLite). The figures are the same: tests/integration/hq-console/network-figures-sql.test.ts checks every breakdown on both engines against hand-worked values, and tests/integration/reports/hq-reports.test.ts against the shops\' own reports.',
  '- **Measured on the way** (this machine, shared, load 8–16): before this, the one-year report across 200 shops took 5.29 s (p95 7.85 s) on PostgreSQL and 23.51 s on SQLite (the run of 2026-12-03: the packed rows read and split in Node, the follow-ups read as synced JSON, the shop\'s arithmetic over 300,000 facts). With the figures in the engine as six queries (per shop and network apart), 3.88 s (p95 6.72 s) on PostgreSQL: at 200 shops each query passed the planner\'s JIT threshold (compiling its forty-odd expressions cost more than running them) and the network\'s percentile sorts and the sort by shop spilled past the default 4 MB work_mem. The year\'s aggregates now run with JIT off and 128 MB to sort in (SET LOCAL, their transaction only), and per shop and network in one pass (GROUPING SETS) on PostgreSQL. Then a second run (load 4–10) gave 1.79 s (p95 2.64 s) beside a plain-SQL baseline of 182 ms; the run in the table, on a quieter machine (its baseline 77 ms against 154–213 ms in the earlier runs), 1.15 s (p95 1.78 s): the ratio to the baseline, about ×10–15, is the steadier reading, and at the earlier runs\' load the p95 can pass 2 s.',
  '- **Left as it was**: the dashboard and the drill-down still read their (few) facts through the packed rows; the small side tables (users, complaints, parts, time logs, loans, claims) are still read as synced JSON. On SQLite (no target, and no grouping sets) the shop and network levels are two queries, and each percentile collects and sorts its own list, twice per duration (median and 90th).',
];

const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`);

function section(all: BenchResult[], rows: number): string {
  const lines = [
    '## Network figures at head office (issue 21 point 7)',
    '',
    `\`npm run bench -- --only hq-figures\`, ${new Date().toISOString().slice(0, 10)}: ${SHOPS} shops × ${TICKETS.toLocaleString('en')} tickets over ${DAYS} days written straight into head office's tables (${rows.toLocaleString('en')} synced rows: tickets, devices, customers, status events, quotes, payments, follow-ups, users, complaints). Head office reads a per-ticket projection of the synced rows (HQ migrations 014 and 016: hq_report_facts, hq_report_payments, hq_report_follow_ups), rebuilt per shop at the first read after that shop's rows moved; the report's counts and percentiles are worked out in the engine by the shop's definitions (src/shared/reports/compute.ts, math.ts), its figures assembled by the shop's code. Baselines are plain SQL over the same projection in the same run. Targets apply on PostgreSQL.`,
    '',
    '| figure | median | p95 | baseline (median / p95) | target |',
    '|---|---|---|---|---|',
    ...all.map((r) => `| ${r.name} | ${ms(r.median)} | ${ms(r.p95)} | ${r.baseline ? `${ms(r.baseline.median)} / ${ms(r.baseline.p95)} — ${r.baseline.name}` : '—'} | ${r.target ? `${r.target}: ${r.met ? 'met' : '**not met**'}` : '—'} |`),
    '',
    ...NOTES,
    '',
  ];
  return lines.join('\n');
}

export function hqFiguresSuite(): BenchSuite {
  return {
    name: 'hq-figures',
    async run(): Promise<BenchResult[]> {
      const out: BenchResult[] = [];
      let rows = 0;
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fixpoint-bench-figures-'));
      try {
        console.log('  SQLite…');
        const lite = await openHqDatabase({ file: path.join(dir, 'hq.sqlite') });
        try {
          const f = await runOn(lite);
          rows = f.rows;
          out.push(...results('SQLite', f, false));
        } finally {
          await lite.close();
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
      const pg = await startPostgres();
      if (pg) {
        try {
          console.log('  PostgreSQL…');
          const store = await openHqDatabase({ databaseUrl: await pg.createDatabase('bench_figures') });
          try {
            out.push(...results('PostgreSQL', await runOn(store), true));
          } finally {
            await store.close();
          }
        } finally {
          pg.stop();
        }
      }
      replaceSection(path.resolve('docs/benchmarks.md'), '## Network figures at head office', section(out, rows));
      return out;
    },
  };
}
