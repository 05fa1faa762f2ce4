import type BetterSqlite3 from 'better-sqlite3';
import type { BackendServices } from '../api/context';
import { t } from '../../shared/i18n/translate';
import type { Locale } from '../../shared/i18n/types';
import { LIMITS, PATHS, SYNC_ERROR_CODES, pullResponseSchema, pushResponseSchema, type EnrollResponse, type LookupRequest } from '../../shared/sync/protocol';
import type { DeviceLookup, SyncStatus } from '../../shared/sync/procedures';
import { decryptSecret } from '../secrets/cipher';
import { emitAfter } from '../api/event-queue';
import { statement } from '../db/statements';
import { encodeBody, requestHq, type RequestOptions } from './client';
import { enroll } from './enrollment';
import { SyncFailure, type StoredError } from './failure';
import { lookupDevice } from './lookup';
import { localMax, rebaseAbove } from './outbox-sequence';
import { applyPage, applyUnhandled, unhandledKindsReady } from './pull-apply';
import { appendSnapshot, readBatch, type Batch } from './rows';
import { TOKEN_AAD, readSyncState, type SyncState } from './sync-state';
import { fetchTransport, type SyncTransport } from './transport';
import { storedSettings } from '../shop/settings';


/** A batch read and compressed, ready to post. */
interface PreparedBatch {
  shopId: string;
  batch: Batch;
  body: Buffer;
}

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

/**
 * The shop's sync with head office: push the outbox in order, then pull head-office data.
 * Single-flight (one sync at a time), periodic (the shop's `syncIntervalMinutes`), with
 * exponential backoff after failures. Network waits are async and every database step is a
 * short transaction of its own, so the counter is never blocked by a sync. Requests are in
 * client.ts, enrollment in enrollment.ts, the nationwide lookup in lookup.ts, applying pulled
 * data in pull-apply.ts.
 */
export class SyncEngine {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  /** When the sync under way started (written with its outcome). */
  private attemptAt: string | null = null;
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
  exclusive<T>(fn: () => T): Promise<T> {
    return this.services.db.connection().execute(async () => fn());
  }

  /** The sync_state row, read while holding the connection. */
  state(): Promise<SyncState> {
    return this.exclusive(() => readSyncState(this.sqlite));
  }

  now(): Date {
    return this.services.clock.now();
  }

  /** The shop's head-office token, decrypted. */
  token(s: SyncState): string {
    return decryptSecret(this.services.keys, s.token_cipher!, TOKEN_AAD);
  }

