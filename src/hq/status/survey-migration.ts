/**
 * Head-office migration 009: the follow-up survey on the status page (issue 20 point 5): one
 * answer per ticket (score, comment, when, the phone's address). FROZEN once shipped:
 * self-contained, portable types only.
 */
import type { Kysely, Migration } from 'kysely';

export interface HqSurveysTable {
  id: string;
  shop_id: string;
  link_id: string;
  ticket_id: string;
  score: number;
  comment: string;
  client_address: string;
  answered_at: string;
}

export interface HqSurveyTables {
  hq_surveys: HqSurveysTable;
}

export const surveysMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('hq_surveys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('shop_id', 'text', (c) => c.notNull().references('hq_shops.id'))
      .addColumn('link_id', 'text', (c) => c.notNull())
      .addColumn('ticket_id', 'text', (c) => c.notNull())
      .addColumn('score', 'integer', (c) => c.notNull())
      .addColumn('comment', 'text', (c) => c.notNull())
      .addColumn('client_address', 'text', (c) => c.notNull())
      .addColumn('answered_at', 'text', (c) => c.notNull())
      .execute();
    // once per ticket, whichever link of it was used
    await db.schema.createIndex('hq_surveys_ticket').on('hq_surveys').columns(['shop_id', 'ticket_id']).unique().execute();
  },
};
