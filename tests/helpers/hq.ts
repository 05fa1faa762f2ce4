import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openBackend, type Backend } from '../../src/core';
import type { SyncOptions } from '../../src/core/sync/engine';
import { syncEngineOf, type SyncEngine } from '../../src/core/sync/engine';
import type { SyncTransport } from '../../src/core/sync/transport';
import { dumpSynced } from '../../src/core/sync/rows';
import { openHqDatabase } from '../../src/hq/db';
import { buildHqApp } from '../../src/hq/app';
import { HqService, type HqFaults } from '../../src/hq/service';
import type { HqAppOptions } from '../../src/hq/app';
import type { Clock } from '../../src/shared/util/ids';
import type { SmsGateway } from '../../src/core/messaging/gateway';
import { startPostgres, type TestPostgres } from './postgres';
import { setupShop, tempDir } from './backend';
import { RunningClock } from './clock';

export type HqDialect = 'sqlite' | 'postgres';
export const ADMIN_TOKEN = 'test-admin-token-0123456789';

/** Temp folders on tmpfs when there is one: fault runs commit thousands of times, fsync dominates on disk. */
export function fastTempDir(prefix: string): string {
  const shm = '/dev/shm';
  try {
    fs.accessSync(shm, fs.constants.W_OK);
    return fs.mkdtempSync(path.join(shm, prefix));
  } catch {
    return tempDir(prefix);
  }
}

let pgServer: Promise<TestPostgres | null> | null = null;
let dbCounter = 0;

/** One PostgreSQL server per test file (lazily started); null when the binaries are missing. */
export function sharedPostgres(): Promise<TestPostgres | null> {
  pgServer ??= startPostgres();
  return pgServer;
}

export function stopSharedPostgres(): void {
  void pgServer?.then((p) => p?.stop());
  pgServer = null;
}

export interface TestHq {
  dialect: HqDialect;
  service: HqService;
  app: FastifyInstance;
  /** crashNext: the next push of any shop crashes; crashShops: the next push of that shop (shops syncing side by side). */
  faults: HqFaults & { crashNext: number; crashShops: Map<string, number> };
  databaseUrl: string | null;
  file: string | null;
  close(): Promise<void>;
}

