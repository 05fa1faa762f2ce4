import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, installShopClock, shopForThisFile, signIn, SCREENSHOTS } from './fixtures';
import { t } from '../../src/shared/i18n/translate';
import { testDate } from '../helpers/clock';
import { intakeInput, imei } from '../integration/intake/helpers';
import { scanBurstTimed } from './scanner';

/**
 * The bench end to end: a technician claims a paid repair, diagnoses it and builds the quote
 * (labor from the price list, a part from the catalog with its availability); the counter draws
 * the customer's signature on the screen; the technician issues the part, sends it to QC and
 * passes every check → ready. The quote form is fetched as PDF, read with pdftotext and drawn
 * with pdftoppm. Screenshots: test-results/screenshots/bench-*.png.
 */
const shop = shopForThisFile();
test.describe.configure({ mode: 'serial' });

const TECH = { username: 'zhang', password: 'tech-pass-1' };
const COUNTER = { username: 'li', password: 'counter-pass' };
const MANAGER = { username: 'wang', password: 'manager-pass' };
let ticket = { id: '', number: '' };
let adminToken = '';

test.beforeAll(async () => {
  const b = shop.backend;
  const admin = await b.call('setup.run', { shop: { name: '华强北授权服务中心', code: 'HQB1', phone: '0755-83000000', hotline: '400-830-0000' }, admin: { username: 'admin', displayName: '李管理', password: 'admin-pass-1' } });
  adminToken = admin.token;
  const token = admin.token;
  await b.call('users.create', { username: TECH.username, displayName: '张工', role: 'technician', password: TECH.password }, { token });
  await b.call('users.create', { username: COUNTER.username, displayName: '李前台', role: 'counter', password: COUNTER.password }, { token });
  await b.call('users.create', { username: MANAGER.username, displayName: '王店长', role: 'manager', password: MANAGER.password, pin: '1111' }, { token });
  await b.call('priceList.save', { code: 'LAB-SCREEN', kind: 'labor', nameZh: '更换屏幕工时', nameEn: 'Screen replacement labor', category: 'phone', priceFen: 8000 }, { token });
  await b.call('priceList.save', { code: 'FEE-DIAG', kind: 'fee', nameZh: '检测费', nameEn: 'Diagnosis fee', priceFen: 5000, diagnosisFee: true }, { token });
  const lcd = await b.call('parts.save', { part: { sku: 'HW-M60-LCD', nameZh: 'Mate 60 屏幕总成', nameEn: 'Mate 60 display assembly', category: '屏幕', models: ['Mate 60'], listPrice: 150000, cost: 100000 } }, { token });
  await b.call('stock.receive', { partId: lcd.id, qty: 3, unitCost: 100000, supplier: '总部备件中心' }, { token });
  const promised = testDate(5, shop.clock);
  const r = await b.call(
    'tickets.intake',
    intakeInput({
      customer: { name: '陈静', phones: ['139 0013 9000'] },
      device: { category: 'phone', brand: '华为', model: 'Mate 60', imei: imei(), colour: '雅丹黑', purchaseDate: '2023-01-05', proof: { kind: 'invoice', invoiceNo: 'INV-2023', invoiceDate: '2023-01-05', seller: '京东自营' } },
      fault: { text: '屏幕摔碎，显示花屏', codes: ['screen_broken'] },
      promisedDate: promised,
      depositFen: 0,
    }),
    { token },
  );
  ticket = { id: r.ticket!.id, number: r.ticket!.number };
});

async function openBench(page: Page, who: { username: string; password: string }) {
  await page.goto(shop.url);
  await signIn(page, who.username, who.password);
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.getByTestId('nav-bench').click();
  await expect(page.getByRole('heading', { level: 2, name: t('zh-CN', 'ui.section.bench.title') })).toBeVisible();
}

async function openTicket(page: Page) {
  await page.getByTestId('bench-tab-all').click();
  // The tab's panel, not the one it replaces (both are in the page for a moment).
  await expect(page.getByTestId('bench-tab-all')).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tabpanel').getByTestId('bench-scan').fill(ticket.number);
  await page.getByRole('tabpanel').getByTestId('bench-scan').press('Enter');
  await expect(page.getByTestId('ticket-bench')).toBeVisible();
}

