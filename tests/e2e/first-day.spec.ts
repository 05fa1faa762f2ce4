import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { test, expect, installShopClock, shopForThisFile, signIn, SCREENSHOTS } from './fixtures';
import { t } from '../../src/shared/i18n/translate';
import type { Locale } from '../../src/shared/i18n/types';
import { testDate } from '../helpers/clock';
import { intakeInput } from '../integration/intake/helpers';

/**
 * A brand-new shop's first day, from the first-run wizard to a collected repair, with nothing
 * after the wizard needing the admin: the wizard (shop, admin, the categories it repairs and
 * their starter price list with one price changed in place, the parts catalog from the
 * downloaded template filled with one part and one bad row, the staff accounts); the manager
 * receives stock of that part; the counter takes a phone in; the technician diagnoses and
 * quotes a starter labour item and the part; the customer signs; the part is issued, QC
 * passes; the counter collects the payment and the receipt shows. Then the same steps resumed
 * in English from Settings → Price list & parts catalog. Screens: test-results/screenshots/firstday-*.png.
 */
const shop = shopForThisFile();
test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1366, height: 768 } });

const ADMIN = { username: 'admin', password: 'admin-pass-1', displayName: '李管理' };
const MANAGER = { username: 'wang', password: 'manager-pass', displayName: '王店长' };
const TECH = { username: 'zhang', password: 'tech-pass-1', displayName: '张工' };
const COUNTER = { username: 'li', password: 'counter-pass', displayName: '李前台' };
const PART = { sku: 'HW-M60-LCD', name: 'Mate 60 屏幕总成' };
let ticketNumber = '';

const z = (k: string, p?: Record<string, string | number>) => t('zh-CN', k, p);

/** A person's own browser window (the shop's clock), signed in. */
async function asUser(browser: Browser, probe: Page, who: { username: string; password: string }, locale: Locale = 'zh-CN') {
  const ctx = await browser.newContext({ locale, timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 768 } });
  await installShopClock(ctx, shop.clock.now(), probe);
  const page = await ctx.newPage();
  await page.goto(shop.url);
  await signIn(page, who.username, who.password);
  await expect(page.getByTestId('current-user')).toBeVisible();
  return page;
}

