/**
 * Signing in to the console. The password is checked with scrypt before any write (a slow hash
 * never holds a transaction), against a dummy hash for an unknown name so timing does not tell
 * names apart. Repeated failures lock the account for a while; sessions live in head office's
 * database (any process serving it knows them) and end when idle, at an absolute lifetime, when
 * the password changes, the person is disabled or their role changes.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { HqContext } from '../context';
import { HqError } from '../errors';
import { sha256 } from '../hash';
import { DUMMY_HASH, hashSecret, verifySecret } from '../../core/auth/passwords';
import { audit, type Actor } from './audit';
import { parseInput } from './input';
import { setPassword, toUser } from './users';
import { changePasswordSchema, signInSchema, type HqMe, type HqUser } from '../../shared/hq-console/contract';

export interface SessionRules {
  idleMs: number;
  absoluteMs: number;
  /** Wrong passwords in a row before the account locks. */
  maxFailures: number;
  lockMs: number;
}

export const DEFAULT_SESSION_RULES: SessionRules = { idleMs: 30 * 60_000, absoluteMs: 12 * 3600_000, maxFailures: 5, lockMs: 15 * 60_000 };

/** A session's last-seen time is written at most this often (not on every request). */
const TOUCH_EVERY_MS = 60_000;

export interface Signed {
  token: string;
  me: HqMe;
}

const expiry = (createdAt: string, lastSeenAt: string, rules: SessionRules) =>
  new Date(Math.min(Date.parse(lastSeenAt) + rules.idleMs, Date.parse(createdAt) + rules.absoluteMs)).toISOString();

export async function signIn(ctx: HqContext, input: unknown, rules: SessionRules, from: string): Promise<Signed> {
  const { username, password } = parseInput(signInSchema, input);
  const name = username.toLowerCase();
  const user = await ctx.db.selectFrom('hq_users').selectAll().where('username', '=', name).executeTakeFirst();
  const now = ctx.now();
  if (user?.locked_until && Date.parse(user.locked_until) > now.getTime()) {
    throw new HqError('LOCKED', 423, 'account locked', { until: user.locked_until, minutes: Math.ceil((Date.parse(user.locked_until) - now.getTime()) / 60_000) });
  }
  const ok = await verifySecret(password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !ok) {
    if (user) await failed(ctx, user.id, user.username, rules, from);
    throw new HqError('BAD_CREDENTIALS', 401, 'wrong username or password');
  }
  if (user.disabled) throw new HqError('DISABLED', 403, 'account disabled');
  const token = crypto.randomBytes(32).toString('base64url');
  const at = ctx.nowIso();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('hq_users').set({ failed_count: 0, locked_until: null, last_sign_in_at: at }).where('id', '=', user.id).execute();
    await trx
      .insertInto('hq_sessions')
      .values({ token_hash: sha256(token), user_id: user.id, created_at: at, last_seen_at: at, expires_at: new Date(now.getTime() + rules.absoluteMs).toISOString() })
      .execute();
    await audit(ctx, { kind: 'user', id: user.id, name: user.username }, 'auth.signIn', user.username, { from }, trx);
  });
  const fresh = { ...user, failed_count: 0, locked_until: null, last_sign_in_at: at };
  return { token, me: { user: toUser(fresh, now), expiresAt: expiry(at, at, rules) } };
}

/** One more failure, counted in the database (every process sees it); the last allowed one locks. */
async function failed(ctx: HqContext, id: string, username: string, rules: SessionRules, from: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('hq_users').set({ failed_count: sql`failed_count + 1` }).where('id', '=', id).execute();
    const { failed_count } = await trx.selectFrom('hq_users').select('failed_count').where('id', '=', id).executeTakeFirstOrThrow();
    if (failed_count < rules.maxFailures) return;
    const until = new Date(ctx.now().getTime() + rules.lockMs).toISOString();
    await trx.updateTable('hq_users').set({ failed_count: 0, locked_until: until }).where('id', '=', id).execute();
    await audit(ctx, { kind: 'user', id, name: username }, 'auth.locked', username, { from, until }, trx);
  });
}

export interface LiveSession {
  tokenHash: string;
  user: HqUser;
  expiresAt: string;
}

/** The session of a token, or why not (SESSION_ENDED); refreshes its idle clock now and then. */
export async function sessionOf(ctx: HqContext, token: string, rules: SessionRules): Promise<LiveSession> {
  const tokenHash = sha256(token);
  const row = await ctx.db
    .selectFrom('hq_sessions as s')
    .innerJoin('hq_users as u', 'u.id', 's.user_id')
    .selectAll('u')
    .select(['s.created_at as s_created', 's.last_seen_at as s_seen', 's.token_hash as s_hash'])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
  const now = ctx.now();
  if (!row) throw new HqError('SESSION_ENDED', 401, 'no session');
  const ends = expiry(row.s_created, row.s_seen, rules);
  if (Date.parse(ends) <= now.getTime() || row.disabled || row.password_changed_at > row.s_created) {
    await ctx.db.deleteFrom('hq_sessions').where('token_hash', '=', tokenHash).execute();
    throw new HqError('SESSION_ENDED', 401, 'session ended');
  }
  let seen = row.s_seen;
  if (now.getTime() - Date.parse(seen) >= TOUCH_EVERY_MS) {
    seen = now.toISOString();
    await ctx.db.updateTable('hq_sessions').set({ last_seen_at: seen }).where('token_hash', '=', tokenHash).execute();
  }
  const { s_created, s_seen: _seen, s_hash: _hash, ...user } = row;
  return { tokenHash, user: toUser(user, now), expiresAt: expiry(s_created, seen, rules) };
}

export async function signOut(ctx: HqContext, session: LiveSession): Promise<void> {
  await ctx.db.deleteFrom('hq_sessions').where('token_hash', '=', session.tokenHash).execute();
  await audit(ctx, { kind: 'user', id: session.user.id, name: session.user.username }, 'auth.signOut', session.user.username);
}

/** The person's own password: the current one checked first; their other sessions end. */
export async function changePassword(ctx: HqContext, session: LiveSession, input: unknown): Promise<void> {
  const { current, next } = parseInput(changePasswordSchema, input);
  const row = await ctx.db.selectFrom('hq_users').select('password_hash').where('id', '=', session.user.id).executeTakeFirstOrThrow();
  if (!(await verifySecret(current, row.password_hash))) throw new HqError('BAD_CREDENTIALS', 401, 'wrong current password', { field: 'current' });
  const hash = await hashSecret(next);
  await setPassword(ctx, session.user.id, hash, session.tokenHash);
  // This session survives; password_changed_at is later than its start, so it is renewed in place.
  await ctx.db.updateTable('hq_sessions').set({ created_at: ctx.nowIso(), last_seen_at: ctx.nowIso() }).where('token_hash', '=', session.tokenHash).execute();
  const actor: Actor = { kind: 'user', id: session.user.id, name: session.user.username };
  await audit(ctx, actor, 'user.changePassword', session.user.username);
}
