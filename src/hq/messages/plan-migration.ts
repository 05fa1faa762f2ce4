/**
 * Head-office migration 015: where the message planner left each shop (issue 20 follow-up). The
 * planner reads a shop's tickets again only when the shop pushed since (its last_seq moved) or a
 * message becomes due by time alone (next_due_at: an uncollected reminder, a survey). FROZEN once
 * shipped: self-contained, portable types.
 */
import type { Kysely, Migration } from 'kysely';

export interface HqMessagePlansTable {
  shop_id: string;
  /** The shop's last_seq when its tickets were last planned. */
  planned_seq: number;
  /** The earliest time a message of its tickets falls due without a new push; null: none. */
  next_due_at: string | null;
  planned_at: string;
}

export interface HqMessagePlanTables {
  hq_message_plans: HqMessagePlansTable;
}

export const messagePlansMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('hq_message_plans')
      .addColumn('shop_id', 'text', (c) => c.primaryKey().references('hq_shops.id'))
      .addColumn('planned_seq', 'bigint', (c) => c.notNull())
      .addColumn('next_due_at', 'text')
      .addColumn('planned_at', 'text', (c) => c.notNull())
      .execute();
  },
};
