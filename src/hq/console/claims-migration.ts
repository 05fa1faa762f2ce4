/**
 * Head-office migration 006: the review of the shops' warranty claims — every decision head
 * office made on a claim (who, when, what, why), payment batches and the amount paid per claim —
 * and an index to find a shop's claims by month among the synced rows. FROZEN once shipped:
 * self-contained, portable types only (the index expression is written out per dialect).
 */
import { sql, type Kysely, type Migration } from 'kysely';

export interface HqClaimDecisionsTable {
  id: string;
  shop_id: string;
  claim_id: string;
  /** approved | rejected | returned | paid */
  decision: string;
  reason: string;
  correct_by: string | null;
  approved_fen: number | null;
  paid_fen: number | null;
  batch_id: string | null;
  decided_at: string;
  decided_by: string;
  decided_by_name: string;
}

export interface HqPaymentBatchesTable {
  id: string;
  shop_id: string;
  period: string;
  reference: string;
  total_fen: number;
  claim_count: number;
  created_at: string;
  created_by: string;
  created_by_name: string;
}

export interface HqClaimTables {
  hq_claim_decisions: HqClaimDecisionsTable;
  hq_payment_batches: HqPaymentBatchesTable;
}

export function claimsMigration(dialect: 'sqlite' | 'postgres'): Migration {
  const f = (field: string) => (dialect === 'postgres' ? `(data::jsonb ->> '${field}')` : `json_extract(data, '$.${field}')`);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('hq_claim_decisions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull().references('hq_shops.id'))
        .addColumn('claim_id', 'text', (c) => c.notNull())
        .addColumn('decision', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('correct_by', 'text')
        .addColumn('approved_fen', 'bigint')
        .addColumn('paid_fen', 'bigint')
        .addColumn('batch_id', 'text')
        .addColumn('decided_at', 'text', (c) => c.notNull())
        .addColumn('decided_by', 'text', (c) => c.notNull())
        .addColumn('decided_by_name', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('hq_claim_decisions_claim').on('hq_claim_decisions').columns(['shop_id', 'claim_id', 'id']).execute();
      await db.schema
        .createTable('hq_payment_batches')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull().references('hq_shops.id'))
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('reference', 'text', (c) => c.notNull())
        .addColumn('total_fen', 'bigint', (c) => c.notNull())
        .addColumn('claim_count', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_by_name', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('hq_payment_batches_shop').on('hq_payment_batches').columns(['shop_id', 'period']).execute();
      await sql.raw(`CREATE INDEX hq_rows_claim_period ON hq_rows (${f('period')}) WHERE table_name = 'warranty_claims'`).execute(db);
      await sql.raw(`CREATE INDEX hq_rows_claim_line ON hq_rows (${f('claim_id')}) WHERE table_name = 'warranty_claim_lines'`).execute(db);
      await sql.raw(`CREATE INDEX hq_rows_attachment_ticket ON hq_rows (${f('ticket_id')}) WHERE table_name = 'attachments'`).execute(db);
    },
  };
}
