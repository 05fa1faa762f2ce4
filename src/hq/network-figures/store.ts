/**
 * The projection's I/O: rebuild the facts of every shop whose synced rows moved since they were
 * projected (its sequence or version differs from its mark), and read them back as array rows.
 * Rebuilt when read rather than inside the push, so a push pays nothing and two head-office
 * processes agree through the marks (PostgreSQL: one rebuild per shop at a time, by an advisory
 * lock taken in the rebuild's transaction).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { HqDatabase, HqDB } from '../db';
import { tuples as sqliteTuples } from '../../core/db/statements';
import { factToRow, projectShop, PROJECTED_TABLES, type Row } from './project';

/**
 * Rows of a query as arrays, `?` placeholders, on either engine. `heavy`: an aggregate over a
 * network's year on PostgreSQL, run with JIT off (compiling its many expressions costs more than
 * it saves) and room to sort its percentiles in memory (the settings last for its transaction).
 */
export async function tuples(store: HqDatabase, text: string, params: unknown[], opts: { heavy?: boolean } = {}): Promise<unknown[][]> {
  if (store.sqlite) {
    const sqlite = store.sqlite;
    return store.db.connection().execute(async () => sqliteTuples<unknown[]>(sqlite, text).all(...params));
  }
  if (store.pool) {
    let i = 0;
    const query = { text: text.replace(/\?/g, () => `$${++i}`), values: params, rowMode: 'array' as const };
    if (!opts.heavy) return (await store.pool.query(query)).rows as unknown[][];
    const client = await store.pool.connect();
    try {
      await client.query(`BEGIN; SET LOCAL jit = off; SET LOCAL work_mem = '128MB'`);
      const r = await client.query(query);
      await client.query('COMMIT');
      client.release();
      return r.rows as unknown[][];
    } catch (e) {
      // A failed transaction leaves the connection unusable: it is closed, not returned to the pool.
      client.release(true);
      throw e;
    }
  }
  throw new Error('no database driver');
}

/** `?, ?, …` for a list. */
export const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

async function rebuildShop(trx: Transaction<HqDB>, dialect: HqDatabase['dialect'], shopId: string, ftfDays: number, nowIso: string): Promise<void> {
  if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(hashtext(${'hq_report_facts:' + shopId}))`.execute(trx);
  const shop = await trx.selectFrom('hq_shops').select(['last_seq', 'high_version']).where('id', '=', shopId).executeTakeFirst();
  if (!shop) return;
  const mark = await trx.selectFrom('hq_report_marks').select(['last_seq', 'high_version']).where('shop_id', '=', shopId).executeTakeFirst();
  // Another process rebuilt it while this one waited for the lock.
  if (mark && Number(mark.last_seq) === Number(shop.last_seq) && Number(mark.high_version) === Number(shop.high_version)) return;
  const rows = await trx.selectFrom('hq_rows').select(['table_name', 'data']).where('shop_id', '=', shopId).where('deleted', '=', 0).where('table_name', 'in', [...PROJECTED_TABLES]).execute();
  const tables = new Map<string, Row[]>();
  for (const r of rows) {
    let l = tables.get(r.table_name);
    if (!l) tables.set(r.table_name, (l = []));
    l.push(JSON.parse(r.data!) as Row);
  }
  const present = (await trx.selectFrom('hq_rows').select('table_name').distinct().where('shop_id', '=', shopId).where('deleted', '=', 0).execute()).map((r) => r.table_name).sort();
  const { facts, payments, followUps } = projectShop(shopId, tables, ftfDays);
  await trx.deleteFrom('hq_report_facts').where('shop_id', '=', shopId).execute();
  await trx.deleteFrom('hq_report_payments').where('shop_id', '=', shopId).execute();
  await trx.deleteFrom('hq_report_follow_ups').where('shop_id', '=', shopId).execute();
  // Chunks under SQLite's and PostgreSQL's bound-parameter limits.
  const factRows = facts.map(factToRow);
  for (let i = 0; i < factRows.length; i += 500) await trx.insertInto('hq_report_facts').values(factRows.slice(i, i + 500)).execute();
  for (let i = 0; i < payments.length; i += 2000) await trx.insertInto('hq_report_payments').values(payments.slice(i, i + 2000)).execute();
  for (let i = 0; i < followUps.length; i += 1000) await trx.insertInto('hq_report_follow_ups').values(followUps.slice(i, i + 1000)).execute();
  const mk = { last_seq: Number(shop.last_seq), high_version: Number(shop.high_version), tables_json: JSON.stringify(present), built_at: nowIso };
  await trx.insertInto('hq_report_marks').values({ shop_id: shopId, ...mk }).onConflict((oc) => oc.column('shop_id').doUpdateSet(mk)).execute();
}

/** Brings the projection up to date for some shops (all when omitted); answers the synced tables each shop holds. */
export async function refreshFacts(store: HqDatabase, ftfDays: number, nowIso: string, shopIds?: string[]): Promise<Map<string, Set<string>>> {
  const db: Kysely<HqDB> = store.db;
  const read = async () => {
    let q = db
      .selectFrom('hq_shops as s')
      .leftJoin('hq_report_marks as m', 'm.shop_id', 's.id')
      .select(['s.id', 's.last_seq', 's.high_version', 'm.last_seq as m_seq', 'm.high_version as m_version', 'm.tables_json']);
    if (shopIds) q = q.where('s.id', 'in', shopIds.length ? shopIds : ['']);
    return q.execute();
  };
  let list = await read();
  const stale = list.filter((r) => r.m_seq === null || Number(r.m_seq) !== Number(r.last_seq) || Number(r.m_version) !== Number(r.high_version));
  for (const r of stale) await db.transaction().execute((trx) => rebuildShop(trx, store.dialect, r.id, ftfDays, nowIso));
  if (stale.length) list = await read();
  return new Map(list.map((r) => [r.id, new Set<string>(r.tables_json ? (JSON.parse(r.tables_json) as string[]) : [])]));
}
