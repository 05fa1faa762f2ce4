import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { BackendServices } from '../api/context';

/** Appends one entry; the table refuses UPDATE and DELETE by trigger. */
export async function appendAudit(
  db: Kysely<DB>,
  s: Pick<BackendServices, 'newId' | 'clock'>,
  e: { userId: string | null; action: string; entity: string | null; entityId: string | null; details: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: s.newId(),
      at: s.clock.now().toISOString(),
      user_id: e.userId,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId,
      details_json: JSON.stringify(e.details),
    })
    .execute();
}
