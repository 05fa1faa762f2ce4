import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type { Role } from '../../shared/api/roles';
import type { SessionInfo } from '../../shared/auth/schemas';
import type { DB } from '../db/schema';
import type { BackendServices, SessionUser } from '../api/context';
import { loadShop } from '../shop/settings';
import { isHqUser, toUser } from './users';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const DEFAULT_IDLE_MINUTES = 60;
// Writing last_seen on every call would make each read a write; a coarse touch is enough for idle expiry.
const TOUCH_EVERY_MS = 15_000;

async function idleMs(db: Kysely<DB>): Promise<number> {
  const shop = await loadShop(db);
  return (shop?.settings.sessionIdleMinutes ?? DEFAULT_IDLE_MINUTES) * 60_000;
}

/** Starts a session for a user who has just proven who they are; only the token's hash is stored. */
export async function startSession(db: Kysely<DB>, userId: string, now: Date): Promise<SessionInfo> {
  const token = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  await db.insertInto('sessions').values({ token_hash: hashToken(token), user_id: userId, created_at: at, last_seen_at: at, ended_at: null }).execute();
  const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
  return { token, user: toUser(user, await isHqUser(db, userId)), expiresAt: new Date(now.getTime() + (await idleMs(db))).toISOString() };
}

export async function endSessions(db: Kysely<DB>, userId: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ ended_at: now.toISOString() }).where('user_id', '=', userId).where('ended_at', 'is', null).execute();
}

/** Checks the token on every call: ended, idle too long, or a disabled user all refuse. */
export async function resolveSession(s: BackendServices, token: string | null): Promise<SessionUser> {
  if (!token) throw new AppError('UNAUTHENTICATED');
  const tokenHash = hashToken(token);
  const row = await s.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.last_seen_at', 'sessions.ended_at', 'users.id', 'users.username', 'users.display_name', 'users.role', 'users.disabled'])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row || row.ended_at !== null || row.disabled) throw new AppError('UNAUTHENTICATED');
  const now = s.clock.now();
  const lastSeen = Date.parse(row.last_seen_at);
  if (now.getTime() - lastSeen > (await idleMs(s.db))) {
    await s.db.updateTable('sessions').set({ ended_at: now.toISOString() }).where('token_hash', '=', tokenHash).execute();
    throw new AppError('SESSION_EXPIRED');
  }
  if (now.getTime() - lastSeen > TOUCH_EVERY_MS) {
    await s.db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('token_hash', '=', tokenHash).execute();
  }
  return { userId: row.id, username: row.username, displayName: row.display_name, role: row.role as Role, tokenHash };
}

export async function sessionExpiry(db: Kysely<DB>, tokenHash: string): Promise<string> {
  const row = await db.selectFrom('sessions').select('last_seen_at').where('token_hash', '=', tokenHash).executeTakeFirstOrThrow();
  return new Date(Date.parse(row.last_seen_at) + (await idleMs(db))).toISOString();
}
