import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { openBackend } from '../src/core';
import { openDatabase } from '../src/core/db/open';
import { startShopHost } from '../src/server/shop-host';
import { measure, measureSync, type BenchResult, type BenchSuite } from './lib';
import { callCost } from './call-cost';

/** A keep-alive POST client, the same for our host and the raw baseline. */
function poster(port: number, path: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return () =>
    new Promise<void>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
        res.resume();
        res.on('end', resolve);
      });
      req.on('error', reject);
      req.end('{}');
    });
}

export function foundationSuite(dbFile: string, label: string): BenchSuite {
  return {
    name: 'foundation',
    async run(): Promise<BenchResult[]> {
      const results: BenchResult[] = [];

      const open = measureSync(() => openDatabase({ file: dbFile }).sqlite.close(), { iterations: 30, warmup: 3 });
      const rawOpen = measureSync(
        () => {
          const db = new Database(dbFile);
          db.pragma('journal_mode = WAL');
          db.pragma('user_version');
          db.close();
        },
        { iterations: 30, warmup: 3 },
      );
      results.push({
        suite: 'foundation',
        name: `open + migrate check, ${label}`,
        unit: 'ms',
        median: open.median,
        p95: open.p95,
        baseline: { name: 'raw better-sqlite3 open + pragma', median: rawOpen.median, p95: rawOpen.p95 },
        target: '< 200 ms',
        met: open.p95 < 200,
      });

      const backend = openBackend({ file: dbFile });
      const host = await startShopHost({ backend, port: 0, staticDir: null });
      const raw = http.createServer((req, res) => {
        req.resume();
        req.on('end', () => {
          const body = '{"ok":true,"data":{"pong":true}}';
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
          res.end(body);
        });
      });
      await new Promise<void>((r) => raw.listen(0, '127.0.0.1', r));
      const ours = await measure(poster(host.port, '/api/system.ping'), { iterations: 2000, warmup: 200 });
      const base = await measure(poster((raw.address() as AddressInfo).port, '/'), { iterations: 2000, warmup: 200 });
      results.push({
        suite: 'foundation',
        name: 'no-op procedure over HTTP (system.ping, keep-alive)',
        unit: 'ms',
        median: ours.median,
        p95: ours.p95,
        baseline: { name: 'raw node:http JSON answer', median: base.median, p95: base.p95 },
        target: 'p50 < 1 ms',
        met: ours.median < 1,
      });
      await host.close();
      raw.close();
      await backend.close();
      results.push(...(await callCost()));
      return results;
    },
  };
}
