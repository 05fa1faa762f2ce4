/**
 * The console's shop settings editor (kind shop.settings, id "settings", per shop): the settings
 * head office manages for a shop (name, address, phones, time zone, currency, tax, idle sign-out);
 * the shop's LAN and printer settings stay the shop's.
 */
import { z } from 'zod';
import type { hqShopSettingsSchema } from '../sync/kinds';
import type { EditorPublished, PublishedItem } from './publishing-editors';

export const SETTINGS_ITEM_ID = 'settings';
export const settingsPublishSchema = z.object({ shopId: z.string().min(1).max(100), settings: z.record(z.string(), z.unknown()), title: z.string().trim().max(200).default('') }).strict();

export type HqShopSettings = z.infer<typeof hqShopSettingsSchema>;
export interface SettingsState {
  published: PublishedItem<HqShopSettings> | null;
  /** What the shop holds for the same settings as it last synced (empty before its first push): shown beside each field. */
  atShop: HqShopSettings;
}
export type SettingsPublished = EditorPublished & { settings: PublishedItem<HqShopSettings> };
