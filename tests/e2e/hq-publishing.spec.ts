import path from 'node:path';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { test, expect, installShopClock } from './fixtures';
import { ADMIN_TOKEN, enrolledShop, openTestHq, sharedPostgres, stopSharedPostgres, type HqDialect, type TestHq, type TestShop, listenOnLoopback } from '../helpers/hq';
import { ConsoleClient } from '../integration/hq-console/console-client';

/**
 * Publishing from the console in Chromium against a real head office (in this process, serving
 * the built console) on SQLite and on PostgreSQL, with a real enrolled shop that syncs through
 * head office's HTTP pipeline: a service manager uploads a price list XLSX with one bad row, reads
 * the report, takes the good rows, changes a price in the editor, previews and publishes; the log
 * shows the shop waiting, the shop syncs, the log shows it arrived and the shop has the new
 * price. In English: the parts catalog from a CSV with a bad row, published with its good rows
 * only once that is ticked. Screenshots (the SQLite run): test-results/screenshots/hq-publishing-*.png.
 */
test.describe.configure({ mode: 'serial' });
test.afterAll(() => stopSharedPostgres());

const MANAGER = { username: 'wang', password: 'manager-password-1', displayName: '王主管', role: 'service_manager' };

async function xlsxFile(file: string, rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('价目表');
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
  return file;
}

