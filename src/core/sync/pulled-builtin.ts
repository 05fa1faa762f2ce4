import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { pulledKinds, hqShopSettingsSchema, hqUserSchema } from '../../shared/sync/kinds';
import { shopSettingsSchema } from '../../shared/shop/schemas';
import { categoryPolicySchema, holidayCalendarSchema, type CategoryPolicy } from '../../shared/warranty/schemas';
import { insertPolicyVersion, samePolicyData } from '../warranty/store';
import { registerPulledKind, type PulledRow } from './pulled';
import { hqMark, setHqMark } from './hq-owned';
import { HQ_USERS } from '../auth/users';

/**
 * The pull handlers of the foundation and of capabilities present when sync was built: shop
 * settings, provisioned users, warranty policies, holiday calendar. Parts catalog and price list
 * register theirs in their own capability (see README "Head office").
 */
function parse<T>(kind: string, row: PulledRow): T {
  return pulledKinds[kind]!.data.parse(row.data) as T;
}

registerPulledKind('shop.settings', {
  async apply(trx, rows, ctx) {
    const shop = await trx.selectFrom('shop').select(['id', 'settings_json']).limit(1).executeTakeFirst();
    if (!shop) return; // enrollment needs a set-up shop; nothing to apply to
    let settings = shopSettingsSchema.parse(JSON.parse(shop.settings_json));
    for (const row of rows) {
      if (row.deleted) continue; // settings are never deleted, only changed
      const patch = hqShopSettingsSchema.parse(row.data);
      settings = shopSettingsSchema.parse({ ...settings, ...patch, enrolled: true });
    }
    await trx
      .updateTable('shop')
      .set({ settings_json: JSON.stringify(settings), name: settings.name, updated_at: ctx.nowIso() })
      .where('id', '=', shop.id)
      .execute();
    ctx.emit({ name: 'shop.updated', payload: { id: shop.id, settings } });
  },
});

/**
 * A user head office provisioned is marked as such (meta `hq:users:<id>`, see hq-owned): the shop
 * then refuses to rename, re-role, disable or reset it. The mark keeps a fingerprint of the last
 * password hash head office sent: the user may change their own password here, and head office's
 * next publish of the same user overwrites it only when head office set a new password.
 */
const fingerprint = (hash: string) => createHash('sha256').update(hash).digest('base64url').slice(0, 22);

registerPulledKind(HQ_USERS, {
  async apply(trx, rows, ctx) {
    const now = ctx.nowIso();
    for (const row of rows) {
      const existing = await trx.selectFrom('users').select(['id', 'username']).where('id', '=', row.id).executeTakeFirst();
      const mark = await hqMark<{ pw: string | null }>(trx, HQ_USERS, row.id);
      if (row.deleted) {
        // Users are never deleted (the audit log names them): head office's delete disables.
        if (existing) {
          await setHqMark(trx, HQ_USERS, row.id, { pw: mark?.pw ?? null });
          await trx.updateTable('users').set({ disabled: 1, updated_at: now }).where('id', '=', row.id).execute();
          await trx.updateTable('sessions').set({ ended_at: now }).where('user_id', '=', row.id).where('ended_at', 'is', null).execute();
        }
        continue;
      }
      const u = parse<ReturnTypeOfUser>('users', row);
      const pw = u.passwordHash ? fingerprint(u.passwordHash) : null;
      const newPassword = u.passwordHash && pw !== mark?.pw ? { password_hash: u.passwordHash } : {};
      await setHqMark(trx, HQ_USERS, row.id, { pw: pw ?? mark?.pw ?? null });
      // A local user holding the same name gives way: renamed and disabled, its history kept.
      const clash = await trx
        .selectFrom('users')
        .select(['id'])
        .where(sql<boolean>`username = ${u.username} COLLATE NOCASE`)
        .where('id', '!=', row.id)
        .executeTakeFirst();
      if (clash) {
        await trx
          .updateTable('users')
          .set({ username: `${u.username.slice(0, 24)}.local${clash.id.slice(-2)}`, disabled: 1, updated_at: now })
          .where('id', '=', clash.id)
          .execute();
        await trx.updateTable('sessions').set({ ended_at: now }).where('user_id', '=', clash.id).where('ended_at', 'is', null).execute();
      }
      if (existing) {
        await trx
          .updateTable('users')
          .set({
            username: u.username,
            display_name: u.displayName,
            role: u.role,
            disabled: u.disabled ? 1 : 0,
            ...newPassword,
            updated_at: now,
          })
          .where('id', '=', row.id)
          .execute();
        if (u.disabled) await trx.updateTable('sessions').set({ ended_at: now }).where('user_id', '=', row.id).where('ended_at', 'is', null).execute();
      } else {
        await trx
          .insertInto('users')
          .values({
            id: row.id,
            username: u.username,
            display_name: u.displayName,
            role: u.role,
            // No hash yet: nobody can sign in as this user until head office sets a password.
            password_hash: u.passwordHash ?? '!',
            pin_hash: null,
            disabled: u.disabled ? 1 : 0,
            failed_attempts: 0,
            locked_until: null,
            created_at: now,
            updated_at: now,
          })
          .execute();
      }
    }
  },
});
type ReturnTypeOfUser = ReturnType<typeof hqUserSchema.parse>;

registerPulledKind('warranty.policy', {
  async apply(trx, rows, ctx) {
    for (const row of rows) {
      if (row.deleted) {
        await trx.updateTable('warranty_policies').set({ active: 0 }).where('policy_id', '=', row.id).execute();
        continue;
      }
      const data = categoryPolicySchema.parse(row.data);
      const current = await trx
        .selectFrom('warranty_policies')
        .selectAll()
        .where('policy_id', '=', data.id)
        .where('active', '=', 1)
        .executeTakeFirst();
      if (current && current.source === 'hq' && samePolicyData(JSON.parse(current.data_json) as CategoryPolicy, data)) continue;
      const { version } = await insertPolicyVersion(trx, data, current, { source: 'hq', note: '', updatedAt: ctx.nowIso(), updatedBy: null });
      ctx.emit({ name: 'warranty.policies.changed', payload: { id: data.id, version } });
    }
  },
});

registerPulledKind('warranty.calendar', {
  async apply(trx, rows, ctx) {
    for (const row of rows) {
      if (row.deleted) continue; // a calendar is replaced, never removed
      const data = holidayCalendarSchema.parse(row.data);
      const current = await trx
        .selectFrom('warranty_calendars')
        .selectAll()
        .where('calendar_id', '=', data.id)
        .where('active', '=', 1)
        .executeTakeFirst();
      if (current && current.data_json === JSON.stringify(data)) continue;
      const last = await trx
        .selectFrom('warranty_calendars')
        .select((eb) => eb.fn.max('version_no').as('n'))
        .where('calendar_id', '=', data.id)
        .executeTakeFirst();
      const versionNo = (last?.n ?? 0) + 1;
      if (current) await trx.updateTable('warranty_calendars').set({ active: 0 }).where('id', '=', current.id).execute();
      await trx
        .insertInto('warranty_calendars')
        .values({
          id: `${data.id}#${versionNo}`,
          calendar_id: data.id,
          version_no: versionNo,
          data_json: JSON.stringify(data),
          source: 'hq',
          active: 1,
          updated_at: ctx.nowIso(),
          updated_by: null,
        })
        .execute();
    }
  },
});
