/**
 * Head-office migration 010: returned old parts received at head office (one row per received
 * line: which shop's line, in which of its shipments, who, when, a note) and head office's
 * responses to escalated complaints (text, deadline for the shop, who, when), with indexes to
 * find a shipment's synced lines and a complaint's synced timeline among hq_rows. FROZEN once
 * shipped: self-contained, portable types only (the index expressions are written out per dialect).
 */
import { sql, type Kysely, type Migration } from 'kysely';

export interface HqPartReceiptsTable {
  id: string;
  shop_id: string;
  shipment_id: string;
  old_part_id: string;
  note: string;
  received_at: string;
  received_by: string;
  received_by_name: string;
}

export interface HqComplaintResponsesTable {
  id: string;
  shop_id: string;
  complaint_id: string;
  response: string;
  deadline: string;
  responded_at: string;
  responded_by: string;
  responded_by_name: string;
}

export interface HqReturnsTables {
  hq_part_receipts: HqPartReceiptsTable;
  hq_complaint_responses: HqComplaintResponsesTable;
}

export function returnsComplaintsMigration(dialect: 'sqlite' | 'postgres'): Migration {
  const f = (field: string) => (dialect === 'postgres' ? `(data::jsonb ->> '${field}')` : `json_extract(data, '$.${field}')`);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('hq_part_receipts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull().references('hq_shops.id'))
        .addColumn('shipment_id', 'text', (c) => c.notNull())
        .addColumn('old_part_id', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('received_by', 'text', (c) => c.notNull())
        .addColumn('received_by_name', 'text', (c) => c.notNull())
        .execute();
      // A line is received once: a second receipt of it (two reviewers at once) is refused by the database.
      await db.schema.createIndex('hq_part_receipts_line').on('hq_part_receipts').columns(['shop_id', 'old_part_id']).unique().execute();
      await db.schema.createIndex('hq_part_receipts_shipment').on('hq_part_receipts').columns(['shop_id', 'shipment_id']).execute();
      await db.schema
        .createTable('hq_complaint_responses')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull().references('hq_shops.id'))
        .addColumn('complaint_id', 'text', (c) => c.notNull())
        .addColumn('response', 'text', (c) => c.notNull())
        .addColumn('deadline', 'text', (c) => c.notNull())
        .addColumn('responded_at', 'text', (c) => c.notNull())
        .addColumn('responded_by', 'text', (c) => c.notNull())
        .addColumn('responded_by_name', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('hq_complaint_responses_complaint').on('hq_complaint_responses').columns(['shop_id', 'complaint_id', 'id']).execute();
      await sql.raw(`CREATE INDEX hq_rows_return_shipment_status ON hq_rows (${f('status')}) WHERE table_name = 'return_shipments'`).execute(db);
      await sql.raw(`CREATE INDEX hq_rows_old_part_shipment ON hq_rows (${f('shipment_id')}) WHERE table_name = 'old_parts'`).execute(db);
      await sql.raw(`CREATE INDEX hq_rows_complaint_event ON hq_rows (${f('complaint_id')}) WHERE table_name = 'complaint_events'`).execute(db);
    },
  };
}