/** A head office on a fresh SQLite file or a fresh PostgreSQL database, with crash injection. */
export async function openTestHq(
  dialect: HqDialect,
  opts: { now?: () => Date; http?: HqAppOptions['http']; logger?: HqAppOptions['logger']; console?: HqAppOptions['console']; sms?: SmsGateway; publicUrl?: string } = {},
): Promise<TestHq> {
  let databaseUrl: string | null = null;
  let file: string | null = null;
  if (dialect === 'postgres') {
    const pg = await sharedPostgres();
    if (!pg) throw new Error('PostgreSQL binaries missing');
    databaseUrl = await pg.createDatabase(`hq_${process.pid}_${++dbCounter}`);
  } else {
    file = `${fastTempDir('fixpoint-hq-')}/hq.sqlite`;
  }
  const store = await openHqDatabase({ databaseUrl, file: file ?? undefined });
  const faults: HqFaults & { crashNext: number; crashShops: Map<string, number> } = {
    crashNext: 0,
    crashShops: new Map(),
    beforeCommit({ shopId }) {
      const forShop = faults.crashShops.get(shopId) ?? 0;
      if (forShop > 0) {
        faults.crashShops.set(shopId, forShop - 1);
        throw new Error('injected crash before commit');
      }
      if (faults.crashNext > 0) {
        faults.crashNext--;
        throw new Error('injected crash before commit');
      }
    },
  };
  // head office runs on the test's time too: enrollment codes and figures never see today's date
  const hqClock = new RunningClock();
  const service = new HqService(store, { faults, now: opts.now ?? (() => hqClock.now()), ...(opts.sms ? { sms: opts.sms } : {}), ...(opts.publicUrl ? { publicUrl: opts.publicUrl } : {}) });
  const app = buildHqApp({ service, adminToken: ADMIN_TOKEN, http: opts.http, logger: opts.logger, console: opts.console });
  await app.ready();
  return {
    dialect,
    service,
    app,
    faults,
    databaseUrl,
    file,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/** Starts head office on a loopback port (real HTTP, as a phone or a shop reaches it) and answers its base URL. */
export async function listenOnLoopback(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('head office is not listening on a port');
  return `http://127.0.0.1:${addr.port}`;
}

/** Calls the head-office app in-process (Fastify inject: the whole HTTP pipeline, no socket). */
export function injectTransport(app: FastifyInstance): SyncTransport {
  return {
    async post(url, body, headers) {
      const res = await app.inject({ method: 'POST', url: new URL(url).pathname, payload: body, headers });
      return { status: res.statusCode, body: res.rawPayload };
    },
  };
}

export interface TestShop {
  backend: Backend;
  engine: SyncEngine;
  tokens: Awaited<ReturnType<typeof setupShop>>;
  hqShopId: string;
  dataDir: string;
}

let shopCounter = 0;

/** A set-up shop enrolled at `hq` through sync.enroll (the first sync is left to the caller). */
export async function enrolledShop(
  hq: TestHq,
  opts: { transport?: SyncTransport; clock?: Clock; sync?: SyncOptions; dataDir?: string; url?: string } = {},
): Promise<TestShop> {
  const dataDir = opts.dataDir ?? fastTempDir('fixpoint-shop-');
  const backend = openBackend({
    dataDir,
    clock: opts.clock ?? new RunningClock(),
    sync: { autoStart: false, transport: opts.transport ?? injectTransport(hq.app), backoffBaseMs: 30_000, ...opts.sync },
  });
  const tokens = await setupShop(backend);
  const n = ++shopCounter;
  const code = `T${process.pid % 1000}${n}`.slice(0, 8);
  const created = await hq.service.createShop({ code, name: `门店${n}` });
  const engine = syncEngineOf(backend.services);
  await backend.call('sync.enroll', { url: opts.url ?? 'http://hq.test', code: created.enrollmentCode }, { token: tokens.admin });
  await engine.runNow(); // joins the first sync enroll started
  return { backend, engine, tokens, hqShopId: created.shop.id, dataDir };
}

/** Row-by-row equality of a shop's synced tables and what head office holds for it. */
export async function compareShop(hq: TestHq, shop: TestShop): Promise<{ shop: number; hq: number; diff: string[] }> {
  const local = await shop.backend.services.db.connection().execute(async () => dumpSynced(shop.backend.services.sqlite));
  const remote = await hq.service.dumpShop(shop.hqShopId);
  const diff: string[] = [];
  for (const [k, v] of local) {
    const r = remote.get(k);
    if (!r) diff.push(`missing at HQ: ${k}`);
    else if (JSON.stringify(sortKeys(r)) !== JSON.stringify(sortKeys(v))) diff.push(`differs: ${k}`);
  }
  for (const k of remote.keys()) if (!local.has(k)) diff.push(`extra at HQ: ${k}`);
  return { shop: local.size, hq: remote.size, diff: diff.slice(0, 20) };
}

function sortKeys(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
}

/** Random but valid writes on synced tables (customers with phones, attachments with bytes, counters). */
export class ShopWriter {
  private n = 0;
  constructor(
    private readonly shop: TestShop,
    private readonly rnd: () => number = Math.random,
  ) {}

  private ids(table: string): string[] {
    return (this.shop.backend.services.sqlite.prepare(`SELECT id FROM ${table} ORDER BY id`).all() as { id: string }[]).map((r) => r.id);
  }

  /** One random operation in its own transaction (holding the backend's connection like a call does). */
  async step(): Promise<void> {
    const { sqlite, db, newId, clock } = this.shop.backend.services;
    const now = clock.now().toISOString();
    const pick = <T>(xs: T[]) => xs[Math.floor(this.rnd() * xs.length)]!;
    await db.connection().execute(async () =>
      sqlite.transaction(() => {
        const r = this.rnd();
        const customers = this.ids('customers');
        if (r < 0.35 || customers.length === 0) {
          const id = newId();
          const name = `顾客${++this.n}${Math.floor(this.rnd() * 1000)}`;
          sqlite
            .prepare(`INSERT INTO customers (id, name, name_rev, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`)
            .run(id, name, [...name].reverse().join(''), '', now, now);
          sqlite
            .prepare(`INSERT INTO customer_phones (id, customer_id, position, e164, kind, display, digits_rev) VALUES (?, ?, 0, ?, 'mobile', ?, ?)`)
            .run(newId(), id, `+86138${String(this.n).padStart(8, '0')}`, `138 ${this.n}`, String(this.n).split('').reverse().join(''));
        } else if (r < 0.6) {
          sqlite.prepare(`UPDATE customers SET note = ?, updated_at = ? WHERE id = ?`).run(`备注 ${this.rnd().toFixed(6)}`, now, pick(customers));
        } else if (r < 0.72) {
          const id = pick(customers);
          sqlite.prepare(`DELETE FROM customer_phones WHERE customer_id = ?`).run(id);
          sqlite.prepare(`DELETE FROM device_owners WHERE customer_id = ?`).run(id);
          sqlite.prepare(`DELETE FROM customers WHERE id = ?`).run(id);
        } else if (r < 0.85) {
          const bytes = Buffer.alloc(1 + Math.floor(this.rnd() * 3000));
          for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(this.rnd() * 256);
          // The bytes in the content-addressed blob table, the attachment naming them by hash (migration 13).
          const sha = crypto.createHash('sha256').update(bytes).digest('hex');
          sqlite.prepare(`INSERT OR IGNORE INTO attachment_blobs (sha256, size, bytes) VALUES (?, ?, ?)`).run(sha, bytes.length, bytes);
          sqlite
            .prepare(`INSERT INTO attachments (id, ticket_id, name, mime, size, sha256, created_at) VALUES (?, NULL, 'photo.jpg', 'image/jpeg', ?, ?, ?)`)
            .run(newId(), bytes.length, sha, now);
        } else if (r < 0.92) {
          const atts = this.ids('attachments');
          if (atts.length) sqlite.prepare(`DELETE FROM attachments WHERE id = ?`).run(pick(atts));
        } else {
          const key = `TS01-26${String(1 + Math.floor(this.rnd() * 3)).padStart(2, '0')}`;
          sqlite
            .prepare(`INSERT INTO ticket_counters (key, last_seq) VALUES (?, 1) ON CONFLICT(key) DO UPDATE SET last_seq = last_seq + 1`)
            .run(key);
        }
      })(),
    );
  }
}
