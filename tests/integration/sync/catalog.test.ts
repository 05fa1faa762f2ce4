import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../src/core';
import { syncEngineOf } from '../../../src/core/sync/engine';
import { main as hqCli } from '../../../src/hq/cli';
import { ADMIN_TOKEN, fastTempDir, injectTransport, openTestHq, type TestHq } from '../../helpers/hq';
import { setupShop } from '../../helpers/backend';

/**
 * Head office → shop for the parts catalog ('parts.catalog') and the service programs
 * ('warranty.program'): published through the admin API, the CLI or the service, applied by the
 * shop's pull, read-only in the enrolled shop while the shop's own part settings stay its own.
 */
let hq: TestHq;
const open: Backend[] = [];
beforeAll(async () => {
  hq = await openTestHq('sqlite');
});
afterAll(async () => {
  await hq.close();
});
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

let n = 0;
/** A set-up shop; `before` runs before it enrolls (its catalog from before head office). */
async function shopEnrolledAfter(before: (b: Backend, tokens: Awaited<ReturnType<typeof setupShop>>) => Promise<void>) {
  const backend = openBackend({ dataDir: fastTempDir('fixpoint-cat-'), sync: { autoStart: false, transport: injectTransport(hq.app) } });
  open.push(backend);
  const tokens = await setupShop(backend);
  await before(backend, tokens);
  const created = await hq.service.createShop({ code: `CA${process.pid % 100}${++n}`.slice(0, 8), name: `目录店${n}` });
  await backend.call('sync.enroll', { url: 'http://hq.test', code: created.enrollmentCode }, { token: tokens.admin });
  await syncEngineOf(backend.services).runNow();
  return { backend, tokens, hqShopId: created.shop.id, code: created.shop.code };
}

const part = (sku: string, over: Record<string, unknown> = {}) => ({
  sku,
  nameZh: `配件 ${sku}`,
  category: 'screen',
  models: ['iPhone 13'],
  listPrice: 89900,
  cost: 52000,
  ...over,
});

const adTerms = { kind: 'accidental_damage', id: 'ad-2026', name: { 'zh-CN': '碎屏保', en: 'Screen care' }, discountBp: 8000, deductible: 10000, capPerClaim: 100000, capPerTerm: 200000 };

