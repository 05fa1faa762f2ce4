/**
 * The settings head office manages for one shop (kind shop.settings, item "settings"): each
 * publication is the whole set head office manages (a setting it leaves out stays as the shop has it),
 * so the editor opens on what was last published and the shop applies it over its settings.
 */
import type { z } from 'zod';
import type { HqContext } from '../context';
import type { Actor } from '../console/audit';
import { findShop } from '../shops';
import { syncedShopSettings } from '../synced';
import { HQ_MANAGED_SETTINGS } from '../../shared/shop/schemas';
import { hqShopSettingsSchema } from '../../shared/sync/kinds';
import { SETTINGS_ITEM_ID, type HqShopSettings, type SettingsPublished, type SettingsState, type settingsPublishSchema } from '../../shared/hq-console/publishing-settings';
import { checkKind, publishedItem } from './editor-items';
import { publishAs } from './publish-as';

const KIND = 'shop.settings';
const settingsOf = (d: unknown) => hqShopSettingsSchema.parse(d);

export async function settingsState(ctx: HqContext, shopId: string): Promise<SettingsState> {
  const shop = await findShop(ctx, shopId);
  const synced = await syncedShopSettings(ctx.db, shop.id);
  // The shop's own values of what head office manages; anything unreadable is left out, not guessed.
  const atShop: HqShopSettings = {};
  for (const k of Object.keys(HQ_MANAGED_SETTINGS)) {
    const one = hqShopSettingsSchema.safeParse({ [k]: synced[k] });
    if (one.success && synced[k] !== undefined) Object.assign(atShop, one.data);
  }
  return { published: await publishedItem(ctx, KIND, shop.id, SETTINGS_ITEM_ID, settingsOf), atShop };
}

export async function publishSettings(ctx: HqContext, actor: Actor, input: z.output<typeof settingsPublishSchema>): Promise<SettingsPublished> {
  const shop = await findShop(ctx, input.shopId);
  const settings = checkKind<HqShopSettings>(KIND, input.settings, 'settings');
  const r = await publishAs(ctx, actor, { kind: KIND, shopId: shop.id, items: [{ id: SETTINGS_ITEM_ID, data: settings }], title: input.title || `${shop.code}: ${Object.keys(settings).join(', ')}` });
  return { ...r, settings: (await publishedItem(ctx, KIND, shop.id, SETTINGS_ITEM_ID, settingsOf))! };
}
