/** Head office's audit log: who did what to whom, append-only, newest first when read. */
import type { Kysely, Transaction } from 'kysely';
import type { HqContext } from '../context';
import type { HqDB } from '../db';
import type { AuditEntry } from '../../shared/hq-console/contract';
import { uuidv7Generator, type IdGenerator } from '../../shared/util/ids';

/** Entries are ordered by their UUIDv7 id: on the head office's clock, strictly increasing within a process. */
const generators = new WeakMap<HqContext, IdGenerator>();
function newId(ctx: HqContext): string {
  let g = generators.get(ctx);
  if (!g) generators.set(ctx, (g = uuidv7Generator({ now: () => ctx.now() })));
  return g();
}

/** Who acts: a signed-in person, a script with the admin token, or the CLI on the server itself. */
export type Actor = { kind: 'user'; id: string; name: string } | { kind: 'token' } | { kind: 'cli' };

export function actorIds(a: Actor): { actor: string; actor_name: string } {
  if (a.kind === 'user') return { actor: a.id, actor_name: a.name };
  return a.kind === 'token' ? { actor: 'admin-token', actor_name: 'admin token' } : { actor: 'cli', actor_name: 'command line' };
}

export async function audit(
  ctx: HqContext,
  actor: Actor,
  action: string,
  target: string | null,
  details: Record<string, unknown> = {},
  db: Kysely<HqDB> | Transaction<HqDB> = ctx.db,
): Promise<void> {
  await db
    .insertInto('hq_audit')
    .values({ id: newId(ctx), at: ctx.nowIso(), ...actorIds(actor), action, target, details: JSON.stringify(details) })
    .execute();
}

export async function auditList(ctx: HqContext, limit: number): Promise<AuditEntry[]> {
  const rows = await ctx.db.selectFrom('hq_audit').selectAll().orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, at: r.at, actor: r.actor, actorName: r.actor_name, action: r.action, target: r.target, details: JSON.parse(r.details) as Record<string, unknown> }));
}