test('the wizard: shop, admin, categories, starter price list, catalog from the template, staff', async ({ page, snap }) => {
  // Each new step pictured in both languages (the switch is on the wizard's frame), then back to Chinese.
  const both = async (name: string) => {
    await snap(`firstday-zh-wizard-${name}`);
    await page.getByTestId('language-switch').getByText('EN').click();
    await expect(page.getByRole('heading', { name: t('en', 'ui.firstday.title') })).toBeVisible();
    await snap(`firstday-en-wizard-${name}`);
    await page.getByTestId('language-switch').getByText('中文').click();
    await expect(page.getByRole('heading', { name: z('ui.firstday.title') })).toBeVisible();
  };
  await page.goto(shop.url);
  await page.getByLabel(/^门店名称/).fill('南山授权服务中心');
  await page.getByLabel(/^门店代码/).fill('NS01');
  await page.getByLabel('门店电话').fill('0755-86001234');
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByLabel(/^姓名/).fill(ADMIN.displayName);
  await page.getByLabel(/^密码/).fill(ADMIN.password);
  await page.getByLabel(/^确认密码/).fill(ADMIN.password);
  await page.getByRole('button', { name: '完成设置' }).click();

  // Categories: the 三包 presets are said to be there already; phones and tablets ticked.
  const categories = page.getByTestId('firstday-categories');
  await expect(page.getByRole('heading', { name: z('ui.firstday.title') })).toBeVisible();
  await expect(categories).toContainText(z('ui.firstday.categories.presets'));
  await expect(page.getByTestId('starter-create')).toBeDisabled();
  await categories.getByTestId('category-phone').check();
  await categories.getByTestId('category-tablet').check();
  await both('categories');
  await page.getByTestId('starter-create').click();

  // The starter list for phones and tablets: 3 phone + 2 tablet labour items, the diagnosis and rush fees.
  const prices = page.getByTestId('firstday-prices');
  await expect(prices.getByTestId('price-list').locator('tbody tr')).toHaveCount(7);
  await expect(prices.getByTestId('price-LAB-PHONE-SCREEN')).toHaveText('¥80.00');
  // The shop charges ¥100 for a phone screen: changed where it stands.
  await prices.getByTestId('price-LAB-PHONE-SCREEN').click();
  await prices.getByTestId('price-input-LAB-PHONE-SCREEN').fill('100');
  await prices.getByTestId('price-input-LAB-PHONE-SCREEN').press('Enter');
  await expect(prices.getByTestId('price-LAB-PHONE-SCREEN')).toHaveText('¥100.00');
  await both('prices');
  await prices.getByTestId('firstday-next').click();

  // The catalog: the CSV template downloaded, filled with one part (and one row missing its price), uploaded.
  const parts = page.getByTestId('firstday-parts');
  const download = page.waitForEvent('download');
  await parts.getByTestId('template-csv').click();
  const csv = fs.readFileSync((await (await download).path())!, 'utf8');
  const [headings] = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  expect(headings).toContain('料号');
  const filled = path.join(SCREENSHOTS, '..', 'firstday-catalog.csv');
  fs.mkdirSync(path.dirname(filled), { recursive: true });
  fs.writeFileSync(
    filled,
    [headings, `${PART.sku},${PART.name},Mate 60 display assembly,屏幕,Mate 60,原厂,配件,否,90,1450.00,1000.00,`, 'HW-M60-BAT,Mate 60 电池,,电池,Mate 60,原厂,配件,否,90,,,'].join('\n'),
  );
  await parts.locator('input[type=file]').setInputFiles(filled);
  await parts.getByRole('button', { name: z('ui.stock.import.check') }).click();
  await expect(parts).toContainText(z('ui.stock.import.notCommitted'));
  await expect(parts.getByRole('table')).toContainText('HW-M60-BAT');
  await both('parts-errors');
  await parts.getByRole('button', { name: z('ui.stock.import.acceptGood', { n: 1 }) }).click();
  await expect(parts).toContainText(z('ui.stock.import.committed'));
  await parts.getByTestId('firstday-next').click();

  // Staff: a manager, a technician, a counter clerk; the role moves on by itself after each.
  const staff = page.getByTestId('firstday-staff');
  await expect(staff).toContainText(z('ui.firstday.staff.none'));
  for (const who of [MANAGER, TECH, COUNTER]) {
    await staff.getByTestId('staff-username').fill(who.username);
    await staff.getByTestId('staff-name').fill(who.displayName);
    await staff.getByTestId('staff-password').fill(who.password);
    await staff.getByTestId('staff-add').click();
    await expect(staff.getByTestId('staff-list')).toContainText(who.displayName);
  }
  await expect(staff.getByTestId('staff-list')).toContainText(z('role.manager'));
  await expect(staff.getByTestId('staff-list')).toContainText(z('role.technician'));
  await expect(staff.getByTestId('staff-list')).toContainText(z('role.counter'));
  await both('staff');
  await page.getByTestId('firstday-next').click();
  await expect(page.getByTestId('shop-name')).toHaveText('南山授权服务中心');
  await expect(page.getByTestId('current-user')).toContainText(ADMIN.displayName);
});

test('the manager receives stock of the imported part', async ({ page, browser }) => {
  const m = await asUser(browser, page, MANAGER);
  await m.getByTestId('nav-stock').click();
  await m.getByTestId('part-search').fill(PART.sku);
  await m.getByTestId(`part-row-${PART.sku}`).click();
  await m.getByTestId('action-receive').click();
  const form = m.getByTestId('movement-form-receive');
  await form.getByLabel(new RegExp(`^${z('ui.stock.form.qty')}`)).fill('2');
  await form.getByLabel(new RegExp(`^${z('ui.stock.form.unitCost').replace(/[()（）]/g, '.')}`)).fill('1000');
  await form.getByLabel(new RegExp(`^${z('ui.stock.form.supplier')}`)).fill('华为备件中心');
  await form.getByTestId('movement-submit').click();
  await expect(form).toBeHidden();
  await m.keyboard.press('Escape');
  await expect(m.getByTestId(`part-row-${PART.sku}`)).toContainText('2');
  // The one place for the price list and the catalog, in Chinese.
  await m.getByTestId('nav-settings').click();
  await m.getByTestId('settings-tab-catalog').click();
  await expect(m.getByTestId('settings-tab-catalog')).toHaveText(z('ui.catalogPlace.tab'));
  await expect(m.getByTestId('price-LAB-PHONE-SCREEN')).toHaveText('¥100.00');
  await m.waitForTimeout(300);
  await m.screenshot({ path: path.join(SCREENSHOTS, 'firstday-zh-place-prices.png'), fullPage: true });
  await m.context().close();
});

