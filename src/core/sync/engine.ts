import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { BackendServices } from '../api/context';
import { AppError } from '../../shared/api/errors';
import { t } from '../../shared/i18n/translate';
import type { Locale, Params } from '../../shared/i18n/types';
import {
  HEADER_APP,
  HEADER_PROTOCOL,
  HEADER_SCHEMA,
  LIMITS,
  PATHS,
  PROTOCOL_VERSION,
  SYNC_ERROR_CODES,
  enrollResponseSchema,
  hqErrorSchema,
  lookupResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  type EnrollResponse,
  type LookupRequest,
  type PullResponse,
} from '../../shared/sync/protocol';
import type { DeviceLookup, LookupOfflineReason, SyncStatus } from '../../shared/sync/procedures';
import { shopSettingsSchema } from '../../shared/shop/schemas';
import type { SyncStateTable } from './tables';
import { APP_VERSION } from '../version';
import { decryptSecret, encryptSecret } from '../secrets/cipher';
import { appendSnapshot, readBatch } from './rows';
import { fetchTransport, networkReason, type SyncTransport } from './transport';
import { pulledKindHandler, type PullContext, type PulledRow } from './pulled';
import { emitAfter } from '../api/event-queue';
import './pulled-builtin';
import { prepared } from '../db/statements';

const gzip = promisify(zlib.gzip);

export interface SyncOptions {
  transport?: SyncTransport;
  /** Run the periodic timer (default true). Tests drive `tick()` themselves. */
  autoStart?: boolean;
  /** How often the timer looks whether a sync is due (default 15 s). */
  tickMs?: number;
  batchMaxEntries?: number;
  batchMaxBytes?: number;
  pullPageSize?: number;
  requestTimeoutMs?: number;
  /** How long the counter's nationwide device lookup waits for head office (default 4 s). */
  lookupTimeoutMs?: number;
  /** First retry delay after a failure; doubles per failure up to backoffMaxMs (default 30 s → 30 min). */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
}

/** A failure worth showing: an i18n key and its params (translated when the status is read). */
export class SyncFailure extends Error {
  constructor(
    readonly code: string,
    readonly key: string,
    readonly params: Params = {},
  ) {
    super(`${code}: ${key} ${JSON.stringify(params)}`);
  }
  toAppError(): AppError {
    return new AppError('RULE', { key: this.key, params: this.params, details: { sync: this.code } });
  }
}

interface StoredError {
  code: string;
  key: string;
  params: Params;
  at: string;
}

type StateRow = Selectable<SyncStateTable>;

const TOKEN_AAD = 'fixpoint.sync.token';

/** New outbox entries continue after `seq` (AUTOINCREMENT keeps its high-water mark in sqlite_sequence). */
function setOutboxSequence(sqlite: BetterSqlite3.Database, seq: number): void {
  if (sqlite.prepare(`UPDATE sqlite_sequence SET seq = ? WHERE name = 'outbox'`).run(seq).changes === 0) {
    sqlite.prepare(`INSERT INTO sqlite_sequence (name, seq) VALUES ('outbox', ?)`).run(seq);
  }
}

function stringParams(details: Record<string, unknown>): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(details)) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  return out;
}

/**
 * The shop's sync with head office: push the outbox in order, then pull head-office data.
 * Single-flight (one sync at a time), periodic (the shop's `syncIntervalMinutes`), with
 * exponential backoff after failures. Network waits are async and every database step is a
 * short transaction of its own, so the counter is never blocked by a sync.
 */
export class SyncEngine {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  readonly transport: SyncTransport;

  constructor(
    readonly services: BackendServices,
    readonly opts: SyncOptions = {},
  ) {
    this.transport = opts.transport ?? fetchTransport;
  }

  get sqlite(): BetterSqlite3.Database {
    return this.services.sqlite;
  }

  /** This engine's statements, from the one cache of core/db (a sync runs a dozen per request). */
  private stmt(sql: string): BetterSqlite3.Statement {
    return prepared(this.sqlite, sql);
  }

