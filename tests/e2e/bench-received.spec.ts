import type { Page } from '@playwright/test';
import { test, expect, shopForThisFile, signIn } from './fixtures';
import { t } from '../../src/shared/i18n/translate';
import { testDate } from '../helpers/clock';
import { intakeInput, imei } from '../integration/intake/helpers';

/**
 * Issue 19 point 5 in Chromium at 1366×768: the technician sees the device as it came in (fault,
 * condition, accessories, the intake photo, the claim and the decision); the ticket stays in the
 * list being viewed after a claim and after QC; focus moves to the next action after each step;
 * the phone approval's number is the customer's; QC is "all pass" with one exception, and an
 * incomplete QC marks each missing item. Screenshots: test-results/screenshots/bench-received-*.png.
 */
const shop = shopForThisFile();
test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1366, height: 768 } });

const TECH = { username: 'zhang', password: 'tech-pass-1' };
const MANAGER = { username: 'wang', password: 'manager-pass' };
const CHECKS = ['power', 'display', 'touch', 'cameras', 'audio', 'charging', 'buttons', 'network', 'biometrics', 'cosmetic'];
let labourId = '';

test.beforeAll(async () => {
  const b = shop.backend;
  const { token } = await b.call('setup.run', { shop: { name: '华强北授权服务中心', code: 'HQB2' }, admin: { username: 'admin', displayName: '李管理', password: 'admin-pass-1' } });
  await b.call('users.create', { username: TECH.username, displayName: '张工', role: 'technician', password: TECH.password }, { token });
  await b.call('users.create', { username: MANAGER.username, displayName: '王店长', role: 'manager', password: MANAGER.password, pin: '1111' }, { token });
  labourId = (await b.call('priceList.save', { code: 'LAB-PORT', kind: 'labor', nameZh: '更换尾插工时', nameEn: 'Charging port labour', category: 'phone', priceFen: 6000 }, { token })).id;
});

/** A small JPEG drawn by the browser: what the intake screen would send as a photo and its thumbnail. */
async function jpeg(page: Page, colour: string): Promise<string> {
  return page.evaluate((c) => {
    const canvas = document.createElement('canvas');
    canvas.width = 160;
    canvas.height = 120;
    const g = canvas.getContext('2d')!;
    g.fillStyle = c;
    g.fillRect(0, 0, 160, 120);
    g.fillStyle = '#222';
    g.fillRect(60, 20, 40, 80);
    return canvas.toDataURL('image/jpeg', 0.8).split(',')[1]!;
  }, colour);
}

/** A paid repair received at the counter with a photo, a charger and a SIM tray, and a cracked corner. */
async function intake(page: Page, name: string, phone: string) {
  const photo = await jpeg(page, '#7aa7d8');
  const counter = (await shop.backend.call('auth.login', { username: 'admin', password: 'admin-pass-1' })).token;
  const r = await shop.backend.call(
    'tickets.intake',
    intakeInput({
      customer: { name, phones: [phone] },
      device: { category: 'phone', brand: '华为', model: 'Mate 60', imei: imei(), colour: '黑', purchaseDate: '2023-01-05', proof: { kind: 'invoice', invoiceNo: 'I-9', invoiceDate: '2023-01-05', seller: '京东自营' } },
      fault: { text: '充电口松动，时充时不充', codes: ['charging'] },
      condition: { powers_on: 'ok', display: 'ok', touch: 'ok', ports: 'fault', cosmetic: 'fault', cosmeticNotes: '右下角磕碰' },
      accessories: { items: ['charger', 'sim_tray'] },
      photos: [{ name: 'front.jpg', mime: 'image/jpeg', dataBase64: photo, thumbBase64: photo, caption: '正面' }],
      promisedDate: testDate(5, shop.clock),
      depositFen: 0,
    }),
    { token: counter },
  );
  return r.ticket!;
}

const visibleQueue = (page: Page) => page.getByRole('tabpanel').getByTestId('bench-queue');