for (const dialect of ['sqlite', 'postgres'] as HqDialect[]) test.describe(`head office on ${dialect}`, () => {
  let hq: TestHq;
  let hqUrl = '';
  let shop: TestShop;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    test.skip(dialect === 'postgres' && (await sharedPostgres()) === null, 'no PostgreSQL binaries');
    hq = await openTestHq(dialect, { console: { staticDir: path.resolve('out/hq-console') } });
    hqUrl = await listenOnLoopback(hq.app);
    expect((await new ConsoleClient(hqUrl, { token: ADMIN_TOKEN }).call('users.create', MANAGER)).status).toBe(200);
    shop = await enrolledShop(hq);
  });

  test.afterAll(async () => {
    await hq?.close();
  });

  const pictures = (snap: (name: string) => Promise<void>) => (name: string) => (dialect === 'sqlite' ? snap(name) : Promise.resolve());
  const shopPrices = async () => ((await shop.backend.call('priceList.list', { includeInactive: true }, { token: shop.tokens.manager })) as { code: string; priceFen: number; source: string }[]).map((i) => [i.code, i.priceFen, i.source]);

  async function signIn(page: Page, locale: 'zh-CN' | 'en') {
    await installShopClock(page, hq.service.now(), page);
    await page.addInitScript((l) => localStorage.setItem('fixpoint.hq.locale', l), locale);
    await page.goto(`${hqUrl}/console/`);
    await page.getByLabel(/^用户名|^User name/).fill(MANAGER.username);
    await page.getByLabel(/^密码|^Password/).fill(MANAGER.password);
    await page.getByRole('button', { name: /^登录$|^Sign in$/ }).click();
    await expect(page.getByTestId('who')).toHaveText(MANAGER.displayName);
  }

  async function upload(page: Page, button: string, file: string) {
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId(button).click();
    await (await chooser).setFiles(file);
  }

  test('a price list from XLSX with a bad row: the report, the good rows, a price changed, published, waiting, synced, arrived', async ({ page, snap: take }) => {
    const snap = pictures(take);
    await signIn(page, 'zh-CN');
    await page.getByRole('navigation').getByText('发布', { exact: true }).click();
    await expect(page.getByText('还没有发布记录。')).toBeVisible();
    await page.getByTestId('publishing-tab-prices').click();
    await expect(page.getByText(/价目表尚未发布/)).toBeVisible();

    const file = await xlsxFile(test.info().outputPath('价目表.xlsx'), [
      ['编码', '类型', '名称', '英文名称', '品类', '价格', '检测费'],
      ['LAB-SCREEN', '工时', '换屏工时', 'Screen labor', '手机', '80'],
      ['FEE-DIAG', '费用', '手机检测费', 'Diagnosis', '手机', '30.00', '是'],
      ['LAB-BAD', '工时', '坏价格', '', '手机', '十二元'],
    ]);
    await upload(page, 'prices-import', file);
    const report = page.getByTestId('prices-report');
    await expect(report.getByTestId('import-summary')).toContainText('共 3 行：正确 2 行，有错误 1 行');
    const bad = report.getByTestId('import-errors').locator('tr[data-row="4"]');
    await expect(bad).toContainText('LAB-BAD');
    await expect(bad).toContainText('价格');
    await expect(bad).toContainText('金额格式不正确（例如 128.50）');
    // Nothing entered the list yet.
    await expect(page.getByTestId('price-rows').locator('tbody tr')).toHaveCount(0);
    await snap('hq-publishing-report-zh-CN');

    await report.getByTestId('prices-take-good').click();
    const rows = page.getByTestId('price-rows');
    await expect(rows.locator('tbody tr')).toHaveCount(2);
    await expect(rows.locator('tr[data-code="LAB-SCREEN"]').getByTestId('price-input')).toHaveValue('¥80.00');
    // The manager corrects the screen labor before publishing.
    await rows.locator('tr[data-code="LAB-SCREEN"]').getByTestId('price-input').fill('85');
    await snap('hq-publishing-prices-zh-CN');

    await page.getByTestId('prices-preview').click();
    const modal = page.getByTestId('prices-preview-modal');
    await expect(modal.locator('tr[data-change="added"]')).toHaveCount(2);
    await expect(modal.locator('tr[data-code="LAB-SCREEN"]')).toContainText('¥85.00');
    await modal.getByTestId('publish').click();
    await expect(modal.getByText('请填写本次发布的说明')).toBeVisible();
    await modal.getByTestId('publish-title').fill('2026 冬季价目表');
    await snap('hq-publishing-preview-zh-CN');
    await modal.getByTestId('publish').click();

    // The log: version 1, by the manager, waiting for the shop.
    const log = page.getByTestId('publications');
    const row = log.locator('tr[data-kind="price_list.item"]').first();
    await expect(row).toContainText('2026 冬季价目表');
    await expect(row).toContainText('wang');
    await expect(row.getByTestId('arrived-count')).toHaveText('0 / 1 家门店');
    await row.click();
    await expect(page.getByTestId('arrival-table').getByTestId('arrival-state')).toHaveText('等待同步');
    await snap('hq-publishing-waiting-zh-CN');
    expect(await shopPrices()).toEqual([]);

    await shop.engine.runNow();
    await expect(page.getByTestId('arrival-table').getByTestId('arrival-state')).toHaveText('已收到', { timeout: 20_000 });
    await snap('hq-publishing-arrived-zh-CN');
    await page.keyboard.press('Escape');
    await page.reload();
    await expect(page.getByTestId('publications').locator('tr[data-kind="price_list.item"]').first().getByTestId('arrived-count')).toHaveText('1 / 1 家门店');
    // At the shop: the new price, from head office.
    expect(await shopPrices()).toEqual([['LAB-SCREEN', 8500, 'hq'], ['FEE-DIAG', 3000, 'hq']]);
  });

  test('in English: the parts catalog from CSV with a bad row, published with the good rows once that is ticked', async ({ page, snap: take }) => {
    const snap = pictures(take);
    await signIn(page, 'en');
    await page.getByRole('navigation').getByText('Publishing', { exact: true }).click();
    await expect(page.getByTestId('publications').locator('tr[data-kind="price_list.item"]')).toContainText('Price list');
    await snap('hq-publishing-log-en');
    await page.getByTestId('publishing-tab-prices').click();
    await expect(page.getByText(/Version 1, published by wang/)).toBeVisible();
    await snap('hq-publishing-prices-en');

    await page.getByTestId('publishing-tab-parts').click();
    const csv = test.info().outputPath('catalog.csv');
    fs.writeFileSync(csv, '\uFEFFsku,name_zh,category,list_price\r\nSCR-01,屏幕总成,screen,1500.00\r\nBAT-01,电池,battery,12.3.4\r\n');
    await upload(page, 'parts-import', csv);
    const report = page.getByTestId('parts-report');
    await expect(report.getByTestId('import-summary')).toContainText('2 rows: 1 good, 1 with errors');
    await expect(report.getByTestId('import-errors').locator('tr[data-row="3"]')).toContainText('Not an amount (e.g. 128.50)');
    await expect(report.locator('tr[data-change="added"]')).toContainText('SCR-01');
    await report.getByTestId('parts-title').fill('Screens');
    await expect(report.getByTestId('parts-publish')).toBeDisabled();
    await report.getByTestId('parts-accept').check();
    await snap('hq-publishing-parts-en');
    await report.getByTestId('parts-publish').click();
    const row = page.getByTestId('publications').locator('tr[data-kind="parts.catalog"]');
    await expect(row).toContainText('Screens');
    await expect(row.getByTestId('arrived-count')).toHaveText('0 of 1 shop');
    await shop.engine.runNow();
    await expect(row.getByTestId('arrived-count')).toHaveText('1 of 1 shop', { timeout: 30_000 });
    const parts = (await shop.backend.call('parts.search', { q: 'SCR-01' }, { token: shop.tokens.manager })) as { sku: string; listPrice: number }[];
    expect(parts.map((p) => [p.sku, p.listPrice])).toEqual([['SCR-01', 150000]]);
  });
});
