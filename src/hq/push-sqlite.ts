/**
 * Push storage on SQLite: group commit. Pushes that arrive while a transaction is open wait in a
 * queue; the next transaction applies all of them, each inside its own savepoint (a refused or
 * failed batch rolls back alone, exactly as in a transaction of its own), and commits once.
 * Durability is unchanged (synchronous = FULL: every answer is sent after the fsync of the
 * commit that holds its batch); what 200 shops pushing at once share is the fsync, instead of
 * queuing 200 of them.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { HqContext } from './context';
import { HqError, foreignRow } from './errors';
import type { PushJob } from './push-validate';
import { statement } from '../core/db/statements';
import type { PushResponse } from '../shared/sync/protocol';

/** Most pushes one SQLite transaction applies. */
const PUSH_GROUP_MAX = 500;

type Waiting = { job: PushJob; resolve: (r: PushResponse) => void; reject: (e: unknown) => void };
type ShopForPush = { last_seq: number; high_version: number; app_version: string | null };

function statementsOf(db: BetterSqlite3.Database) {
  return {
    begin: statement<never, []>(db, 'BEGIN IMMEDIATE'),
    commit: statement<never, []>(db, 'COMMIT'),
    rollback: statement<never, []>(db, 'ROLLBACK'),
    savepoint: statement<never, []>(db, 'SAVEPOINT hq_push'),
    release: statement<never, []>(db, 'RELEASE hq_push'),
    rollbackTo: statement<never, []>(db, 'ROLLBACK TO hq_push'),
    shopForPush: statement<ShopForPush, [shopId: string]>(db, 'SELECT last_seq, high_version, app_version FROM hq_shops WHERE id = ?'),
    ownerElsewhere: statement<{ shop_id: string }, [table: string, rowId: string, shopId: string]>(
      db,
      'SELECT shop_id FROM hq_rows WHERE table_name = ? AND row_id = ? AND shop_id <> ? LIMIT 1',
    ),
    seen: statement<never, [now: string, reported: number | null, shopId: string]>(db, 'UPDATE hq_shops SET last_seen_at = ?, reported_seq = coalesce(?, reported_seq) WHERE id = ?'),
    upsertRow: statement<never, [shopId: string, table: string, rowId: string, version: number, deleted: number, data: string | null, now: string]>(
      db,
      `INSERT INTO hq_rows (shop_id, table_name, row_id, version, deleted, data, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (shop_id, table_name, row_id) DO UPDATE SET version = excluded.version, deleted = excluded.deleted, data = excluded.data, updated_at = excluded.updated_at
         WHERE hq_rows.version < excluded.version`,
    ),
    insertBatch: statement<never, [shopId: string, toSeq: number, fromSeq: number, rowCount: number, now: string]>(
      db,
      'INSERT INTO hq_batches (shop_id, to_seq, from_seq, row_count, received_at) VALUES (?, ?, ?, ?, ?)',
    ),
    pushed: statement<never, [lastSeq: number, high: number, pushAt: string, seenAt: string, schema: number, app: string | null, reported: number | null, shopId: string]>(
      db,
      'UPDATE hq_shops SET last_seq = ?, high_version = max(high_version, ?), last_push_at = ?, last_seen_at = ?, schema_version = ?, app_version = ?, reported_seq = coalesce(?, reported_seq) WHERE id = ?',
    ),
    counter: statement<{ value: number }, []>(db, 'SELECT value FROM hq_counter WHERE id = 1'),
  };
}
type SqliteStatements = ReturnType<typeof statementsOf>;

export class SqlitePushes {
  private queue: Waiting[] = [];
  private draining = false;
  private st: SqliteStatements | null = null;

  constructor(private readonly ctx: HqContext) {}

  push(job: PushJob): Promise<PushResponse> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        const group = this.queue.splice(0, PUSH_GROUP_MAX);
        // Holding kysely's connection: no kysely transaction (publish, enroll…) is open meanwhile.
        await this.ctx.db.connection().execute(() => this.commitGroup(group)).catch((e: unknown) => {
          for (const g of group) g.reject(e);
        });
      }
    } finally {
      this.draining = false;
    }
  }

  private async commitGroup(group: Waiting[]): Promise<void> {
    const sqlite = this.ctx.store.sqlite!;
    const st = (this.st ??= statementsOf(sqlite));
    const done: { resolve: (r: PushResponse) => void; reject: (e: unknown) => void; res: Omit<PushResponse, 'change'> }[] = [];
    st.begin.run();
    try {
      for (const g of group) {
        st.savepoint.run();
        try {
          const res = apply(st, g.job);
          if (!res.duplicate) await this.ctx.opts.faults?.beforeCommit?.({ shopId: g.job.shopId, fromSeq: g.job.batch.fromSeq, toSeq: g.job.batch.toSeq });
          st.release.run();
          done.push({ resolve: g.resolve, reject: g.reject, res });
        } catch (e) {
          st.rollbackTo.run();
          st.release.run();
          g.reject(e);
        }
      }
      const change = Number(st.counter.get()!.value);
      st.commit.run();
      for (const d of done) d.resolve({ ...d.res, change });
    } catch (e) {
      if (sqlite.inTransaction) st.rollback.run();
      for (const d of done) d.reject(e);
    }
  }
}

function apply(st: SqliteStatements, job: PushJob): Omit<PushResponse, 'change'> {
  const { shopId, batch, rows, now } = job;
  const shop = st.shopForPush.get(shopId);
  if (!shop) throw new HqError('UNAUTHENTICATED', 401, 'unknown shop');
  const last = Number(shop.last_seq);
  const high = Math.max(last, Number(shop.high_version));
  if (batch.toSeq <= last) {
    st.seen.run(now, job.reported, shopId);
    return { lastSeq: last, duplicate: true, highVersion: high };
  }
  if (batch.fromSeq > last + 1) throw new HqError('SEQUENCE_GAP', 409, `expected sequence ${last + 1}`, { expected: last + 1, lastSeq: last });
  for (const r of job.owned) {
    if (st.ownerElsewhere.get(r.t, r.id, shopId)) throw foreignRow(r);
  }
  for (const r of rows) {
    // an older copy (a delayed duplicate) never overwrites a newer one (the upsert's WHERE)
    st.upsertRow.run(shopId, r.t, r.id, r.v, r.op === 'delete' ? 1 : 0, r.op === 'upsert' ? JSON.stringify(r.d) : null, now);
  }
  st.insertBatch.run(shopId, batch.toSeq, batch.fromSeq, rows.length, now);
  st.pushed.run(batch.toSeq, batch.toSeq, now, now, job.schema, job.app ?? shop.app_version, job.reported, shopId);
  return { lastSeq: batch.toSeq, duplicate: false, highVersion: Math.max(high, batch.toSeq) };
}
