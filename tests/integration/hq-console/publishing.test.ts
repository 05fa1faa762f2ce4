import { afterAll, describe, expect, it } from 'vitest';
import type { HqPublication, PublicationArrival } from '../../../src/shared/hq-console/publishing-log';
import type { PriceImport, PricesPreview, PublishedPrice } from '../../../src/shared/hq-console/publishing-prices';
import type { AuditEntry } from '../../../src/shared/hq-console/contract';
import { enrolledShop, openTestHq, sharedPostgres, stopSharedPostgres, type HqDialect } from '../../helpers/hq';
import { ConsoleClient, PASSWORDS, addUser, consoleHq, signedIn } from './console-client';
import { csvBase64, xlsxBase64 } from './publishing-sheets';

/**
 * The price list published from the console, over real HTTP, to real shops that sync: an XLSX
 * with Chinese headers and one bad row, a CSV with English headers and bad rows (each report
 * worked out by hand from the file), the preview, the publication in the log with its arrival per
 * shop before and after a shop syncs, the price at the shop; a second version that changes a
 * price and removes an item; the list's own rules; who may do it.
 */
const pgAvailable = (await sharedPostgres()) !== null;
afterAll(() => stopSharedPostgres());

type Item = { code: string; priceFen: number; active: boolean; source: string; diagnosisFee: boolean };

