/**
 * Head-office migration 014: the network's figures (issue 21 point 7). A shop's region (set in the
 * console by a network admin); a per-ticket projection of the synced rows — the same facts the
 * shop's report_facts holds, plus the number, the masked customer and the amounts the drill-down
 * shows — with the payments in a narrow table beside it, so a report across 200 shops reads
 * narrow typed rows instead of parsing every synced row's JSON; and each shop's mark (which
 * sequence and version the projection was built from), kept in the database so that any
 * head-office process sees whether it is current.
 * FROZEN once shipped: self-contained, portable types.
 */
import { sql, type Kysely, type Migration } from 'kysely';

export interface HqReportFactsTable {
  shop_id: string;
  ticket_id: string;
  number: string;
  received_at: string;
  first_ready_at: string | null;
  last_ready_at: string | null;
  first_collected_at: string | null;
  last_collected_at: string | null;
  cancelled_at: string | null;
  last_reopened_at: string | null;
  /** The latest of the instants above: a ticket touches a range when received before its end and touched after its start. */
  last_touch_at: string;
  status: string;
  s_received: number;
  s_diagnosing: number;
  s_awaiting_approval: number;
  s_repairing: number;
  s_awaiting_parts: number;
  s_qc: number;
  s_ready: number;
  reopens: number;
  tech_id: string | null;
  device_id: string;
  category: string;
  brand: string;
  model: string;
  service_type: string;
  promised_date: string;
  fault_key: string;
  warranty_claimed: number;
  returned: number;
  is_return: number;
  /** The latest quote's payer mix: warranty | paid | mixed; null without a quote. */
  quote_kind: string | null;
  quoted_fen: number | null;
  /** Received → first ready / first collected, seconds (null until then): no date is parsed per report. */
  ready_s: number | null;
  collected_s: number | null;
  paid_fen: number;
  customer_masked: string;
}

export interface HqReportPaymentsTable {
  shop_id: string;
  payment_id: string;
  ticket_id: string;
  at: string;
  tender: string;
  amount_fen: number;
}

export interface HqReportMarksTable {
  shop_id: string;
  last_seq: number;
  high_version: number;
  /** JSON array of the synced tables the shop had rows in when projected (a figure whose table is absent says so). */
  tables_json: string;
  built_at: string;
}

export interface HqFigureTables {
  hq_report_facts: HqReportFactsTable;
  hq_report_payments: HqReportPaymentsTable;
  hq_report_marks: HqReportMarksTable;
}

export const networkFiguresMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('hq_shops').addColumn('region', 'text').execute();
    let t = db.schema
      .createTable('hq_report_facts')
      .addColumn('shop_id', 'text', (c) => c.notNull())
      .addColumn('ticket_id', 'text', (c) => c.notNull())
      .addColumn('number', 'text', (c) => c.notNull());
    for (const c of ['received_at', 'last_touch_at', 'status']) t = t.addColumn(c, 'text', (x) => x.notNull());
    for (const c of ['first_ready_at', 'last_ready_at', 'first_collected_at', 'last_collected_at', 'cancelled_at', 'last_reopened_at', 'tech_id', 'quote_kind']) t = t.addColumn(c, 'text');
    for (const c of ['s_received', 's_diagnosing', 's_awaiting_approval', 's_repairing', 's_awaiting_parts', 's_qc', 's_ready', 'reopens', 'warranty_claimed', 'returned', 'is_return', 'paid_fen']) t = t.addColumn(c, 'bigint', (x) => x.notNull().defaultTo(0));
    t = t.addColumn('quoted_fen', 'bigint').addColumn('ready_s', 'double precision').addColumn('collected_s', 'double precision');
    for (const c of ['device_id', 'category', 'brand', 'model', 'service_type', 'promised_date', 'fault_key', 'customer_masked']) t = t.addColumn(c, 'text', (x) => x.notNull().defaultTo(''));
    await t.addPrimaryKeyConstraint('hq_report_facts_pk', ['shop_id', 'ticket_id']).execute();
    // A range's tickets (the dashboard's week reads a few days of them), and the open ones now.
    await sql`CREATE INDEX hq_report_facts_touch ON hq_report_facts (last_touch_at)`.execute(db);
    await sql`CREATE INDEX hq_report_facts_open ON hq_report_facts (shop_id, status, promised_date) WHERE status NOT IN ('collected', 'cancelled')`.execute(db);
    await db.schema
      .createTable('hq_report_payments')
      .addColumn('shop_id', 'text', (c) => c.notNull())
      .addColumn('payment_id', 'text', (c) => c.notNull())
      .addColumn('ticket_id', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('tender', 'text', (c) => c.notNull())
      .addColumn('amount_fen', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('hq_report_payments_pk', ['shop_id', 'payment_id'])
      .execute();
    await sql`CREATE INDEX hq_report_payments_at ON hq_report_payments (at)`.execute(db);
    await db.schema
      .createTable('hq_report_marks')
      .addColumn('shop_id', 'text', (c) => c.primaryKey())
      .addColumn('last_seq', 'bigint', (c) => c.notNull())
      .addColumn('high_version', 'bigint', (c) => c.notNull())
      .addColumn('tables_json', 'text', (c) => c.notNull())
      .addColumn('built_at', 'text', (c) => c.notNull())
      .execute();
  },
};
