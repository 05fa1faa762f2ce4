/**
 * Head-office migration 011: recall campaigns. The campaign itself is a head-office item
 * (hq_items, kind recall.campaign, published to every shop); `hq_recalls` keeps who created and
 * last changed it and makes its code unique; a partial index finds the tickets every shop
 * recorded against a campaign among the synced rows. FROZEN once shipped: self-contained,
 * portable types only (the index expression is written out per dialect).
 */
import { sql, type Kysely, type Migration } from 'kysely';

export interface HqRecallsTable {
  id: string;
  code: string;
  created_at: string;
  created_by: string;
  created_by_name: string;
  updated_at: string;
  updated_by: string;
  updated_by_name: string;
}

export interface HqRecallTables {
  hq_recalls: HqRecallsTable;
}

export function recallsMigration(dialect: 'sqlite' | 'postgres'): Migration {
  const f = (field: string) => (dialect === 'postgres' ? `(data::jsonb ->> '${field}')` : `json_extract(data, '$.${field}')`);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('hq_recalls')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_by_name', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addColumn('updated_by_name', 'text', (c) => c.notNull())
        .execute();
      await sql.raw(`CREATE INDEX hq_rows_ticket_recall ON hq_rows (${f('campaign_id')}) WHERE table_name = 'ticket_recalls'`).execute(db);
    },
  };
}
