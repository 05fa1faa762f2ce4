import { z } from 'zod';
import { LOCALES } from '../i18n/types';
import { documentsSettingsSchema } from '../documents/settings';
import { benchSettingsSchema } from '../bench/schemas';
import { qualitySettingsSchema } from '../reports/schemas';

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const shopCodeSchema = z.string().trim().regex(/^[A-Z0-9]{2,8}$/, { message: 'validation.shopCode' });
export const localeSchema = z.enum(LOCALES);

/** What the first-run wizard asks; the rest of the settings take defaults. */
export const shopProfileSchema = z.object({
  name: z.string().trim().min(1).max(80),
  code: shopCodeSchema,
  address: z.string().trim().max(200).default(''),
  phone: z.string().trim().max(40).default(''),
  hotline: z.string().trim().max(40).default(''),
  /** Opening hours as the shop writes them (周一至周日 9:00–21:00): on the customers' status page. */
  hours: z.string().trim().max(80).default(''),
  timeZone: z.string().refine(isTimeZone, { message: 'validation.timeZone' }).default('Asia/Shanghai'),
  currency: z.string().regex(/^[A-Z]{3}$/).default('CNY'),
  language: localeSchema.default('zh-CN'),
});

export const shopSettingsSchema = shopProfileSchema.extend({
  /** Basis points: 1300 = 13 %. Prices are tax-inclusive by default. */
  taxRateBp: z.number().int().min(0).max(10000).default(1300),
  pricesIncludeTax: z.boolean().default(true),
  /** Off: the shop host listens on 127.0.0.1 only. */
  lanAccess: z.boolean().default(false),
  sessionIdleMinutes: z.number().int().min(5).max(24 * 60).default(60),
  /** A session ends this long after its sign-in however busy it is (absolute lifetime). */
  sessionMaxHours: z.number().int().min(1).max(72).default(12),
  /** Station time: a PIN switches users only on a tab or window where someone signed in with a password this recently (one working day). */
  stationHours: z.number().int().min(1).max(24).default(12),
  /** Paper, auto-print, copies and printer per document type; the shop's terms (see documents/settings). */
  documents: documentsSettingsSchema.prefault({}),
  /** How often the shop syncs with head office (sync capability). */
  syncIntervalMinutes: z.number().int().min(1).max(24 * 60).default(5),
  /** Discount threshold for a manager's PIN, second-person QC (bench capability). */
  bench: benchSettingsSchema.prefault({}),
  /** Follow-up delay, first-time-fix window, legal limit, complaint deadlines and escalation (reports capability). */
  quality: qualitySettingsSchema.prefault({}),
  /** Set by enrollment with head office (never by shop.update): head-office data is then read-only here. */
  enrolled: z.boolean().default(false),
});
export type ShopSettings = z.infer<typeof shopSettingsSchema>;

/**
 * A patch names only what changes. zod 4's `.partial()` still fills absent fields that have a
 * default, and shop.update would then reset them (address, hotline, documents...), so the
 * defaults are taken off first.
 */
export const shopSettingsPatchSchema = z
  .object(
    Object.fromEntries(
      Object.entries(shopSettingsSchema.shape).filter(([k]) => k !== 'enrolled').map(([k, v]) => [k, ('unwrap' in v && (v instanceof z.ZodDefault || v instanceof z.ZodPrefault) ? v.unwrap() : v).optional()]),
    ) as unknown as ReturnType<typeof shopSettingsSchema.partial>['shape'],
  )
  .strict();
export type ShopSettingsPatch = z.infer<typeof shopSettingsPatchSchema>;

/**
 * The settings head office manages for an enrolled shop (pulled kind 'shop.settings'); read-only
 * there, like the shop's code (its identity at head office). The rest (language, LAN access,
 * printers and documents, sync interval, bench and quality rules) stay the shop's.
 */
export const HQ_MANAGED_SETTINGS = {
  name: true,
  address: true,
  phone: true,
  hotline: true,
  timeZone: true,
  currency: true,
  taxRateBp: true,
  pricesIncludeTax: true,
  sessionIdleMinutes: true,
} as const;
/** Read-only in an enrolled shop: head office's settings and the shop's code. */
export const ENROLLED_READ_ONLY_SETTINGS: readonly string[] = [...Object.keys(HQ_MANAGED_SETTINGS), 'code'];

export const shopSchema = z.object({ id: z.string(), settings: shopSettingsSchema });
export type Shop = z.infer<typeof shopSchema>;
