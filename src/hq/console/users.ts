/** Head-office people: one role each, a password (scrypt, hashed before any write), disabled rather than deleted. */
import crypto from 'node:crypto';
import type { HqContext } from '../context';
import type { HqDB } from '../db';
import { HqError } from '../errors';
import { hashSecret } from '../../core/auth/passwords';
import { audit, type Actor } from './audit';
import { parseInput } from './input';
import { hqRoleSchema, newHqUserSchema, resetPasswordSchema, updateHqUserSchema, type HqUser } from '../../shared/hq-console/contract';

export type UserRow = HqDB['hq_users'];

export function toUser(r: UserRow, now: Date): HqUser {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: hqRoleSchema.parse(r.role),
    disabled: r.disabled === 1,
    lockedUntil: r.locked_until && Date.parse(r.locked_until) > now.getTime() ? r.locked_until : null,
    lastSignInAt: r.last_sign_in_at,
    createdAt: r.created_at,
  };
}

async function userRow(ctx: HqContext, id: string): Promise<UserRow> {
  const r = await ctx.db.selectFrom('hq_users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new HqError('NOT_FOUND', 404, `no user ${id}`, { reason: 'user' });
  return r;
}

export async function listUsers(ctx: HqContext): Promise<HqUser[]> {
  const rows = await ctx.db.selectFrom('hq_users').selectAll().orderBy('username').execute();
  return rows.map((r) => toUser(r, ctx.now()));
}

export async function createUser(ctx: HqContext, actor: Actor, input: unknown): Promise<HqUser> {
  const u = parseInput(newHqUserSchema, input);
  const username = u.username.toLowerCase();
  const taken = await ctx.db.selectFrom('hq_users').select('id').where('username', '=', username).executeTakeFirst();
  if (taken) throw new HqError('CONFLICT', 409, `username ${username} taken`, { field: 'username', reason: username });
  const hash = await hashSecret(u.password);
  const id = crypto.randomUUID();
  const now = ctx.nowIso();
  await ctx.db
    .insertInto('hq_users')
    .values({ id, username, display_name: u.displayName, role: u.role, password_hash: hash, disabled: 0, failed_count: 0, password_changed_at: now, created_at: now })
    .execute();
  await audit(ctx, actor, 'user.create', username, { role: u.role });
  return toUser(await userRow(ctx, id), ctx.now());
}

export async function updateUser(ctx: HqContext, actor: Actor, input: unknown): Promise<HqUser> {
  const u = parseInput(updateHqUserSchema, input);
  const before = await userRow(ctx, u.id);
  if (actor.kind === 'user' && actor.id === u.id && (u.disabled === true || (u.role && u.role !== before.role))) {
    // An admin who demotes or disables themself may leave the network with no admin at all.
    throw new HqError('FORBIDDEN', 403, 'not on yourself', { reason: 'self' });
  }
  const set: Partial<UserRow> = {};
  if (u.displayName !== undefined) set.display_name = u.displayName;
  if (u.role !== undefined) set.role = u.role;
  if (u.disabled !== undefined) set.disabled = u.disabled ? 1 : 0;
  if (Object.keys(set).length) await ctx.db.updateTable('hq_users').set(set).where('id', '=', u.id).execute();
  // A disabled person's sessions end now, not at their expiry; so do a changed role's.
  if (u.disabled || (u.role && u.role !== before.role)) await ctx.db.deleteFrom('hq_sessions').where('user_id', '=', u.id).execute();
  const changes: Record<string, unknown> = {};
  if (u.role !== undefined && u.role !== before.role) changes.role = { from: before.role, to: u.role };
  if (u.disabled !== undefined && (u.disabled ? 1 : 0) !== before.disabled) changes.disabled = u.disabled;
  if (u.displayName !== undefined && u.displayName !== before.display_name) changes.displayName = { from: before.display_name, to: u.displayName };
  await audit(ctx, actor, 'user.update', before.username, changes);
  return toUser(await userRow(ctx, u.id), ctx.now());
}

/** An admin sets a new password: it also lifts a lockout and ends the person's sessions. */
export async function resetPassword(ctx: HqContext, actor: Actor, input: unknown): Promise<HqUser> {
  const u = parseInput(resetPasswordSchema, input);
  const before = await userRow(ctx, u.id);
  const hash = await hashSecret(u.password);
  await setPassword(ctx, u.id, hash);
  await audit(ctx, actor, 'user.resetPassword', before.username);
  return toUser(await userRow(ctx, u.id), ctx.now());
}

/** A new hash (made beforehand), lockout lifted, every session of the person ended, in one transaction. */
export async function setPassword(ctx: HqContext, userId: string, hash: string, keepSession?: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('hq_users').set({ password_hash: hash, password_changed_at: ctx.nowIso(), failed_count: 0, locked_until: null }).where('id', '=', userId).execute();
    let del = trx.deleteFrom('hq_sessions').where('user_id', '=', userId);
    if (keepSession) del = del.where('token_hash', '<>', keepSession);
    await del.execute();
  });
}
