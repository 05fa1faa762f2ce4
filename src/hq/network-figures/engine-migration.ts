/**
 * Head-office migration 016: the network figures counted in the engine. The follow-up calls (回访)
 * in the projection, so a report's satisfaction figures are counted there instead of parsing every
 * synced follow-up's JSON (one per collected ticket); and the instant each promised day ends in a
 * time zone (the shop's rule, worked out once per day and zone in JavaScript), so the promise
 * breaches are a join on a key. Each shop's mark is cleared: the next read rebuilds every shop's
 * projection with its follow-ups (the same rebuild as after a push).
 * FROZEN once shipped: self-contained, portable types.
 */
import { sql, type Kysely, type Migration } from 'kysely';

export interface HqReportFollowUpsTable {
  shop_id: string;
  follow_up_id: string;
  /** '' without a ticket. */
  ticket_id: string;
  /** The calendar day the call is due; null when the shop sent none (it is then never due). */
  due_date: string | null;
  status: string | null;
  /** 1 when the customer was reached, else 0. */
  reached: number;
  score: number | null;
  problem_reported: number;
}

export interface HqReportDayEndsTable {
  time_zone: string;
  /** A calendar day, YYYY-MM-DD (as the tickets' promised_date holds it). */
  day: string;
  /** The UTC instant the next local day starts. */
  ends_at: string;
}

export interface HqEngineFigureTables {
  hq_report_follow_ups: HqReportFollowUpsTable;
  hq_report_day_ends: HqReportDayEndsTable;
}

export const figuresInEngineMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('hq_report_follow_ups')
      .addColumn('shop_id', 'text', (c) => c.notNull())
      .addColumn('follow_up_id', 'text', (c) => c.notNull())
      .addColumn('ticket_id', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('due_date', 'text')
      .addColumn('status', 'text')
      .addColumn('reached', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('score', 'double precision')
      .addColumn('problem_reported', 'bigint', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('hq_report_follow_ups_pk', ['shop_id', 'follow_up_id'])
      .execute();
    await db.schema
      .createTable('hq_report_day_ends')
      .addColumn('time_zone', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('ends_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('hq_report_day_ends_pk', ['time_zone', 'day'])
      .execute();
    // The projections built before this migration have no follow-ups: every shop is rebuilt at its next read.
    await sql`DELETE FROM hq_report_marks`.execute(db);
  },
};