  start(): void {
    if (this.timer || this.stopped) return;
    this.timer = setInterval(() => void this.tick(), this.opts.tickMs ?? 15_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  isRunning(): boolean {
    return this.running !== null;
  }

  /** Holds the backend's single connection for a synchronous step (no other transaction is open then). */
  private exclusive<T>(fn: () => T): Promise<T> {
    return this.services.db.connection().execute(async () => fn());
  }

  private readState(): StateRow {
    return this.stmt(`SELECT * FROM sync_state WHERE id = 1`).get() as StateRow;
  }

  private state(): Promise<StateRow> {
    return this.exclusive(() => this.readState());
  }

  private now(): Date {
    return this.services.clock.now();
  }

  private intervalMinutes(): number {
    try {
      const row = this.stmt(`SELECT settings_json FROM shop LIMIT 1`).get() as { settings_json: string } | undefined;
      const n = row ? (JSON.parse(row.settings_json) as { syncIntervalMinutes?: unknown }).syncIntervalMinutes : undefined;
      return typeof n === 'number' && n >= 1 ? n : 5;
    } catch {
      return 5;
    }
  }

  /** Called by the timer (and by tests with a fake clock): syncs when enrolled and due. */
  async tick(): Promise<void> {
    if (this.stopped || this.running) return;
    const s = await this.state();
    if (!s.hq_shop_id || !s.token_cipher) return;
    if (s.next_attempt_at && this.now().getTime() < Date.parse(s.next_attempt_at)) return;
    await this.runNow();
  }

  /** One sync now; joins a sync already under way. Never throws: the outcome is in the status. */
  runNow(): Promise<void> {
    if (this.running) return this.running;
    if (this.stopped) return Promise.resolve();
    this.running = this.syncOnce().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async syncOnce(): Promise<void> {
    const s = await this.state();
    if (!s.hq_shop_id || !s.token_cipher || !s.hq_url) return;
    const startedAt = this.now().toISOString();
    await this.exclusive(() => this.stmt(`UPDATE sync_state SET last_attempt_at = ? WHERE id = 1`).run(startedAt));
    try {
      await this.retryUnhandled();
      const hqChange = await this.push();
      // The push answer carries head office's change counter: at or below our pull cursor there is
      // nothing to pull, and the pull request is skipped (it is half of a sync's requests).
      const cursor = hqChange === null ? null : (await this.state()).pull_cursor;
      // Applying head-office data may change synced rows (the shop row): push those too.
      if (hqChange === null || hqChange > cursor!) {
        if ((await this.pull()) > 0) await this.push();
      }
      const now = this.now();
      const next = new Date(now.getTime() + this.intervalMinutes() * 60_000).toISOString();
      await this.exclusive(() =>
        this.sqlite
          .prepare(`UPDATE sync_state SET last_success_at = ?, failures = 0, last_error_json = NULL, next_attempt_at = ? WHERE id = 1`)
          .run(now.toISOString(), next),
      );
      this.services.emit({ name: 'sync.status', payload: { ok: true } });
    } catch (e) {
      const failure =
        e instanceof SyncFailure ? e : new SyncFailure('LOCAL', 'sync.error.local', { reason: e instanceof Error ? e.message.slice(0, 200) : String(e) });
      if (!(e instanceof SyncFailure)) console.error('[fixpoint] sync failed', e);
      await this.recordFailure(failure);
    }
  }

  private async recordFailure(failure: SyncFailure): Promise<void> {
    const now = this.now();
    await this.exclusive(() => {
      const s = this.readState();
      const failures = s.failures + 1;
      const base = this.opts.backoffBaseMs ?? 30_000;
      const max = Math.min(this.opts.backoffMaxMs ?? 30 * 60_000, Math.max(base, this.intervalMinutes() * 60_000 * 6));
      // Jittered, and capped after the jitter: the cap (30 min by default) is a promise to the user.
      const delay = Math.min(max, base * 2 ** Math.min(failures - 1, 20) * (0.8 + Math.random() * 0.4));
      const stored: StoredError = { code: failure.code, key: failure.key, params: failure.params, at: now.toISOString() };
      this.sqlite
        .prepare(`UPDATE sync_state SET failures = ?, last_error_json = ?, next_attempt_at = ? WHERE id = 1`)
        .run(failures, JSON.stringify(stored), new Date(now.getTime() + delay).toISOString());
    });
    this.services.emit({ name: 'sync.status', payload: { ok: false, code: failure.code } });
  }

  // -------------------------------------------------------------------------------------------
  // Requests

  private headers(token: string | null, gzipped: boolean): Record<string, string> {
    const h: Record<string, string> = {
      'content-type': 'application/json',
      [HEADER_PROTOCOL]: String(PROTOCOL_VERSION),
      [HEADER_SCHEMA]: String(this.schemaVersion()),
      [HEADER_APP]: APP_VERSION,
    };
    if (token) h.authorization = `Bearer ${token}`;
    if (gzipped) h['content-encoding'] = 'gzip';
    return h;
  }

  private schemaVersion(): number {
    return (this.stmt('PRAGMA user_version').get() as { user_version: number }).user_version;
  }

  /** Posts and answers the parsed JSON of a 2xx; a typed head-office error becomes a SyncFailure. */
  async request(url: string, path: string, payload: unknown, token: string | null, opts: { gzip?: boolean; allowGap?: boolean; timeoutMs?: number } = {}): Promise<unknown> {
    const json = Buffer.from(JSON.stringify(payload));
    // Level 1: a batch of rows is repetitive JSON (≈ 4–6× smaller even at level 1), and the
    // default level costs the shop several times the CPU for a few percent fewer bytes.
    const body = opts.gzip ? await gzip(json, { level: 1 }) : json;
    let res;
    try {
      res = await this.transport.post(url.replace(/\/+$/, '') + path, body, this.headers(token, !!opts.gzip), opts.timeoutMs ?? this.opts.requestTimeoutMs ?? 60_000);
    } catch (e) {
      throw new SyncFailure('UNREACHABLE', 'sync.error.unreachable', { reason: networkReason(e) });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(res.body.toString('utf8'));
    } catch {
      if (res.status === 404) throw new SyncFailure('NOT_FOUND', 'sync.error.NOT_FOUND');
      if (res.status >= 500) throw new SyncFailure('UNREACHABLE', 'sync.error.unreachable', { reason: `HTTP ${res.status}` });
      throw new SyncFailure('BAD_REPLY', 'sync.error.badReply', { reason: `HTTP ${res.status}` });
    }
    if (res.status >= 200 && res.status < 300) return parsed;
    const err = hqErrorSchema.safeParse(parsed);
    if (err.success) {
      const { code, details } = err.data.error;
      if (code === 'SEQUENCE_GAP' && opts.allowGap) return { gap: true, ...details };
      throw new SyncFailure(code, `sync.error.${code}`, stringParams(details));
    }
    if (res.status === 404) throw new SyncFailure('NOT_FOUND', 'sync.error.NOT_FOUND');
    throw new SyncFailure('BAD_REPLY', 'sync.error.badReply', { reason: `HTTP ${res.status}` });
  }

  private token(s: StateRow): string {
    return decryptSecret(this.services.keys, s.token_cipher!, TOKEN_AAD);
  }

  // -------------------------------------------------------------------------------------------
  // Push: the outbox in order. The shop advances only on head office's answer.

  /** Answers head office's change counter from the last push answer (null: nothing pushed, or no counter in it). */
  async push(): Promise<number | null> {
    let hqChange: number | null = null;
    for (let round = 0; ; round++) {
      const s = await this.state();
      const token = this.token(s);
      const batch = await this.exclusive(() =>
        readBatch(this.sqlite, s.acked_seq, this.opts.batchMaxEntries ?? LIMITS.batchMaxEntries, this.opts.batchMaxBytes ?? LIMITS.batchMaxBytes),
      );
      if (!batch) return hqChange;
      const answer = (await this.request(s.hq_url!, PATHS.push, { shopId: s.hq_shop_id, fromSeq: batch.fromSeq, toSeq: batch.toSeq, rows: batch.rows }, token, {
        gzip: true,
        allowGap: true,
      })) as { gap?: boolean; lastSeq?: unknown };
      let lastSeq: number;
      let highVersion = 0;
      hqChange = null;
      if (answer.gap) {
        lastSeq = Number(answer.lastSeq);
        if (!Number.isSafeInteger(lastSeq) || lastSeq < 0) throw new SyncFailure('BAD_REPLY', 'sync.error.badReply', { reason: 'gap without lastSeq' });
      } else {
        const parsed = pushResponseSchema.safeParse(answer);
        if (!parsed.success) throw new SyncFailure('BAD_REPLY', 'sync.error.badReply', { reason: 'push answer' });
        lastSeq = parsed.data.lastSeq;
        highVersion = parsed.data.highVersion ?? 0;
        hqChange = parsed.data.change ?? null;
      }
      const progressed = await this.exclusive(() => this.acknowledge(s.acked_seq, lastSeq, highVersion));
      if (!progressed && round > 3) throw new SyncFailure('BAD_REPLY', 'sync.error.badReply', { reason: `no progress at ${lastSeq}` });
    }
  }

  /**
   * Takes head office's "last sequence I hold" as the truth, in one transaction:
   * - the usual case: acknowledged up to it; those outbox entries are dropped;
   * - head office holds *less* than acknowledged before (restored from a backup): the shop
   *   re-sends a full snapshot of its rows;
   * - head office holds *more* than this shop ever wrote, or a row version above it (the shop was
   *   restored from an older copy): new sequences continue above everything head office holds,
   *   and the shop re-sends a full snapshot, so its edits since the copy win at head office.
   * Answers whether the acknowledged sequence changed.
   */
  private acknowledge(expectedAcked: number, lastSeq: number, highVersion: number): boolean {
    return this.sqlite
      .transaction(() => {
        const s = this.readState();
        if (s.acked_seq !== expectedAcked) return true; // someone else moved it (re-enrollment): re-read
        if (Math.max(lastSeq, highVersion) > this.localMax()) {
          this.rebaseAbove(Math.max(lastSeq, highVersion), s.acked_seq);
        } else if (lastSeq < s.acked_seq) {
          appendSnapshot(this.sqlite);
        }
        this.stmt(`DELETE FROM outbox WHERE seq <= ?`).run(lastSeq);
        this.stmt(`UPDATE sync_state SET acked_seq = ? WHERE id = 1`).run(lastSeq);
        return lastSeq !== s.acked_seq;
      })
      .immediate();
  }

  private localMax(): number {
    return (this.stmt(`SELECT seq FROM sqlite_sequence WHERE name = 'outbox'`).get() as { seq: number } | undefined)?.seq ?? 0;
  }

  /**
   * Continues the outbox above `high` (what head office holds) and queues a full snapshot. The
   * deletions not known to be at head office (after `ackedBefore`) are queued again too: a row
   * that is gone is in no snapshot. Call inside a write transaction.
   */
  private rebaseAbove(high: number, ackedBefore: number): void {
    const deletes = this.stmt(`SELECT DISTINCT table_name, row_id FROM outbox WHERE seq > ? AND op = 'delete'`).all(ackedBefore) as { table_name: string; row_id: string }[];
    if (high > this.localMax()) setOutboxSequence(this.sqlite, high);
    this.stmt(`DELETE FROM outbox`).run();
    const again = this.stmt(`INSERT INTO outbox (table_name, row_id, op) VALUES (?, ?, 'delete')`);
    for (const d of deletes) again.run(d.table_name, d.row_id);
    appendSnapshot(this.sqlite);
  }

  // -------------------------------------------------------------------------------------------
  // Pull: head-office data after the cursor, a page and its cursor in one transaction.

  async pull(): Promise<number> {
    let applied = 0;
    for (;;) {
      const s = await this.state();
      const page = pullResponseSchema.safeParse(
        await this.request(s.hq_url!, PATHS.pull, { cursor: s.pull_cursor, limit: this.opts.pullPageSize ?? 500 }, this.token(s)),
      );
      if (!page.success) throw new SyncFailure('BAD_REPLY', 'sync.error.badReply', { reason: 'pull answer' });
      await this.applyPage(s.pull_cursor, page.data);
      applied += page.data.items.length;
      if (!page.data.more || page.data.items.length === 0) return applied;
    }
  }

  private async applyPage(fromCursor: number, page: PullResponse): Promise<void> {
    await emitAfter(this.services.emit, (emit) => this.applyPageIn(fromCursor, page, { nowIso: () => this.now().toISOString(), newId: this.services.newId, emit }));
  }

  private async applyPageIn(fromCursor: number, page: PullResponse, ctx: PullContext): Promise<void> {
    await this.services.db.transaction().execute(async (trx) => {
      const cur = await trx.selectFrom('sync_state').select('pull_cursor').where('id', '=', 1).executeTakeFirstOrThrow();
      if (cur.pull_cursor !== fromCursor) return; // applied meanwhile
      const byKind = new Map<string, PulledRow[]>();
      for (const it of page.items) {
        const list = byKind.get(it.kind) ?? [];
        list.push({ id: it.id, deleted: it.deleted, data: it.data, change: it.change });
        byKind.set(it.kind, list);
      }
      for (const [kind, rows] of byKind) {
        const handler = pulledKindHandler(kind);
        if (handler) await handler.apply(trx, rows, ctx);
        else {
          for (const r of rows) {
            await trx
              .insertInto('sync_unhandled')
              .values({ kind, id: r.id, change_no: r.change, deleted: r.deleted ? 1 : 0, data_json: r.data === null ? null : JSON.stringify(r.data) })
              .onConflict((oc) => oc.columns(['kind', 'id']).doUpdateSet({ change_no: r.change, deleted: r.deleted ? 1 : 0, data_json: r.data === null ? null : JSON.stringify(r.data) }))
              .execute();
          }
        }
      }
      await trx.updateTable('sync_state').set({ pull_cursor: Math.max(fromCursor, page.cursor) }).where('id', '=', 1).execute();
    });
  }

  /** Items kept for a kind that has a handler now (after an upgrade) are applied first. */
  private async retryUnhandled(): Promise<void> {
    const kinds = await this.services.db.selectFrom('sync_unhandled').select('kind').distinct().execute();
    const ready = kinds.map((k) => k.kind).filter((k) => pulledKindHandler(k));
    if (ready.length === 0) return;
    await emitAfter(this.services.emit, (emit) => this.retryUnhandledIn(ready, { nowIso: () => this.now().toISOString(), newId: this.services.newId, emit }));
  }

  private async retryUnhandledIn(ready: string[], ctx: PullContext): Promise<void> {
    await this.services.db.transaction().execute(async (trx) => {
      for (const kind of ready) {
        const rows = await trx.selectFrom('sync_unhandled').selectAll().where('kind', '=', kind).orderBy('change_no').execute();
        await pulledKindHandler(kind)!.apply(
          trx,
          rows.map((r) => ({ id: r.id, deleted: r.deleted === 1, change: r.change_no, data: r.data_json === null ? null : JSON.parse(r.data_json) })),
          ctx,
        );
        await trx.deleteFrom('sync_unhandled').where('kind', '=', kind).execute();
      }
    });
  }

  // -------------------------------------------------------------------------------------------
  // Nationwide service (全国联保): a device's record at every shop, asked of head office.

  /**
   * Asks head office about a device. Never throws for being offline: not enrolled, unreachable,
   * a timeout (a few seconds, so the counter never waits long), a revoked token or any refusal
   * answer online: false with the reason in words. Reads sync state in one short step and holds
   * no transaction while waiting, so the counter's writes go on meanwhile; it does not touch the
   * sync status or its backoff either.
   */
  async lookupDevice(query: LookupRequest, locale: Locale): Promise<DeviceLookup> {
    const offline = (reason: LookupOfflineReason, params: Params = {}): DeviceLookup => ({
      online: false,
      reason,
      message: t(locale, `sync.lookup.offline.${reason}`, params),
    });
    const s = await this.state();
    if (!s.hq_shop_id || !s.token_cipher || !s.hq_url) return offline('not_enrolled');
    let answer: unknown;
    try {
      answer = await this.request(s.hq_url, PATHS.lookupDevice, query, this.token(s), { timeoutMs: this.opts.lookupTimeoutMs ?? 4_000 });
    } catch (e) {
      if (!(e instanceof SyncFailure)) return offline('refused', { detail: e instanceof Error ? e.message.slice(0, 200) : String(e) });
      if (e.code === 'UNREACHABLE') return offline(e.params.reason === 'timeout' ? 'timeout' : 'unreachable', { detail: String(e.params.reason ?? '') });
      if (e.code === 'TOKEN_REVOKED' || e.code === 'UNAUTHENTICATED') return offline('revoked', { detail: t(locale, e.key, e.params) });
      if (e.code === 'BAD_REPLY') return offline('bad_reply', { detail: String(e.params.reason ?? '') });
      return offline('refused', { detail: t(locale, e.key, e.params) });
    }
    const parsed = lookupResponseSchema.safeParse(answer);
    if (!parsed.success) return offline('bad_reply', { detail: 'lookup answer' });
    return { online: true, ...parsed.data };
  }

  // -------------------------------------------------------------------------------------------
  // Enrollment and status

  async enroll(url: string, code: string): Promise<EnrollResponse> {
    const s = await this.state();
    const lastError = s.last_error_json ? (JSON.parse(s.last_error_json) as StoredError) : null;
    if (s.hq_shop_id && !(lastError && ['TOKEN_REVOKED', 'UNAUTHENTICATED'].includes(lastError.code)))
      throw new AppError('CONFLICT', { key: 'sync.error.alreadyEnrolled' });
    const shop = this.stmt(`SELECT id, code, name FROM shop LIMIT 1`).get() as { id: string; code: string; name: string } | undefined;
    if (!shop) throw new AppError('SETUP_REQUIRED');
    const token = crypto.randomBytes(32).toString('base64url');
    let res: EnrollResponse;
    try {
      const answer = await this.request(url, PATHS.enroll, { code, token, shop: { uid: shop.id, code: shop.code, name: shop.name }, baseSeq: s.acked_seq }, null);
      const parsed = enrollResponseSchema.safeParse(answer);
      if (!parsed.success) throw new SyncFailure('BAD_REPLY', 'sync.error.badReply', { reason: 'enroll answer' });
      res = parsed.data;
    } catch (e) {
      if (e instanceof SyncFailure) throw e.toAppError();
      throw e;
    }
    const cipher = encryptSecret(this.services.keys, token, TOKEN_AAD);
    const now = this.now().toISOString();
    await this.exclusive(() =>
      this.sqlite
        .transaction(() => {
          const sameHq = s.hq_shop_id === res.shopId && s.hq_url === url;
          this.sqlite
            .prepare(
              `UPDATE sync_state SET hq_url = ?, hq_shop_id = ?, token_cipher = ?, enrolled_at = ?, failures = 0, last_error_json = NULL,
               next_attempt_at = NULL, pull_cursor = ? WHERE id = 1`,
            )
            .run(url, res.shopId, cipher, now, sameHq ? s.pull_cursor : 0);
          const high = Math.max(res.lastSeq, res.highVersion ?? 0);
          if (res.rebased || high > this.localMax()) {
            // Continue above what head office holds, and send it a full copy of this shop's rows.
            this.rebaseAbove(high, s.acked_seq);
            this.stmt(`UPDATE sync_state SET acked_seq = ? WHERE id = 1`).run(res.lastSeq);
          }
          const row = this.stmt(`SELECT id, settings_json FROM shop LIMIT 1`).get() as { id: string; settings_json: string };
          const settings = shopSettingsSchema.parse({ ...JSON.parse(row.settings_json), enrolled: true });
          this.stmt(`UPDATE shop SET settings_json = ?, updated_at = ? WHERE id = ?`).run(JSON.stringify(settings), now, row.id);
          this.sqlite
            .prepare(`INSERT INTO audit_log (id, at, user_id, action, entity, entity_id, details_json) VALUES (?, ?, NULL, 'sync.enroll', 'shop', ?, ?)`)
            .run(this.services.newId(), now, row.id, JSON.stringify({ url, hqShopId: res.shopId }));
        })
        .immediate(),
    );
    return res;
  }

  async status(locale: Locale): Promise<SyncStatus> {
    return this.exclusive(() => {
      const s = this.readState();
      const waiting = (this.stmt(`SELECT count(*) AS n FROM outbox WHERE seq > ?`).get(s.acked_seq) as { n: number }).n;
      const err = s.last_error_json ? (JSON.parse(s.last_error_json) as StoredError) : null;
      return {
        enrolled: !!s.hq_shop_id,
        url: s.hq_url,
        hqShopId: s.hq_shop_id,
        enrolledAt: s.enrolled_at,
        waiting,
        lastSuccessAt: s.last_success_at,
        lastAttemptAt: s.last_attempt_at,
        nextAttemptAt: s.next_attempt_at,
        lastError: err ? { code: err.code, message: t(locale, err.key, err.params), at: err.at } : null,
        failures: s.failures,
        running: this.running !== null,
        intervalMinutes: this.intervalMinutes(),
        ackedSeq: s.acked_seq,
        pullCursor: s.pull_cursor,
      };
    });
  }
}

void SYNC_ERROR_CODES;

const engines = new WeakMap<BetterSqlite3.Database, SyncEngine>();

/** Creates the backend's sync engine (openBackend calls this) and starts its timer unless told not to. */
export function attachSync(services: BackendServices, opts: SyncOptions = {}): SyncEngine {
  const engine = new SyncEngine(services, opts);
  engines.set(services.sqlite, engine);
  if (opts.autoStart !== false) engine.start();
  return engine;
}

export function syncEngineOf(services: BackendServices): SyncEngine {
  let e = engines.get(services.sqlite);
  if (!e) {
    e = new SyncEngine(services, { autoStart: false });
    engines.set(services.sqlite, e);
  }
  return e;
}
