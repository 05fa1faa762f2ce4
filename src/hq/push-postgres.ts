/**
 * Push storage on PostgreSQL: one transaction per push in four round trips (BEGIN; lock the shop
 * row; one statement that upserts every row from arrays, records the batch, advances the shop
 * and reads the change counter; COMMIT), as named prepared statements on the pool's connections.
 */
import type { HqContext } from './context';
import { HqError, foreignRow } from './errors';
import type { PushJob } from './push-validate';
import type { PushResponse } from '../shared/sync/protocol';

export async function pushPostgres(ctx: HqContext, job: PushJob): Promise<PushResponse> {
  const { shopId, batch, rows, now } = job;
  const client = await ctx.store.pool!.connect();
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
          name: 'hq_push_seen2',
          text: 'WITH s AS (UPDATE hq_shops SET last_seen_at = $2, reported_seq = COALESCE($3::bigint, reported_seq) WHERE id = $1) SELECT value FROM hq_counter WHERE id = 1',
          values: [shopId, now, job.reported],
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
        name: 'hq_push_apply3',
        text: `WITH r AS (
                 INSERT INTO hq_rows (shop_id, table_name, row_id, version, deleted, data, updated_at)
                 SELECT $1, u.t, u.id, u.v, u.del, u.data, $2 FROM unnest($3::text[], $4::text[], $5::bigint[], $6::int[], $7::text[]) AS u(t, id, v, del, data)
                 ON CONFLICT (shop_id, table_name, row_id) DO UPDATE
                   SET version = excluded.version, deleted = excluded.deleted, data = excluded.data, updated_at = excluded.updated_at
                   WHERE hq_rows.version < excluded.version
               ), b AS (
                 INSERT INTO hq_batches (shop_id, to_seq, from_seq, row_count, received_at) VALUES ($1, $8::bigint, $9::bigint, $10::int, $2)
               ), s AS (
                 UPDATE hq_shops SET last_seq = $8::bigint, high_version = GREATEST(high_version, $8::bigint), last_push_at = $2, last_seen_at = $2, schema_version = $11::int, app_version = $12, reported_seq = COALESCE($13::bigint, reported_seq) WHERE id = $1
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
          job.reported,
        ],
      });
      await ctx.opts.faults?.beforeCommit?.({ shopId, fromSeq: batch.fromSeq, toSeq: batch.toSeq });
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
