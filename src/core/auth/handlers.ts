import type { Selectable } from 'kysely';
import { AppError, fieldError } from '../../shared/api/errors';
import type { systemProcedures } from '../../shared/system/procedures';
import type { Ctx, Handlers } from '../api/context';
import type { UsersTable } from '../db/schema';
import { hashSecret, verifySecret } from './passwords';
import { endSessions, sessionExpiry } from './sessions';
import { assertLocalUser, getUserRow, hqUserIds, insertUser, loadUser, toUser } from './users';
import { requireShop } from '../shop/settings';
import { checkSecret, recordSignIn, type Checked } from './sign-in';

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

/**
 * Checks the caller's own password outside the transaction, under the same per-source limits as
 * a sign-in (a stolen session must not guess the password through here). Returns the hash it
 * was checked against.
 */
async function proveOwnPassword(ctx: Ctx, password: string, field: string): Promise<string> {
  const release = ctx.guard.beginCheck(ctx.source);
  try {
    const row = await getUserRow(ctx.db, ctx.me().userId);
    const ok = await verifySecret(password, row.password_hash);
    ctx.guard.checked(ctx.source, ok);
    if (!ok) throw fieldError(field, 'errors.BAD_CREDENTIALS');
    return row.password_hash;
  } finally {
    release();
  }
}

/** The caller's row in the transaction, provided the password checked is still theirs. */
async function ownRowUnchanged(ctx: Ctx, proof: string, field: string): Promise<Selectable<UsersTable>> {
  const row = await getUserRow(ctx.db, ctx.me().userId);
  if (row.password_hash !== proof) throw fieldError(field, 'errors.BAD_CREDENTIALS');
  return row;
}

export const authHandlers: Handlers<Pick<P, AuthNames>> = {
  'auth.login': {
    beforeTransaction: (input, ctx): Promise<Checked> => checkSecret(ctx, input.username, input.password, 'password'),
    run: (_input, ctx, checked: Checked) => recordSignIn(ctx, 'password', checked),
  },
  'auth.pinSwitch': {
    beforeTransaction: (input, ctx): Promise<Checked> => checkSecret(ctx, input.username, input.pin, 'pin'),
    run: (_input, ctx, checked: Checked) => recordSignIn(ctx, 'pin', checked),
  },

  async 'auth.switchList'(_input, ctx) {
    // Who works here is shown only to a station (a tab where someone signed in with a password today).
    const shop = await requireShop(ctx.db);
    if (!ctx.guard.isStation(ctx.station, shop.settings.stationHours)) {
      throw new AppError('FORBIDDEN', { key: 'auth.error.noStation', params: { hours: shop.settings.stationHours }, details: { reason: 'station' } });
    }
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

  'auth.changePassword': {
    // scrypt twice (check the current one, hash the new one) outside the transaction.
    beforeTransaction: async (input, ctx) => ({ proof: await proveOwnPassword(ctx, input.current, 'current'), hash: await hashSecret(input.next) }),
    async run(_input, ctx, { proof, hash }: { proof: string; hash: string }) {
      const row = await ownRowUnchanged(ctx, proof, 'current');
      await updateUser(ctx, row, { password_hash: hash });
      // Whoever else holds a session of this user (a stolen token, another PC) is out now.
      await endSessions(ctx.db, row.id, ctx.clock.now(), ctx.me().tokenHash);
      await ctx.audit('auth.changePassword', 'user', row.id);
      return { ok: true as const };
    },
  },

  'auth.setPin': {
    beforeTransaction: async (input, ctx) => ({ proof: await proveOwnPassword(ctx, input.password, 'password'), hash: await hashSecret(input.pin) }),
    async run(_input, ctx, { proof, hash }: { proof: string; hash: string }) {
      const row = await ownRowUnchanged(ctx, proof, 'password');
      await updateUser(ctx, row, { pin_hash: hash });
      await ctx.audit('auth.setPin', 'user', row.id);
      return { ok: true as const };
    },
  },

  async 'users.list'(_input, ctx) {
    const rows = await ctx.db.selectFrom('users').selectAll().orderBy('disabled').orderBy('display_name').execute();
    const hq = await hqUserIds(ctx.db);
    return rows.map((r) => toUser(r, hq.has(r.id)));
  },

  'users.create': {
    beforeTransaction: async (input) => ({ password: await hashSecret(input.password), pin: input.pin ? await hashSecret(input.pin) : null }),
    async run(input, ctx, hashes: { password: string; pin: string | null }) {
      assertMayManage(ctx, { role: input.role });
      const user = await insertUser(ctx.db, { ...input, id: ctx.newId(), now: ctx.nowIso() }, '', hashes);
      await ctx.audit('users.create', 'user', user.id, { username: user.username, role: user.role });
      return user;
    },
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

  'users.resetPassword': {
    beforeTransaction: (input) => hashSecret(input.password),
    async run(input, ctx, hash: string) {
      const row = await getUserRow(ctx.db, input.id);
      assertMayManage(ctx, row);
      await assertLocalUser(ctx.db, row.id);
      await updateUser(ctx, row, { password_hash: hash, failed_attempts: 0, locked_until: null });
      await endSessions(ctx.db, row.id, ctx.clock.now());
      await ctx.audit('users.resetPassword', 'user', row.id);
      return { ok: true as const };
    },
  },
};