  private intervalMinutes(): number {
    try {
      const n = storedSettings(this.sqlite)?.syncIntervalMinutes;
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
    // The attempt is written with its outcome, in one statement: a sync with nothing to do is one
    // request and one local write. Meanwhile status() shows it from memory.
    const startedAt = (this.attemptAt = this.now().toISOString());
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
        statement<never, [string, string, string]>(
          this.sqlite,
          `UPDATE sync_state SET last_attempt_at = ?, last_success_at = ?, failures = 0, last_error_json = NULL, next_attempt_at = ? WHERE id = 1`,
        ).run(startedAt, now.toISOString(), next),
      );
      this.services.emit({ name: 'sync.status', payload: { ok: true } });
    } catch (e) {
      const failure =
        e instanceof SyncFailure ? e : new SyncFailure('LOCAL', 'sync.error.local', { reason: e instanceof Error ? e.message.slice(0, 200) : String(e) });
      if (!(e instanceof SyncFailure)) console.error('[fixpoint] sync failed', e);
      await this.recordFailure(failure, startedAt);
    } finally {
      this.attemptAt = null;
    }
  }

  private async recordFailure(failure: SyncFailure, startedAt: string): Promise<void> {
    const now = this.now();
    await this.exclusive(() => {
      const s = readSyncState(this.sqlite);
      const failures = s.failures + 1;
      const base = this.opts.backoffBaseMs ?? 30_000;
      const max = Math.min(this.opts.backoffMaxMs ?? 30 * 60_000, Math.max(base, this.intervalMinutes() * 60_000 * 6));
      // Jittered, and capped after the jitter: the cap (30 min by default) is a promise to the user.
      const delay = Math.min(max, base * 2 ** Math.min(failures - 1, 20) * (0.8 + Math.random() * 0.4));
      const stored: StoredError = { code: failure.code, key: failure.key, params: failure.params, at: now.toISOString() };
      statement<never, [string, number, string, string]>(
        this.sqlite,
        `UPDATE sync_state SET last_attempt_at = ?, failures = ?, last_error_json = ?, next_attempt_at = ? WHERE id = 1`,
      ).run(
        startedAt,
        failures,
        JSON.stringify(stored),
        new Date(now.getTime() + delay).toISOString(),
      );
    });
    this.services.emit({ name: 'sync.status', payload: { ok: false, code: failure.code } });
  }

  /** Posts and answers the parsed JSON of a 2xx; a typed head-office error becomes a SyncFailure. */
  request(url: string, path: string, payload: unknown, token: string | null, opts: RequestOptions = {}): Promise<unknown> {
    return requestHq(this.transport, this.sqlite, url, path, payload, token, { ...opts, defaultTimeoutMs: this.opts.requestTimeoutMs });
  }

  // -------------------------------------------------------------------------------------------
  // Push: the outbox in order. The shop advances only on head office's answer.

  /** Answers head office's change counter from the last push answer (null: nothing pushed, or no counter in it). */
  async push(): Promise<number | null> {
    let hqChange: number | null = null;
    const maxEntries = this.opts.batchMaxEntries ?? LIMITS.batchMaxEntries;
    const maxBytes = this.opts.batchMaxBytes ?? LIMITS.batchMaxBytes;
    const batchAfter = async (after: number, shopId: string): Promise<PreparedBatch | null> => {
      const batch = await this.exclusive(() => readBatch(this.sqlite, after, maxEntries, maxBytes));
      if (!batch) return null;
      return { shopId, batch, body: await encodeBody({ shopId, fromSeq: batch.fromSeq, toSeq: batch.toSeq, rows: batch.rows }, true) };
    };
    // The next batch is read and compressed while head office stores the one before: the shop's
    // work and head office's overlap. It is sent only if the one before was acknowledged as sent.
    let ahead: Promise<PreparedBatch | null> | null = null;
    try {
      for (let round = 0; ; round++) {
        const s = await this.state();
        const token = this.token(s);
        const early = ahead ? await ahead : null;
        ahead = null;
        const cur = early && early.shopId === s.hq_shop_id && early.batch.fromSeq === s.acked_seq + 1 ? early : await batchAfter(s.acked_seq, s.hq_shop_id!);
        if (!cur) return hqChange;
        const sending = this.request(s.hq_url!, PATHS.push, null, token, { gzip: true, allowGap: true, encoded: cur.body });
        const next = (ahead = batchAfter(cur.batch.toSeq, cur.shopId));
        next.catch(() => undefined);
        const answer = (await sending) as { gap?: boolean; lastSeq?: unknown };
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
        await next.catch(() => undefined); // its read is done before the acknowledgement rewrites the outbox
        const ack = await this.exclusive(() => this.acknowledge(s.acked_seq, lastSeq, highVersion));
        if (!ack.plain || answer.gap || lastSeq !== cur.batch.toSeq) ahead = null; // the outbox moved otherwise: read it again
        if (!ack.progressed && round > 3) throw new SyncFailure('BAD_REPLY', 'sync.error.badReply', { reason: `no progress at ${lastSeq}` });
      }
    } finally {
      await ahead?.catch(() => undefined);
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
   * Answers whether the acknowledged sequence changed, and whether this was the usual case (the
   * outbox after it is as it was: a batch read ahead of it still holds).
   */
  private acknowledge(expectedAcked: number, lastSeq: number, highVersion: number): { progressed: boolean; plain: boolean } {
    const sqlite = this.sqlite;
    return sqlite
      .transaction(() => {
        const s = readSyncState(sqlite);
        if (s.acked_seq !== expectedAcked) return { progressed: true, plain: false }; // someone else moved it (re-enrollment): re-read
        let plain = true;
        if (Math.max(lastSeq, highVersion) > localMax(sqlite)) {
          rebaseAbove(sqlite, Math.max(lastSeq, highVersion), s.acked_seq);
          plain = false;
        } else if (lastSeq < s.acked_seq) {
          appendSnapshot(sqlite);
          plain = false;
        }
        statement<never, [number]>(sqlite, `DELETE FROM outbox WHERE seq <= ?`).run(lastSeq);
        statement<never, [number]>(sqlite, `UPDATE sync_state SET acked_seq = ? WHERE id = 1`).run(lastSeq);
        return { progressed: lastSeq !== s.acked_seq, plain };
      })
      .immediate();
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
      const data = page.data;
      // Nothing pulled and the cursor where it was: nothing to write (a sync with nothing to do).
      if (data.items.length === 0 && data.cursor <= s.pull_cursor) return applied;
      await emitAfter(this.services.emit, (emit) => applyPage(this.services.db, s.pull_cursor, data, this.pullContext(emit)));
      applied += data.items.length;
      if (!data.more || data.items.length === 0) return applied;
    }
  }

  private pullContext(emit: BackendServices['emit']) {
    return { sqlite: this.services.sqlite, nowIso: () => this.now().toISOString(), newId: this.services.newId, emit };
  }

  /** Items kept for a kind that has a handler now (after an upgrade) are applied first. */
  private async retryUnhandled(): Promise<void> {
    const ready = await unhandledKindsReady(this.services.db);
    if (ready.length === 0) return;
    await emitAfter(this.services.emit, (emit) => applyUnhandled(this.services.db, ready, this.pullContext(emit)));
  }

  // -------------------------------------------------------------------------------------------
  // Nationwide lookup, enrollment and status

  lookupDevice(query: LookupRequest, locale: Locale): Promise<DeviceLookup> {
    return lookupDevice(this, query, locale);
  }

  enroll(url: string, code: string): Promise<EnrollResponse> {
    return enroll(this, url, code);
  }

  async status(locale: Locale): Promise<SyncStatus> {
    return this.exclusive(() => {
      const s = readSyncState(this.sqlite);
      const waiting = statement<{ n: number }, [number]>(this.sqlite, `SELECT count(*) AS n FROM outbox WHERE seq > ?`).get(s.acked_seq)!.n;
      const err = s.last_error_json ? (JSON.parse(s.last_error_json) as StoredError) : null;
      return {
        enrolled: !!s.hq_shop_id,
        url: s.hq_url,
        hqShopId: s.hq_shop_id,
        enrolledAt: s.enrolled_at,
        waiting,
        lastSuccessAt: s.last_success_at,
        lastAttemptAt: this.attemptAt ?? s.last_attempt_at,
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