test('a scan into the bench scan field with a 45 ms hiccup opens the whole ticket number, and its Enter is not lost', async ({ page }) => {
  await openBench(page, TECH);
  await page.getByTestId('bench-tab-all').click();
  const field = page.getByTestId('bench-scan');
  await field.click();
  const gaps = [...ticket.number].map((_, i) => (i === 7 ? 45 : 5));
  await scanBurstTimed(page, ticket.number, gaps);
  await expect(page.getByTestId('ticket-bench')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/bench/queue/all/${ticket.number}$`));
  // the field's own Enter took the code and cleared the field for the next scan
  await expect(field).toHaveValue('');
  await expect(page.getByText(/未找到单号为/)).toHaveCount(0);
});

test('a technician diagnoses and quotes; the counter records a signature; the technician issues the part and passes QC', async ({ page, browser, snap }) => {
  const z = (k: string, p?: Record<string, string | number>) => t('zh-CN', k, p);
  await openBench(page, TECH);
  await page.getByTestId('bench-tab-unassigned').click();
  await expect(page.getByRole('tabpanel').getByTestId('bench-queue')).toContainText(ticket.number);
  await page.getByRole('tabpanel').getByTestId('bench-queue').getByText(ticket.number).click();
  await page.getByTestId('bench-claim').click();
  await expect(page.getByTestId('bench-claim')).toBeHidden();
  await page.getByTestId('bench-tab-mine').click();
  await expect(page.getByRole('tabpanel').getByTestId('bench-queue')).toContainText(ticket.number);
  await page.getByRole('tabpanel').getByTestId('bench-queue').getByText(ticket.number).click();
  const bench = page.getByTestId('ticket-bench');
  await expect(bench.getByTestId('bench-status')).toHaveText(z('tickets.status.received'));

  // Diagnosis: cause found; the ticket moves to diagnosing.
  await bench.getByTestId('diag-cause').fill('屏幕总成碎裂，排线完好');
  await bench.getByTestId('diag-save').click();
  await expect(bench.getByTestId('bench-status')).toHaveText(z('tickets.status.diagnosing'));

  // Quote: labor from the price list, the part from the catalog with its availability.
  const quote = bench.getByTestId('quote-card');
  await quote.getByTestId('add-labor').click();
  await page.getByRole('option', { name: /更换屏幕工时/ }).click();
  await quote.getByTestId('add-part').click();
  await quote.getByTestId('add-part').pressSequentially('Mate 60', { delay: 30 });
  await page.waitForTimeout(600);
  await quote.getByTestId('add-part').press('ArrowDown');
  await page.getByRole('option', { name: /HW-M60-LCD/ }).click();
  await expect(quote).toContainText(z('ui.bench.quote.available', { n: 3 }));
  await snap('bench-zh-quote-builder');
  await quote.getByTestId('quote-submit').click();
  await expect(bench.getByTestId('bench-status')).toHaveText(z('tickets.status.awaiting_approval'));
  await expect(quote.getByTestId('quote-total')).toContainText('1,580.00');
  await expect(quote.getByTestId('quote-lines')).toContainText(z('ui.bench.line.not_covered'));
  // Chargeable work cannot start before the customer's approval: the move is there but disabled.
  await expect(bench.getByTestId('move-startRepair')).toBeDisabled();
  await snap('bench-zh-quote');

  // The counter, on its own screen: the call list names the customer; the signature is drawn on the canvas.
  const counterCtx = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 800 } });
  await installShopClock(counterCtx, shop.clock.now(), page);
  const counter = await counterCtx.newPage();
  await openBench(counter, COUNTER);
  await expect(counter.getByTestId('call-list')).toContainText('陈静');
  await expect(counter.getByTestId('call-list')).toContainText(z('ui.bench.calls.approval'));
  await counter.screenshot({ path: path.join(SCREENSHOTS, 'bench-zh-call-list.png'), fullPage: true });
  await counter.getByTestId('call-list').getByRole('button', { name: ticket.number }).click();
  const cbench = counter.getByTestId('ticket-bench');
  const auth = cbench.getByTestId('auth-card');
  await expect(auth).toBeVisible();
  await auth.getByTestId('auth-signer').fill('陈静');
  const canvas = auth.getByTestId('signature-canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await counter.mouse.move(box.x + 30, box.y + 90);
  await counter.mouse.down();
  for (let i = 0; i <= 24; i++) await counter.mouse.move(box.x + 30 + i * 12, box.y + 90 - Math.sin(i / 2.5) * 35, { steps: 2 });
  await counter.mouse.up();
  await counter.mouse.move(box.x + 200, box.y + 40);
  await counter.mouse.down();
  await counter.mouse.move(box.x + 260, box.y + 110, { steps: 8 });
  await counter.mouse.up();
  await counter.screenshot({ path: path.join(SCREENSHOTS, 'bench-zh-signature.png'), fullPage: true });
  await auth.getByTestId('auth-record').click();
  await expect(cbench.getByTestId('bench-status')).toHaveText(z('tickets.status.repairing'));
  await counterCtx.close();

  // Back at the bench: issue the part (the removed screen recorded), to QC, every check passed → ready.
  await page.reload();
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.getByTestId('nav-bench').click();
  await openTicket(page);
  await expect(bench.getByTestId('bench-status')).toHaveText(z('tickets.status.repairing'));
  const repair = bench.getByTestId('repair-card');
  await repair.getByTestId('removed-serial').fill('OLD-LCD-7781');
  await repair.getByTestId('issue-submit').click();
  await expect(repair.getByTestId('issued-parts')).toContainText('HW-M60-LCD');
  await bench.getByTestId('move-toQc').click();
  await expect(bench.getByTestId('bench-status')).toHaveText(z('tickets.status.qc'));
  const qc = bench.getByTestId('qc-card');
  // Submitting with a check missing: refused with the reason, still in QC.
  await qc.getByTestId('qc-submit').click();
  await expect(page.getByText(z('bench.qc.incomplete')).first()).toBeVisible();
  await expect(bench.getByTestId('bench-status')).toHaveText(z('tickets.status.qc'));
  const items = ['power', 'display', 'touch', 'cameras', 'audio', 'charging', 'buttons', 'network', 'biometrics', 'cosmetic'];
  for (const k of items) await qc.getByTestId(`qc-${k}`).getByText(z('ui.bench.qc.pass'), { exact: true }).click();
  await snap('bench-zh-qc');
  await qc.getByTestId('qc-submit').click();
  await expect(bench.getByTestId('bench-status')).toHaveText(z('tickets.status.ready'));
  await snap('bench-zh-ready');
});

test('the quote form prints with the signature: pdftotext reads it, pdftoppm draws it', async () => {
  const b = shop.backend;
  const job = await b.call('print.request', { docType: 'quote', entityId: ticket.id }, { token: adminToken });
  const pdf = await b.call('print.pdf', { jobId: job.id }, { token: adminToken });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, 'bench-quote.pdf');
  fs.writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(text).toContain('报价确认单');
  expect(text).toContain(ticket.number);
  expect(text).toContain('更换屏幕工时');
  expect(text).toContain('Mate60屏幕总成');
  expect(text).toContain('客户应付合计');
  expect(text).toContain('¥1,580.00');
  expect(text).toContain('屏幕签名');
  execFileSync('pdftoppm', ['-r', '110', '-f', '1', '-l', '1', '-png', '-singlefile', file, path.join(SCREENSHOTS, 'bench-quote')]);
  expect(fs.statSync(path.join(SCREENSHOTS, 'bench-quote.png')).size).toBeGreaterThan(20_000);
});

test('the workbench in English (manager)', async ({ page, snap }) => {
  await page.goto(shop.url);
  await signIn(page, MANAGER.username, MANAGER.password);
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.getByTestId('language-switch').getByText('EN').click();
  await page.getByTestId('nav-bench').click();
  await expect(page.getByRole('heading', { level: 2, name: t('en', 'ui.section.bench.title') })).toBeVisible();
  await openTicket(page);
  await expect(page.getByTestId('bench-status')).toHaveText(t('en', 'tickets.status.ready'));
  await expect(page.getByTestId('quote-lines')).toContainText(t('en', 'ui.bench.line.not_covered'));
  await snap('bench-en-ready');
  await page.getByTestId('bench-tab-calls').click();
  await expect(page.getByTestId('call-list')).toContainText(t('en', 'ui.bench.calls.ready'));
  await snap('bench-en-call-list');
});
