/**
 * Password sign-in and PIN switch in two steps (a StagedHandler): the checks that cost something
 * — the station and the per-source limits, then scrypt — run outside the write transaction, so
 * a flood of guesses never holds the connection a signed-in clerk's calls need; only the
 * outcome (failure count, lockout, audit, the new session) is written, in a short transaction
 * that reads the user again and trusts the check only if the secret did not change meanwhile.
 */
import type { Selectable } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type { SessionInfo } from '../../shared/auth/schemas';
import { localTime } from '../../shared/util/time';
import type { Ctx } from '../api/context';
import type { UsersTable } from '../db/schema';
import { appendAudit } from '../audit/log';
import { requireShop } from '../shop/settings';
import { DUMMY_HASH, verifySecret } from './passwords';
import { afterFailure, isLocked } from './lockout';
import { startSession } from './sessions';

export type Secret = 'password' | 'pin';

export interface Checked {
  userId: string | null;
  ok: boolean;
  /** The hash the secret was checked against: the outcome holds only while it is still the user's. */
  hash: string;
}

function storedHash(row: Selectable<UsersTable>, which: Secret): string | null {
  return which === 'password' ? row.password_hash : row.pin_hash;
}

async function lockedError(ctx: Ctx, until: string) {
  const shop = await requireShop(ctx.db);
  // People read a wall-clock time in the shop's zone, not an ISO instant.
  return new AppError('LOCKED_OUT', { params: { until: localTime(until, shop.settings.timeZone) }, details: { until } });
}

/** Outside the transaction: limits first (cheap refusals), then one scrypt, unknown users included. */
export async function checkSecret(ctx: Ctx, username: string, secret: string, which: Secret): Promise<Checked> {
  const shop = await requireShop(ctx.db);
  if (which === 'pin') ctx.guard.assertPinAllowed(ctx.station, shop.settings.stationHours);
  const release = ctx.guard.beginCheck(ctx.source);
  try {
    const row = await ctx.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    const usable = row !== undefined && !row.disabled;
    if (usable && isLocked(row.locked_until, ctx.clock.now())) throw await lockedError(ctx, row.locked_until!);
    const hash = (usable && storedHash(row, which)) || DUMMY_HASH;
    // An unknown user costs the same scrypt as a known one, so timing does not tell who exists.
    const ok = (await verifySecret(secret, hash)) && usable && hash !== DUMMY_HASH;
    ctx.guard.checked(ctx.source, ok);
    if (which === 'pin') ctx.guard.pinChecked(ctx.station, ok);
    return { userId: usable ? row.id : null, ok, hash };
  } finally {
    release();
  }
}

/** Inside the transaction: the failure counted (and committed even though the call fails), or the session started. */
export async function recordSignIn(ctx: Ctx, which: Secret, checked: Checked): Promise<SessionInfo> {
  const bad = () => new AppError('BAD_CREDENTIALS', { key: which === 'pin' ? 'errors.BAD_PIN' : 'errors.BAD_CREDENTIALS' });
  if (!checked.userId) throw bad();
  const now = ctx.clock.now();
  const row = await ctx.db.selectFrom('users').selectAll().where('id', '=', checked.userId).executeTakeFirst();
  if (!row || row.disabled) throw bad();
  // Another failure may have locked the account while this check ran.
  if (isLocked(row.locked_until, now)) throw await lockedError(ctx, row.locked_until!);
  if (!checked.ok) {
    const next = afterFailure(row.failed_attempts, now);
    await ctx.db.updateTable('users').set(next).where('id', '=', row.id).execute();
    await ctx.audit(next.locked_until ? 'auth.lockedOut' : 'auth.failed', 'user', row.id, { via: which, source: ctx.source });
    if (next.locked_until) ctx.failAfterCommit(await lockedError(ctx, next.locked_until));
    ctx.failAfterCommit(bad());
  }
  if (storedHash(row, which) !== checked.hash) throw bad();
  await ctx.db.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', row.id).execute();
  // The caller is not signed in yet: the audit entry names the user who just proved who they are.
  await appendAudit(ctx.db, ctx, { userId: row.id, action: which === 'password' ? 'auth.login' : 'auth.pinSwitch', entity: 'user', entityId: row.id, details: {} });
  // A quick switch on a shared PC ends the session it replaces, so no one keeps acting as the previous user.
  if (ctx.callerTokenHash) {
    await ctx.db.updateTable('sessions').set({ ended_at: now.toISOString() }).where('token_hash', '=', ctx.callerTokenHash).where('ended_at', 'is', null).execute();
  }
  const session = await startSession(ctx.db, row.id, now);
  // A password sign-in makes this tab or window a station (a PIN switch keeps the station it used).
  return which === 'password' ? { ...session, station: ctx.guard.issueStation(ctx.station) } : session;
}
