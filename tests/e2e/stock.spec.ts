import type { Page } from '@playwright/test';
import { test, expect, shopForThisFile, signIn } from './fixtures';
import { t } from '../../src/shared/i18n/translate';
import type { Locale } from '../../src/shared/i18n/types';
import { intakeInput } from '../integration/intake/helpers';

/**
 * Parts stock end to end, in Chinese and in English: receive a serialized mainboard (with its
 * serials), issue one to a ticket by its number with the removed part recorded, count a bin in a
 * stocktake and post it. Screenshots: test-results/screenshots/stock-*.png.
 */
const shop = shopForThisFile();
test.describe.configure({ mode: 'serial' });

const MANAGER = { username: 'wang', password: 'manager-pass' };
const MB = 'HW-M60P-MB';
const BAT = 'HW-M60P-BAT';
const tickets: string[] = [];

test.beforeAll(async () => {
  const b = shop.backend;
  const admin = await b.call('setup.run', {
    shop: { name: '华强北授权服务中心', code: 'HQB1' },
    admin: { username: 'admin', displayName: '李管理', password: 'admin-pass-1' },
  });
  const token = admin.token;
  await b.call('users.create', { username: MANAGER.username, displayName: '王店长', role: 'manager', password: MANAGER.password }, { token });
  await b.call('users.create', { username: 'li', displayName: '李前台', role: 'counter', password: 'counter-pass' }, { token });
  const mb = await b.call('parts.save', { part: { sku: MB, nameZh: 'Mate 60 Pro 主板 12+512G', nameEn: 'Mate 60 Pro mainboard 12+512G', category: '主板', models: ['Mate 60 Pro'], serialized: true, listPrice: 329900, cost: 256000 } }, { token });
  const bat = await b.call('parts.save', { part: { sku: BAT, barcode: '6901234567892', nameZh: 'Mate 60 Pro 电池', nameEn: 'Mate 60 Pro battery', category: '电池', models: ['Mate 60 Pro'], listPrice: 29900, warrantyDays: 180 } }, { token });
  await b.call('parts.save', { part: { sku: 'HW-M60P-LCD', nameZh: 'Mate 60 Pro 屏幕总成', nameEn: 'Mate 60 Pro display assembly', category: '屏幕', models: ['Mate 60 Pro', 'Mate 60 Pro+'], grade: 'certified', listPrice: 199900 } }, { token });
  await b.call('stock.setSettings', { partId: mb.id, bin: 'S-01', reorderPoint: 1, reorderQty: 2 }, { token });
  await b.call('stock.setSettings', { partId: bat.id, bin: 'S-01', reorderPoint: 3, reorderQty: 10 }, { token });
  await b.call('stock.receive', { partId: bat.id, qty: 9, unitCost: 16500, supplier: '总部备件中心', deliveryNote: 'DN-0001' }, { token });
  for (let i = 0; i < 2; i++) {
    const r = await b.call('tickets.intake', { ...intakeInput(), confirmDuplicate: true }, { token });
    tickets.push(r.ticket!.number);
  }
});

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const label = (lang: Locale, key: string) => new RegExp(`^${esc(t(lang, key))}`);

