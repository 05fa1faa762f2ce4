import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeBackend, setupShop } from '../../helpers/backend';
import { ManualClock } from '../../helpers/clock';
import { clearShopGateway, loadShopGateway, saveShopGateway } from '../../../src/core/messaging/shop-gateway';
import { ephemeralKeyProvider } from '../../../src/core/secrets/file-key-provider';
import type { Backend } from '../../../src/core';

const SECRET = 'Sh0p-Own-AccessKeySecret-9f8e7d';
const SETTINGS = { kind: 'aliyun' as const, accessKeyId: 'LTAI5tShopKey', accessKeySecret: SECRET, signName: '福田维修', templates: { ready: 'SMS_154950909' } };

const opened: Backend[] = [];
afterEach(async () => {
  while (opened.length) await opened.pop()!.close();
});

async function shop() {
  const { backend, dataDir } = makeBackend({ clock: new ManualClock() });
  opened.push(backend);
  await setupShop(backend);
  return { backend, dataDir, ctx: { sqlite: backend.services.sqlite, keys: backend.services.keys } };
}

describe("a shop's own SMS gateway", () => {
  it('is kept encrypted at rest: neither the database file nor its log holds the secret', async () => {
    const { backend, dataDir, ctx } = await shop();
    expect(loadShopGateway(ctx)).toEqual({ state: 'none' });
    saveShopGateway(ctx, SETTINGS);
    expect(loadShopGateway(ctx)).toEqual({ state: 'configured', settings: { ...SETTINGS, endpoint: 'https://dysmsapi.aliyuncs.com', region: 'cn-hangzhou' } });
    const stored = ctx.sqlite.prepare(`SELECT value FROM meta WHERE key = 'messaging:gateway'`).get() as { value: string };
    expect(stored.value).not.toContain(SECRET);
    expect(Buffer.from(stored.value, 'base64').includes(Buffer.from(SECRET))).toBe(false);
    await backend.close();
    opened.pop();
    for (const f of fs.readdirSync(dataDir).filter((f) => f.startsWith('shop.sqlite'))) {
      const bytes = fs.readFileSync(path.join(dataDir, f));
      expect(bytes.includes(Buffer.from(SECRET)), f).toBe(false);
      expect(bytes.includes(Buffer.from('LTAI5tShopKey')), f).toBe(false);
    }
  });

  it('does not open under another key (a database copied without its key file), and can be cleared', async () => {
    const { ctx } = await shop();
    saveShopGateway(ctx, SETTINGS);
    expect(loadShopGateway({ sqlite: ctx.sqlite, keys: ephemeralKeyProvider() })).toEqual({ state: 'unreadable' });
    expect(clearShopGateway(ctx)).toBe(true);
    expect(loadShopGateway(ctx)).toEqual({ state: 'none' });
    expect(clearShopGateway(ctx)).toBe(false);
  });

  it('is refused and not used in an enrolled shop: head office sends for it', async () => {
    const { ctx } = await shop();
    saveShopGateway(ctx, SETTINGS);
    const row = ctx.sqlite.prepare(`SELECT id, settings_json FROM shop`).get() as { id: string; settings_json: string };
    ctx.sqlite.prepare(`UPDATE shop SET settings_json = ? WHERE id = ?`).run(JSON.stringify({ ...JSON.parse(row.settings_json), enrolled: true }), row.id);
    expect(loadShopGateway(ctx)).toEqual({ state: 'enrolled' });
    expect(() => saveShopGateway(ctx, SETTINGS)).toThrow(expect.objectContaining({ code: 'RULE', key: 'sync.error.hqOwned' }));
  });
});
