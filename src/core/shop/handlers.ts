import { AppError } from '../../shared/api/errors';
import { shopSettingsSchema } from '../../shared/shop/schemas';
import type { systemProcedures } from '../../shared/system/procedures';
import type { Handlers } from '../api/context';
import { insertUser } from '../auth/users';
import { startSession } from '../auth/sessions';
import { loadShop, requireShop } from './settings';

type P = typeof systemProcedures;

export const shopHandlers: Handlers<Pick<P, 'setup.status' | 'setup.run' | 'shop.get' | 'shop.update'>> = {
  async 'setup.status'(_input, ctx) {
    const shop = await loadShop(ctx.db);
    return { setUp: shop !== null, shopName: shop?.settings.name ?? null, language: shop?.settings.language ?? null };
  },

  async 'setup.run'(input, ctx) {
    if (await loadShop(ctx.db)) throw new AppError('ALREADY_SET_UP');
    const now = ctx.nowIso();
    const settings = shopSettingsSchema.parse(input.shop);
    const shopId = ctx.newId();
    await ctx.db
      .insertInto('shop')
      .values({ id: shopId, code: settings.code, name: settings.name, settings_json: JSON.stringify(settings), created_at: now, updated_at: now })
      .execute();
    const admin = await insertUser(ctx.db, { ...input.admin, role: 'admin', id: ctx.newId(), now }, 'admin.');
    await ctx.db
      .insertInto('audit_log')
      .values({ id: ctx.newId(), at: now, user_id: admin.id, action: 'setup.run', entity: 'shop', entity_id: shopId, details_json: JSON.stringify({ code: settings.code }) })
      .execute();
    return startSession(ctx.db, admin.id, ctx.clock.now());
  },

  async 'shop.get'(_input, ctx) {
    return requireShop(ctx.db);
  },

  async 'shop.update'(input, ctx) {
    const shop = await requireShop(ctx.db);
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
