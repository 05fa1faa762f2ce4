/**
 * Head-office sync benchmarks, on loopback with a real head-office process (npm run hq):
 * (a) the first push of a 100,000-record shop history; (b) an incremental sync of 100 changes;
 * (c) 200 shops syncing at once against one head office, on SQLite and on PostgreSQL (when a
 * PostgreSQL server can be started). Each beside the raw baseline: the same rows posted as plain
 * JSON and bulk-inserted into one table, measured in the same run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openBackend, type Backend } from '../src/core';
import { syncEngineOf } from '../src/core/sync/engine';
import { encodeRow } from '../src/core/sync/rows';
import Database from 'better-sqlite3';
import { startPostgres } from '../tests/helpers/postgres';
import { stats, type BenchResult, type BenchSuite } from './lib';

const ADMIN = 'bench-admin-token-0123456789abcdef';
/** The first push's history size; FIXPOINT_BENCH_SYNC_RECORDS=10000 while iterating. */
const RECORDS = Number(process.env.FIXPOINT_BENCH_SYNC_RECORDS ?? 100_000);
/** The bench enrolls 200 shops from one address within seconds, which no real network does; syncs run on the defaults. */
const BENCH_RATE_LIMITS = 'enroll=1000';

export function tmp(prefix: string): string {
  const base = fs.existsSync('/dev/shm') && process.env.SYNC_BENCH_DISK !== '1' ? os.tmpdir() : os.tmpdir();
  return fs.mkdtempSync(path.join(base, prefix));
}

function start(args: string[], env: Record<string, string>, ready: RegExp): Promise<{ child: ChildProcess; match: RegExpMatchArray }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const on = (d: Buffer) => {
      out += d.toString();
      const m = out.match(ready);
      if (m) resolve({ child, match: m });
    };
    child.stdout!.on('data', on);
    child.stderr!.on('data', on);
    child.on('exit', (code) => reject(new Error(`${args[0]} exited ${code}: ${out.slice(-1000)}`)));
    // FIXPOINT_BENCH_HQ_LOG=file keeps the child's output (e.g. Fastify's per-request responseTime at LOG_LEVEL info).
    const log = process.env.FIXPOINT_BENCH_HQ_LOG;
    if (log) {
      const f = fs.createWriteStream(`${log}.${child.pid}`);
      child.stdout!.pipe(f);
    }
  });
}

export async function startHq(dir: string, databaseUrl?: string) {
  // FIXPOINT_BENCH_HQ_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the head-office process.
  const nodeArgs = (process.env.FIXPOINT_BENCH_HQ_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const { child, match } = await start([...nodeArgs, 'src/hq/cli.ts', '--data-dir', dir, '--port', '0'], { HQ_ADMIN_TOKEN: ADMIN, HQ_RATE_LIMITS: BENCH_RATE_LIMITS, LOG_LEVEL: process.env.FIXPOINT_BENCH_HQ_LOG_LEVEL ?? 'warn', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }, /HQ-LISTENING (\S+)/);
  return { child, url: match[1]! };
}

export async function startRaw(dir: string, databaseUrl?: string) {
  const { child, match } = await start(['bench/sync-raw-server.ts', dir, ...(databaseUrl ? [databaseUrl] : [])], {}, /RAW-LISTENING (\d+)/);
  return { child, url: `http://127.0.0.1:${match[1]}/` };
}

async function createShop(hqUrl: string, code: string): Promise<string> {
  const res = await fetch(`${hqUrl}/admin/v1/shops`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }, body: JSON.stringify({ code, name: code }) });
  return ((await res.json()) as { enrollmentCode: string }).enrollmentCode;
}

/** A shop with `n` customers written (n outbox entries), enrolled at hqUrl, nothing pushed yet. */
export async function shopWith(hqUrl: string, code: string, n: number, file?: string): Promise<Backend> {
  const backend = openBackend({ ...(file ? { dataDir: file } : { file: ':memory:' }), sync: { autoStart: false } });
  const { sqlite, newId } = backend.services;
  const now = new Date().toISOString();
  sqlite
    .prepare(`INSERT INTO shop (id, code, name, settings_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`)
    .run(newId(), code, code, JSON.stringify({ name: code, code }), now, now);
  addCustomers(backend, n);
  const engine = syncEngineOf(backend.services);
  // enroll without pushing: the first sync is what we measure
  const push = engine.push.bind(engine);
  engine.push = async () => null;
  await engine.enroll(hqUrl, await createShop(hqUrl, code));
  await engine.runNow();
  engine.push = push;
  return backend;
}

