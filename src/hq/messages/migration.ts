/**
 * Head-office migration 012: the customers' text messages head office sends for enrolled shops
 * (issue 20 point 3). One row per message, unique per ticket and event (the same event never
 * sends twice, whichever process planned it), with its attempts and result; the links the
 * messages carry (by their secret's SHA-256, like the shop's own status links); and partial
 * indexes so the planner reads a shop's open tickets, a customer's consents and a ticket's status
 * link without scanning the synced rows. (HQ 010 and 011 belong to the console's returns and
 * recalls.) FROZEN once shipped: self-contained, portable types, expressions written out.
 */
import { sql, type Kysely, type Migration } from 'kysely';

export interface HqMessagesTable {
  id: string;
  shop_id: string;
  ticket_id: string;
  kind: string;
  dedupe_key: string;
  to_phone: string;
  text: string;
  /** The template's variables as JSON: a provider's approved template takes them, not the text. */
  params_json: string;
  /** queued (to send at next_attempt_at) | sent | not_delivered */
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  provider_id: string | null;
  error: string | null;
  created_at: string;
  updated_at: string;
}

export interface HqMessageLinksTable {
  /** SHA-256 hex of the secret in the message's link. */
  id: string;
  link_id: string;
  shop_id: string;
  created_at: string;
}

export interface HqMessageTables {
  hq_messages: HqMessagesTable;
  hq_message_links: HqMessageLinksTable;
}

export function messagesMigration(dialect: 'sqlite' | 'postgres'): Migration {
  const f = (field: string) => (dialect === 'postgres' ? `(data::jsonb ->> '${field}')` : `json_extract(data, '$.${field}')`);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('hq_messages')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('shop_id', 'text', (c) => c.notNull().references('hq_shops.id'))
        .addColumn('ticket_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('dedupe_key', 'text', (c) => c.notNull())
        .addColumn('to_phone', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('params_json', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', 'text')
        .addColumn('provider_id', 'text')
        .addColumn('error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('hq_messages_event').on('hq_messages').columns(['shop_id', 'ticket_id', 'dedupe_key']).unique().execute();
      await db.schema.createIndex('hq_messages_due').on('hq_messages').columns(['status', 'next_attempt_at']).execute();
      await db.schema
        .createTable('hq_message_links')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('link_id', 'text', (c) => c.notNull())
        .addColumn('shop_id', 'text', (c) => c.notNull().references('hq_shops.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await sql.raw(`CREATE INDEX hq_rows_ticket_status ON hq_rows (shop_id, ${f('status')}) WHERE table_name = 'tickets'`).execute(db);
      await sql.raw(`CREATE INDEX hq_rows_message_consents ON hq_rows (shop_id, ${f('customer_id')}) WHERE table_name = 'message_consents'`).execute(db);
      await sql.raw(`CREATE INDEX hq_rows_status_links ON hq_rows (shop_id, ${f('ticket_id')}) WHERE table_name = 'status_links'`).execute(db);
    },
  };
}
