import type BetterSqlite3 from 'better-sqlite3';
import type { Cell, PushRow } from '../../shared/sync/protocol';
import { syncedTables } from '../db/outbox';
import { prepared, statement } from '../db/statements';
import type { OutboxTable } from '../db/schema';
import { outboxTriggerSql } from '../db/catalog';

/**
 * Generic reading of synced rows, for any table that carries outbox triggers: no per-table
 * code. The id column is read from the table's outbox trigger; a row is sent as it is *now*
 * (its columns, BLOBs as base64), or as a tombstone when it no longer exists, with the sequence
 * of its newest change *inside the batch* as version. Never a sequence beyond the batch: head
 * office would hold a version above everything it has acknowledged, and a shop restored from a
 * backup (continuing above head office's last sequence) would have its edits of that row dropped
 * as older. A later change of the row is sent again, with its own sequence, by a later batch.
 */
export interface TableInfo {
  table: string;
  idColumn: string;
}

const idColumnCache = new WeakMap<BetterSqlite3.Database, Map<string, string | null>>();

export function idColumnOf(sqlite: BetterSqlite3.Database, table: string): string | null {
  let cache = idColumnCache.get(sqlite);
  if (!cache) idColumnCache.set(sqlite, (cache = new Map()));
  if (cache.has(table)) return cache.get(table)!;
  const m = outboxTriggerSql(sqlite, table)?.match(/NEW\.([a-z_][a-z0-9_]*)\s*,\s*'upsert'/i);
  const id = m ? m[1]! : null;
  cache.set(table, id);
  return id;
}

export function syncedTableInfo(sqlite: BetterSqlite3.Database): TableInfo[] {
  return syncedTables(sqlite).map((table) => ({ table, idColumn: idColumnOf(sqlite, table) ?? 'id' }));
}

export function encodeRow(row: Record<string, unknown>): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (const [k, v] of Object.entries(row)) {
    if (v === null || v === undefined) out[k] = null;
    else if (Buffer.isBuffer(v)) out[k] = { $b: v.toString('base64') };
    else if (typeof v === 'bigint') out[k] = Number(v);
    else out[k] = v as string | number;
  }
  return out;
}

/**
 * About the length of the row's JSON, without writing it (the batch is serialized once, when
 * sent): names and strings by their length plus quotes and separators, numbers and nulls by a
 * bound. The byte cap is a batch size, far below head office's limits, not an exact measure.
 */
function approxJsonLength(d: Record<string, Cell>): number {
  let n = 2;
  for (const k in d) {
    const v = d[k];
    n += k.length + 4;
    if (typeof v === 'string') n += v.length + 2;
    else if (v !== null && typeof v === 'object') n += v.$b.length + 10;
    else n += 22;
  }
  return n;
}

export interface Batch {
  fromSeq: number;
  toSeq: number;
  rows: PushRow[];
  bytes: number;
}

/** A row as it is now, or 'gone'; through core/db's statement cache (the hot path of a first push). */
function currentRow(sqlite: BetterSqlite3.Database, table: string, id: string): Record<string, unknown> | undefined | 'gone' {
  const col = idColumnOf(sqlite, table);
  if (!col || !/^[a-z_][a-z0-9_]*$/.test(table)) return 'gone';
  try {
    return statement<Record<string, unknown>, [string]>(sqlite, `SELECT * FROM "${table}" WHERE "${col}" = ?`).get(id);
  } catch {
    return 'gone'; // the table was dropped: its rows are gone
  }
}

/**
 * Reads the next batch after `acked`: outbox entries in order, each changed row once, cut
 * before `maxEntries` entries or `maxBytes` of row data (a single larger row still goes alone).
 * Synchronous: call it while holding the connection (no other transaction open).
 */
export function readBatch(sqlite: BetterSqlite3.Database, acked: number, maxEntries: number, maxBytes: number): Batch | null {
  return sqlite.transaction(() => {
    const entries = statement<Pick<OutboxTable, 'table_name' | 'row_id'> & { seq: number }, [number, number]>(
      sqlite,
      `SELECT seq, table_name, row_id FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?`,
    ).all(acked, maxEntries);
    if (entries.length === 0) return null;
    const seen = new Map<string, PushRow>();
    const rows: PushRow[] = [];
    let bytes = 0;
    let toSeq = acked;
    for (const e of entries) {
      const key = `${e.table_name}\u0000${e.row_id}`;
      const earlier = seen.get(key);
      if (earlier) earlier.v = e.seq; // entries come in order: the row's newest change so far
      else {
        const v = e.seq;
        const raw = currentRow(sqlite, e.table_name, e.row_id);
        let row: PushRow;
        let size: number;
        if (raw && raw !== 'gone') {
          const d = encodeRow(raw);
          row = { op: 'upsert', t: e.table_name, id: e.row_id, v, d };
          size = 64 + approxJsonLength(d);
        } else {
          row = { op: 'delete', t: e.table_name, id: e.row_id, v };
          size = 64;
        }
        if (rows.length > 0 && bytes + size > maxBytes) break;
        seen.set(key, row);
        rows.push(row);
        bytes += size;
      }
      toSeq = e.seq;
    }
    return { fromSeq: acked + 1, toSeq, rows, bytes };
  })();
}

/** Appends every current row of every synced table to the outbox: head office gets a full copy. */
export function appendSnapshot(sqlite: BetterSqlite3.Database): number {
  let n = 0;
  for (const { table, idColumn } of syncedTableInfo(sqlite)) {
    n += prepared(sqlite, `INSERT INTO outbox (table_name, row_id, op) SELECT '${table}', "${idColumn}", 'upsert' FROM "${table}"`).run().changes;
  }
  return n;
}

/** Every row of every synced table, encoded as pushed (tests compare shop and head office with it). */
export function dumpSynced(sqlite: BetterSqlite3.Database): Map<string, Record<string, Cell>> {
  const out = new Map<string, Record<string, Cell>>();
  for (const { table, idColumn } of syncedTableInfo(sqlite)) {
    for (const r of statement<Record<string, unknown>, []>(sqlite, `SELECT * FROM "${table}"`).all()) {
      out.set(`${table}/${String(r[idColumn])}`, encodeRow(r));
    }
  }
  return out;
}