function addCustomers(backend: Backend, n: number): void {
  const { sqlite, newId } = backend.services;
  const now = new Date().toISOString();
  const ins = sqlite.prepare(`INSERT INTO customers (id, name, name_rev, address, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  sqlite.transaction(() => {
    for (let i = 0; i < n; i++) ins.run(newId(), `顾客${i}`, `${i}客顾`, `深圳市福田区华强北路${i}号`, i % 3 ? '' : '老顾客，屏幕维修两次', now, now);
  })();
}

export function changeCustomers(backend: Backend, n: number): void {
  const { sqlite } = backend.services;
  const ids = sqlite.prepare(`SELECT id FROM customers ORDER BY random() LIMIT ?`).all(n) as { id: string }[];
  const upd = sqlite.prepare(`UPDATE customers SET note = ?, updated_at = ? WHERE id = ?`);
  sqlite.transaction(() => {
    for (const r of ids) upd.run(`改 ${Math.random()}`, new Date().toISOString(), r.id);
  })();
}

function rowsOf(backend: Backend, limit: number): { id: string; data: unknown }[] {
  return (backend.services.sqlite.prepare(`SELECT * FROM customers LIMIT ?`).all(limit) as Record<string, unknown>[]).map((r) => ({ id: String(r.id), data: encodeRow(r) }));
}

async function postRaw(url: string, rows: unknown[], batch = 2000): Promise<void> {
  for (let i = 0; i < rows.length; i += batch) {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(rows.slice(i, i + batch)) });
    await res.arrayBuffer();
  }
}

/** One empty JSON post, answered by the raw server (an empty insert). */
async function emptyPost(url: string): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' });
  await res.arrayBuffer();
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function concurrentShops(label: string, databaseUrl: string | undefined, shops: number, changes: number): Promise<BenchResult> {
  const dir = tmp('fixpoint-bench-hq-');
  const hq = await startHq(dir, databaseUrl);
  const raw = await startRaw(dir, databaseUrl);
  try {
    const backends: Backend[] = [];
    for (let i = 0; i < shops; i++) backends.push(await shopWith(hq.url, `C${i}`, changes));
    const engines = backends.map((b) => syncEngineOf(b.services));
    const perSync: number[] = [];
    let errors = 0;
    // FIXPOINT_BENCH_MARKS=1: the measured window in CLOCK_MONOTONIC µs (the clock of --cpu-prof profiles, of every process).
    const mark = (what: string) => process.env.FIXPOINT_BENCH_MARKS && console.error(`MARK ${label} ${what} ${process.hrtime.bigint() / 1000n}`);
    mark('sync-start');
    await Promise.all(
      engines.map(async (e) => {
        perSync.push(await timed(() => e.runNow()));
        const st = await e.status('en');
        if (st.lastError || st.waiting) errors++;
      }),
    );
    mark('sync-end');
    const rows = rowsOf(backends[0]!, changes);
    const base: number[] = [];
    await Promise.all(backends.map(async () => base.push(await timed(() => postRaw(raw.url, rows)))));
    for (const b of backends) await b.close();
    const s = stats(perSync);
    const bs = stats(base);
    return {
      suite: 'sync',
      name: `${shops} shops syncing ${changes} changes at once, head office on ${label} (per sync)`,
      unit: 'ms',
      median: s.median,
      p95: s.p95,
      baseline: { name: 'same rows as JSON, bulk insert, 200 at once', median: bs.median, p95: bs.p95 },
      target: 'p95 < 1000 ms, no error',
      met: s.p95 < 1000 && errors === 0,
      note: errors ? `${errors} shops ended with an error` : undefined,
    };
  } finally {
    hq.child.kill('SIGTERM');
    raw.child.kill('SIGTERM');
  }
}

/** Head office's SQLite commit counter as another connection sees it: PRAGMA data_version moves with every commit of any other connection. */
function hqWrites(dir: string): () => number {
  const db = new Database(path.join(dir, 'hq.sqlite'), { readonly: true, fileMustExist: true });
  return () => Number(db.pragma('data_version', { simple: true }));
}

/**
 * (d) A sync with nothing to do: the shop has pushed everything and head office has nothing new.
 * Measured at the shop (the whole runNow), beside one raw HTTP round trip of an empty JSON post;
 * head office's database must see no commit during the measured syncs (its data_version read from
 * a separate connection before and after).
 */
async function noopSync(hqUrl: string, rawUrl: string, dir: string, shop: Backend): Promise<BenchResult> {
  const engine = syncEngineOf(shop.services);
  await engine.runNow(); // the first one may record head office's heartbeat (last seen)
  const writes = hqWrites(dir);
  const ours: number[] = [];
  const raw: number[] = [];
  let commits = 0; // syncs during which head office committed anything (data_version differs: not a count of commits)
  for (let i = 0; i < 60; i++) {
    const before = writes();
    ours.push(await timed(() => engine.runNow()));
    if (writes() !== before) commits++;
    raw.push(await timed(() => emptyPost(rawUrl)));
  }
  const st = await engine.status('en');
  const s = stats(ours.slice(10));
  const b = stats(raw.slice(10));
  return {
    suite: 'sync',
    name: 'sync with nothing to do (shop side, whole sync; head office commits counted)',
    unit: 'ms',
    median: s.median,
    p95: s.p95,
    baseline: { name: 'raw HTTP round trip of an empty JSON post', median: b.median, p95: b.p95 },
    target: 'p95 < 20 ms, no commit at head office',
    met: s.p95 < 20 && commits === 0 && !st.lastError,
    note: `syncs of 60 during which head office committed: ${commits}${st.lastError ? `; sync error ${st.lastError.code}` : ''}`,
  };
}

/** The concurrency part alone (profiling): `FIXPOINT_BENCH_SYNC_ONLY=concurrency npm run bench -- --only sync`. */
async function concurrencyOnly(results: BenchResult[]): Promise<BenchResult[]> {
  const which = process.env.FIXPOINT_BENCH_SYNC_DB ?? 'both';
  if (which !== 'postgres') results.push(await concurrentShops('SQLite', undefined, 200, 100));
  if (which === 'sqlite') return results;
  const pg = await startPostgres();
  if (!pg) throw new Error('PostgreSQL binaries missing');
  try {
    results.push(await concurrentShops('PostgreSQL', await pg.createDatabase('bench_hq'), 200, 100));
  } finally {
    pg.stop();
  }
  return results;
}

export const syncSuite: BenchSuite = {
  name: 'sync',
  async run(): Promise<BenchResult[]> {
    const results: BenchResult[] = [];
    const only = process.env.FIXPOINT_BENCH_SYNC_ONLY;
    if (only === 'concurrency') return concurrencyOnly(results);
    const dir = tmp('fixpoint-bench-sync-');
    const hq = await startHq(dir);
    const raw = await startRaw(dir);
    try {
      // (a) first push of a 100,000-record history (a shop database on disk)
      const big = await shopWith(hq.url, 'BIG1', RECORDS, path.join(dir, 'shop'));
      const first = await timed(() => syncEngineOf(big.services).runNow());
      const st = await syncEngineOf(big.services).status('en');
      const bigRows = rowsOf(big, RECORDS);
      const firstRaw = await timed(() => postRaw(raw.url, bigRows));
      results.push({
        suite: 'sync',
        name: `first push of a ${RECORDS.toLocaleString('en')}-record shop history`,
        unit: 'ms',
        median: first,
        p95: first,
        baseline: { name: 'same rows as JSON in 2,000-row posts, bulk insert', median: firstRaw, p95: firstRaw },
        target: '< 30,000 ms',
        met: first < 30_000 && st.waiting === 0 && !st.lastError,
      });
      // (b) incremental sync of 100 changes
      const inc: number[] = [];
      const incRaw: number[] = [];
      for (let i = 0; i < 40; i++) {
        changeCustomers(big, 100);
        inc.push(await timed(() => syncEngineOf(big.services).runNow()));
        const rows = rowsOf(big, 100);
        incRaw.push(await timed(() => postRaw(raw.url, rows)));
      }
      const s = stats(inc.slice(5));
      const b = stats(incRaw.slice(5));
      results.push({
        suite: 'sync',
        name: 'incremental sync of 100 changes (push + pull)',
        unit: 'ms',
        median: s.median,
        p95: s.p95,
        baseline: { name: 'same 100 rows as JSON, bulk insert', median: b.median, p95: b.p95 },
        target: 'p95 < 300 ms',
        met: s.p95 < 300,
      });
      // (d) a sync with nothing to do
      results.push(await noopSync(hq.url, raw.url, dir, big));
      await big.close();
    } finally {
      hq.child.kill('SIGTERM');
      raw.child.kill('SIGTERM');
    }
    if (only === 'single') return results;
    // (c) 200 shops at once
    results.push(await concurrentShops('SQLite', undefined, 200, 100));
    const pg = await startPostgres().catch((e: unknown) => (console.warn(`PostgreSQL could not start: ${String(e)}`), null));
    if (pg) {
      try {
        const hqUrl = await pg.createDatabase('bench_hq');
        results.push(await concurrentShops('PostgreSQL', hqUrl, 200, 100));
      } finally {
        pg.stop();
      }
    } else console.warn('PostgreSQL binaries missing: the PostgreSQL concurrency benchmark is skipped');
    return results;
  },
};
