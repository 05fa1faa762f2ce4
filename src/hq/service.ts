import crypto from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { z } from 'zod';
import type { HqDatabase, HqDB } from './db';
import { LATEST_SHOP_SCHEMA, OLDEST_SHOP_SCHEMA, shapesAt } from './shapes';
import { fastPushRequest } from './fastcheck';
import type BetterSqlite3 from 'better-sqlite3';
import {
  PROTOCOL_VERSION,
  enrollRequestSchema,
  normalizeEnrollmentCode,
  pullRequestSchema,
  pushRequestSchema,
  restoreRequestSchema,
  type RestoreResponse,
  type EnrollResponse,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type SyncErrorCode,
} from '../shared/sync/protocol';
import { pulledKindIdSchema, pulledKinds } from '../shared/sync/kinds';
import { shopCodeSchema } from '../shared/shop/schemas';

/** A typed head-office refusal: `{ error: { code, message, details } }` with an HTTP status. */
export class HqError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    readonly status: number,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
  body() {
    return { error: { code: this.code, message: this.message, details: this.details } };
  }
}

export const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
function enrollmentCode(): string {
  const bytes = crypto.randomBytes(12);
  const chars = [...bytes].map((b) => CROCKFORD[b % 32]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

export interface HqFaults {
  /** Called inside a push's transaction just before commit; throw (or never resolve) to simulate a crash. */
  beforeCommit?(info: { shopId: string; fromSeq: number; toSeq: number }): void | Promise<void>;
}

export interface RequestMeta {
  protocol: string | undefined;
  schema: string | undefined;
  app?: string | undefined;
}

export interface ShopSummary {
  id: string;
  code: string;
  name: string;
  enrolled: boolean;
  revoked: boolean;
  lastSeq: number;
  lastPushAt: string | null;
  lastPullAt: string | null;
  lastSeenAt: string | null;
  schemaVersion: number | null;
  appVersion: string | null;
  createdAt: string;
}

export const publishSchema = z
  .object({
    kind: pulledKindIdSchema,
    shopId: z.string().min(1).max(100).optional(),
    items: z
      .array(z.union([z.object({ id: z.string().min(1).max(200), data: z.unknown() }).strict(), z.object({ id: z.string().min(1).max(200), deleted: z.literal(true) }).strict()]))
      .min(1)
      .max(5000),
  })
  .strict();

const CODE_TTL_MS = 7 * 24 * 3600_000;
/** Most pushes one SQLite transaction applies (group commit). */
const PUSH_GROUP_MAX = 500;

interface PushJob {
  shopId: string;
  batch: PushRequest;
  /** The batch's rows, each (table, id) once: its newest version. */
  rows: PushRequest['rows'];
  /** The rows of tables whose ids no two shops share (checked against other shops' rows). */
  owned: PushRequest['rows'];
  schema: number;
  app: string | null;
  now: string;
}

interface SqliteStatements {
  byToken: BetterSqlite3.Statement;
  begin: BetterSqlite3.Statement;
  commit: BetterSqlite3.Statement;
  rollback: BetterSqlite3.Statement;
  savepoint: BetterSqlite3.Statement;
  release: BetterSqlite3.Statement;
  rollbackTo: BetterSqlite3.Statement;
  shopForPush: BetterSqlite3.Statement;
  ownerElsewhere: BetterSqlite3.Statement;
  seen: BetterSqlite3.Statement;
  upsertRow: BetterSqlite3.Statement;
  insertBatch: BetterSqlite3.Statement;
  pushed: BetterSqlite3.Statement;
  counter: BetterSqlite3.Statement;
}

/**
 * Head office's logic, independent of HTTP (the Fastify app and the tests call it): shops and
 * enrollment, push (idempotent batches in order), pull (head-office data by change counter),
 * publishing, figures.
 */
export class HqService {
  readonly db: Kysely<HqDB>;
  constructor(
    readonly store: HqDatabase,
    readonly opts: { now?: () => Date; faults?: HqFaults } = {},
  ) {
    this.db = store.db;
  }

  private nowIso(): string {
    return (this.opts.now?.() ?? new Date()).toISOString();
  }

  // ---------------------------------------------------------------------------------------------
  // Versions and authentication

  /** Protocol must match; the shop schema must be the current one or the one before. Answers the schema version. */
  checkVersions(meta: RequestMeta): number {
    if (meta.protocol !== String(PROTOCOL_VERSION)) {
      throw new HqError('PROTOCOL_MISMATCH', 426, `protocol ${PROTOCOL_VERSION} expected`, { expected: PROTOCOL_VERSION, got: String(meta.protocol ?? '') });
    }
    const schema = Number(meta.schema);
    if (!Number.isInteger(schema) || schema < 1) throw new HqError('MALFORMED', 400, 'schema version missing', { reason: 'x-fixpoint-schema' });
    if (schema < OLDEST_SHOP_SCHEMA)
      throw new HqError('SHOP_OUTDATED', 426, 'shop schema too old: update Fixpoint', { shopSchema: schema, minSchema: OLDEST_SHOP_SCHEMA });
    if (schema > LATEST_SHOP_SCHEMA)
      throw new HqError('HQ_OUTDATED', 409, 'shop schema newer than head office', { shopSchema: schema, maxSchema: LATEST_SHOP_SCHEMA });
    return schema;
  }

  async authenticate(authorization: string | undefined): Promise<{ id: string }> {
    const token = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : '';
    if (!token || token.length > 200) throw new HqError('UNAUTHENTICATED', 401, 'shop token required');
    const shop = await this.shopByTokenHash(sha256(token));
    if (!shop) throw new HqError('UNAUTHENTICATED', 401, 'unknown shop token');
    if (shop.revoked_at) throw new HqError('TOKEN_REVOKED', 401, 'shop token revoked');
    return { id: shop.id };
  }

  /** Every shop request starts here: a prepared statement, no query building. */
  private async shopByTokenHash(hash: string): Promise<{ id: string; revoked_at: string | null } | undefined> {
    const { sqlite, pool } = this.store;
    if (sqlite) {
      const st = this.sqliteStatements();
      return this.db.connection().execute(async () => st.byToken.get(hash) as { id: string; revoked_at: string | null } | undefined);
    }
    if (pool) {
      const r = await pool.query<{ id: string; revoked_at: string | null }>({ name: 'hq_auth', text: 'SELECT id, revoked_at FROM hq_shops WHERE token_hash = $1', values: [hash] });
      return r.rows[0];
    }
    return this.db.selectFrom('hq_shops').select(['id', 'revoked_at']).where('token_hash', '=', hash).executeTakeFirst();
  }

  // ---------------------------------------------------------------------------------------------
  // Shops (admin)

  async createShop(input: { code: string; name: string }): Promise<{ shop: ShopSummary; enrollmentCode: string; expiresAt: string }> {
    const parsed = z.object({ code: shopCodeSchema, name: z.string().trim().min(1).max(80) }).strict().safeParse(input);
    if (!parsed.success) throw new HqError('MALFORMED', 400, 'invalid shop', { reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    const existing = await this.db.selectFrom('hq_shops').select('id').where('code', '=', parsed.data.code).executeTakeFirst();
    if (existing) throw new HqError('MALFORMED', 409, `shop code ${parsed.data.code} exists`, { reason: 'code taken' });
    const id = crypto.randomUUID();
    const code = enrollmentCode();
    const expiresAt = new Date((this.opts.now?.() ?? new Date()).getTime() + CODE_TTL_MS).toISOString();
    await this.db
      .insertInto('hq_shops')
      .values({
        id,
        code: parsed.data.code,
        name: parsed.data.name,
        shop_uid: null,
        token_hash: null,
        revoked_at: null,
        enroll_code_hash: sha256(normalizeEnrollmentCode(code)),
        enroll_expires_at: expiresAt,
        enroll_used_at: null,
        enroll_rebased: 0,
        enrolled_at: null,
        created_at: this.nowIso(),
        last_seq: 0,
        high_version: 0,
        last_push_at: null,
        last_pull_at: null,
        last_seen_at: null,
        schema_version: null,
        app_version: null,
      })
      .execute();
    return { shop: (await this.shop(id))!, enrollmentCode: code, expiresAt };
  }

  /** A fresh one-time code for a shop (re-enrollment after a revocation or a new PC). */
  async newEnrollmentCode(idOrCode: string): Promise<{ shop: ShopSummary; enrollmentCode: string; expiresAt: string }> {
    const shop = await this.findShop(idOrCode);
    const code = enrollmentCode();
    const expiresAt = new Date((this.opts.now?.() ?? new Date()).getTime() + CODE_TTL_MS).toISOString();
    await this.db
      .updateTable('hq_shops')
      .set({ enroll_code_hash: sha256(normalizeEnrollmentCode(code)), enroll_expires_at: expiresAt, enroll_used_at: null })
      .where('id', '=', shop.id)
      .execute();
    return { shop: (await this.shop(shop.id))!, enrollmentCode: code, expiresAt };
  }

  async revoke(idOrCode: string): Promise<ShopSummary> {
    const shop = await this.findShop(idOrCode);
    await this.db.updateTable('hq_shops').set({ revoked_at: this.nowIso(), enroll_code_hash: null }).where('id', '=', shop.id).execute();
    return (await this.shop(shop.id))!;
  }

  private async findShop(idOrCode: string) {
    const shop = await this.db
      .selectFrom('hq_shops')
      .selectAll()
      .where((eb) => eb.or([eb('id', '=', idOrCode), eb('code', '=', idOrCode)]))
      .executeTakeFirst();
    if (!shop) throw new HqError('NOT_FOUND', 404, `no shop ${idOrCode}`);
    return shop;
  }

  async shop(id: string): Promise<ShopSummary | null> {
    const r = await this.db.selectFrom('hq_shops').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? summary(r) : null;
  }

  async listShops(): Promise<ShopSummary[]> {
    const rows = await this.db.selectFrom('hq_shops').selectAll().orderBy('code').execute();
    return rows.map(summary);
  }

  // ---------------------------------------------------------------------------------------------
  // Enrollment: a one-time code, the shop's own token stored hashed. A retry with the same code
  // and token (the reply was lost) succeeds again; any other use of a used code is refused.

  async enroll(body: unknown, meta: RequestMeta): Promise<EnrollResponse> {
    const schema = this.checkVersions(meta);
    const req = enrollRequestSchema.safeParse(body);
    if (!req.success) throw malformed(req.error);
    const codeHash = sha256(normalizeEnrollmentCode(req.data.code));
    const tokenHash = sha256(req.data.token);
    const now = this.nowIso();
    return this.db.transaction().execute(async (trx) => {
      const shop = await lockShop(trx, this.store.dialect, (q) => q.where('enroll_code_hash', '=', codeHash));
      const bad = () => new HqError('BAD_ENROLLMENT_CODE', 403, 'enrollment code invalid, used or expired');
      if (!shop) throw bad();
      if (shop.enroll_used_at) {
        const retry = shop.token_hash === tokenHash && !shop.revoked_at && Date.parse(now) - Date.parse(shop.enroll_used_at) < 24 * 3600_000;
        if (!retry) throw bad();
        // The same answer as the first time (its reply was lost), as long as nothing was pushed since.
        const lastSeq = Number(shop.last_seq);
        return { shopId: shop.id, code: shop.code, name: shop.name, lastSeq, rebased: shop.enroll_rebased === 1, highVersion: Math.max(lastSeq, Number(shop.high_version)) };
      }
      if (!shop.enroll_expires_at || Date.parse(shop.enroll_expires_at) < Date.parse(now)) throw bad();
      let lastSeq = Number(shop.last_seq);
      let rebased = false;
      if (lastSeq === 0) {
        lastSeq = req.data.baseSeq;
        rebased = req.data.baseSeq > 0;
      } else if (shop.shop_uid !== req.data.shop.uid) {
        rebased = true; // another database takes over this shop: it continues after what is here
      }
      await trx
        .updateTable('hq_shops')
        .set({
          token_hash: tokenHash,
          revoked_at: null,
          enroll_used_at: now,
          enroll_rebased: rebased ? 1 : 0,
          enrolled_at: now,
          shop_uid: req.data.shop.uid,
          last_seq: lastSeq,
          schema_version: schema,
          app_version: meta.app?.slice(0, 40) ?? null,
          last_seen_at: now,
        })
        .where('id', '=', shop.id)
        .execute();
      return { shopId: shop.id, code: shop.code, name: shop.name, lastSeq, rebased, highVersion: Math.max(lastSeq, Number(shop.high_version)) };
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Push

  async push(shopId: string, body: unknown, meta: RequestMeta): Promise<PushResponse> {
    const schema = this.checkVersions(meta);
    const shapes = shapesAt(schema);
    // Validation: the compiled checks accept a well-formed batch in one pass; anything they do not
    // accept goes through the zod schemas, which decide and word the refusal.
    const fast = fastPushRequest(body, shapes);
    let batch: PushRequest;
    if (fast) batch = fast;
    else {
      const req = pushRequestSchema.safeParse(body);
      if (!req.success) throw malformed(req.error);
      batch = req.data;
    }
    if (batch.shopId !== shopId) throw new HqError('WRONG_SHOP', 403, 'batch belongs to another shop');
    // Validate every row before touching anything: a bad row refuses the whole batch.
    const latest = new Map<string, PushRequest['rows'][number]>();
    const rawRows = fast ? null : rawRowsOf(body);
    for (const [i, row] of batch.rows.entries()) {
      const shape = shapes.get(row.t);
      if (!shape) throw new HqError('UNKNOWN_TABLE', 422, `unknown table ${row.t}`, { table: row.t });
      // A version beyond the batch would sit above everything acknowledged, and no later edit of
      // the row (after a restore, the shop continues above head office's sequence) could replace it.
      if (row.v < batch.fromSeq || row.v > batch.toSeq) {
        throw new HqError('VERSION_OUT_OF_BATCH', 422, `version ${row.v} of ${row.t}/${row.id} outside ${batch.fromSeq}..${batch.toSeq}`, {
          table: row.t,
          id: row.id.slice(0, 60),
          version: row.v,
          fromSeq: batch.fromSeq,
          toSeq: batch.toSeq,
        });
      }
      if (row.op === 'upsert') {
        if (!fast) {
          // The raw JSON's own keys: zod's record drops a `__proto__` key without a word.
          const unknown = Object.keys(rawRows?.[i] ?? {}).find((k) => !shape.columnNames.has(k));
          if (unknown !== undefined) {
            throw new HqError('ROW_INVALID', 422, `unknown column ${row.t}.${unknown}`, {
              table: row.t,
              id: row.id.slice(0, 60),
              reason: `unknown column ${unknown.slice(0, 60)}`,
            });
          }
          const parsed = shape.row.safeParse(row.d);
          if (!parsed.success) {
            const issue = parsed.error.issues[0]!;
            throw new HqError('ROW_INVALID', 422, `invalid row ${row.t}/${row.id}`, {
              table: row.t,
              id: row.id.slice(0, 60),
              reason: `${issue.path.join('.') || '(row)'}: ${issue.message}`.slice(0, 200),
            });
          }
        }
        if (String(row.d[shape.idColumn]) !== row.id) {
          throw new HqError('ROW_INVALID', 422, `row id mismatch ${row.t}/${row.id}`, { table: row.t, id: row.id.slice(0, 60), reason: `${shape.idColumn} ≠ id` });
        }
      }
      const key = `${row.t}\u0000${row.id}`;
      const prev = latest.get(key);
      if (!prev || prev.v < row.v) latest.set(key, row);
    }
    const rows = [...latest.values()];
    const job: PushJob = { shopId, batch, rows, owned: rows.filter((r) => shapes.get(r.t)!.globalIds), schema, app: meta.app?.slice(0, 40) ?? null, now: this.nowIso() };
    if (this.store.sqlite) return this.pushSqlite(job);
    if (this.store.pool) return this.pushPostgres(job);
    throw new Error('head-office store without a driver');
  }

  // SQLite: group commit. Pushes that arrive while a transaction is open wait in a queue; the next
  // transaction applies all of them, each inside its own savepoint (a refused or failed batch rolls
  // back alone, exactly as in a transaction of its own), and commits once. Durability is unchanged
  // (synchronous = FULL: every answer is sent after the fsync of the commit that holds its batch);
  // what 200 shops pushing at once share is the fsync, instead of queuing 200 of them.
  private pushQueue: { job: PushJob; resolve: (r: PushResponse) => void; reject: (e: unknown) => void }[] = [];
  private pushDraining = false;

  private pushSqlite(job: PushJob): Promise<PushResponse> {
    return new Promise((resolve, reject) => {
      this.pushQueue.push({ job, resolve, reject });
      if (!this.pushDraining) void this.drainPushes();
    });
  }

  private async drainPushes(): Promise<void> {
    this.pushDraining = true;
    try {
      while (this.pushQueue.length > 0) {
        const group = this.pushQueue.splice(0, PUSH_GROUP_MAX);
        // Holding kysely's connection: no kysely transaction (publish, enroll…) is open meanwhile.
        await this.db.connection().execute(() => this.commitGroup(group)).catch((e: unknown) => {
          for (const g of group) g.reject(e);
        });
      }
    } finally {
      this.pushDraining = false;
    }
  }

  private async commitGroup(group: { job: PushJob; resolve: (r: PushResponse) => void; reject: (e: unknown) => void }[]): Promise<void> {
    const st = this.sqliteStatements();
    const sqlite = this.store.sqlite!;
    const done: { resolve: (r: PushResponse) => void; reject: (e: unknown) => void; res: Omit<PushResponse, 'change'> }[] = [];
    st.begin.run();
    try {
      for (const g of group) {
        st.savepoint.run();
        try {
          const res = this.applySqlite(st, g.job);
          if (!res.duplicate) await this.opts.faults?.beforeCommit?.({ shopId: g.job.shopId, fromSeq: g.job.batch.fromSeq, toSeq: g.job.batch.toSeq });
          st.release.run();
          done.push({ resolve: g.resolve, reject: g.reject, res });
        } catch (e) {
          st.rollbackTo.run();
          st.release.run();
          g.reject(e);
        }
      }
      const change = Number((st.counter.get() as { value: number }).value);
      st.commit.run();
      for (const d of done) d.resolve({ ...d.res, change });
    } catch (e) {
      if (sqlite.inTransaction) st.rollback.run();
      for (const d of done) d.reject(e);
    }
  }

  private applySqlite(st: SqliteStatements, job: PushJob): Omit<PushResponse, 'change'> {
    const { shopId, batch, rows, now } = job;
    const shop = st.shopForPush.get(shopId) as { last_seq: number; high_version: number; app_version: string | null } | undefined;
    if (!shop) throw new HqError('UNAUTHENTICATED', 401, 'unknown shop');
    const last = Number(shop.last_seq);
    const high = Math.max(last, Number(shop.high_version));
    if (batch.toSeq <= last) {
      st.seen.run(now, shopId);
      return { lastSeq: last, duplicate: true, highVersion: high };
    }
    if (batch.fromSeq > last + 1) throw new HqError('SEQUENCE_GAP', 409, `expected sequence ${last + 1}`, { expected: last + 1, lastSeq: last });
    for (const r of job.owned) {
      const other = st.ownerElsewhere.get(r.t, r.id, shopId) as { shop_id: string } | undefined;
      if (other) throw foreignRow(r);
    }
    for (const r of rows) {
      // an older copy (a delayed duplicate) never overwrites a newer one (the upsert's WHERE)
      st.upsertRow.run(shopId, r.t, r.id, r.v, r.op === 'delete' ? 1 : 0, r.op === 'upsert' ? JSON.stringify(r.d) : null, now);
    }
    st.insertBatch.run(shopId, batch.toSeq, batch.fromSeq, rows.length, now);
    st.pushed.run(batch.toSeq, batch.toSeq, now, now, job.schema, job.app ?? shop.app_version, shopId);
    return { lastSeq: batch.toSeq, duplicate: false, highVersion: Math.max(high, batch.toSeq) };
  }

  private sqliteStmts: SqliteStatements | null = null;
  private sqliteStatements(): SqliteStatements {
    if (this.sqliteStmts) return this.sqliteStmts;
    const db = this.store.sqlite!;
    this.sqliteStmts = {
      byToken: db.prepare('SELECT id, revoked_at FROM hq_shops WHERE token_hash = ?'),
      begin: db.prepare('BEGIN IMMEDIATE'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
      savepoint: db.prepare('SAVEPOINT hq_push'),
      release: db.prepare('RELEASE hq_push'),
      rollbackTo: db.prepare('ROLLBACK TO hq_push'),
      shopForPush: db.prepare('SELECT last_seq, high_version, app_version FROM hq_shops WHERE id = ?'),
      ownerElsewhere: db.prepare('SELECT shop_id FROM hq_rows WHERE table_name = ? AND row_id = ? AND shop_id <> ? LIMIT 1'),
      seen: db.prepare('UPDATE hq_shops SET last_seen_at = ? WHERE id = ?'),
      upsertRow: db.prepare(
        `INSERT INTO hq_rows (shop_id, table_name, row_id, version, deleted, data, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (shop_id, table_name, row_id) DO UPDATE SET version = excluded.version, deleted = excluded.deleted, data = excluded.data, updated_at = excluded.updated_at
         WHERE hq_rows.version < excluded.version`,
      ),
      insertBatch: db.prepare('INSERT INTO hq_batches (shop_id, to_seq, from_seq, row_count, received_at) VALUES (?, ?, ?, ?, ?)'),
      pushed: db.prepare(
        'UPDATE hq_shops SET last_seq = ?, high_version = max(high_version, ?), last_push_at = ?, last_seen_at = ?, schema_version = ?, app_version = ? WHERE id = ?',
      ),
      counter: db.prepare('SELECT value FROM hq_counter WHERE id = 1'),
    };
    return this.sqliteStmts;
  }

  // PostgreSQL: one transaction per push in four round trips (BEGIN; lock the shop row; one
  // statement that upserts every row from arrays, records the batch, advances the shop and reads
  // the change counter; COMMIT), as named prepared statements on the pool's connections.
  private async pushPostgres(job: PushJob): Promise<PushResponse> {
    const { shopId, batch, rows, now } = job;
    const client = await this.store.pool!.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      try {
        const shop = (
          await client.query<{ last_seq: number; high_version: number; app_version: string | null }>({
            name: 'hq_push_lock2',
            text: 'SELECT last_seq, high_version, app_version FROM hq_shops WHERE id = $1 FOR UPDATE',
            values: [shopId],
          })
        ).rows[0];
        if (!shop) throw new HqError('UNAUTHENTICATED', 401, 'unknown shop');
        const last = Number(shop.last_seq);
        const high = Math.max(last, Number(shop.high_version));
        if (batch.toSeq <= last) {
          const r = await client.query<{ value: number }>({
            name: 'hq_push_seen',
            text: 'WITH s AS (UPDATE hq_shops SET last_seen_at = $2 WHERE id = $1) SELECT value FROM hq_counter WHERE id = 1',
            values: [shopId, now],
          });
          await client.query('COMMIT');
          return { lastSeq: last, duplicate: true, change: Number(r.rows[0]!.value), highVersion: high };
        }
        if (batch.fromSeq > last + 1) throw new HqError('SEQUENCE_GAP', 409, `expected sequence ${last + 1}`, { expected: last + 1, lastSeq: last });
        if (job.owned.length > 0) {
          const other = await client.query<{ t: string; id: string }>({
            name: 'hq_push_foreign',
            text: `SELECT u.t, u.id FROM unnest($1::text[], $2::text[]) AS u(t, id)
                   WHERE EXISTS (SELECT 1 FROM hq_rows r WHERE r.table_name = u.t AND r.row_id = u.id AND r.shop_id <> $3) LIMIT 1`,
            values: [job.owned.map((x) => x.t), job.owned.map((x) => x.id), shopId],
          });
          const hit = other.rows[0];
          if (hit) throw foreignRow({ t: hit.t, id: hit.id });
        }
        const r = await client.query<{ value: number }>({
          name: 'hq_push_apply2',
          text: `WITH r AS (
                   INSERT INTO hq_rows (shop_id, table_name, row_id, version, deleted, data, updated_at)
                   SELECT $1, u.t, u.id, u.v, u.del, u.data, $2 FROM unnest($3::text[], $4::text[], $5::bigint[], $6::int[], $7::text[]) AS u(t, id, v, del, data)
                   ON CONFLICT (shop_id, table_name, row_id) DO UPDATE
                     SET version = excluded.version, deleted = excluded.deleted, data = excluded.data, updated_at = excluded.updated_at
                     WHERE hq_rows.version < excluded.version
                 ), b AS (
                   INSERT INTO hq_batches (shop_id, to_seq, from_seq, row_count, received_at) VALUES ($1, $8::bigint, $9::bigint, $10::int, $2)
                 ), s AS (
                   UPDATE hq_shops SET last_seq = $8::bigint, high_version = GREATEST(high_version, $8::bigint), last_push_at = $2, last_seen_at = $2, schema_version = $11::int, app_version = $12 WHERE id = $1
                 )
                 SELECT value FROM hq_counter WHERE id = 1`,
          values: [
            shopId,
            now,
            rows.map((x) => x.t),
            rows.map((x) => x.id),
            rows.map((x) => x.v),
            rows.map((x) => (x.op === 'delete' ? 1 : 0)),
            rows.map((x) => (x.op === 'upsert' ? JSON.stringify(x.d) : null)),
            batch.toSeq,
            batch.fromSeq,
            rows.length,
            job.schema,
            job.app ?? shop.app_version,
          ],
        });
        await this.opts.faults?.beforeCommit?.({ shopId, fromSeq: batch.fromSeq, toSeq: batch.toSeq });
        await client.query('COMMIT');
        return { lastSeq: batch.toSeq, duplicate: false, change: Number(r.rows[0]!.value), highVersion: Math.max(high, batch.toSeq) };
      } catch (e) {
        await client.query('ROLLBACK').catch((re: Error) => (broken = re));
        throw e;
      }
    } catch (e) {
      if (!(e instanceof HqError) && !broken) broken = e as Error; // a failed connection is not reused
      throw e;
    } finally {
      client.release(broken);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Pull and publish

  async pull(shopId: string, body: unknown, meta: RequestMeta): Promise<PullResponse> {
    this.checkVersions(meta);
    const req = pullRequestSchema.safeParse(body);
    if (!req.success) throw malformed(req.error);
    const { cursor, limit } = req.data;
    // The counter first: every change up to it is committed (publishes take the counter row's lock
    // until they commit), so the items read next hold all of them that are meant for this shop.
    const counter = Number((await this.db.selectFrom('hq_counter').select('value').where('id', '=', 1).executeTakeFirstOrThrow()).value);
    const rows = await this.db
      .selectFrom('hq_items')
      .selectAll()
      .where('change_no', '>', cursor)
      .where((eb) => eb.or([eb('scope', '=', '*'), eb('scope', '=', shopId)]))
      .orderBy('change_no')
      .limit(limit + 1)
      .execute();
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    await this.db.updateTable('hq_shops').set({ last_pull_at: this.nowIso(), last_seen_at: this.nowIso() }).where('id', '=', shopId).execute();
    return {
      items: page.map((r) => ({ kind: r.kind, id: r.id, change: Number(r.change_no), deleted: r.deleted === 1, data: r.data === null ? null : JSON.parse(r.data) })),
      // The last page moves the cursor to the counter (past changes meant for other shops), so
      // the shop's next push answer tells it whether anything is left to pull.
      cursor: more ? Number(page[page.length - 1]!.change_no) : Math.max(cursor, counter, page.length ? Number(page[page.length - 1]!.change_no) : 0),
      more,
    };
  }

  /**
   * Restore from head office: a page of the shop's own live rows of one table, in row id order
   * (the primary key's order: a range scan, no sort). Rows of other shops are never read.
   */
  async restorePage(shopId: string, body: unknown, meta: RequestMeta): Promise<RestoreResponse> {
    this.checkVersions(meta);
    const req = restoreRequestSchema.safeParse(body);
    if (!req.success) throw malformed(req.error);
    const { table, after, limit } = req.data;
    let q = this.db
      .selectFrom('hq_rows')
      .select(['row_id', 'version', 'data'])
      .where('shop_id', '=', shopId)
      .where('table_name', '=', table)
      .where('deleted', '=', 0)
      .orderBy('row_id')
      .limit(limit + 1);
    if (after !== null) q = q.where('row_id', '>', after);
    const rows = await q.execute();
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const shop = await this.db.selectFrom('hq_shops').select(['last_seq', 'high_version']).where('id', '=', shopId).executeTakeFirstOrThrow();
    const lastSeq = Number(shop.last_seq);
    return {
      rows: page.map((r) => ({ id: r.row_id, v: Number(r.version), d: JSON.parse(r.data!) as RestoreResponse['rows'][number]['d'] })),
      next: more ? page[page.length - 1]!.row_id : null,
      lastSeq,
      highVersion: Math.max(lastSeq, Number(shop.high_version)),
    };
  }

  /** Publishes head-office data: every item bumps the global change counter in the same transaction. */
  async publish(body: unknown): Promise<{ changes: number[] }> {
    const req = publishSchema.safeParse(body);
    if (!req.success) throw malformed(req.error);
    const { kind, shopId, items } = req.data;
    const def = pulledKinds[kind];
    if (!def) throw new HqError('MALFORMED', 400, `unknown kind ${kind}`, { reason: `kind ${kind}` });
    if (def.scope === 'shop' && !shopId) throw new HqError('MALFORMED', 400, `${kind} needs shopId`, { reason: 'shopId' });
    if (def.scope === 'all' && shopId) throw new HqError('MALFORMED', 400, `${kind} goes to every shop`, { reason: 'shopId' });
    const scope = shopId ? (await this.findShop(shopId)).id : '*';
    const prepared = items.map((it, i) => {
      if ('deleted' in it) return { id: it.id, data: null };
      const parsed = def.data.safeParse(it.data);
      if (!parsed.success) throw malformed(parsed.error, `items.${i}.data`);
      return { id: it.id, data: JSON.stringify(parsed.data) };
    });
    const now = this.nowIso();
    return this.db.transaction().execute(async (trx) => {
      // The counter row is locked until commit, so change numbers commit in order.
      const { value } = await trx
        .updateTable('hq_counter')
        .set((eb) => ({ value: eb('value', '+', prepared.length) }))
        .where('id', '=', 1)
        .returning('value')
        .executeTakeFirstOrThrow();
      const first = Number(value) - prepared.length + 1;
      const changes: number[] = [];
      for (const [i, it] of prepared.entries()) {
        const change = first + i;
        changes.push(change);
        await trx
          .insertInto('hq_items')
          .values({ kind, scope, id: it.id, change_no: change, deleted: it.data === null ? 1 : 0, data: it.data, updated_at: now })
          .onConflict((oc) => oc.columns(['kind', 'scope', 'id']).doUpdateSet({ change_no: change, deleted: it.data === null ? 1 : 0, data: it.data, updated_at: now }))
          .execute();
      }
      return { changes };
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Figures (the reports issue extends these): row counts per table, per shop and for all shops.

  async figures(shopId?: string) {
    let q = this.db
      .selectFrom('hq_rows')
      .select(['shop_id', 'table_name', (eb) => eb.fn.countAll<number>().as('n')])
      .where('deleted', '=', 0)
      .groupBy(['shop_id', 'table_name']);
    if (shopId) q = q.where('shop_id', '=', (await this.findShop(shopId)).id);
    const counts = await q.execute();
    const claimed =
      this.store.dialect === 'postgres'
        ? sql<boolean>`(data::jsonb ->> 'warranty_claimed') = '1'`
        : sql<boolean>`json_extract(data, '$.warranty_claimed') = 1`;
    let cq = this.db
      .selectFrom('hq_rows')
      .select(['shop_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('table_name', '=', 'tickets')
      .where('deleted', '=', 0)
      .where(claimed)
      .groupBy('shop_id');
    if (shopId) cq = cq.where('shop_id', '=', (await this.findShop(shopId)).id);
    const claims = new Map((await cq.execute()).map((r) => [r.shop_id, Number(r.n)]));
    const shops = (await this.listShops()).filter((s) => !shopId || s.id === shopId || s.code === shopId);
    const per = shops.map((s) => {
      const tables: Record<string, number> = {};
      for (const c of counts) if (c.shop_id === s.id) tables[c.table_name] = Number(c.n);
      return {
        shopId: s.id,
        code: s.code,
        name: s.name,
        lastSeq: s.lastSeq,
        lastPushAt: s.lastPushAt,
        tickets: tables.tickets ?? 0,
        claims: claims.get(s.id) ?? 0,
        stockMovements: tables.stock_movements ?? 0,
        tables,
      };
    });
    const total = { tickets: 0, claims: 0, stockMovements: 0, tables: {} as Record<string, number> };
    for (const p of per) {
      total.tickets += p.tickets;
      total.claims += p.claims;
      total.stockMovements += p.stockMovements;
      for (const [t, n] of Object.entries(p.tables)) total.tables[t] = (total.tables[t] ?? 0) + n;
    }
    return { generatedAt: this.nowIso(), shops: per, total };
  }

  /** Every live row head office holds for a shop, keyed `table/id` (tests compare it with the shop). */
  async dumpShop(shopId: string): Promise<Map<string, Record<string, unknown>>> {
    const rows = await this.db.selectFrom('hq_rows').select(['table_name', 'row_id', 'data']).where('shop_id', '=', shopId).where('deleted', '=', 0).execute();
    return new Map(rows.map((r) => [`${r.table_name}/${r.row_id}`, JSON.parse(r.data!) as Record<string, unknown>]));
  }
}


type ShopRow = HqDB['hq_shops'];

/** Reads a shop row and, on PostgreSQL, locks it until commit (SQLite transactions are serial already). */
async function lockShop(
  trx: Transaction<HqDB>,
  dialect: HqDatabase['dialect'],
  where: (q: ReturnType<Transaction<HqDB>['selectFrom']> & any) => any,
): Promise<ShopRow | undefined> {
  let q = where(trx.selectFrom('hq_shops').selectAll());
  if (dialect === 'postgres') q = q.forUpdate();
  return (await q.executeTakeFirst()) as ShopRow | undefined;
}

function foreignRow(r: { t: string; id: string }): HqError {
  return new HqError('FOREIGN_ROW', 409, `${r.t}/${r.id} belongs to another shop`, { table: r.t, id: r.id.slice(0, 60) });
}

/** Each raw row's `d` object as received (before zod), by index; null where there is none. */
function rawRowsOf(body: unknown): (Record<string, unknown> | null)[] {
  const rows = (body as { rows?: unknown } | null)?.rows;
  if (!Array.isArray(rows)) return [];
  return rows.map((r) => {
    const d = (r as { d?: unknown } | null)?.d;
    return typeof d === 'object' && d !== null && !Array.isArray(d) ? (d as Record<string, unknown>) : null;
  });
}

export function malformed(error: z.ZodError, prefix = ''): HqError {
  const issue = error.issues[0];
  const where = [prefix, ...(issue?.path.map(String) ?? [])].filter(Boolean).join('.') || '(body)';
  return new HqError('MALFORMED', 400, `malformed: ${where}: ${issue?.message ?? ''}`, { reason: `${where}: ${issue?.message ?? ''}`.slice(0, 200) });
}

function summary(r: ShopRow): ShopSummary {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    enrolled: !!r.token_hash && !r.revoked_at,
    revoked: !!r.revoked_at,
    lastSeq: Number(r.last_seq),
    lastPushAt: r.last_push_at,
    lastPullAt: r.last_pull_at,
    lastSeenAt: r.last_seen_at,
    schemaVersion: r.schema_version,
    appVersion: r.app_version,
    createdAt: r.created_at,
  };
}
