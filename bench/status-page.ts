/**
 * The customers' status page at head office (issue 20): GET /s/<secret> through the whole HTTP
 * pipeline (rate limit, lookup by the link's hash, the ticket's rows, the page) at a head office
 * holding 200 shops' synced tickets — 200 × 500 tickets, each with its customer, phone, bench
 * row, status link and six status events (about 1.2 million rows) — beside the same pipeline
 * answering a fixed page of the same size. Needs no generated shop (`npm run bench -- --only status-page`).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measure, type BenchResult, type BenchSuite } from './lib';
import { openHqDatabase } from '../src/hq/db';
import { buildHqApp } from '../src/hq/app';
import { HqService } from '../src/hq/service';

const SHOPS = 200;
const TICKETS = 500;
const STEPS = ['received', 'diagnosing', 'awaiting_approval', 'repairing', 'qc', 'ready'];

export function statusPageSuite(): BenchSuite {
  return {
    name: 'status-page',
    async run(): Promise<BenchResult[]> {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fixpoint-bench-status-'));
      const store = await openHqDatabase({ file: path.join(dir, 'hq.sqlite') });
      const db = store.sqlite!;
      const now = new Date('2026-11-23T02:00:00.000Z');
      const secrets: string[] = [];
      const insert = db.prepare(`INSERT INTO hq_rows (shop_id, table_name, row_id, version, deleted, data, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?)`);
      const shop = db.prepare(`INSERT INTO hq_shops (id, code, name, created_at, last_push_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)`);
      let v = 0;
      db.transaction(() => {
        for (let s = 0; s < SHOPS; s++) {
          const shopId = `shop-${s}`;
          const at = now.toISOString();
          shop.run(shopId, `B${s}`, `店${s}`, at, at, at);
          insert.run(shopId, 'shop', shopId, ++v, JSON.stringify({ id: shopId, settings_json: JSON.stringify({ name: `授权服务中心 ${s}`, address: '深圳市福田区深南大道 1000 号', phone: '0755-86001234', hotline: '400-800-1234', hours: '9:00–21:00', timeZone: 'Asia/Shanghai' }) }), at);
          for (let t = 0; t < TICKETS; t++) {
            const ticketId = `${shopId}-t${t}`;
            const customerId = `${shopId}-c${t}`;
            const received = new Date(now.getTime() - (t % 60) * 86_400_000).toISOString();
            insert.run(shopId, 'customers', customerId, ++v, JSON.stringify({ id: customerId, name: '王小明' }), at);
            insert.run(shopId, 'customer_phones', `${customerId}-p`, ++v, JSON.stringify({ id: `${customerId}-p`, customer_id: customerId, position: 0, display: '138 0013 8000' }), at);
            insert.run(shopId, 'tickets', ticketId, ++v, JSON.stringify({ id: ticketId, number: `B${s}-2611-${t}`, customer_id: customerId, status: STEPS[t % STEPS.length], received_at: received, promised_date: '2026-11-30' }), at);
            insert.run(shopId, 'bench_tickets', ticketId, ++v, JSON.stringify({ ticket_id: ticketId, parts_expected: null }), at);
            for (let e = 0; e < 6; e++) {
              const id = `${ticketId}-e${e}`;
              insert.run(shopId, 'ticket_events', id, ++v, JSON.stringify({ id, ticket_id: ticketId, at: received, from_status: STEPS[e - 1] ?? null, to_status: e === 0 ? null : STEPS[e] }), at);
            }
            const secret = crypto.randomBytes(16).toString('base64url');
            if (t % 5 === 0) secrets.push(secret);
            const linkId = crypto.createHash('sha256').update(secret).digest('hex');
            insert.run(shopId, 'status_links', linkId, ++v, JSON.stringify({ id: linkId, ticket_id: ticketId, created_at: received, revoked_at: null }), at);
          }
        }
      })();
      db.exec('ANALYZE');
      const service = new HqService(store, { now: () => now });
      const app = buildHqApp({ service, http: { rateLimits: { statusPage: 10_000_000, other: 10_000_000 } } });
      let fixed = '';
      app.get('/bench/fixed', async (_req, reply) => reply.type('text/html; charset=utf-8').send(fixed));
      fixed = (await app.inject({ url: `/s/${secrets[0]}` })).body;
      let i = 0;
      const page = await measure(async () => {
        const res = await app.inject({ url: `/s/${secrets[(i = (i * 7919 + 13) % secrets.length)]}` });
        if (res.statusCode !== 200) throw new Error(`status page answered ${res.statusCode}`);
      }, { iterations: 2000, warmup: 200 });
      const base = await measure(() => app.inject({ url: '/bench/fixed' }), { iterations: 2000, warmup: 200 });
      const wrong = await measure(() => app.inject({ url: `/s/${crypto.randomBytes(16).toString('base64url')}` }), { iterations: 2000, warmup: 200 });
      await app.close();
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
      const baseline = { name: 'the same HTTP pipeline answering a fixed page of the same size', median: base.median, p95: base.p95 };
      return [
        { suite: 'status-page', name: `status page, ${SHOPS} shops × ${TICKETS.toLocaleString('en')} tickets at head office (SQLite), a random ticket's link`, unit: 'ms', median: page.median, p95: page.p95, baseline, target: 'p95 < 50 ms', met: page.p95 < 50 },
        { suite: 'status-page', name: 'status page, a guessed link (the not-found page)', unit: 'ms', median: wrong.median, p95: wrong.p95, baseline, target: 'p95 < 50 ms', met: wrong.p95 < 50 },
      ];
    },
  };
}
