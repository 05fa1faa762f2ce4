/**
 * Backup and restore benchmarks on a copy of the generated shop (issue 16):
 * (a) an encrypted, verified online backup beside a raw copy of the database file;
 * (b) a restore of that backup onto an empty folder beside the same raw copy;
 * (c) restore from head office (a SQLite head office in this process, over loopback HTTP) of the
 *     whole shop beside a bulk export of the same rows (read from head office, inserted into one
 *     plain table in one transaction).
 * `npm run bench -- --tickets 20000 --only backup`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { openBackend } from '../src/core';
import { runBackup, storedKey } from '../src/core/backup/run';
import { restoreIntoFolder } from '../src/core/backup/restore';
import { restoreFromHq } from '../src/core/sync/restore-from-hq';
import { syncEngineOf } from '../src/core/sync/engine';
import { appendSnapshot } from '../src/core/sync/rows';
import { fetchTransport } from '../src/core/sync/transport';
import { openHqDatabase } from '../src/hq/db';
import { buildHqApp } from '../src/hq/app';
import { HqService } from '../src/hq/service';
import { stats, type BenchResult, type BenchSuite } from './lib';

const MiB = 2 ** 20;

function tmp(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function copyShop(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const f of ['shop.sqlite', 'secret.key']) fs.copyFileSync(path.join(from, f), path.join(to, f));
}

export function backupSuite(dbFile: string, label: string): BenchSuite {
  return {
    name: 'backup',
    async run() {
      const results: BenchResult[] = [];
      // FIXPOINT_BENCH_BACKUP=hq runs only the restore from head office, =file only the backup and
      // its restore: the issue sizes them apart (1,000,000 tickets for the file, 100,000 for head office).
      const onlyHq = process.env.FIXPOINT_BENCH_BACKUP === 'hq';
      const onlyFile = process.env.FIXPOINT_BENCH_BACKUP === 'file';
      const work = tmp('fixpoint-bench-bk-');
      copyShop(path.dirname(dbFile), work);
      const dbBytes = fs.statSync(path.join(work, 'shop.sqlite')).size;
      // A 13 GB backup takes a quarter of an hour: one run of each at that size, three below 2 GiB.
      const runs = onlyHq ? 0 : Number(process.env.FIXPOINT_BENCH_RUNS ?? (dbBytes > 2 * 2 ** 30 ? 1 : 3));
      const dest = tmp('fixpoint-bench-usb-');
      const backend = openBackend({ dataDir: work, sync: { autoStart: false }, backups: { autoStart: false } });
      const services = backend.services;
      await services.db.connection().execute(async () => {
        services.sqlite.prepare(`UPDATE backup_config SET dir = ? WHERE id = 1`).run(dest);
      });
      // (a) backup vs raw copy
      const copyTimes: number[] = [];
      const backupTimes: number[] = [];
      let size = 0;
      let file = '';
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        fs.copyFileSync(path.join(work, 'shop.sqlite'), path.join(dest, `raw-${i}.sqlite`));
        const fd = fs.openSync(path.join(dest, `raw-${i}.sqlite`), 'r+');
        fs.fsyncSync(fd);
        fs.closeSync(fd);
        copyTimes.push(performance.now() - t0);
        fs.rmSync(path.join(dest, `raw-${i}.sqlite`));
        const t1 = performance.now();
        const rec = await runBackup(services, { trigger: 'manual' });
        backupTimes.push(performance.now() - t1);
        size = rec.sizeBytes!;
        file = rec.file!;
        // the next one is a second later (rotation keeps the newest of a day; file names differ)
        await new Promise((r) => setTimeout(r, 1100));
      }
      const b = stats(backupTimes);
      const c = stats(copyTimes);
      if (!onlyHq) results.push({
        suite: 'backup',
        name: `backup: online snapshot, integrity check and row counts, gzip + AES-256-GCM, read back (${label})`,
        unit: 'ms',
        median: b.median,
        p95: b.p95,
        baseline: { name: 'raw copy of the database file (+ fsync)', median: c.median, p95: c.p95 },
        note: `database ${(dbBytes / MiB).toFixed(0)} MiB → backup ${(size / MiB).toFixed(0)} MiB; ${(dbBytes / MiB / (b.median / 1000)).toFixed(1)} MiB/s (raw copy ${(dbBytes / MiB / (c.median / 1000)).toFixed(1)} MiB/s); ${runs} run${runs === 1 ? '' : 's'}`,
      });
      // (b) restore onto an empty folder vs raw copy
      const key = await services.db.connection().execute(async () => storedKey(services))!;
      const restoreTimes: number[] = [];
      for (let i = 0; i < runs; i++) {
        const to = tmp('fixpoint-bench-restore-');
        const t0 = performance.now();
        await restoreIntoFolder(to, file, key!, { now: new Date() });
        restoreTimes.push(performance.now() - t0);
        fs.rmSync(to, { recursive: true, force: true });
      }
      const r = stats(restoreTimes);
      if (!onlyHq) results.push({
        suite: 'backup',
        name: `restore of that backup onto an empty folder: decrypt, unpack, integrity check (${label})`,
        unit: 'ms',
        median: r.median,
        p95: r.p95,
        baseline: { name: 'raw copy of the database file (+ fsync)', median: c.median, p95: c.p95 },
        note: `${(dbBytes / MiB / (r.median / 1000)).toFixed(1)} MiB/s of database; ${runs} run${runs === 1 ? '' : 's'}`,
      });
      if (onlyFile) {
        await backend.close();
        fs.rmSync(work, { recursive: true, force: true });
        fs.rmSync(dest, { recursive: true, force: true });
        return results;
      }
      // (c) restore from head office vs a bulk export of the same rows
      const hqDir = tmp('fixpoint-bench-hq-');
      const store = await openHqDatabase({ dataDir: hqDir });
      const service = new HqService(store);
      // The first push of a 100,000-ticket history is ~1,500 batches: past the push limit per minute a
      // shop's sync waits and resumes on its next run; here the push only prepares head office, so
      // its limit is raised. The restore runs at the default pull limit, waits included.
      const app = buildHqApp({ service, adminToken: 'bench-admin-token-0123456789abcdef', http: { rateLimits: { push: 1_000_000 } } });
      const url = await app.listen({ port: 0, host: '127.0.0.1' });
      try {
        const created = await service.createShop({ code: 'BK01', name: '备份基准店' });
        await backend.close();
        const shopB = openBackend({ dataDir: work, sync: { autoStart: false, transport: fetchTransport }, backups: { autoStart: false } });
        const engine = syncEngineOf(shopB.services);
        // the generated history was written without outbox triggers: queue all of it for the first push
        await shopB.services.db.connection().execute(async () => shopB.services.sqlite.transaction(() => appendSnapshot(shopB.services.sqlite))());
        const tp = performance.now();
        await engine.enroll(url, created.enrollmentCode);
        await engine.runNow();
        const pushMs = performance.now() - tp;
        const st = await engine.status('en');
        if (st.waiting !== 0 || st.lastError) throw new Error(`first push incomplete: ${JSON.stringify(st.lastError)}`);
        await shopB.close();
        const held = Number((await store.db.selectFrom('hq_rows').select((eb) => eb.fn.countAll<number>().as('n')).where('shop_id', '=', created.shop.id).executeTakeFirstOrThrow()).n);
        const { enrollmentCode } = await service.newEnrollmentCode(created.shop.id);
        const newPc = tmp('fixpoint-bench-newpc-');
        const fresh = openBackend({ dataDir: newPc, sync: { autoStart: false, transport: fetchTransport }, backups: { autoStart: false } });
        const t0 = performance.now();
        const res = await restoreFromHq(fresh.services, { url, code: enrollmentCode });
        const restoreMs = performance.now() - t0;
        await fresh.close();
        // baseline: the same rows read from head office and bulk-inserted into one plain table
        const exportDb = new Database(path.join(tmp('fixpoint-bench-export-'), 'export.sqlite'));
        exportDb.pragma('journal_mode = WAL');
        exportDb.exec('CREATE TABLE rows (t TEXT NOT NULL, id TEXT NOT NULL, v INTEGER NOT NULL, d TEXT NOT NULL)');
        const t1 = performance.now();
        const all = store.sqlite!.prepare(`SELECT table_name, row_id, version, data FROM hq_rows WHERE shop_id = ? AND deleted = 0`).raw().all(created.shop.id) as [string, string, number, string][];
        const ins = exportDb.prepare('INSERT INTO rows VALUES (?, ?, ?, ?)');
        exportDb.transaction(() => {
          for (const row of all) ins.run(...row);
        })();
        const exportMs = performance.now() - t1;
        exportDb.close();
        results.push({
          suite: 'backup',
          name: `restore from head office onto an empty folder: ${res.rows.toLocaleString('en')} rows of ${res.tables} tables over loopback HTTP, triggers, search index (${label})`,
          unit: 'ms',
          median: restoreMs,
          p95: restoreMs,
          baseline: { name: 'bulk export of the same rows (read at head office, inserted into one plain table)', median: exportMs, p95: exportMs },
          note: `one run; head office (SQLite) held ${held.toLocaleString('en')} rows; the first push of the shop took ${(pushMs / 1000).toFixed(0)} s`,
        });
      } finally {
        await app.close();
        await store.close();
      }
      return results;
    },
  };
}
