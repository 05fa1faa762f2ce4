/**
 * The gateway a shop that is not enrolled sends through, configured by its manager. Head
 * office's credentials never come here (an enrolled shop's messages go out from head office);
 * a shop's own are kept like device passcodes: AES-256-GCM under the shop's secret key
 * (src/core/secrets, the key outside the database), the ciphertext bound to this shop's id, so
 * a copied shop.sqlite alone reveals no credential and a blob moved to another shop does not open.
 *
 * Stored in the `meta` key–value table (not synced, so a credential never travels to head
 * office either), base64 in its TEXT value. Plain functions on the connection: the procedure
 * that wires them runs them in its transaction and writes its audit entry beside them.
 */
import type Database from 'better-sqlite3';
import { AppError } from '../../shared/api/errors';
import { GATEWAY_SECRET_FIELDS, gatewaySettingsSchema, type GatewayInput, type GatewaySettings } from '../../shared/messaging/gateway-settings';
import type { SecretKeyProvider } from '../secrets/key-provider';
import { decryptSecret, encryptSecret } from '../secrets/cipher';
import { column, run, statement } from '../db/statements';
import { storedSettings } from '../shop/settings';

const META_KEY = 'messaging:gateway';
const aad = (shopId: string) => `messaging.gateway:${shopId}`;

type Deps = { sqlite: Database.Database; keys: SecretKeyProvider };

function shopId(sqlite: Database.Database): string {
  const row = statement<{ id: string }, []>(sqlite, `SELECT id FROM shop LIMIT 1`).get();
  if (!row) throw new AppError('SETUP_REQUIRED');
  return row.id;
}

const enrolled = (sqlite: Database.Database) => storedSettings(sqlite)?.enrolled === true;

/** Saves (replaces) the shop's gateway; refused in an enrolled shop, where head office sends. Answers the settings as parsed. */
export function saveShopGateway(ctx: Deps, settings: GatewayInput): GatewaySettings {
  const id = shopId(ctx.sqlite);
  if (enrolled(ctx.sqlite)) throw new AppError('RULE', { key: 'sync.error.hqOwned' });
  const parsed = gatewaySettingsSchema.parse(withSavedSecrets(ctx, settings));
  const blob = encryptSecret(ctx.keys, JSON.stringify(parsed), aad(id)).toString('base64');
  run(ctx.sqlite, `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, META_KEY, blob);
  return parsed;
}

/** A secret the screen left out is the one saved for the same provider; none saved is refused at its field. */
function withSavedSecrets(ctx: Deps, input: GatewayInput): GatewayInput {
  const out: Record<string, unknown> = { ...input };
  const saved = loadShopGateway(ctx);
  for (const f of GATEWAY_SECRET_FIELDS[input.kind] as readonly string[]) {
    if (out[f] !== undefined) continue;
    const kept = saved.state === 'configured' && saved.settings.kind === input.kind ? (saved.settings as Record<string, unknown>)[f] : undefined;
    if (typeof kept !== 'string') throw new AppError('VALIDATION', { fields: [{ path: f, key: 'messaging.error.secretRequired' }] });
    out[f] = kept;
  }
  return out as GatewayInput;
}

/**
 * What the shop sends through: `none` (no gateway configured), `enrolled` (head office sends,
 * whatever a manager saved before enrolling), `unreadable` (the blob does not open: the
 * database was moved without its key file, and the manager must enter the credentials again)
 * or `configured` with the settings.
 */
export type ShopGateway = { state: 'none' } | { state: 'enrolled' } | { state: 'unreadable' } | { state: 'configured'; settings: GatewaySettings };

export function loadShopGateway(ctx: Deps): ShopGateway {
  if (enrolled(ctx.sqlite)) return { state: 'enrolled' };
  const blob = column<string | undefined, [string]>(ctx.sqlite, `SELECT value FROM meta WHERE key = ?`).get(META_KEY);
  if (blob === undefined) return { state: 'none' };
  let json: string;
  try {
    json = decryptSecret(ctx.keys, Buffer.from(blob, 'base64'), aad(shopId(ctx.sqlite)));
  } catch {
    return { state: 'unreadable' };
  }
  const parsed = gatewaySettingsSchema.safeParse(JSON.parse(json));
  return parsed.success ? { state: 'configured', settings: parsed.data } : { state: 'unreadable' };
}

/** Forgets the shop's gateway (a manager turning messages off, or the shop enrolling); false when there was none. */
export function clearShopGateway(ctx: Pick<Deps, 'sqlite'>): boolean {
  return run(ctx.sqlite, `DELETE FROM meta WHERE key = ?`, META_KEY).changes > 0;
}