describe.each(['sqlite', 'postgres'] as HqDialect[])('publishing the price list on %s', (dialect) => {
  it.skipIf(dialect === 'postgres' && !pgAvailable)('imported, reported, previewed, published, arrived', async () => {
    const hq = await openTestHq(dialect);
    try {
      const a = await enrolledShop(hq);
      const b = await enrolledShop(hq);
      const { base, token } = await consoleHq(hq);
      await addUser(token, 'wang', 'service_manager');
      await addUser(token, 'li', 'analyst');
      await addUser(token, 'zhao', 'claims_reviewer');
      const as = (name: string, locale = 'en') => signedIn(base, name, locale);
      const manager = await as('wang', 'zh-CN');
      const analyst = await as('li');
      const reviewer = await as('zhao');
      const shopPrices = async (shop: typeof a) => (await shop.backend.call('priceList.list', { includeInactive: true }, { token: shop.tokens.manager })) as Item[];

      expect((await manager.call<{ items: PublishedPrice[]; publication: null }>('prices.current')).body).toEqual({ items: [], publication: null });

      // An XLSX with Chinese headers: row 4's price has three decimals.
      const xlsx = await xlsxBase64([
        ['编码', '类型', '名称', '英文名称', '品类', '价格', '检测费'],
        ['LAB-SCREEN', '工时', '换屏工时', 'Screen labor', '手机', '80'],
        ['FEE-DIAG', '费用', '手机检测费', 'Diagnosis', '手机', '30.00', '是'],
        ['LAB-BAD', '工时', '坏价格', '', '手机', '12.345'],
      ]);
      const imported = await manager.call<PriceImport>('prices.import', { fileName: '价目表.xlsx', contentBase64: xlsx });
      expect(imported.status).toBe(200);
      expect(imported.body.errors).toEqual([{ row: 4, column: '价格', ref: 'LAB-BAD', message: '金额格式不正确（例如 128.50）' }]);
      expect([imported.body.totalRows, imported.body.badRows]).toEqual([3, 1]);
      expect(imported.body.good).toEqual([
        { row: 2, item: { code: 'LAB-SCREEN', kind: 'labor', nameZh: '换屏工时', nameEn: 'Screen labor', category: 'phone', priceFen: 8000, diagnosisFee: false, active: true } },
        { row: 3, item: { code: 'FEE-DIAG', kind: 'fee', nameZh: '手机检测费', nameEn: 'Diagnosis', category: 'phone', priceFen: 3000, diagnosisFee: true, active: true } },
      ]);
      // Nothing is published by an import.
      expect((await manager.call<{ publications: HqPublication[] }>('publications.list')).body.publications).toEqual([]);

      // A CSV with English headers, read by the admin token in English: a repeated code, a kind that is none, a row with three faults.
      const csv = csvBase64([
        ['code', 'kind', 'name_zh', 'price', 'category'],
        ['LAB-A', 'labor', '甲', '10', 'phone'],
        ['LAB-A', 'labor', '乙', '20', 'phone'],
        ['FEE-X', 'repair', '丙', '5', ''],
        ['LAB-C', 'labor', '', 'abc', 'toaster'],
      ]);
      const report = await token.call<PriceImport>('prices.import', { fileName: 'prices.csv', contentBase64: csv });
      expect(report.body.errors).toEqual([
        { row: 3, column: 'code', ref: 'LAB-A', message: 'Code repeated in the file (row 2)' },
        { row: 4, column: 'kind', ref: 'FEE-X', message: 'Write labor or fee' },
        { row: 5, column: 'price', ref: 'LAB-C', message: 'Not an amount (e.g. 128.50)' },
        { row: 5, column: 'category', ref: 'LAB-C', message: 'No such category (e.g. phone, tablet; empty for every category)' },
        { row: 5, column: 'name_zh', ref: 'LAB-C', message: 'Required' },
      ]);
      expect(report.body.good.map((g) => g.item.code)).toEqual(['LAB-A']);
      // A file without the price column is refused whole, naming it.
      const noPrice = await manager.call('prices.import', { fileName: 'p.csv', contentBase64: csvBase64([['编码', '类型', '名称'], ['X', '工时', '某']]) });
      expect([noPrice.status, noPrice.body.error!.message]).toEqual([400, '缺少必需的列：价格']);

      // The good rows of the XLSX, previewed and published.
      const draft = imported.body.good.map((g) => g.item);
      const preview = await manager.call<PricesPreview>('prices.preview', { items: draft });
      expect(preview.body).toMatchObject({ added: [{ code: 'LAB-SCREEN' }, { code: 'FEE-DIAG' }], changed: [], removed: [], unchanged: 0 });
      const published = await manager.call<{ publication: HqPublication }>('prices.publish', { items: draft, title: '2026 冬季价目表' });
      expect(published.status).toBe(200);
      const pub = published.body.publication;
      expect(pub).toMatchObject({ kind: 'price_list.item', scope: '*', version: 1, title: '2026 冬季价目表', actorName: 'wang', itemCount: 2, shopsArrived: 0, shopsMeant: 2 });
      const arrival = async () => (await manager.call<{ shops: PublicationArrival[] }>('publications.arrival', { publicationId: pub.id })).body.shops.map((s) => [s.shopId, s.state]);
      expect(await arrival()).toEqual(expect.arrayContaining([[a.hqShopId, 'waiting'], [b.hqShopId, 'waiting']]));
      expect((await shopPrices(a)).map((i) => i.code)).toEqual([]);

      await a.engine.runNow();
      expect(await arrival()).toEqual(expect.arrayContaining([[a.hqShopId, 'arrived'], [b.hqShopId, 'waiting']]));
      expect((await manager.call<{ publications: HqPublication[] }>('publications.list')).body.publications[0]).toMatchObject({ id: pub.id, shopsArrived: 1, shopsMeant: 2 });
      expect((await shopPrices(a)).map((i) => [i.code, i.priceFen, i.source, i.diagnosisFee])).toEqual([['LAB-SCREEN', 8000, 'hq', false], ['FEE-DIAG', 3000, 'hq', true]]);

      // Version 2 from the editor: a price changed, the fee left out (removed), an item added.
      const current = (await manager.call<{ items: PublishedPrice[]; publication: HqPublication }>('prices.current')).body;
      expect(current.publication.id).toBe(pub.id);
      const screen = current.items.find((i) => i.code === 'LAB-SCREEN')!;
      const next = [{ ...screen, priceFen: 9000 }, { code: 'LAB-BATTERY', kind: 'labor', nameZh: '换电池工时', nameEn: '', category: 'phone', priceFen: 5000, diagnosisFee: false, active: true }];
      const p2 = await manager.call<PricesPreview>('prices.preview', { items: next });
      expect(p2.body).toMatchObject({ added: [{ code: 'LAB-BATTERY' }], changed: [{ id: screen.id, fields: ['priceFen'], before: { priceFen: 8000 }, after: { priceFen: 9000 } }], removed: [{ code: 'FEE-DIAG' }], unchanged: 0 });
      // Started from version 1 while someone else published? Not here — but a stale start is refused, in words.
      const stale = await manager.call('prices.publish', { items: next, title: '调价', basedOn: pub.id + 100 });
      expect([stale.status, stale.body.error!.message]).toEqual([409, '价目表在您修改期间已由 wang 发布为第 1 版：请刷新后重新修改，以免覆盖']);
      const v2 = await manager.call<{ publication: HqPublication }>('prices.publish', { items: next, title: '调价', basedOn: pub.id });
      expect(v2.body.publication).toMatchObject({ version: 2, itemCount: 3, shopsArrived: 0 });
      await a.engine.runNow();
      await b.engine.runNow();
      expect((await shopPrices(b)).map((i) => [i.code, i.priceFen, i.active])).toEqual([['LAB-BATTERY', 5000, true], ['LAB-SCREEN', 9000, true], ['FEE-DIAG', 3000, false]]);
      expect((await manager.call<{ publications: HqPublication[] }>('publications.list')).body.publications.map((p) => [p.version, p.shopsArrived])).toEqual([[2, 2], [1, 2]]);

      // The list's rules, and nothing to publish.
      const dup = await manager.call('prices.preview', { items: [...next, { ...next[1], id: undefined }] });
      expect([dup.status, dup.body.error!.details.fields]).toEqual([400, { 'items.2.code': 'bench.validation.codeTaken' }]);
      const same = await manager.call('prices.publish', { items: (await manager.call<{ items: PublishedPrice[] }>('prices.current')).body.items, title: '无变化' });
      expect([same.status, same.body.error!.details.fields]).toEqual([400, { items: 'hq.publish.nothingChanged' }]);

      // A long list (well above the console's usual 64 KB body) is previewed whole.
      const long = Array.from({ length: 1500 }, (_, i) => ({ code: `LAB-${String(i).padStart(4, '0')}`, kind: 'labor', nameZh: `工时项目${i}`, nameEn: `Labor item number ${i}`, category: 'phone', priceFen: 100 * i, diagnosisFee: false, active: true }));
      const big = await manager.call<PricesPreview>('prices.preview', { items: long });
      // Removed (by code): LAB-BATTERY and LAB-SCREEN; FEE-DIAG is inactive since version 2.
      expect([big.status, big.body.added.length, big.body.removed.map((r) => r.code)]).toEqual([200, 1500, ['LAB-BATTERY', 'LAB-SCREEN']]);

      // Who may: the analyst and the claims reviewer neither publish nor read the log.
      expect((await analyst.call('prices.publish', { items: next, title: 'x' })).status).toBe(403);
      expect((await reviewer.call('publications.list')).status).toBe(403);
      expect((await analyst.call('prices.import', { fileName: 'p.csv', contentBase64: csv })).status).toBe(403);
      const audit = (await token.call<{ entries: AuditEntry[] }>('audit.list', {})).body.entries.filter((e) => e.action === 'publication.publish');
      expect(audit.map((e) => [e.actorName, e.details.version, e.details.items])).toEqual([['wang', 2, 3], ['wang', 1, 2]]);

      // The admin API's publish is in the log too, as the admin token's.
      const { id: _screenId, ...screenData } = screen;
      await hq.service.publish({ kind: 'price_list.item', items: [{ id: screen.id, data: { ...screenData, priceFen: 9500 } }] });
      expect((await manager.call<{ publications: HqPublication[] }>('publications.list', { limit: 1 })).body.publications[0]).toMatchObject({ version: 3, title: 'price_list.item', actorName: 'admin token', itemCount: 1 });
    } finally {
      await hq.close();
    }
  }, 120_000);
});
