import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';

/**
 * What head office owns in this shop and that no column says: the users it provisioned, the
 * service programs it publishes, the local parts its catalog adopted. Kept in the shop's `meta`
 * key–value table (not synced up) as `hq:<kind>:<id>` → JSON, written by the pull handlers in
 * the page's transaction, so a mark and the data it marks always commit together.
 */
const prefix = (kind: string) => `hq:${kind}:`;
const key = (kind: string, id: string) => `${prefix(kind)}${id}`;

export async function setHqMark(db: Kysely<DB>, kind: string, id: string, value: unknown): Promise<void> {
  await sql`INSERT INTO meta (key, value) VALUES (${key(kind, id)}, ${JSON.stringify(value ?? null)})
            ON CONFLICT(key) DO UPDATE SET value = excluded.value`.execute(db);
}

export async function clearHqMark(db: Kysely<DB>, kind: string, id: string): Promise<void> {
  await sql`DELETE FROM meta WHERE key = ${key(kind, id)}`.execute(db);
}

export async function hqMark<T = unknown>(db: Kysely<DB>, kind: string, id: string): Promise<T | undefined> {
  const r = await sql<{ value: string }>`SELECT value FROM meta WHERE key = ${key(kind, id)}`.execute(db);
  return r.rows[0] ? (JSON.parse(r.rows[0].value) as T) : undefined;
}

/** Every mark of a kind, by id. */
export async function hqMarks<T = unknown>(db: Kysely<DB>, kind: string): Promise<Map<string, T>> {
  const p = prefix(kind);
  // A range on the primary key: every key starting with the prefix ('\uffff' sorts after any id character).
  const r = await sql<{ key: string; value: string }>`SELECT key, value FROM meta WHERE key >= ${p} AND key < ${`${p}\uffff`} ORDER BY key`.execute(db);
  return new Map(r.rows.map((row) => [row.key.slice(p.length), JSON.parse(row.value) as T]));
}

