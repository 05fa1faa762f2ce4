/**
 * Head-office migration 017: the publications log (issue 21 point 3). One row per publication of
 * head-office data from the console (or the admin API): its kind and scope ('*' or a shop id),
 * a version number per kind and scope, a title, who and when, how many items and the range of
 * change numbers they took, so that a shop has it once its pull cursor reaches the last one.
 *
 * What head office had published before the log is recorded as one publication per kind and
 * scope ("before the log", version 1), so every published item belongs to a publication and its
 * arrival can be followed like the rest. Registered after 014 and 015, which shipped first:
 * head office runs migrations unordered (db.ts). FROZEN once shipped: self-contained, portable types.
 */
import { sql, type Kysely, type Migration } from 'kysely';

export interface HqPublicationsTable {
  /** The publication's first change number: unique, and in the order publications were made. */
  id: number;
  kind: string;
  scope: string;
  version: number;
  title: string;
  actor: string;
  actor_name: string;
  at: string;
  item_count: number;
  first_change: number;
  last_change: number;
}

export interface HqPublicationTables {
  hq_publications: HqPublicationsTable;
}

/** The kinds head office publishes as its own data (not the shops' answers: claim decisions, surveys, messages …). */
const PUBLISHED_KINDS = ['shop.settings', 'users', 'warranty.policy', 'warranty.calendar', 'price_list.item', 'parts.catalog', 'warranty.program'];

export const publicationsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('hq_publications')
      .addColumn('id', 'bigint', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('item_count', 'integer', (c) => c.notNull())
      .addColumn('first_change', 'bigint', (c) => c.notNull())
      .addColumn('last_change', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('hq_publications_version', ['kind', 'scope', 'version'])
      .execute();
    await db.schema.createIndex('hq_publications_kind').on('hq_publications').columns(['kind', 'scope', 'id']).execute();
    const kinds = sql.join(PUBLISHED_KINDS.map((k) => sql.lit(k)));
    await sql`
      INSERT INTO hq_publications (id, kind, scope, version, title, actor, actor_name, at, item_count, first_change, last_change)
      SELECT min(change_no), kind, scope, 1, 'before the log', 'unknown', 'unknown', max(updated_at), count(*), min(change_no), max(change_no)
      FROM hq_items WHERE kind IN (${kinds}) GROUP BY kind, scope`.execute(db);
  },
};
