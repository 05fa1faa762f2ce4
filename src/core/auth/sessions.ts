import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type { Role } from '../../shared/api/roles';
import type { SessionInfo } from '../../shared/auth/schemas';
import type { DB } from '../db/schema';
import type { BackendServices, SessionUser } from '../api/context';
import { loadShop, shopSettingsView } from '../shop/settings';
import type { ShopSettings } from '../../shared/shop/schemas';
import { statement } from '../db/statements';
import { isHqUser, toUser } from './users';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const DEFAULT_IDLE_MINUTES = 60;
const DEFAULT_MAX_HOURS = 12;
// Writing last_seen on every call would make each read a write; a coarse touch is enough for idle expiry.
const TOUCH_EVERY_MS = 15_000;

/** Idle and absolute lifetimes of a session, from the shop's settings (none before setup). */
function lifetimesOf(settings: Pick<ShopSettings, 'sessionIdleMinutes' | 'sessionMaxHours'> | null | undefined): { idleMs: number; maxMs: number } {
  return {
    idleMs: (settings?.sessionIdleMinutes ?? DEFAULT_IDLE_MINUTES) * 60_000,
    maxMs: (settings?.sessionMaxHours ?? DEFAULT_MAX_HOURS) * 3_600_000,
  };
}

async function lifetimes(db: Kysely<DB>): Promise<{ idleMs: number; maxMs: number }> {
  return lifetimesOf((await loadShop(db))?.settings);
}

function expiry(createdAt: string, lastSeenAt: string, l: { idleMs: number; maxMs: number }): number {
  return Math.min(Date.parse(lastSeenAt) + l.idleMs, Date.parse(createdAt) + l.maxMs);
}

/** Starts a session for a user who has just proven who they are; only the token's hash is stored. */
export async function startSession(db: Kysely<DB>, userId: string, now: Date): Promise<SessionInfo> {
  const token = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  await db.insertInto('sessions').values({ token_hash: hashToken(token), user_id: userId, created_at: at, last_seen_at: at, ended_at: null }).execute();
  const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
  return { token, user: toUser(user, await isHqUser(db, userId)), expiresAt: new Date(expiry(at, at, await lifetimes(db))).toISOString() };
}

/** Ends every open session of a user, but the one named (a password change keeps the session that made it). */
export async function endSessions(db: Kysely<DB>, userId: string, now: Date, except: string | null = null): Promise<void> {
  let q = db.updateTable('sessions').set({ ended_at: now.toISOString() }).where('user_id', '=', userId).where('ended_at', 'is', null);
  if (except) q = q.where('token_hash', '!=', except);
  await q.execute();
}

interface SessionRow {
  created_at: string;
  last_seen_at: string;
  ended_at: string | null;
  id: string;
  username: string;
  display_name: string;
  role: Role;
  disabled: number;
}

// Every signed-in call runs this: one statement compiled once (core/db), not a kysely query built per call.
function sessionRow(s: Pick<BackendServices, 'sqlite'>, tokenHash: string): SessionRow | undefined {
  return statement<SessionRow, [string]>(
    s.sqlite,
    `SELECT s.created_at, s.last_seen_at, s.ended_at, u.id, u.username, u.display_name, u.role, u.disabled
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`,
  ).get(tokenHash);
}

/** The per-call path: the settings' read-only view (no query built, no copy). */
function lifetimesNow(s: Pick<BackendServices, 'sqlite'>): { idleMs: number; maxMs: number } {
  return lifetimesOf(shopSettingsView(s.sqlite));
}

/** Checks the token on every call: ended, idle too long, past its lifetime, or a disabled user all refuse. */
export async function resolveSession(s: BackendServices, token: string | null): Promise<SessionUser> {
  if (!token) throw new AppError('UNAUTHENTICATED');
  const tokenHash = hashToken(token);
  const row = sessionRow(s, tokenHash);
  if (!row || row.ended_at !== null || row.disabled) throw new AppError('UNAUTHENTICATED');
  const now = s.clock.now();
  if (now.getTime() > expiry(row.created_at, row.last_seen_at, lifetimesNow(s))) {
    await s.db.updateTable('sessions').set({ ended_at: now.toISOString() }).where('token_hash', '=', tokenHash).execute();
    throw new AppError('SESSION_EXPIRED');
  }
  if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    await s.db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('token_hash', '=', tokenHash).execute();
  }
  return { userId: row.id, username: row.username, displayName: row.display_name, role: row.role, tokenHash };
}

/**
 * Whether a session is still alive, without counting as activity (an open event stream must not
 * keep a session from going idle). Used by the shop host to end event streams with their session.
 */
export async function peekSession(s: Pick<BackendServices, 'sqlite' | 'clock'>, tokenHash: string): Promise<{ userId: string; role: Role } | null> {
  const row = sessionRow(s, tokenHash);
  if (!row || row.ended_at !== null || row.disabled) return null;
  if (s.clock.now().getTime() > expiry(row.created_at, row.last_seen_at, lifetimesNow(s))) return null;
  return { userId: row.id, role: row.role };
}

export async function sessionExpiry(db: Kysely<DB>, tokenHash: string): Promise<string> {
  const row = await db.selectFrom('sessions').select(['created_at', 'last_seen_at']).where('token_hash', '=', tokenHash).executeTakeFirstOrThrow();
  return new Date(expiry(row.created_at, row.last_seen_at, await lifetimes(db))).toISOString();
}
