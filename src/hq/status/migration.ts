/**
 * Head-office migration 007: what the public status page reads (issue 20 point 1), on indexes so
 * a page never scans: a ticket's status events and a customer's phones by their parent's id,
 * partial to those two tables so pushes of the others pay nothing. (A status link is found by
 * hq_rows_row, its ticket, customer, bench row and shop settings by the primary key.) FROZEN
 * once shipped: the expressions are written out per dialect.
 */
import { sql, type Kysely, type Migration } from 'kysely';

export function statusPageMigration(dialect: 'sqlite' | 'postgres'): Migration {
  const f = (field: string) => (dialect === 'postgres' ? `(data::jsonb ->> '${field}')` : `json_extract(data, '$.${field}')`);
  return {
    async up(db: Kysely<unknown>) {
      await sql.raw(`CREATE INDEX hq_rows_ticket_events ON hq_rows (shop_id, ${f('ticket_id')}) WHERE table_name = 'ticket_events'`).execute(db);
      await sql.raw(`CREATE INDEX hq_rows_customer_phones ON hq_rows (shop_id, ${f('customer_id')}) WHERE table_name = 'customer_phones'`).execute(db);
    },
  };
}