test('zh-CN: the device as received, claim kept in view, focus after each action, phone prefilled, QC all pass with one exception', async ({ page, snap }) => {
  const z = (k: string, p?: Record<string, string | number>) => t('zh-CN', k, p);
  await page.goto(shop.url);
  const ticket = await intake(page, '陈静', '139 0013 9000');
  await signIn(page, TECH.username, TECH.password);
  await page.getByTestId('nav-bench').click();
  await page.getByTestId('bench-tab-unassigned').click();
  await expect(page.getByTestId('bench-tab-unassigned')).toHaveAttribute('aria-selected', 'true');
  await visibleQueue(page).getByText(ticket.number).click();
  const bench = page.getByTestId('ticket-bench');
  const received = bench.getByTestId('received-card');
  await expect(received.getByTestId('received-fault')).toHaveText('充电口松动，时充时不充');
  await expect(received).toContainText(z('devices.fault.charging'));
  await expect(received.getByTestId('received-accessories')).toContainText(z('tickets.accessory.charger'));
  await expect(received.getByTestId('received-accessories')).toContainText(z('tickets.accessory.sim_tray'));
  await expect(received.getByTestId('received-condition')).toContainText(`${z('tickets.condition.ports')}: ${z('tickets.conditionState.fault')}`);
  await expect(received).toContainText('右下角磕碰');
  await expect(received.getByTestId('attachment-thumb')).toHaveCount(1);
  await expect(received.getByTestId('received-claim')).toHaveText(z('ui.bench.received.notClaimed'));
  await snap('bench-received-zh-card');

  // Claimed off "unassigned": it is no longer unassigned, but stays in the list being viewed, selected.
  await page.getByTestId('bench-claim').click();
  await expect(page.getByTestId('bench-claim')).toBeHidden();
  await expect(visibleQueue(page)).toContainText(ticket.number);
  await expect(bench).toBeVisible();

  // Diagnosis saved → focus on the quote's first field.
  await bench.getByTestId('diag-cause').fill('尾插排线磨损');
  await bench.getByTestId('diag-save').click();
  await expect(bench.getByTestId('bench-status')).toHaveText(z('tickets.status.diagnosing'));
  await expect(bench.getByTestId('add-labor')).toBeFocused();

  // Quote sent → focus in the authorization card; the phone approval's number is the customer's.
  await page.keyboard.press('Enter');
  await page.getByRole('option', { name: /更换尾插工时/ }).click();
  await bench.getByTestId('quote-submit').click();
  await expect(bench.getByTestId('bench-status')).toHaveText(z('tickets.status.awaiting_approval'));
  const auth = bench.getByTestId('auth-card');
  await expect(auth.locator(':focus')).toHaveCount(1);
  await auth.getByText(z('ui.bench.auth.method.phone'), { exact: true }).click();
  await expect(auth.getByTestId('auth-phone-number')).toHaveValue('139 0013 9000');
  await auth.getByLabel(z('ui.bench.auth.words')).fill('同意维修，60 元');
  await auth.getByTestId('auth-record').click();
  await expect(bench.getByTestId('bench-status')).toHaveText(z('tickets.status.repairing'));
  await expect(bench.getByTestId('repair-card').locator(':focus')).toHaveCount(1);

  // To QC → focus on "all pass". Submitting nothing marks every item, not only a toast.
  await bench.getByTestId('move-toQc').click();
  await expect(bench.getByTestId('bench-status')).toHaveText(z('tickets.status.qc'));
  const qc = bench.getByTestId('qc-card');
  await expect(qc.getByTestId('qc-all-pass')).toBeFocused();
  await qc.getByTestId('qc-submit').click();
  for (const k of CHECKS) await expect(qc.getByTestId(`qc-error-${k}`)).toHaveText(z('ui.bench.qc.notAnswered'));
  await expect(qc.getByTestId('qc-missing')).toHaveText(z('bench.qc.incomplete'));
  await expect(qc.locator('[data-missing=true]')).toHaveCount(10);
  await snap('bench-received-zh-qc-missing');

  // All pass, then the one exception: this phone has no fingerprint reader.
  await qc.getByTestId('qc-all-pass').click();
  await expect(qc.locator('[data-missing=true]')).toHaveCount(0);
  await qc.getByTestId('qc-biometrics').getByText(z('ui.bench.qc.na'), { exact: true }).click();
  await snap('bench-received-zh-qc-all-pass');
  await qc.getByTestId('qc-submit').click();
  await expect(bench.getByTestId('bench-status')).toHaveText(z('tickets.status.ready'));
  // Passed: out of the work queue, still in view; the keyboard is at the scan field for the next ticket.
  await expect(page.getByRole('tabpanel').getByTestId('bench-scan')).toBeFocused();
  await expect(visibleQueue(page)).toContainText(ticket.number);
  const tech = (await shop.backend.call('auth.login', TECH)).token;
  const wb = await shop.backend.call('bench.workbench', { ticketId: ticket.id }, { token: tech });
  expect(wb.qc[0]!.items).toEqual({ power: 'pass', display: 'pass', touch: 'pass', cameras: 'pass', audio: 'pass', charging: 'pass', buttons: 'pass', network: 'pass', biometrics: 'na', cosmetic: 'pass' });
  await snap('bench-received-zh-ready');
});

