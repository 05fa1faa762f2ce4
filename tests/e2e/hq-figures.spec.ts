import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { test, expect, installShopClock } from './fixtures';
import { ADMIN_TOKEN, openTestHq, sharedPostgres, stopSharedPostgres, type HqDialect, type TestHq, listenOnLoopback } from '../helpers/hq';
import { ConsoleClient } from '../integration/hq-console/console-client';
import { NOW, threeShops } from '../integration/hq-console/network-figures-fixture';

/**
 * The network's figures in Chromium against a real head office (in this process, serving the
 * built console) on SQLite and on PostgreSQL, holding three shops' synced histories (the
 * fixture's, worked out by hand in network-figures.test.ts): an analyst breaks the last 30 days
 * down by region, opens 华南's received tickets (customers masked), downloads them as XLSX and
 * the report as CSV, in Chinese and then in English; the dashboard tab. Screenshots (the SQLite
 * run): test-results/screenshots/hq-figures-*.png.
 */
test.describe.configure({ mode: 'serial' });
test.afterAll(() => stopSharedPostgres());

const ANALYST = { username: 'li', password: 'analyst-password-1', displayName: '李分析', role: 'analyst' };

for (const dialect of ['sqlite', 'postgres'] as HqDialect[]) test.describe(`head office on ${dialect}`, () => {
  let hq: TestHq;
  let hqUrl = '';

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    test.skip(dialect === 'postgres' && (await sharedPostgres()) === null, 'no PostgreSQL binaries');
    hq = await openTestHq(dialect, { now: () => new Date(NOW), console: { staticDir: path.resolve('out/hq-console') } });
    hqUrl = await listenOnLoopback(hq.app);
    const token = new ConsoleClient(hqUrl, { token: ADMIN_TOKEN });
    expect((await token.call('users.create', ANALYST)).status).toBe(200);
    await threeShops(hq, token);
  });

  test.afterAll(async () => {
    await hq?.close();
  });

  const pictures = (snap: (name: string) => Promise<void>) => (name: string) => (dialect === 'sqlite' ? snap(name) : Promise.resolve());

  async function signIn(page: Page, locale: 'zh-CN' | 'en') {
    await installShopClock(page, new Date(NOW), page);
    await page.addInitScript((l) => localStorage.setItem('fixpoint.hq.locale', l), locale);
    await page.goto(`${hqUrl}/console/`);
    await page.getByLabel(/^用户名|^User name/).fill(ANALYST.username);
    await page.getByLabel(/^密码|^Password/).fill(ANALYST.password);
    await page.getByRole('button', { name: /^登录$|^Sign in$/ }).click();
  }

  async function saved(page: Page, click: () => Promise<void>): Promise<{ name: string; file: string }> {
    const wait = page.waitForEvent('download');
    await click();
    const d = await wait;
    const file = test.info().outputPath(d.suggestedFilename());
    await d.saveAs(file);
    return { name: d.suggestedFilename(), file };
  }

  for (const locale of ['zh-CN', 'en'] as const) {
    test(`by region → 华南's received tickets → XLSX and CSV (${locale})`, async ({ page, snap: take }) => {
      const snap = pictures(take);
      const zh = locale === 'zh-CN';
      await signIn(page, locale);
      // the regions the network admin set, in the shops list
      await page.getByRole('navigation').getByText(zh ? '门店' : 'Shops', { exact: true }).click();
      await expect(page.getByTestId('shops-table').locator('tr[data-shop="GZ01"]').getByTestId('shop-region')).toHaveText('华南');
      await snap(`hq-figures-shops-${locale}`);
      await page.getByRole('navigation').getByText(zh ? '经营数据' : 'Figures', { exact: true }).click();
      // the last 30 days up to 22 November: every ticket of the fixture but C0 (October)
      await expect(page.getByTestId('figures-from')).toHaveValue('2026-10-24');
      await page.getByTestId('figures-group-by').click();
      await page.getByRole('option', { name: zh ? '区域' : 'Region', exact: true }).click();
      const groups = page.getByTestId('figures-groups');
      await expect(groups.locator('tr[data-group="华南"] td').nth(1)).toHaveText('3');
      await expect(groups.locator('tr[data-group="华东"] td').nth(1)).toHaveText('1');
      await expect(groups.locator('tr[data-group="华南"] td').nth(5)).toHaveText(zh ? '60 小时' : '60 hours');
      await expect(page.getByTestId('figures-table').locator('tr[data-shop="total"] td').nth(2)).toHaveText('4');
      await snap(`hq-figures-region-${locale}`);

      await groups.locator('tr[data-group="华南"]').getByTestId('drill-received').click();
      const drill = page.getByTestId('drill-table');
      await expect(drill.locator('tbody tr')).toHaveCount(3);
      await expect(drill.locator('tbody tr').first()).toContainText('B1');
      await expect(drill.locator('tr[data-ticket="A1"]')).toContainText('王**');
      await expect(drill.locator('tr[data-ticket="A1"]')).toContainText(zh ? '已取机' : 'Collected');
      await expect(drill.locator('tr[data-ticket="B1"]')).toContainText('W*** F***');
      await expect(drill).not.toContainText('王小明');
      await snap(`hq-figures-drill-${locale}`);

      const x = await saved(page, () => page.getByTestId('drill-xlsx').click());
      expect(x.name).toBe('network-tickets-2026-10-24_2026-11-22.xlsx');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(x.file);
      const sheet = wb.worksheets[0]!;
      expect(sheet.getRow(1).getCell(1).value).toBe(zh ? '门店' : 'Shop');
      expect(sheet.rowCount).toBe(4);
      const a1 = sheet.getRow(4);
      expect([a1.getCell(3).value, a1.getCell(12).value, a1.getCell(14).value]).toEqual(['A1', '王**', 200]);
      await page.keyboard.press('Escape');

      const c = await saved(page, () => page.getByTestId('figures-csv').click());
      expect(c.name).toBe('network-2026-10-24_2026-11-22.csv');
      const csv = fs.readFileSync(c.file, 'utf8');
      expect(csv).toContain(zh ? '门店,名称,区域,受理' : 'Shop,Name,Region,Received');
      expect(csv).toContain('SZ01,深圳店,华南,2,1,1,0,100,72,200,0');

      await page.getByTestId('figures-tab-dashboard').click();
      const dash = page.getByTestId('dashboard-table');
      await expect(dash.locator('tr[data-shop="total"] td').nth(3)).toHaveText('0');
      await expect(dash.locator('tr[data-shop="total"] td').nth(4)).toHaveText('1 / 1 / 1');
      await expect(dash.locator('tr[data-shop="SZ01"] td').nth(7)).toHaveText('1');
      await snap(`hq-figures-dashboard-${locale}`);
    });
  }
});
