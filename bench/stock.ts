/**
 * Stock benchmarks on their own generated shop of 20,000 SKUs and 5,000,000 movements (cached in
 * bench/.cache): one SKU's on-hand/available through the procedure, the full valuation, and one
 * movement write (a receipt: its own transaction, synchronous=FULL), each beside the raw SQLite
 * doing the same in the same run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { openBackend } from '../src/core';
import { seedDemoUsers } from '../src/core/demo/users';
import { LATEST_SCHEMA_VERSION } from '../src/core/db/migrations';
import { idFactory, rng } from '../scripts/seed/context';
import { withoutOutbox } from '../scripts/seed/outbox';
import { seedStock } from '../scripts/seed/stock';
import { measure, measureSync, type BenchResult, type BenchSuite } from './lib';

const SKUS = 20_000;
const MOVEMENTS = 5_000_000;

async function buildDb(file: string): Promise<void> {
  for (const s of ['', '-wal', '-shm']) fs.rmSync(file + s, { force: true });
  const t0 = performance.now();
  const backend = openBackend({ file });
  await seedDemoUsers(backend);
  const { sqlite } = backend.services;
  const users = (sqlite.prepare(`SELECT id FROM users WHERE role <> 'admin'`).all() as { id: string }[]).map((u) => u.id);
  sqlite.pragma('synchronous = OFF');
  const end = Date.now();
  await withoutOutbox(sqlite, async () => {
    seedStock({ sqlite, rand: rng(7), idAt: idFactory(), startMs: end - 3 * 365 * 86_400_000, endMs: end, skus: SKUS, movements: MOVEMENTS, ticketIds: [], userIds: users, log: (m) => console.log(`  ${m} (${((performance.now() - t0) / 1000).toFixed(1)} s)`) });
  });
  sqlite.pragma('synchronous = FULL');
  sqlite.exec('ANALYZE');
  await backend.close();
}

export function stockSuite(): BenchSuite {
  return {
    name: 'stock',
    async run(): Promise<BenchResult[]> {
      const dir = path.resolve(`bench/.cache/stock-${SKUS}-${MOVEMENTS}-v${LATEST_SCHEMA_VERSION}`);
      const file = path.join(dir, 'shop.sqlite');
      if (!fs.existsSync(file)) {
        console.log(`  generating ${SKUS.toLocaleString('en')} SKUs and ${MOVEMENTS.toLocaleString('en')} movements in ${path.relative('.', dir)}…`);
        await buildDb(file);
      }
      const label = `${SKUS.toLocaleString('en')} SKUs, ${MOVEMENTS.toLocaleString('en')} movements`;
      const backend = openBackend({ file });
      const token = (await backend.call('auth.login', { username: 'wang', password: 'manager-demo' })).token;
      const raw = new Database(file, { readonly: false });
      raw.pragma('journal_mode = WAL');
      raw.pragma('synchronous = FULL');
      const parts = raw.prepare(`SELECT b.part_id AS id, p.sku FROM stock_balances b JOIN parts p ON p.id = b.part_id ORDER BY b.part_id`).all() as { id: string; sku: string }[];
      let k = 0;
      const nextPart = () => parts[(k = (k * 7919 + 13) % parts.length)]!;
      const results: BenchResult[] = [];

      // 1. One SKU's on-hand / reserved / available, as a picker asks for it.
      const ours = await measure(() => backend.call('parts.byCode', { code: nextPart().sku }, { token }), { iterations: 3000, warmup: 300 });
      const sumLedger = raw.prepare(`SELECT SUM(qty) AS on_hand FROM stock_movements WHERE part_id = ?`);
      const base = measureSync(() => sumLedger.get(nextPart().id), { iterations: 3000, warmup: 300 });
      results.push({
        suite: 'stock',
        name: `on-hand/available of one SKU (parts.byCode procedure), ${label}`,
        unit: 'ms',
        median: ours.median,
        p95: ours.p95,
        baseline: { name: 'raw SQLite SUM(qty) of the SKU\'s ledger lines (the definition of on-hand)', median: base.median, p95: base.p95 },
        target: 'p95 < 5 ms',
        met: ours.p95 < 5,
      });

      // 2. The full stock valuation.
      const val = await measure(() => backend.call('stock.valuation', { limit: 200 }, { token }), { iterations: 20, warmup: 3 });
      const rawVal = raw.prepare(`SELECT SUM(l.q * x.avg_cost_after) AS value FROM (SELECT part_id, SUM(qty) AS q, MAX(n) AS last FROM stock_movements GROUP BY part_id) l JOIN stock_movements x ON x.n = l.last WHERE l.q > 0`);
      const baseVal = measureSync(() => rawVal.get(), { iterations: 3, warmup: 1 });
      results.push({
        suite: 'stock',
        name: `full stock valuation (stock.valuation: totals, categories, top 200), ${label}`,
        unit: 'ms',
        median: val.median,
        p95: val.p95,
        baseline: { name: 'raw SQLite valuation straight from the 5M-line ledger (sum and last average per SKU)', median: baseVal.median, p95: baseVal.p95 },
        target: '< 2 s',
        met: val.p95 < 2000,
      });

      // 3. One movement write: a receipt through the procedure (validation, role check, ledger + balance, outbox, commit).
      const write = await measure(
        () => backend.call('stock.receive', { partId: nextPart().id, qty: 3, unitCost: 12345, supplier: '总部备件中心', deliveryNote: 'BENCH' }, { token }),
        { iterations: 500, warmup: 50 },
      );
      const insert = raw.prepare(
        `INSERT INTO stock_movements (id, part_id, kind, qty, unit_cost, avg_cost_after, on_hand_after, supplier, at) VALUES (?, ?, 'receive', 3, 12345, 12345, 0, 'raw', ?)`,
      );
      const bump = raw.prepare(`UPDATE stock_balances SET on_hand = on_hand + 3 WHERE part_id = ?`);
      let rawN = 0;
      const rawWrite = raw.transaction((partId: string) => {
        insert.run(`raw-${process.pid}-${Date.now()}-${rawN++}`, partId, new Date().toISOString());
        bump.run(partId);
      });
      const baseWrite = measureSync(() => rawWrite.immediate(nextPart().id), { iterations: 500, warmup: 50 });
      results.push({
        suite: 'stock',
        name: `one movement write (stock.receive, own transaction, synchronous=FULL), ${label}`,
        unit: 'ms',
        median: write.median,
        p95: write.p95,
        baseline: { name: 'raw SQLite transaction: insert one ledger row + update its balance (same durability)', median: baseWrite.median, p95: baseWrite.p95 },
        target: 'p95 < 5 ms',
        met: write.p95 < 5,
      });
      raw.close();
      await backend.close();
      return results;
    },
  };
}
