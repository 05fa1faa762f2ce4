import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { shopSettingsSchema, type ShopSettings } from '../../shared/shop/schemas';
import type { DB } from '../db/schema';
import type { Locale } from '../../shared/i18n/types';
import { isLocale } from '../../shared/i18n/translate';
import { AppError } from '../../shared/api/errors';
import { statement } from '../db/statements';

/** Settings are stored as JSON and parsed with defaults, so a new setting needs no migration. */
export function parseSettings(json: string): ShopSettings {
  // Every call checks its session against the idle timeout, so the same JSON is parsed
  // thousands of times; the last parse is reused while the stored text is unchanged.
  if (json === lastJson && lastSettings) return structuredClone(lastSettings);
  const settings = shopSettingsSchema.parse(JSON.parse(json));
  lastJson = json;
  lastSettings = settings;
  return structuredClone(settings);
}
let lastJson: string | null = null;
let lastSettings: ShopSettings | null = null;

/**
 * The settings for reading only, without the copy parseSettings hands out (the session check
 * reads two numbers on every call; the copy was most of its cost). Null before setup.
 */
export function shopSettingsView(sqlite: Database.Database): Readonly<ShopSettings> | null {
  const row = shopSettingsRow(sqlite);
  if (!row) return null;
  if (row.settings_json !== lastJson || !lastSettings) parseSettings(row.settings_json);
  return lastSettings;
}

export async function loadShop(db: Kysely<DB>): Promise<{ id: string; settings: ShopSettings } | null> {
  const row = await db.selectFrom('shop').select(['id', 'settings_json']).limit(1).executeTakeFirst();
  return row ? { id: row.id, settings: parseSettings(row.settings_json) } : null;
}

export async function requireShop(db: Kysely<DB>): Promise<{ id: string; settings: ShopSettings }> {
  const shop = await loadShop(db);
  if (!shop) throw new AppError('SETUP_REQUIRED');
  return shop;
}

function shopSettingsRow(sqlite: Database.Database): { settings_json: string } | undefined {
  return statement<{ settings_json: string }, []>(sqlite, `SELECT settings_json FROM shop LIMIT 1`).get();
}

/** The stored settings read raw, unparsed by the schema (never failing on a setting it does not know): null before setup. */
export function storedSettings(sqlite: Database.Database): Record<string, unknown> | null {
  const row = shopSettingsRow(sqlite);
  return row ? (JSON.parse(row.settings_json) as Record<string, unknown>) : null;
}

/** The settings schema's time zone when the settings name none (and before setup). */
export const DEFAULT_TIME_ZONE = shopSettingsSchema.shape.timeZone.parse(undefined);

/** The time zone in stored settings text, read raw (never failing). */
export function timeZoneOf(settingsJson: string): string {
  return (JSON.parse(settingsJson) as { timeZone?: string }).timeZone ?? DEFAULT_TIME_ZONE;
}

/** The shop's time zone read raw, for the schedulers and ledgers that also run before setup: null then. */
export function shopTimeZone(sqlite: Database.Database): string | null {
  const row = shopSettingsRow(sqlite);
  return row ? timeZoneOf(row.settings_json) : null;
}

/** Whether the shop serves the LAN (read raw: the hosts ask before and after setup, never failing). */
export function lanAccessOn(sqlite: Database.Database): boolean {
  return storedSettings(sqlite)?.lanAccess === true;
}

/** Synchronous read used to pick the language of an error before any session exists. */
export function readShopLanguage(sqlite: Database.Database): Locale | null {
  const lang = storedSettings(sqlite)?.language;
  return isLocale(lang) ? lang : null;
}

/** The shop's settings, read on the raw connection (parsed once per change, see parseSettings). */
export function shopSettings(ctx: { sqlite: Database.Database }): ShopSettings {
  const row = shopSettingsRow(ctx.sqlite);
  if (!row) throw new AppError('SETUP_REQUIRED');
  return parseSettings(row.settings_json);
}