test('the counter takes a phone in', async ({ page, browser }) => {
  const c = await asUser(browser, page, COUNTER);
  await expect(c.getByTestId('customer-search')).toBeFocused();
  await c.keyboard.type('周晓明');
  await expect(c.getByTestId('customer-new')).toHaveAttribute('aria-selected', 'true');
  await c.keyboard.press('Enter');
  const nc = c.getByTestId('new-customer');
  await nc.getByLabel(/^电话/).fill('13800138000');
  const nd = c.getByTestId('new-device');
  await nd.getByLabel(/^品牌/).fill('华为');
  await nd.getByLabel(/^型号/).fill('Mate 60');
  await nd.getByLabel(/^IMEI/).fill('490154203237518');
  // A paid repair of a phone bought long ago: no proof of purchase to hand.
  await nd.getByLabel(/^购机凭证/).click();
  await c.getByRole('option', { name: z('devices.proof.none') }).click();
  await c.getByTestId('fault-text').fill('屏幕摔碎，显示花屏');
  await c.getByTestId('passcode-kind').getByText('无锁屏密码').click();
  await c.getByTestId('data-loss-ack').check();
  await c.getByTestId('warranty-claim-no').check();
  await c.getByTestId('save-intake').click();
  await expect(c.getByTestId('intake-done')).toBeVisible();
  ticketNumber = (await c.getByTestId('ticket-number').textContent())!.trim();
  expect(ticketNumber).toMatch(/^NS01-\d{4}-\d{4}$/);
  await c.context().close();
});

