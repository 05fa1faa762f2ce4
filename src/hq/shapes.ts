import Database from 'better-sqlite3';
import { z } from 'zod';
import { migrations } from '../core/db/migrations';
import { migrate } from '../core/db/migrate';
import { syncedTables } from '../core/db/outbox';
import { LIMITS, blobValueSchema, cellSchema } from '../shared/sync/protocol';
import { foreignKeys, outboxTriggerSql, tableColumns } from '../core/db/catalog';

/**
 * What head office accepts from a shop of a given schema version: for every synced table (a
 * table with outbox triggers in the shop schema), its id column and a zod schema of its row,
 * derived from the shop's own migrations run on an in-memory database. A capability adding a
 * synced table needs no head-office code: its migration is the single source of truth.
 */
export interface TableShape {
  table: string;
  idColumn: string;
  columns: { name: string; type: string; notnull: boolean }[];
  columnNames: ReadonlySet<string>;
  /**
   * The table's ids are minted by the shop (UUIDv7 `id`, or a key that is the id of another
   * synced row, e.g. bench_tickets.ticket_id), so no two shops share one: head office refuses
   * a push of an id it holds for another shop. Tables keyed by a head-office id or a name each
   * shop has its own of (stock_settings by catalog part, ticket_counters by counter key) are not.
   */
  globalIds: boolean;
  row: z.ZodType<Record<string, unknown>>;
}

export type Shapes = Map<string, TableShape>;

export const SHOP_SCHEMA_VERSIONS = migrations.map((m) => m.version);
export const LATEST_SHOP_SCHEMA = SHOP_SCHEMA_VERSIONS[SHOP_SCHEMA_VERSIONS.length - 1]!;
/** Head office accepts the current shop schema and the one before it. */
export const OLDEST_SHOP_SCHEMA = SHOP_SCHEMA_VERSIONS[Math.max(0, SHOP_SCHEMA_VERSIONS.length - 2)]!;

function columnSchema(type: string): z.ZodType {
  const t = type.toUpperCase();
  if (t.includes('INT')) return z.number().int().refine(Number.isSafeInteger, 'not a safe integer');
  if (t.includes('CHAR') || t.includes('CLOB') || t.includes('TEXT')) return z.string().max(LIMITS.textMaxChars);
  if (t.includes('BLOB')) return blobValueSchema;
  if (t.includes('REAL') || t.includes('FLOA') || t.includes('DOUB')) return z.number().finite();
  return cellSchema; // ANY or untyped
}

const cache = new Map<number, Shapes>();

export function shapesAt(version: number): Shapes {
  const hit = cache.get(version);
  if (hit) return hit;
  const sqlite = new Database(':memory:');
  try {
    migrate(sqlite, migrations, version);
    const shapes: Shapes = new Map();
    const synced = new Set(syncedTables(sqlite));
    for (const table of synced) {
      const trig = outboxTriggerSql(sqlite, table)!;
      const idColumn = trig.match(/NEW\.([a-z_][a-z0-9_]*)\s*,\s*'upsert'/i)?.[1] ?? 'id';
      const columns = tableColumns(sqlite, table).map((c) => ({ name: c.name, type: c.type, notnull: c.notnull === 1 || c.pk > 0 }));
      const shape: Record<string, z.ZodType> = {};
      for (const c of columns) shape[c.name] = c.notnull ? columnSchema(c.type) : columnSchema(c.type).nullable();
      const globalIds = idColumn === 'id' || foreignKeys(sqlite, table).some((fk) => fk.from === idColumn && synced.has(fk.table));
      shapes.set(table, { table, idColumn, columns, columnNames: new Set(columns.map((c) => c.name)), globalIds, row: z.object(shape).strict() as unknown as z.ZodType<Record<string, unknown>> });
    }
    cache.set(version, shapes);
    return shapes;
  } finally {
    sqlite.close();
  }
}
