import { afterAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { HqPublication } from '../../../src/shared/hq-console/publishing-log';
import type { PartsImport } from '../../../src/shared/hq-console/publishing-parts';
import type { PriceImport } from '../../../src/shared/hq-console/publishing-prices';
import type { TemplateFile } from '../../../src/shared/hq-console/publishing-sheet';
import { enrolledShop, openTestHq, sharedPostgres, stopSharedPostgres, type HqDialect } from '../../helpers/hq';
import { ConsoleClient, PASSWORDS, addUser, consoleHq } from './console-client';
import { csvBase64, xlsxBase64 } from './publishing-sheets';

/**
 * The parts catalog imported from the console (the shop's own columns and template): a CSV with
 * bad rows refused until the good rows are accepted, then published and pulled by a real shop;
 * a second file changes a price and adds the fixed row (the preview by SKU); both templates
 * download and import back clean.
 */
const pgAvailable = (await sharedPostgres()) !== null;
afterAll(() => stopSharedPostgres());

describe.each(['sqlite', 'postgres'] as HqDialect[])('publishing the parts catalog on %s', (dialect) => {
  it.skipIf(dialect === 'postgres' && !pgAvailable)('imported with a report, published with the good rows, pulled', async () => {
    const hq = await openTestHq(dialect);
    try {
      const shop = await enrolledShop(hq);
      const { base, token } = await consoleHq(hq);
      await addUser(token, 'wang', 'service_manager');
      const manager = new ConsoleClient(base, { locale: 'en' });
      await manager.signIn('wang', PASSWORDS.other);

      const csv = csvBase64([
        ['sku', 'name_zh', 'category', 'list_price', 'serialized'],
        ['SCR-01', '屏幕总成', 'screen', '1500.00', 'no'],
        ['BAT-01', '电池', 'battery', '12.3.4', 'no'],
        ['BRD-01', '主板', 'board', '3000', 'maybe'],
      ]);
      const upload = { fileName: 'catalog.csv', contentBase64: csv };
      const report = await manager.call<PartsImport>('parts.import', upload);
      expect(report.body.errors).toEqual([
        { row: 3, column: 'list_price', ref: 'BAT-01', message: 'Not an amount (e.g. 128.50)' },
        { row: 4, column: 'serialized', ref: 'BRD-01', message: 'Write yes or no' },
      ]);
      expect(report.body).toMatchObject({ totalRows: 3, badRows: 2, added: [{ sku: 'SCR-01', nameZh: '屏幕总成', listPrice: 150000 }], changed: [], unchanged: 0, publishedParts: 0 });

      // Bad rows: nothing is published until the person accepts the good rows.
      const refused = await manager.call('parts.publish', { ...upload, title: '配件目录' });
      expect([refused.status, refused.body.error!.details.fields]).toEqual([400, { acceptGoodRows: 'hq.publish.import.badRowsLeft' }]);
      const published = await manager.call<{ publication: HqPublication }>('parts.publish', { ...upload, title: '配件目录', acceptGoodRows: true });
      expect(published.body.publication).toMatchObject({ kind: 'parts.catalog', version: 1, itemCount: 1, actorName: 'wang', shopsArrived: 0, shopsMeant: 1 });

      await shop.engine.runNow();
      const found = (await shop.backend.call('parts.search', { q: 'SCR-01' }, { token: shop.tokens.manager })) as { sku: string; listPrice: number; source: string }[];
      expect(found.map((p) => [p.sku, p.listPrice, p.source])).toEqual([['SCR-01', 150000, 'hq']]);

      // The fixed file (Chinese headers, XLSX): the screen's price changed, the battery added.
      const fixed = { fileName: '配件.xlsx', contentBase64: await xlsxBase64([['料号', '名称', '类别', '零售价'], ['SCR-01', '屏幕总成', 'screen', '1600'], ['BAT-01', '电池', 'battery', '200']]) };
      const second = await manager.call<PartsImport>('parts.import', fixed);
      expect(second.body).toMatchObject({ errors: [], added: [{ sku: 'BAT-01', listPrice: 20000 }], changed: [{ sku: 'SCR-01', fields: ['listPrice'] }], unchanged: 0, publishedParts: 1 });
      const v2 = await manager.call<{ publication: HqPublication }>('parts.publish', { ...fixed, title: '调价' });
      expect(v2.body.publication).toMatchObject({ version: 2, itemCount: 2 });
      await shop.engine.runNow();
      const after = (await shop.backend.call('parts.search', { q: '' }, { token: shop.tokens.manager })) as { sku: string; listPrice: number }[];
      expect(after.map((p) => [p.sku, p.listPrice]).sort()).toEqual([['BAT-01', 20000], ['SCR-01', 160000]]);

      // The templates read back clean, in either language.
      const tpl = await manager.call<TemplateFile>('parts.template', { format: 'xlsx' });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(tpl.body.base64, 'base64') as unknown as ArrayBuffer);
      expect(wb.worksheets[0]!.getRow(1).getCell(1).value).toBe('sku');
      expect((await manager.call<PartsImport>('parts.import', { fileName: tpl.body.fileName, contentBase64: tpl.body.base64 })).body).toMatchObject({ errors: [], totalRows: 2 });
      const zh = new ConsoleClient(base, { locale: 'zh-CN' });
      zh.cookie = manager.cookie;
      const prices = await zh.call<TemplateFile>('prices.template', { format: 'csv' });
      expect(prices.body.fileName).toBe('价目表导入模板.csv');
      expect(Buffer.from(prices.body.base64, 'base64').toString('utf8')).toContain('编码,类型,名称,英文名称,品类,价格,检测费,启用');
      expect((await zh.call<PriceImport>('prices.import', { fileName: prices.body.fileName, contentBase64: prices.body.base64 })).body).toMatchObject({ errors: [], totalRows: 2, badRows: 0 });
      // Not a spreadsheet: refused by its name.
      const bad = await zh.call('parts.import', { fileName: 'catalog.pdf', contentBase64: csv });
      expect([bad.status, bad.body.error!.details.fields]).toEqual([400, { fileName: 'hq.publish.import.fileType' }]);
    } finally {
      await hq.close();
    }
  }, 120_000);
});
