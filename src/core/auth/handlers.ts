import type { Selectable } from 'kysely';
import { AppError, fieldError } from '../../shared/api/errors';
import type { systemProcedures } from '../../shared/system/procedures';
import type { Ctx, Handlers } from '../api/context';
import type { UsersTable } from '../db/schema';
import { DUMMY_HASH, hashSecret, verifySecret } from './passwords';
import { afterFailure, isLocked } from './lockout';
import { endSessions, sessionExpiry, startSession } from './sessions';
import { assertLocalUser, getUserRow, hqUserIds, insertUser, loadUser, toUser } from './users';
import { requireShop } from '../shop/settings';
import { localTime } from '../../shared/util/time';
import { appendAudit } from '../audit/log';

type P = typeof systemProcedures;
type AuthNames =
  | 'auth.login'
  | 'auth.pinSwitch'
  | 'auth.switchList'
  | 'auth.me'
  | 'auth.logout'
  | 'auth.changePassword'
  | 'auth.setPin'
  | 'users.list'
  | 'users.create'
  | 'users.update'
  | 'users.resetPassword';

/** Shared by password and PIN sign-in: lockout first, then the secret, failures committed. */
async function signIn(ctx: Ctx, username: string, secret: string, which: 'password' | 'pin') {
  const shop = await requireShop(ctx.db);
  // People read a wall-clock time in the shop's zone, not an ISO instant.
  const lockedError = (until: string) =>
    new AppError('LOCKED_OUT', { params: { until: localTime(until, shop.settings.timeZone) }, details: { until } });
  const now = ctx.clock.now();
  const row = await ctx.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  if (!row || row.disabled) {
    await verifySecret(secret, DUMMY_HASH);
    throw new AppError('BAD_CREDENTIALS');
  }
  if (isLocked(row.locked_until, now)) {
    throw lockedError(row.locked_until!);
  }
  const stored = which === 'password' ? row.password_hash : row.pin_hash;
  if (!stored || !(await verifySecret(secret, stored))) {
    const next = afterFailure(row.failed_attempts, now);
    await ctx.db.updateTable('users').set(next).where('id', '=', row.id).execute();
    await ctx.audit(next.locked_until ? 'auth.lockedOut' : 'auth.failed', 'user', row.id, { via: which });
    if (next.locked_until) {
      ctx.failAfterCommit(lockedError(next.locked_until));
    }
    ctx.failAfterCommit(new AppError('BAD_CREDENTIALS', { key: which === 'pin' ? 'errors.BAD_PIN' : 'errors.BAD_CREDENTIALS' }));
  }
  await ctx.db.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', row.id).execute();
  // The caller is not signed in yet: the audit entry names the user who just proved who they are.
  await appendAudit(ctx.db, ctx, { userId: row.id, action: which === 'password' ? 'auth.login' : 'auth.pinSwitch', entity: 'user', entityId: row.id, details: {} });
  // A quick switch on a shared PC ends the session it replaces, so no one keeps acting as the previous user.
  if (ctx.callerTokenHash) {
    await ctx.db.updateTable('sessions').set({ ended_at: now.toISOString() }).where('token_hash', '=', ctx.callerTokenHash).where('ended_at', 'is', null).execute();
  }
  return startSession(ctx.db, row.id, now);
}

/** A manager manages counter staff, technicians and managers; only an admin touches admins. */
function assertMayManage(ctx: Ctx, target: { role: string }, newRole?: string) {
  const me = ctx.me();
  if (me.role === 'admin') return;
  if (target.role === 'admin' || newRole === 'admin') throw new AppError('FORBIDDEN', { params: { role: me.role } });
}

async function updateUser(ctx: Ctx, row: Selectable<UsersTable>, set: Partial<Selectable<UsersTable>>) {
  await ctx.db.updateTable('users').set({ ...set, updated_at: ctx.nowIso() }).where('id', '=', row.id).execute();
  return loadUser(ctx.db, row.id);
}

