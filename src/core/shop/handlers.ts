import { AppError } from '../../shared/api/errors';
import { ENROLLED_READ_ONLY_SETTINGS, shopSettingsSchema, type ShopSettings, type ShopSettingsPatch } from '../../shared/shop/schemas';
import type { Locale } from '../../shared/i18n/types';
import { t } from '../../shared/i18n/translate';
import type { systemProcedures } from '../../shared/system/procedures';
import type { Handlers } from '../api/context';
import { insertUser } from '../auth/users';
import { hashSecret } from '../auth/passwords';
import { startSession } from '../auth/sessions';
import { loadShop, requireShop } from './settings';

type P = typeof systemProcedures;

/** The label of each read-only setting, for the refusal's message. */
const SETTING_LABEL: Record<string, string> = {
  name: 'ui.shop.name',
  code: 'ui.shop.code',
  address: 'ui.shop.address',
  phone: 'ui.shop.phone',
  hotline: 'ui.shop.hotline',
  timeZone: 'ui.shop.timeZone',
  currency: 'ui.shop.currency',
  taxRateBp: 'ui.settings.taxRate',
  pricesIncludeTax: 'ui.settings.pricesIncludeTax',
  sessionIdleMinutes: 'ui.settings.idleMinutes',
};

/**
 * An enrolled shop may not change what head office manages (or its code); a patch that repeats
 * the current value of such a setting is fine (a settings form sends every field).
 */
function assertHqSettingsUnchanged(current: ShopSettings, patch: ShopSettingsPatch, locale: Locale): void {
  if (!current.enrolled) return;
  const changed = ENROLLED_READ_ONLY_SETTINGS.filter((k) => {
    const v = patch[k as keyof ShopSettingsPatch];
    return v !== undefined && JSON.stringify(v) !== JSON.stringify(current[k as keyof ShopSettings]);
  });
  if (changed.length === 0) return;
  throw new AppError('RULE', {
    key: 'system.error.settingsManagedByHq',
    params: { fields: changed.map((k) => t(locale, SETTING_LABEL[k] ?? k)).join(locale === 'zh-CN' ? '、' : ', ') },
    fields: changed.map((k) => ({ path: k, key: 'system.error.fieldManagedByHq' })),
    details: { managedByHq: changed },
  });
}

export const shopHandlers: Handlers<Pick<P, 'setup.status' | 'setup.run' | 'shop.get' | 'shop.update'>> = {
  async 'setup.status'(_input, ctx) {
    const shop = await loadShop(ctx.db);
    return { setUp: shop !== null, shopName: shop?.settings.name ?? null, language: shop?.settings.language ?? null };
  },

  'setup.run': {
    // The admin's hashes are made before the transaction opens (scrypt holds no connection).
    beforeTransaction: async (input) => ({ password: await hashSecret(input.admin.password), pin: input.admin.pin ? await hashSecret(input.admin.pin) : null }),
    async run(input, ctx, hashes: { password: string; pin: string | null }) {
      if (await loadShop(ctx.db)) throw new AppError('ALREADY_SET_UP');
      const now = ctx.nowIso();
      const settings = shopSettingsSchema.parse(input.shop);
      const shopId = ctx.newId();
      await ctx.db
        .insertInto('shop')
        .values({ id: shopId, code: settings.code, name: settings.name, settings_json: JSON.stringify(settings), created_at: now, updated_at: now })
        .execute();
      const admin = await insertUser(ctx.db, { ...input.admin, role: 'admin', id: ctx.newId(), now }, 'admin.', hashes);
      await ctx.db
        .insertInto('audit_log')
        .values({ id: ctx.newId(), at: now, user_id: admin.id, action: 'setup.run', entity: 'shop', entity_id: shopId, details_json: JSON.stringify({ code: settings.code }) })
        .execute();
      // The first sign-in is a password sign-in: this tab or window becomes a station.
      return { ...(await startSession(ctx.db, admin.id, ctx.clock.now())), station: ctx.guard.issueStation(ctx.station) };
    },
  },

  async 'shop.get'(_input, ctx) {
    return requireShop(ctx.db);
  },

  async 'shop.update'(input, ctx) {
    const shop = await requireShop(ctx.db);
    assertHqSettingsUnchanged(shop.settings, input, ctx.locale);
    const settings = shopSettingsSchema.parse({ ...shop.settings, ...input });
    await ctx.db
      .updateTable('shop')
      .set({ settings_json: JSON.stringify(settings), name: settings.name, code: settings.code, updated_at: ctx.nowIso() })
      .where('id', '=', shop.id)
      .execute();
    const changed = Object.fromEntries(
      Object.entries(input).map(([k, v]) => [k, { from: shop.settings[k as keyof typeof settings], to: v }]),
    );
    await ctx.audit('shop.update', 'shop', shop.id, changed);
    ctx.emit({ name: 'shop.updated', payload: { id: shop.id, settings } });
    return { id: shop.id, settings };
  },
};
