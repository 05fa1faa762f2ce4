import type { Page } from '@playwright/test';
import { test, expect, shopForThisFile, signIn } from './fixtures';
import { t } from '../../src/shared/i18n/translate';
import { formatMoney } from '../../src/shared/documents/format';
import { intakeInput, imei } from '../integration/intake/helpers';

/**
 * A 三包 return (退货) paid out at the counter, in Chromium: a phone bought five days ago comes
 * in with a listed performance fault; the bench records the return the engine offers (the
 * manager's PIN) and passes QC (through the real procedures). The bench card says the refund is
 * due at hand-back; the counter scans the ticket, sees the refund (the invoice price, inside the 7-day window), pays it
 * by WeChat Pay (its transaction number required), and the ticket then shows "refunded ¥X to
 * the customer on <date> by WeChat Pay" at the counter and at the bench.
 * Screens: test-results/screenshots/sanbao-refund-*.png.
 */
const shop = shopForThisFile();
test.describe.configure({ mode: 'serial' });

const COUNTER = { username: 'li', password: 'counter-pass' };
const MANAGER = { username: 'wang', password: 'manager-pass' };
const PRICE = 599900;
let ticket = { id: '', number: '' };
let refundFen = 0;
const z = (k: string, p?: Record<string, string | number>) => t('zh-CN', k, p);
const fmt = (fen: number) => formatMoney(fen, 'zh-CN');
const shanghaiDay = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));

test.beforeAll(async () => {
  const b = shop.backend;
  const admin = await b.call('setup.run', { shop: { name: '华强北授权服务中心', code: 'HQB1', phone: '0755-83000000', hotline: '400-830-0000', address: '深圳市福田区华强北路 1008 号' }, admin: { username: 'admin', displayName: '李管理', password: 'admin-pass-1' } });
  const token = admin.token;
  await b.call('users.create', { username: 'zhang', displayName: '张工', role: 'technician', password: 'tech-pass-1' }, { token });
  await b.call('users.create', { username: COUNTER.username, displayName: '李前台', role: 'counter', password: COUNTER.password }, { token });
  await b.call('users.create', { username: MANAGER.username, displayName: '王店长', role: 'manager', password: MANAGER.password, pin: '1111' }, { token });
  const tech = { token: (await b.call('auth.login', { username: 'zhang', password: 'tech-pass-1' })).token };
  const counter = { token: (await b.call('auth.login', COUNTER)).token };
  const bought = shanghaiDay(shop.clock.now().getTime() - 5 * 86_400_000);
  const r = await b.call(
    'tickets.intake',
    intakeInput({
      customer: { name: '陈静', phones: ['139 0013 9000'] },
      device: { category: 'phone', brand: '华为', model: 'Mate 60', imei: imei(), colour: '雅丹黑', purchaseDate: bought, proof: { kind: 'invoice', invoiceNo: 'INV-7781', invoiceDate: bought, seller: '京东自营' } },
      fault: { text: '无法开机', codes: ['no_power'] },
      promisedDate: shanghaiDay(shop.clock.now().getTime() + 5 * 86_400_000),
      depositFen: 0,
    }),
    counter,
  );
  ticket = { id: r.ticket!.id, number: r.ticket!.number };
  const id = ticket.id;
  await b.call('bench.claim', { ticketId: id }, tech);
  await b.call('bench.diagnose', { ticketId: id, cause: '主板供电故障（性能故障）', findings: [], performanceFault: true } as never, tech);
  const wb = await b.call('bench.sanbao.decide', { ticketId: id, option: 'return', purchasePriceFen: PRICE, approval: { username: MANAGER.username, pin: '1111' }, note: '7 日内性能故障退货' } as never, counter);
  refundFen = wb.sanbao!.refundFen;
  // Inside the 7-day window a return is refunded at the invoice price (phone rule 第十一条), no depreciation.
  expect(refundFen).toBe(PRICE);
  await b.call('bench.transition', { ticketId: id, to: 'qc' } as never, tech);
  const checklist = (await b.call('bench.workbench', { ticketId: id }, tech)).qcChecklist;
  const mgr = { token: (await b.call('auth.login', MANAGER)).token };
  await b.call('bench.qc', { ticketId: id, items: Object.fromEntries(checklist.map((c) => [c, 'pass'])), data: 'wiped' } as never, mgr);
});

