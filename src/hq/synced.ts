/**
 * Reading one shop's synced rows (hq_rows) as the status page, approval from the phone and the
 * customer messages do: a row by its key, the rows whose JSON field equals a value (on the
 * partial expression indexes of migrations 007, 008 and 012), and the shop's settings. The same
 * kysely queries on SQLite and PostgreSQL; pass the transaction when inside one.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { jsonField, type HqDB, type HqDialect } from './db';

export type SyncedRow = Record<string, unknown>;
type Db = Kysely<HqDB> | Transaction<HqDB>;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export async function syncedRow(db: Db, shopId: string, table: string, id: string): Promise<SyncedRow | null> {
  const r = await db.selectFrom('hq_rows').select('data').where('shop_id', '=', shopId).where('table_name', '=', table).where('row_id', '=', id).where('deleted', '=', 0).executeTakeFirst();
  return r?.data ? (JSON.parse(r.data) as SyncedRow) : null;
}

export async function syncedRowsWhere(db: Db, dialect: HqDialect, shopId: string, table: string, field: string, value: string): Promise<SyncedRow[]> {
  const rows = await db
    .selectFrom('hq_rows')
    .select('data')
    .where('table_name', '=', table)
    .where('shop_id', '=', shopId)
    .where(sql<boolean>`${jsonField(dialect, field)} = ${value}`)
    .where('deleted', '=', 0)
    .execute();
  return rows.map((r) => JSON.parse(r.data ?? '{}') as SyncedRow);
}

/** The shop's settings as it last synced them (its `shop` row's settings_json); {} before its first push. */
export async function syncedShopSettings(db: Db, shopId: string): Promise<SyncedRow> {
  const r = await db.selectFrom('hq_rows').select('data').where('table_name', '=', 'shop').where('shop_id', '=', shopId).where('deleted', '=', 0).limit(1).executeTakeFirst();
  try {
    return JSON.parse(str((JSON.parse(r?.data ?? '{}') as SyncedRow).settings_json) || '{}') as SyncedRow;
  } catch {
    return {};
  }
}