test('en: the device as received; QC with eight checks missing marks those eight; all pass with a failed check asks for the reason at its field', async ({ page, snap }) => {
  const en = (k: string, p?: Record<string, string | number>) => t('en', k, p);
  await page.goto(shop.url);
  const ticket = await intake(page, 'Li Na', '138 0013 8000');
  const manager = { token: (await shop.backend.call('auth.login', MANAGER)).token };
  const b = shop.backend;
  await b.call('bench.claim', { ticketId: ticket.id }, manager);
  await b.call('bench.diagnose', { ticketId: ticket.id, cause: 'Worn port flex' }, manager);
  const saved = await b.call('bench.quote.save', { ticketId: ticket.id, lines: [{ kind: 'labor', priceItemId: labourId }], submit: true }, manager);
  await b.call('bench.authorize', { ticketId: ticket.id, quoteId: saved.quote.current!.id, method: 'phone', phone: { number: '138 0013 8000', words: 'Yes' } }, manager);
  await b.call('bench.transition', { ticketId: ticket.id, to: 'qc' }, manager);
  await signIn(page, MANAGER.username, MANAGER.password);
  await page.getByTestId('language-switch').getByText('EN').click();
  await page.getByTestId('nav-bench').click();
  await page.getByTestId('bench-tab-all').click();
  await expect(page.getByTestId('bench-tab-all')).toHaveAttribute('aria-selected', 'true');
  await visibleQueue(page).getByText(ticket.number).click();
  const bench = page.getByTestId('ticket-bench');
  await expect(bench.getByTestId('received-claim')).toHaveText(en('ui.bench.received.notClaimed'));
  await expect(bench.getByTestId('received-accessories')).toContainText(en('tickets.accessory.charger'));
  const qc = bench.getByTestId('qc-card');
  // Only two checks answered: the other eight are marked.
  await qc.getByTestId('qc-power').getByText(en('ui.bench.qc.pass'), { exact: true }).click();
  await qc.getByTestId('qc-display').getByText(en('ui.bench.qc.pass'), { exact: true }).click();
  await qc.getByTestId('qc-submit').click();
  await expect(qc.locator('[data-missing=true]')).toHaveCount(8);
  await expect(qc.getByTestId('qc-error-power')).toHaveCount(0);
  await expect(qc.getByTestId('qc-missing')).toHaveText(en('bench.qc.incomplete'));
  await snap('bench-received-en-qc-missing');
  await qc.getByTestId('qc-all-pass').click();
  await qc.getByTestId('qc-cameras').getByText(en('ui.bench.qc.fail'), { exact: true }).click();
  await qc.getByTestId('qc-submit').click();
  // A failure needs its reason: the field says so.
  await expect(qc.getByTestId('qc-fail-reason')).toBeVisible();
  await expect(qc).toContainText(en('bench.qc.failReasonRequired'));
  await snap('bench-received-en-qc');
});