async function stockFlow(page: Page, lang: Locale, snap: (n: string) => Promise<void>, run: { serials: string[]; ticket: string; batCount: number }) {
  await page.goto(shop.url);
  await signIn(page, MANAGER.username, MANAGER.password);
  await expect(page.getByTestId('current-user')).toBeVisible();
  // The shop's language is Chinese; an English-speaking user picks English with the switch.
  if (lang === 'en') await page.getByTestId('language-switch').getByText('EN').click();
  await page.getByTestId('nav-stock').click();
  await expect(page.getByRole('heading', { level: 2, name: t(lang, 'ui.section.stock.title') })).toBeVisible();

  // Catalog search by model finds all three parts; by SKU the mainboard.
  await page.getByTestId('part-search').fill('Mate 60 Pro');
  await expect(page.getByTestId(`part-row-${BAT}`)).toBeVisible();
  await snap(`stock-${lang}-catalog`);
  await page.getByTestId('part-search').fill(MB);
  await page.getByTestId(`part-row-${MB}`).click();
  const card = page.getByTestId('part-card');
  await expect(card).toBeVisible();

  // Receive two serialized mainboards.
  await page.getByTestId('action-receive').click();
  const form = page.getByTestId('movement-form-receive');
  await form.getByLabel(label(lang, 'ui.stock.form.qty')).fill('2');
  await form.getByLabel(label(lang, 'ui.stock.form.unitCost')).fill('2560');
  await form.getByLabel(label(lang, 'ui.stock.form.supplier')).fill('华为备件中心');
  await form.getByLabel(label(lang, 'ui.stock.form.deliveryNote')).fill('DN-2611-088');
  await form.getByTestId('serials-input').fill(run.serials.join('\n'));
  await snap(`stock-${lang}-receive`);
  await form.getByTestId('movement-submit').click();
  await expect(form).toBeHidden();
  await expect(card.getByTestId('serials-table')).toContainText(run.serials[1]!);

  // A wrong serial is refused at the field, in the UI language; nothing is issued.
  await page.getByTestId('action-issue').click();
  const issue = page.getByTestId('movement-form-issue');
  await issue.getByLabel(label(lang, 'ui.stock.form.ticket')).fill(run.ticket);
  await issue.getByTestId('serials-input').fill('NOT-A-SERIAL');
  await issue.getByTestId('movement-submit').click();
  await expect(issue.getByText(t(lang, 'stock.errors.unknownSerial', { serial: 'NOT-A-SERIAL', sku: MB }))).toBeVisible();
  // Issue the second one to the ticket, recording the board taken out.
  await issue.getByTestId('serials-input').fill(run.serials[1]!);
  await issue.getByLabel(label(lang, 'ui.stock.form.removedSerial')).fill(`OLD-${run.serials[1]}`);
  await issue.getByLabel(label(lang, 'ui.stock.form.removedDesc')).fill(lang === 'en' ? 'Mainboard, water damage' : '主板（进水）');
  await snap(`stock-${lang}-issue`);
  await issue.getByTestId('movement-submit').click();
  await expect(issue).toBeHidden();
  const history = card.getByTestId('movements-table');
  await expect(history).toContainText(run.ticket);
  await expect(history).toContainText(`OLD-${run.serials[1]}`);
  await expect(card.getByTestId('serials-table')).toContainText(t(lang, 'stock.serialStatus.issued'));
  await snap(`stock-${lang}-card`);
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();

  // Stocktake of bin S-01: the battery is one short.
  await page.getByTestId('stock-tab-stocktake').click();
  await page.getByTestId('stocktake-bins').fill('S-01');
  await page.getByTestId('stocktake-start').click();
  const lines = page.getByTestId('stocktake-lines');
  await expect(lines.getByTestId(`stocktake-line-${MB}`)).toBeVisible();
  const mbCount = lines.getByLabel(`${MB} ${t(lang, 'ui.stock.stocktake.counted')}`);
  await mbCount.fill(lang === 'en' ? '2' : '1');
  await mbCount.press('Enter');
  // The battery is counted by scanning its barcode: one Enter per unit.
  const scan = page.getByTestId('stocktake-scan');
  for (let i = 0; i < run.batCount; i++) {
    await scan.fill('6901234567892');
    await scan.press('Enter');
    await expect(scan).toHaveValue('');
  }
  await expect(page.getByTestId('stocktake-progress')).toContainText(t(lang, 'ui.stock.stocktake.countedOf', { n: 2, of: 2 }));
  await expect(lines.getByTestId(`stocktake-line-${BAT}`)).toContainText('−1');
  await snap(`stock-${lang}-stocktake`);
  await page.getByTestId('stocktake-post').click();
  await expect(page.getByText(t(lang, 'ui.stock.stocktake.status.posted')).first()).toBeVisible();

  for (const tab of ['reorder', 'valuation', 'oldParts', 'loaners'] as const) {
    await page.getByTestId(`stock-tab-${tab}`).click();
    await page.waitForTimeout(300);
    await snap(`stock-${lang}-${tab}`);
  }
  await expect(page.getByTestId('old-parts-table')).toHaveCount(0); // the loaners tab is open now
}

test('zh-CN: receive serialized parts, issue one to a ticket, count a bin and post', async ({ page, snap }) => {
  await stockFlow(page, 'zh-CN', snap, { serials: ['MB2611A001', 'MB2611A002'], ticket: tickets[0]!, batCount: 8 });
  const check = await shop.backend.call('stock.checkBalances', {}, { token: (await shop.backend.call('auth.login', MANAGER)).token });
  expect(check.ok).toBe(true);
});

test.describe('in English', () => {
  test('en: the same flow in English', async ({ page, snap }) => {
    await stockFlow(page, 'en', snap, { serials: ['MB2611B001', 'MB2611B002'], ticket: tickets[1]!, batCount: 7 });
    const b = shop.backend;
    const token = (await b.call('auth.login', MANAGER)).token;
    expect((await b.call('stock.checkBalances', {}, { token })).ok).toBe(true);
    const bin = await b.call('oldParts.list', { status: 'in_bin' }, { token });
    expect(bin.map((o) => o.serial).sort()).toEqual(['OLD-MB2611A002', 'OLD-MB2611B002']);
  });
});