export const authHandlers: Handlers<Pick<P, AuthNames>> = {
  'auth.login': (input, ctx) => signIn(ctx, input.username, input.password, 'password'),
  'auth.pinSwitch': (input, ctx) => signIn(ctx, input.username, input.pin, 'pin'),

  async 'auth.switchList'(_input, ctx) {
    const rows = await ctx.db
      .selectFrom('users')
      .select(['username', 'display_name', 'role'])
      .where('disabled', '=', 0)
      .where('pin_hash', 'is not', null)
      .orderBy('display_name')
      .execute();
    return rows.map((r) => ({ username: r.username, displayName: r.display_name, role: r.role as never }));
  },

  async 'auth.me'(_input, ctx) {
    const me = ctx.me();
    return { user: await loadUser(ctx.db, me.userId), expiresAt: await sessionExpiry(ctx.db, me.tokenHash) };
  },

  async 'auth.logout'(_input, ctx) {
    await ctx.db.updateTable('sessions').set({ ended_at: ctx.nowIso() }).where('token_hash', '=', ctx.me().tokenHash).execute();
    return { ok: true as const };
  },

  async 'auth.changePassword'(input, ctx) {
    const row = await getUserRow(ctx.db, ctx.me().userId);
    if (!(await verifySecret(input.current, row.password_hash))) throw fieldError('current', 'errors.BAD_CREDENTIALS');
    await updateUser(ctx, row, { password_hash: await hashSecret(input.next) });
    await ctx.audit('auth.changePassword', 'user', row.id);
    return { ok: true as const };
  },

  async 'auth.setPin'(input, ctx) {
    const row = await getUserRow(ctx.db, ctx.me().userId);
    if (!(await verifySecret(input.password, row.password_hash))) throw fieldError('password', 'errors.BAD_CREDENTIALS');
    await updateUser(ctx, row, { pin_hash: await hashSecret(input.pin) });
    await ctx.audit('auth.setPin', 'user', row.id);
    return { ok: true as const };
  },

  async 'users.list'(_input, ctx) {
    const rows = await ctx.db.selectFrom('users').selectAll().orderBy('disabled').orderBy('display_name').execute();
    const hq = await hqUserIds(ctx.db);
    return rows.map((r) => toUser(r, hq.has(r.id)));
  },

  async 'users.create'(input, ctx) {
    assertMayManage(ctx, { role: input.role });
    const user = await insertUser(ctx.db, { ...input, id: ctx.newId(), now: ctx.nowIso() }, '');
    await ctx.audit('users.create', 'user', user.id, { username: user.username, role: user.role });
    return user;
  },

  async 'users.update'(input, ctx) {
    const row = await getUserRow(ctx.db, input.id);
    assertMayManage(ctx, row, input.role);
    await assertLocalUser(ctx.db, row.id);
    if (input.disabled && row.id === ctx.me().userId) throw fieldError('disabled', 'validation.cannotDisableSelf');
    const set: Partial<Selectable<UsersTable>> = {};
    if (input.displayName !== undefined) set.display_name = input.displayName;
    if (input.role !== undefined) set.role = input.role;
    if (input.disabled !== undefined) set.disabled = input.disabled ? 1 : 0;
    const user = await updateUser(ctx, row, set);
    if (input.disabled || (input.role !== undefined && input.role !== row.role)) await endSessions(ctx.db, row.id, ctx.clock.now());
    await ctx.audit('users.update', 'user', row.id, { ...input, id: undefined });
    return user;
  },

  async 'users.resetPassword'(input, ctx) {
    const row = await getUserRow(ctx.db, input.id);
    assertMayManage(ctx, row);
    await assertLocalUser(ctx.db, row.id);
    await updateUser(ctx, row, { password_hash: await hashSecret(input.password), failed_attempts: 0, locked_until: null });
    await endSessions(ctx.db, row.id, ctx.clock.now());
    await ctx.audit('users.resetPassword', 'user', row.id);
    return { ok: true as const };
  },
};