describe('head office publishes the parts catalog and service programs', () => {
  it('parts arrive with source hq; updates, deactivation and deletion propagate; the shop keeps its bin and reorder levels; local edits are refused in words', async () => {
    let localId = '';
    const shop = await shopEnrolledAfter(async (b, tokens) => {
      // The shop's own catalog before it enrolled: a screen with stock, a bin and reorder levels.
      const p = await b.call('parts.save', { part: part('SCR-IP13', { nameZh: '本店屏幕' }) }, { token: tokens.admin });
      localId = p.id;
      await b.call('stock.receive', { partId: p.id, qty: 3, unitCost: 50000, supplier: '本地供应商' }, { token: tokens.manager });
      await b.call('stock.setSettings', { partId: p.id, bin: 'A-01', reorderPoint: 2, reorderQty: 5 }, { token: tokens.manager });
    });
    const as = (role: keyof typeof shop.tokens, locale?: 'en' | 'zh-CN') => ({ token: shop.tokens[role], ...(locale ? { locale } : {}) });

    // Published through the admin API (the same route an admin's tool uses).
    const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const res = await hq.app.inject({
      method: 'POST',
      url: '/admin/v1/items',
      headers: admin,
      payload: {
        kind: 'parts.catalog',
        items: [
          { id: 'hq-bat-ip13', data: part('BAT-IP13', { nameZh: '电池 iPhone 13', category: 'battery', listPrice: 39900, serialized: false }) },
          { id: 'hq-scr-ip13', data: part('scr-ip13', { nameZh: '屏幕 iPhone 13（总部）', listPrice: 99900 }) },
          { id: 'hq-cam-ip13', data: part('CAM-IP13', { nameZh: '后摄 iPhone 13', category: 'camera' }) },
        ],
      },
    });
    expect(res.statusCode).toBe(200);
    // head office validates every item with the catalog's own schema
    const bad = await hq.app.inject({ method: 'POST', url: '/admin/v1/items', headers: admin, payload: { kind: 'parts.catalog', items: [{ id: 'x', data: { sku: 'NOPRICE', nameZh: 'x', category: 'c' } }] } });
    expect(bad.json().error.code).toBe('MALFORMED');
    expect((await hq.app.inject({ method: 'POST', url: '/admin/v1/items', headers: admin, payload: { kind: 'parts.catalog', shopId: shop.hqShopId, items: [{ id: 'x', deleted: true }] } })).json().error.code).toBe('MALFORMED');

    expect((await shop.backend.call('sync.now', {}, as('counter'))).lastError).toBeNull();
    const bat = await shop.backend.call('parts.get', { id: 'hq-bat-ip13' }, as('counter'));
    expect(bat.part).toMatchObject({ sku: 'BAT-IP13', nameZh: '电池 iPhone 13', listPrice: 39900, source: 'hq', active: true });
    // the local screen with the same SKU was adopted: same part, its stock and settings kept
    const scr = await shop.backend.call('parts.get', { id: localId }, as('counter'));
    expect(scr.part).toMatchObject({ sku: 'scr-ip13', nameZh: '屏幕 iPhone 13（总部）', listPrice: 99900, source: 'hq' });
    expect(scr.part.stock).toMatchObject({ onHand: 3, bin: 'A-01', reorderPoint: 2, reorderQty: 5 });
    expect((await shop.backend.call('parts.search', { q: 'iPhone 13', limit: 10 } as never, as('counter'))).map((p) => p.sku).sort()).toEqual(['BAT-IP13', 'CAM-IP13', 'scr-ip13']);

    // The shop's own settings of a head-office part are the shop's to set.
    await shop.backend.call('stock.setSettings', { partId: 'hq-bat-ip13', bin: 'B-02', reorderPoint: 1, reorderQty: 4 }, as('manager'));
    await shop.backend.call('stock.receive', { partId: 'hq-bat-ip13', qty: 2, unitCost: 20000, supplier: '总部仓' }, as('manager'));

    // An update (through the CLI, on the same database), a deactivation and a deletion.
    const file = path.join(fastTempDir('fixpoint-items-'), 'items.json');
    fs.writeFileSync(
      file,
      JSON.stringify([
        { id: 'hq-bat-ip13', data: part('BAT-IP13', { nameZh: '电池 iPhone 13（新）', category: 'battery', listPrice: 42900 }) },
        { id: 'hq-scr-ip13', data: part('SCR-IP13', { nameZh: '屏幕 iPhone 13（总部）', listPrice: 95900, active: false }) },
      ]),
    );
    const logs: string[] = [];
    const log = console.log;
    console.log = (...a: unknown[]) => void logs.push(a.join(' '));
    try {
      await hqCli(['items', 'publish', '--kind', 'parts.catalog', '--file', file, '--data-dir', path.dirname(hq.file!)]);
    } finally {
      console.log = log;
    }
    expect(logs.join('\n')).toMatch(/Published 2 parts\.catalog item/);
    await hq.service.publish({ kind: 'parts.catalog', items: [{ id: 'hq-cam-ip13', deleted: true }] });
    expect((await shop.backend.call('sync.now', {}, as('counter'))).lastError).toBeNull();

    const bat2 = (await shop.backend.call('parts.get', { id: 'hq-bat-ip13' }, as('counter'))).part;
    expect(bat2).toMatchObject({ nameZh: '电池 iPhone 13（新）', listPrice: 42900, active: true, source: 'hq' });
    expect(bat2.stock).toMatchObject({ onHand: 2, bin: 'B-02', reorderPoint: 1, reorderQty: 4 });
    const scr2 = (await shop.backend.call('parts.get', { id: localId }, as('counter'))).part;
    expect(scr2).toMatchObject({ sku: 'SCR-IP13', listPrice: 95900, active: false });
    expect(scr2.stock).toMatchObject({ onHand: 3, bin: 'A-01' });
    const cam = (await shop.backend.call('parts.get', { id: 'hq-cam-ip13' }, as('counter'))).part;
    expect(cam).toMatchObject({ active: false, source: 'hq' }); // deleted at head office: deactivated, kept for the ledger

    // Local edits of head-office parts are refused, in the caller's language.
    const edit = { id: 'hq-bat-ip13', part: part('BAT-IP13', { listPrice: 1 }) };
    const zh = await shop.backend.callWire('parts.save', edit, as('admin', 'zh-CN'));
    expect(zh).toMatchObject({ ok: false, error: { code: 'RULE' } });
    expect(JSON.stringify(zh)).toContain('总部');
    const en = await shop.backend.callWire('parts.save', edit, as('admin', 'en'));
    expect(JSON.stringify(en)).toMatch(/head office/);
    expect(await shop.backend.callWire('parts.save', { part: part('NEW-LOCAL') }, as('admin', 'en'))).toMatchObject({ ok: false, error: { code: 'RULE' } });
    const csv = Buffer.from('SKU,名称,类别,零售价\nX-1,x,c,1\n').toString('base64');
    expect(await shop.backend.callWire('parts.import', { fileName: 'p.csv', contentBase64: csv, acceptGoodRows: true }, as('admin', 'en'))).toMatchObject({ ok: false, error: { code: 'RULE' } });
    // nothing of it reached the part
    expect((await shop.backend.call('parts.get', { id: 'hq-bat-ip13' }, as('counter'))).part.listPrice).toBe(42900);
    // a re-pull from the start (cursor reset) applies the same data again and still keeps the shop's settings
    shop.backend.services.sqlite.prepare(`UPDATE sync_state SET pull_cursor = 0 WHERE id = 1`).run();
    expect((await shop.backend.call('sync.now', {}, as('counter'))).lastError).toBeNull();
    expect((await shop.backend.call('parts.get', { id: 'hq-bat-ip13' }, as('counter'))).part.stock).toMatchObject({ onHand: 2, bin: 'B-02', reorderPoint: 1, reorderQty: 4 });
    expect((await shop.backend.call('parts.get', { id: localId }, as('counter'))).part.stock).toMatchObject({ onHand: 3, bin: 'A-01', reorderPoint: 2, reorderQty: 5 });
    expect(shop.backend.services.sqlite.prepare(`SELECT count(*) AS n FROM parts`).get()).toEqual({ n: 3 });
  });

  it('programs: published terms are offered; a device is recorded only with one of them, on its terms; a withdrawn one is no longer offered', async () => {
    const shop = await shopEnrolledAfter(async () => undefined);
    const as = (role: keyof typeof shop.tokens, locale?: 'en' | 'zh-CN') => ({ token: shop.tokens[role], ...(locale ? { locale } : {}) });
    // a program's terms only: a device's dates are not head office's to publish
    await expect(hq.service.publish({ kind: 'warranty.program', items: [{ id: 'ad-2026', data: { ...adTerms, validFrom: '2026-01-01', validTo: '2026-12-31' } }] })).rejects.toMatchObject({ code: 'MALFORMED' });
    await hq.service.publish({
      kind: 'warranty.program',
      items: [
        { id: 'ad-2026', data: adTerms },
        { id: 'ew-2y', data: { kind: 'extended_warranty', id: 'ew-2y', years: 2 } },
      ],
    });
    expect((await shop.backend.call('sync.now', {}, as('counter'))).lastError).toBeNull();
    const offered = await shop.backend.call('warranty.programs.offered', {}, as('counter'));
    expect(offered.map((p) => p.id).sort()).toEqual(['ad-2026', 'ew-2y']);
    expect(offered.find((p) => p.id === 'ad-2026')).toMatchObject({ deductible: 10000, covers: ['impact', 'liquid'] });

    const device = { validFrom: '2026-02-01', validTo: '2027-01-31', usedThisTerm: 0 };
    const added = await shop.backend.call('warranty.programs.add', { deviceId: 'dev-1', program: { ...adTerms, ...device } as never }, as('manager'));
    expect(added.program).toMatchObject({ id: 'ad-2026', validFrom: '2026-02-01', deductible: 10000 });
    // terms of its own, or a program head office does not offer: refused in words
    const cheaper = await shop.backend.callWire('warranty.programs.add', { deviceId: 'dev-2', program: { ...adTerms, ...device, deductible: 0 } }, as('manager', 'zh-CN'));
    expect(cheaper).toMatchObject({ ok: false, error: { code: 'RULE' } });
    expect(JSON.stringify(cheaper)).toContain('由总部维护');
    const own = await shop.backend.callWire('warranty.programs.add', { deviceId: 'dev-2', program: { kind: 'extended_warranty', id: 'shop-ew', years: 3 } }, as('manager', 'en'));
    expect(own).toMatchObject({ ok: false, error: { code: 'RULE' } });
    expect(JSON.stringify(own)).toMatch(/Head office does not offer program shop-ew/);

    await hq.service.publish({ kind: 'warranty.program', items: [{ id: 'ew-2y', deleted: true }] });
    await shop.backend.call('sync.now', {}, as('counter'));
    expect((await shop.backend.call('warranty.programs.offered', {}, as('counter'))).map((p) => p.id)).toEqual(['ad-2026']);
    expect(await shop.backend.callWire('warranty.programs.add', { deviceId: 'dev-3', program: { kind: 'extended_warranty', id: 'ew-2y', years: 2 } }, as('manager'))).toMatchObject({
      ok: false,
      error: { code: 'RULE' },
    });
    // what a device holds keeps the terms it was sold with
    expect(await shop.backend.call('warranty.programs.list', { deviceId: 'dev-1' }, as('counter'))).toHaveLength(1);
  });

  it('a shop that is not enrolled records programs of its own, as before', async () => {
    const backend = openBackend({ dataDir: fastTempDir('fixpoint-cat-'), sync: { autoStart: false } });
    open.push(backend);
    const tokens = await setupShop(backend);
    expect(await backend.call('warranty.programs.offered', {}, { token: tokens.counter })).toEqual([]);
    const r = await backend.call('warranty.programs.add', { deviceId: 'd', program: { kind: 'extended_warranty', id: 'own', years: 1 } as never }, { token: tokens.manager });
    expect(r.program.id).toBe('own');
  });
});