async function openTicketAtBench(p: Page, tab: 'unassigned' | 'mine' | 'all') {
  await p.getByTestId('nav-bench').click();
  await p.getByTestId(`bench-tab-${tab}`).click();
  await expect(p.getByTestId(`bench-tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
  await p.getByRole('tabpanel').getByTestId('bench-queue').getByText(ticketNumber).click();
  await expect(p.getByTestId('ticket-bench')).toBeVisible();
}

test('the technician diagnoses and quotes; the customer signs; the part is issued; QC passes', async ({ page, browser, snap }) => {
  const tech = await asUser(browser, page, TECH);
  await openTicketAtBench(tech, 'unassigned');
  const bench = tech.getByTestId('ticket-bench');
  await tech.getByTestId('bench-claim').click();
  await expect(tech.getByTestId('bench-claim')).toBeHidden();
  await bench.getByTestId('diag-cause').fill('外屏碎裂，显示排线受损');
  await bench.getByTestId('diag-save').click();
  await expect(bench.getByTestId('bench-status')).toHaveText(z('tickets.status.diagnosing'));

  // The starter labour item at the price set in the wizard, and the imported part with its stock.
  const quote = bench.getByTestId('quote-card');
  await expect(quote.getByTestId('quote-labor-empty')).toHaveCount(0);
  await quote.getByTestId('add-labor').click();
  await tech.getByRole('option', { name: /手机更换屏幕工时/ }).click();
  await quote.getByTestId('add-part').click();
  await quote.getByTestId('add-part').pressSequentially('Mate 60', { delay: 30 });
  await tech.waitForTimeout(600);
  await quote.getByTestId('add-part').press('ArrowDown');
  await tech.getByRole('option', { name: new RegExp(PART.sku) }).click();
  await expect(quote).toContainText(z('ui.bench.quote.available', { n: 2 }));
  await quote.getByTestId('quote-submit').click();
  await expect(bench.getByTestId('bench-status')).toHaveText(z('tickets.status.awaiting_approval'));
  // ¥100 labour (the starter ¥80, changed in the wizard) + ¥1,450 part = ¥1,550
  await expect(quote.getByTestId('quote-total')).toContainText('1,550.00');
  await tech.screenshot({ path: path.join(SCREENSHOTS, 'firstday-zh-quote.png'), fullPage: true });

  // The counter records the customer's signature on the screen.
  const counter = await asUser(browser, page, COUNTER);
  await counter.getByTestId('nav-bench').click();
  await counter.getByTestId('call-list').getByRole('button', { name: ticketNumber }).click();
  const auth = counter.getByTestId('ticket-bench').getByTestId('auth-card');
  await auth.getByTestId('auth-signer').fill('周晓明');
  const canvas = auth.getByTestId('signature-canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await counter.mouse.move(box.x + 30, box.y + 80);
  await counter.mouse.down();
  for (let i = 0; i <= 20; i++) await counter.mouse.move(box.x + 30 + i * 12, box.y + 80 - Math.sin(i / 2.5) * 30, { steps: 2 });
  await counter.mouse.up();
  await auth.getByTestId('auth-record').click();
  await expect(counter.getByTestId('ticket-bench').getByTestId('bench-status')).toHaveText(z('tickets.status.repairing'));
  await counter.context().close();

  // Back at the bench: the part issued (the removed screen kept), to QC, every check passed.
  await tech.reload();
  await openTicketAtBench(tech, 'mine');
  await expect(bench.getByTestId('bench-status')).toHaveText(z('tickets.status.repairing'));
  const repair = bench.getByTestId('repair-card');
  await repair.getByTestId('removed-serial').fill('OLD-LCD-0001');
  await repair.getByTestId('issue-submit').click();
  await expect(repair.getByTestId('issued-parts')).toContainText(PART.sku);
  await bench.getByTestId('move-toQc').click();
  await expect(bench.getByTestId('bench-status')).toHaveText(z('tickets.status.qc'));
  const qc = bench.getByTestId('qc-card');
  for (const k of ['power', 'display', 'touch', 'cameras', 'audio', 'charging', 'buttons', 'network', 'biometrics', 'cosmetic'])
    await qc.getByTestId(`qc-${k}`).getByText(z('ui.bench.qc.pass'), { exact: true }).click();
  await qc.getByTestId('qc-submit').click();
  await expect(bench.getByTestId('bench-status')).toHaveText(z('tickets.status.ready'));
  await snap('firstday-zh-ready');
  await tech.context().close();
});

test('the counter collects the payment and the receipt shows', async ({ page, browser }) => {
  const c = await asUser(browser, page, COUNTER);
  await c.getByTestId('counter-tab-collect').click();
  await expect(c.getByTestId('collection-scan')).toBeFocused();
  await c.keyboard.type(ticketNumber, { delay: 5 });
  await c.keyboard.press('Enter');
  await expect(c.getByTestId('collection-number')).toHaveText(ticketNumber);
  // ¥100 + ¥1,450, no deposit taken
  await expect(c.getByTestId('collection-due')).toHaveText('¥1,550.00');
  await c.getByTestId('collection-last4').fill('8000');
  await expect(c.getByTestId('collection-identity')).toHaveText(z('ui.collection.identityOk'));
  await c.getByTestId('collection-tender-0').getByLabel(z('ui.collection.tenderAmount')).fill('1550');
  await c.getByTestId('collection-received-0').fill('1600');
  await c.getByTestId('collection-complete').click();
  await expect(c.getByTestId('collection-done')).toBeVisible();
  await expect(c.getByTestId('collection-change')).toHaveText(z('ui.collection.doneChange', { amount: '¥50.00' }));
  await expect(c.getByTestId('collection-print-repair_receipt')).toContainText(z('ui.printing.status.opened'));
  await expect(c.getByTestId('collection-viewer-repair_receipt')).toBeVisible();
  await c.screenshot({ path: path.join(SCREENSHOTS, 'firstday-zh-collected.png'), fullPage: true });
  await c.context().close();
});

test('a desktop, which the starter list has no labour for: the quote form says so and leads the manager to the price list', async ({ page, browser }) => {
  const b = shop.backend;
  const counter = { token: (await b.call('auth.login', { username: COUNTER.username, password: COUNTER.password })).token };
  const tech = { token: (await b.call('auth.login', { username: TECH.username, password: TECH.password })).token };
  const r = await b.call(
    'tickets.intake',
    intakeInput({
      customer: { name: '孙丽', phones: ['139 0000 1111'] },
      device: { category: 'desktop', brand: '联想', model: 'ThinkCentre M720', serial: 'PC0A1B2C', proof: { kind: 'none' } },
      fault: { text: '开机无显示', codes: [] },
      promisedDate: testDate(5, shop.clock),
      depositFen: 0,
    }),
    counter,
  );
  await b.call('bench.claim', { ticketId: r.ticket!.id }, tech);
  await b.call('bench.diagnose', { ticketId: r.ticket!.id, cause: '内存条接触不良', findings: [] }, tech);

  const m = await asUser(browser, page, MANAGER);
  await m.getByTestId('nav-bench').click();
  await m.getByTestId('bench-tab-all').click();
  await m.getByRole('tabpanel').getByTestId('bench-scan').fill(r.ticket!.number);
  await m.getByRole('tabpanel').getByTestId('bench-scan').press('Enter');
  const empty = m.getByTestId('quote-card').getByTestId('quote-labor-empty');
  await expect(empty).toContainText(z('ui.catalogPlace.emptyLabor'));
  await expect(empty).toContainText(z('ui.catalogPlace.emptyLaborWho'));
  // The catalog has the imported part: no word about an empty catalog.
  await expect(m.getByTestId('quote-parts-empty')).toHaveCount(0);
  await m.waitForTimeout(300);
  await m.screenshot({ path: path.join(SCREENSHOTS, 'firstday-zh-quote-no-labour.png'), fullPage: true });
  await empty.getByTestId('empty-action').click();
  await expect(m).toHaveURL(/#\/settings\/catalog\/prices$/);
  await expect(m.getByTestId('price-list')).toBeVisible();
  await m.context().close();
});

test('Settings → Price list & parts catalog, in English: the price list, the import and the first-day steps resumed', async ({ page, browser }) => {
  const m = await asUser(browser, page, MANAGER, 'en');
  await m.getByTestId('language-switch').getByText('EN').click();
  const shot = (name: string) => m.waitForTimeout(300).then(() => m.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true }));
  // The bench's price list is read there and points to the one place to change it.
  await m.getByTestId('nav-bench').click();
  await m.getByTestId('bench-tab-prices').click();
  await m.getByTestId('price-list-edit-link').click();
  await expect(m).toHaveURL(/#\/settings\/catalog\/prices$/);
  await expect(m.getByTestId('settings-tab-catalog')).toHaveText(t('en', 'ui.catalogPlace.tab'));
  await expect(m.getByTestId('price-LAB-PHONE-SCREEN')).toHaveText('¥100.00');
  // A new item: refused at the fields while empty, then saved.
  const add = m.getByText(t('en', 'ui.bench.price.add')).locator('..');
  await add.getByRole('button', { name: t('en', 'ui.bench.price.save') }).click();
  await expect(add.getByLabel(t('en', 'ui.bench.price.name'), { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await add.getByLabel(t('en', 'ui.bench.price.code')).fill('FEE-FILM');
  await add.getByLabel(t('en', 'ui.bench.price.kind')).click();
  await m.getByRole('option', { name: t('en', 'ui.bench.price.kind.fee') }).click();
  await add.getByLabel(t('en', 'ui.bench.price.name'), { exact: true }).fill('贴膜费');
  await add.getByLabel(t('en', 'ui.bench.price.nameEn')).fill('Screen protector fitting');
  await add.getByLabel(t('en', 'ui.bench.price.price')).fill('20');
  await add.getByRole('button', { name: t('en', 'ui.bench.price.save') }).click();
  await expect(m.getByTestId('price-FEE-FILM')).toHaveText('¥20.00');
  await expect(add.getByLabel(t('en', 'ui.bench.price.code'))).toHaveValue('');
  await shot('firstday-en-place-prices');
  await m.getByTestId('catalog-place-parts').click();
  await expect(m).toHaveURL(/#\/settings\/catalog\/parts$/);
  await expect(m.getByTestId('template-xlsx')).toBeVisible();
  await shot('firstday-en-place-parts');
  await m.getByTestId('catalog-place-start').click();
  await expect(m.getByTestId('firstday-categories')).toContainText(t('en', 'ui.firstday.categories.presets'));
  await m.getByTestId('firstday-categories').getByTestId('category-laptop').check();
  await shot('firstday-en-categories');
  // Run again with laptops: only the laptop labour is new (7 + the film fee + 1); the ¥100 screen price stays.
  await m.getByTestId('starter-create').click();
  await expect(m.getByTestId('firstday-prices').getByTestId('price-list').locator('tbody tr')).toHaveCount(9);
  await expect(m.getByTestId('price-LAB-PHONE-SCREEN')).toHaveText('¥100.00');
  await shot('firstday-en-prices');
  await m.getByTestId('firstday-prices').getByTestId('firstday-skip').click();
  await expect(m.getByTestId('firstday-parts')).toBeVisible();
  await shot('firstday-en-parts');
  await m.getByTestId('firstday-parts').getByTestId('firstday-skip').click();
  await expect(m.getByTestId('staff-list')).toContainText(TECH.displayName);
  await shot('firstday-en-staff');
  await m.getByTestId('firstday-next').click();
  await expect(m.getByTestId('firstday-finished')).toBeVisible();
  await m.context().close();
});
