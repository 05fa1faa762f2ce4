/**
 * Head-office migration 008: approval from the phone (issue 20 points 2 and 6). The codes sent
 * (only their hash, the quote they are for, expiry and use), each link's guard against guessing
 * (wrong tries, lock), and every decision a customer made on a page (time, code check, client
 * address, what was published to the shop). Indexes find a ticket's quotes and a quote's lines
 * among the synced rows, partial to those two tables. FROZEN once shipped: self-contained,
 * portable types only, index expressions written out per dialect.
 */
import { sql, type Kysely, type Migration } from 'kysely';

export interface HqStatusCodesTable {
  id: string;
  link_id: string;
  shop_id: string;
  quote_id: string;
  code_hash: string;
  phone: string;
  sent_at: string;
  expires_at: string;
  used_at: string | null;
  /** The gateway's answer: sent, or the error code of a failed send. */
  delivery: string;
}

export interface HqStatusGuardsTable {
  link_id: string;
  wrong: number;
  locked_until: string | null;
  updated_at: string;
}

export interface HqRemoteDecisionsTable {
  id: string;
  shop_id: string;
  link_id: string;
  ticket_id: string;
  quote_id: string;
  quote_version: number;
  decision: string;
  total_fen: number;
  cap_fen: number | null;
  code_id: string;
  client_address: string;
  decided_at: string;
}

export interface HqApprovalTables {
  hq_status_codes: HqStatusCodesTable;
  hq_status_guards: HqStatusGuardsTable;
  hq_remote_decisions: HqRemoteDecisionsTable;
}

export function remoteApprovalMigration(dialect: 'sqlite' | 'postgres'): Migration {
  const f = (field: string) => (dialect === 'postgres' ? `(data::jsonb ->> '${field}')` : `json_extract(data, '$.${field}')`);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('hq_status_codes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('link_id', 'text', (c) => c.notNull())
        .addColumn('shop_id', 'text', (c) => c.notNull().references('hq_shops.id'))
        .addColumn('quote_id', 'text', (c) => c.notNull())
        .addColumn('code_hash', 'text', (c) => c.notNull())
        .addColumn('phone', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .addColumn('delivery', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('hq_status_codes_link').on('hq_status_codes').columns(['link_id', 'sent_at']).execute();
      await db.schema
        .createTable('hq_status_guards')
        .addColumn('link_id', 'text', (c) => c.primaryKey())
        .addColumn('wrong', 'integer', (c) => c.notNull())
        .addColumn('locked_until', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('hq_remote_decisions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull().references('hq_shops.id'))
        .addColumn('link_id', 'text', (c) => c.notNull())
        .addColumn('ticket_id', 'text', (c) => c.notNull())
        .addColumn('quote_id', 'text', (c) => c.notNull())
        .addColumn('quote_version', 'integer', (c) => c.notNull())
        .addColumn('decision', 'text', (c) => c.notNull())
        .addColumn('total_fen', 'bigint', (c) => c.notNull())
        .addColumn('cap_fen', 'bigint')
        .addColumn('code_id', 'text', (c) => c.notNull())
        .addColumn('client_address', 'text', (c) => c.notNull())
        .addColumn('decided_at', 'text', (c) => c.notNull())
        .execute();
      // one decision per quote version: a second tab cannot approve twice
      await db.schema.createIndex('hq_remote_decisions_quote').on('hq_remote_decisions').columns(['shop_id', 'quote_id']).unique().execute();
      await sql.raw(`CREATE INDEX hq_rows_quotes ON hq_rows (shop_id, ${f('ticket_id')}) WHERE table_name = 'quotes'`).execute(db);
      await sql.raw(`CREATE INDEX hq_rows_quote_lines ON hq_rows (shop_id, ${f('quote_id')}) WHERE table_name = 'quote_lines'`).execute(db);
    },
  };
}