async function openBench(page: Page) {
  await page.goto(shop.url);
  await signIn(page, MANAGER.username, MANAGER.password);
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.getByTestId('nav-bench').click();
  await page.getByRole('tabpanel').getByTestId('bench-scan').fill(ticket.number);
  await page.getByRole('tabpanel').getByTestId('bench-scan').press('Enter');
  await expect(page.getByTestId('ticket-bench')).toBeVisible();
}

test('the bench shows the approved refund as due at hand-back', async ({ page, snap }) => {
  await openBench(page);
  await expect(page.getByTestId('sanbao-refund-due')).toHaveText(z('ui.bench.sanbao.refundDue', { amount: fmt(refundFen) }));
  await snap('sanbao-refund-bench-due-zh');
});

test('the counter pays the refund by WeChat Pay at hand-back; the ticket shows it refunded', async ({ page, snap }) => {
  await page.goto(shop.url);
  await signIn(page, COUNTER.username, COUNTER.password);
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.getByTestId('counter-tab-collect').click();
  await expect(page.getByTestId('collection-scan')).toBeFocused();
  await page.keyboard.type(ticket.number, { delay: 5 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('collection-number')).toHaveText(ticket.number);
  await expect(page.getByTestId('collection-sanbao')).toContainText(fmt(PRICE));
  await expect(page.getByTestId('collection-sanbao')).toContainText('王店长');
  await expect(page.getByTestId('collection-sanbao-amount')).toHaveText(`${z('ui.collection.sanbao.due')} ${fmt(refundFen)}`);
  // Nothing is due for the work: the maker pays; only the refund goes out.
  await expect(page.getByTestId('collection-due')).toHaveText('¥0.00');
  await page.getByTestId('collection-last4').fill('9000');
  await expect(page.getByTestId('collection-identity')).toHaveText(z('ui.collection.identityOk'));

  // WeChat Pay without its transaction number: refused at the field.
  await page.getByTestId('collection-sanbao-tender').click();
  await page.getByRole('option', { name: z('collection.tender.wechat') }).click();
  await page.getByTestId('collection-complete').click();
  await expect(page.getByTestId('collection-sanbao-refund')).toContainText(z('collection.validation.referenceRequired'));
  await page.getByTestId('collection-sanbao-reference').fill('4200009988202611230001');
  await snap('sanbao-refund-collect-zh');
  await page.getByTestId('collection-sanbao-reference').press('Control+Enter');
  await expect(page.getByTestId('collection-done')).toBeVisible();
  // The returned unit stays with the shop: the receipt (with the refund) prints, no warranty card.
  await expect(page.getByTestId('collection-print-repair_receipt')).toContainText(z('ui.printing.status.opened'));
  await expect(page.getByTestId('collection-print-warranty_card')).toHaveCount(0);
  await expect(page.getByTestId('collection-sanbao-give')).toHaveText(z('ui.collection.sanbao.give', { amount: fmt(refundFen), tender: z('collection.tender.wechat') }));
  const today = shanghaiDay(shop.clock.now().getTime());
  await expect(page.getByTestId('collection-sanbao-paid')).toContainText(z('ui.collection.sanbao.paid', { amount: fmt(refundFen), date: today, tender: z('collection.tender.wechat') }));
  await snap('sanbao-refund-done-zh');

  const { sqlite } = shop.backend.services;
  const rows = sqlite.prepare(`SELECT kind, tender, amount_fen, reference, business_date FROM payments WHERE ticket_id = ?`).all(ticket.id);
  expect(rows).toEqual([{ kind: 'refund', tender: 'wechat', amount_fen: -refundFen, reference: '4200009988202611230001', business_date: today }]);
});

test('the bench card then says when and how the customer was refunded (zh and en)', async ({ page, snap }) => {
  await openBench(page);
  const today = shanghaiDay(shop.clock.now().getTime());
  await expect(page.getByTestId('sanbao-refund-paid')).toContainText(z('ui.bench.sanbao.refundPaid', { amount: fmt(refundFen), date: today, tender: z('collection.tender.wechat') }));
  await snap('sanbao-refund-bench-paid-zh');
  await page.getByTestId('language-switch').getByText('EN').click();
  await expect(page.getByTestId('sanbao-refund-paid')).toContainText(t('en', 'ui.bench.sanbao.refundPaid', { amount: formatMoney(refundFen, 'en'), date: today, tender: t('en', 'collection.tender.wechat') }));
  await snap('sanbao-refund-bench-paid-en');
});
