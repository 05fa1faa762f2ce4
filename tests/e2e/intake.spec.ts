import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { findReturning, type Returning } from './returning';
import { test, expect, shopForThisFile, signIn, SCREENSHOTS } from './fixtures';
import { scanBurst } from './scanner';
import { recordKeystrokes } from './keystrokes';
import { seedDemo } from '../../src/core/demo';

/**
 * The counter end to end on the demo shop: a returning customer's intake from the keyboard
 * alone (keystrokes counted into docs/keystrokes.md), the intake receipt PDF checked with
 * pdftotext and its barcode and QR decoded with zbarimg, bad input caught at the fields, the
 * ticket list, board and detail, Ctrl+K search and a scanner burst. Screenshots in zh-CN and en:
 * test-results/screenshots/intake-*.png and tickets-*.png.
 */
const shop = shopForThisFile();
test.describe.configure({ mode: 'serial' });

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = path.join(ROOT, 'test-results');
const COUNTER = { username: 'li', password: 'counter-demo' };
const FAULT = '摔后黑屏';

let returning: Returning;
let ticketNumber = '';
let ticketId = '';
let token = '';

test.beforeAll(async () => {
  await seedDemo(shop.backend);
  ({ token } = (await shop.backend.call('auth.login', COUNTER)) as { token: string });
  returning = (await findReturning(shop.backend, token))!;
  expect(returning).toBeTruthy();
});

async function top(page: Page) {
  await page.evaluate(() => window.scrollTo(0, 0));
}

async function lang(page: Page, to: 'EN' | '中文') {
  await page.getByTestId('language-switch').getByText(to).click();
}

test('a returning customer\'s intake from the keyboard alone, then the receipt checked', async ({ page, snap, request }) => {
  await page.goto(shop.url);
  await signIn(page, COUNTER.username, COUNTER.password);
  const search = page.getByTestId('customer-search');
  await expect(search).toBeFocused();
  await snap('intake-empty-zh');

  // From here on: keyboard only, every key counted.
  let keys = 0;
  const press = async (k: string, times = 1) => {
    for (let i = 0; i < times; i++) {
      keys++;
      await page.keyboard.press(k);
    }
  };
  const type = async (s: string) => {
    keys += [...s].length;
    await page.keyboard.type(s, { delay: 40 });
  };

  await type(returning.last4);
  await expect(page.getByTestId('customer-results')).toContainText(returning.name);
  await snap('intake-customer-results-zh');
  await press('Enter');
  await expect(page.getByTestId('picked-customer')).toContainText(returning.name);
  await expect(page.getByTestId('device-list')).toBeFocused();
  await press('ArrowDown', returning.deviceIndex);
  await press('Enter');
  await expect(page.getByTestId('picked-device')).toContainText(returning.deviceLabel);
  await expect(page.getByTestId('fault-text')).toBeFocused();
  await type(FAULT);
  await press('Tab'); // common faults: no_power is first
  await press('ArrowRight'); // screen_broken
  await press('Space');
  await press('Tab'); // condition checklist
  await type('o'); // powers on: OK
  await type('f'); // display: fault
  await type('a'); // all others OK: the check is done, focus goes on to the cosmetic notes
  await expect(page.getByTestId('condition-display')).toHaveAttribute('data-state', 'fault');
  await press('Tab'); // cosmetic notes left empty → accessories
  await type('34'); // case, SIM tray
  await press('Tab'); // passcode kind
  await type('t'); // pattern: focus goes on to the dots
  await expect(page.getByTestId('passcode-value')).toBeFocused();
  await type('14789');
  await press('Tab'); // data-loss acknowledgement
  await press('Space');
  await press('Tab'); // text messages about the repair: "does not agree" until the customer agrees
  await press('ArrowRight'); // agrees, in Chinese
  await expect(page.getByTestId('message-consent-zh')).toBeChecked();
  // The warranty claim is asked, not assumed: nothing is chosen until staff answer. A broken screen: no claim.
  await expect(page.getByTestId('warranty-claim-yes')).not.toBeChecked();
  await expect(page.getByTestId('warranty-claim-no')).not.toBeChecked();
  await press('Tab'); // "yes" (the first of the two)
  await press('ArrowRight'); // → "no, paid repair"
  await expect(page.getByTestId('warranty-claim-no')).toBeChecked();
  // The promised date keeps its default (three days out); one day later, from the keyboard:
  await press('Tab');
  await press('ArrowUp');
  await expect(page.getByTestId('warranty-status')).toBeVisible();
  await expect(page.getByTestId('condition-display')).toHaveAttribute('data-state', 'fault');
  await expect(page.getByTestId('condition-ports')).toHaveAttribute('data-state', 'ok');
  await top(page);
  await snap('intake-filled-zh');
  await press('Control+Enter');

  await expect(page.getByTestId('intake-done')).toBeVisible();
  ticketNumber = (await page.getByTestId('ticket-number').textContent())!.trim();
  expect(ticketNumber).toMatch(/^SZ01-\d{4}-\d{4}$/);
  await expect(page.getByTestId('print-intake_receipt')).toContainText('已打开');
  await expect(page.getByTestId('receipt-viewer')).toBeVisible();
  // The label was rendered but not opened: the log says it waits, not that it printed (issue 19 point 8).
  await expect(page.getByTestId('print-device_label')).toContainText('待打印');
  await snap('intake-done-zh');

  // After the save the focus waits on "next customer" (Enter); the loaner below takes it away.
  await expect(page.getByTestId('new-intake')).toBeFocused();
  // A loaner for the customer, lent from the saved intake (after the keystroke count: it is optional).
  const lend = page.getByTestId('loaner-lend');
  const fields = lend.locator('input:not([type=hidden])');
  await fields.nth(0).click();
  await page.getByRole('option').first().click();
  await expect(fields.nth(1)).toBeEnabled();
  await fields.nth(1).click();
  await page.getByRole('option').first().click();
  await lend.getByRole('button').click();

  // Its own section of docs/keystrokes.md (the whole repair's is tests/e2e/repair-keys.spec.ts's).
  recordKeystrokes('Counter keystrokes', [
    `A returning customer's intake from the keyboard alone (measured by tests/e2e/intake.spec.ts): **${keys} keystrokes**`,
    'from the open intake screen to the saved ticket — last 4 phone digits, Enter, pick the device, a 4-character fault',
    'text and a common-fault chip, three condition keys (the last, A for "all others OK", moves on to the cosmetic notes),',
    'two accessories, an unlock pattern of five dots (its kind\'s hotkey moves on to the dots), the data-loss',
    'acknowledgement, the customer\'s consent to text messages, the warranty-claim question answered (Tab, →), the promised date moved by a day, Ctrl+Enter.',
    'Each typed character counts as one key (a Chinese IME adds its own keys for the fault text); no mouse.',
  ]);
  console.log(`counter keystrokes: ${keys}`);

  // The ticket as saved.
  const t = await shop.backend.call('tickets.byBarcode', { code: ticketNumber }, { token });
  ticketId = t.id;
  const detail = await shop.backend.call('tickets.get', { id: ticketId }, { token });
  expect(detail.fault.codes).toEqual(['screen_broken']);
  expect(detail.accessories.items.sort()).toEqual(['case', 'sim_tray']);
  expect(detail.passcode).toMatchObject({ hasPasscode: true, kind: 'pattern' });
  expect(detail.condition.display).toBe('fault');
  expect(detail.dataLossAck).toBe(true);
  // The claim as answered, and (no quote yet) the list's label says only that: no warranty claimed.
  expect(detail.warrantyClaimed).toBe(false);
  expect(detail.coverage).toEqual({ label: 'not_claimed', findings: [] });
  await expect
    .poll(async () => (await shop.backend.call('loaners.list', { status: 'out', ticket: ticketId }, { token })).length)
    .toBe(1);

  // The intake receipt over HTTP, as a second counter PC would fetch it.
  const jobs = await shop.backend.call('print.queue', { entityId: ticketId, limit: 10 }, { token });
  const job = jobs.find((j) => j.docType === 'intake_receipt')!;
  expect(job.status).toBe('opened');
  expect(jobs.find((j) => j.docType === 'device_label')!.status).toBe('queued');
  const res = await request.post(new URL('api/print.pdf', shop.url).href, { headers: { authorization: `Bearer ${token}` }, data: { jobId: job.id } });
  const body = (await res.json()) as { ok: boolean; data: { base64: string } };
  expect(body, JSON.stringify(body).slice(0, 300)).toMatchObject({ ok: true });
  const pdfPath = path.join(OUT, 'intake-receipt.pdf');
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(pdfPath, Buffer.from(body.data.base64, 'base64'));

  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain('深圳福田授权服务中心');
  expect(text).toContain(ticketNumber);
  expect(text).toContain(FAULT);
  expect(text).toMatch(new RegExp(`\\d{3}[\\s-]?\\*{4}[\\s-]?${returning.last4}`));

  const pngBase = path.join(OUT, 'intake-receipt');
  execFileSync('pdftoppm', ['-r', '300', '-png', '-f', '1', '-l', '1', '-singlefile', pdfPath, pngBase]);
  const zbar = execFileSync('zbarimg', ['--quiet', `${pngBase}.png`], { encoding: 'utf8' });
  const codes = zbar.trim().split('\n');
  expect(codes).toContain(`CODE-128:${ticketNumber}`);
  expect(codes).toContain(`QR-Code:${ticketNumber}`);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  execFileSync('pdftoppm', ['-r', '110', '-png', '-f', '1', '-l', '1', '-singlefile', pdfPath, path.join(SCREENSHOTS, 'intake-receipt')]);

  // "New intake" from the keyboard (focus back on the button the loaner form took it from).
  await page.getByTestId('new-intake').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('customer-search')).toBeFocused();
});

test('a new customer with a bad phone and a bad IMEI check digit: errors at the fields, nothing saved', async ({ page, snap }) => {
  const before = await shop.backend.call('tickets.list', { limit: 100 }, { token });
  await page.goto(shop.url);
  await signIn(page, COUNTER.username, COUNTER.password);
  await expect(page.getByTestId('customer-search')).toBeFocused();
  await page.keyboard.type('欧阳新客');
  await expect(page.getByTestId('customer-new')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  const nc = page.getByTestId('new-customer');
  await expect(nc.getByLabel(/^姓名/)).toHaveValue('欧阳新客');
  await nc.getByLabel(/^电话/).fill('1380013800');
  const nd = page.getByTestId('new-device');
  await nd.getByLabel(/^品牌/).fill('华为');
  await nd.getByLabel(/^型号/).fill('Mate 60 Pro');
  await nd.getByLabel(/^IMEI/).fill('49015420323751');
  await expect(nd).toContainText('已输入 14/15 位');
  await nd.getByLabel(/^IMEI/).fill('490154203237519');
  await expect(nd).toContainText('IMEI 校验位不对');
  await page.getByTestId('fault-text').fill('不开机');
  await page.getByTestId('passcode-kind').getByText('无锁屏密码').click();
  await page.getByTestId('data-loss-ack').check();
  await page.getByTestId('save-intake').click();
  await expect(nc).toContainText('不是有效的中国手机或固话号码');
  // The warranty claim was not asked yet: the form says so instead of assuming an answer.
  await expect(page.getByTestId('warranty-claim')).toContainText('请询问客户是否申请保修并选择');
  await page.getByTestId('warranty-claim-yes').check();
  await expect(page.getByTestId('intake-errors')).toBeVisible();
  await top(page);
  await snap('intake-errors-zh');

  // Fixed, the live check says so.
  await nd.getByLabel(/^IMEI/).fill('490154203237518');
  await expect(nd.getByTestId('imei-ok')).toBeVisible();
  await lang(page, 'EN');
  await page.getByTestId('save-intake').click();
  await expect(nc).toContainText('Not a valid Chinese mobile or landline number');
  await top(page);
  await snap('intake-errors-en');
  await lang(page, '中文');

  const after = await shop.backend.call('tickets.list', { limit: 100 }, { token });
  expect(after.rows.length).toBe(before.rows.length);
  const found = await shop.backend.call('search.query', { q: '欧阳新客' }, { token });
  expect(found.customers).toHaveLength(0);
});

test('ticket list, board and detail in Chinese and English', async ({ page, snap }) => {
  await page.goto(shop.url);
  await signIn(page, COUNTER.username, COUNTER.password);
  await page.getByTestId('counter-tab-tickets').click();
  const row = page.getByTestId(`ticket-row-${ticketNumber}`);
  await expect(row).toContainText(returning.name);
  await expect(row).toContainText('已受理');
  await snap('tickets-list-zh');

  await page.getByTestId('ticket-filter-text').fill(returning.last4);
  await expect(page.getByTestId('ticket-list').getByRole('row')).not.toHaveCount(0);
  await expect(row).toBeVisible();
  await page.getByTestId('ticket-filter-text').fill('');

  await page.getByTestId('ticket-view').getByText('看板').click();
  await expect(page.getByTestId('board-col-received')).toContainText(ticketNumber);
  await snap('tickets-board-zh');

  await page.getByTestId(`board-card-${ticketNumber}`).click();
  const detail = page.getByTestId('ticket-detail');
  await expect(detail.getByTestId('detail-number')).toHaveText(ticketNumber);
  await expect(detail.getByTestId('detail-fault')).toHaveText(FAULT);
  await expect(detail.getByTestId('detail-accessories')).toContainText('保护壳');
  await expect(detail.getByTestId('passcode')).toContainText('图案解锁');
  await expect(detail.getByTestId('reveal-passcode')).toHaveCount(0); // counter staff never see it
  await expect(detail.getByTestId('timeline')).toContainText('受理登记');
  // The drawer scrolls inside itself: a tall window shows all of it in one picture.
  await page.setViewportSize({ width: 1280, height: 1500 });
  await snap('tickets-detail-zh');

  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);
  await lang(page, 'EN');
  await expect(page.getByTestId('board-col-received')).toContainText('Received');
  await snap('tickets-board-en');
  await page.getByTestId(`board-card-${ticketNumber}`).click();
  await expect(detail.getByTestId('timeline')).toContainText('Intake');
  await snap('tickets-detail-en');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);
  await page.getByTestId('ticket-view').getByText('List').click();
  await expect(page.getByTestId(`ticket-row-${ticketNumber}`)).toContainText('Received');
  await snap('tickets-list-en');
  await page.getByTestId('counter-tab-uncollected').click();
  await expect(page.getByTestId('uncollected')).toBeVisible();
  await snap('tickets-uncollected-en');
  await page.getByTestId('counter-tab-intake').click();
  await expect(page.getByTestId('customer-search')).toBeVisible();
  await snap('intake-empty-en');
  await lang(page, '中文');
});

test('a manager reveals the passcode; it hides again', async ({ page }) => {
  await page.goto(shop.url);
  await signIn(page, 'wang', 'manager-demo');
  await expect(page.getByTestId('customer-search')).toBeFocused();
  await page.keyboard.press('Control+K');
  await expect(page.getByRole('dialog', { name: '全局搜索' }).getByRole('textbox')).toBeFocused();
  await page.keyboard.type(ticketNumber);
  await expect(page.getByTestId('search-group-tickets')).toContainText(ticketNumber);
  await page.keyboard.press('Enter');
  const detail = page.getByTestId('ticket-detail');
  await detail.getByTestId('reveal-passcode').click();
  await expect(detail.getByTestId('passcode-value')).toHaveText('14789');
  await detail.getByRole('button', { name: '隐藏' }).click();
  await expect(detail.getByTestId('passcode-value')).toHaveCount(0);
});

test('Ctrl+K finds the customer by the last 4 phone digits and the ticket by its number; a scan opens the ticket', async ({ page, snap }) => {
  await page.goto(shop.url);
  await signIn(page, COUNTER.username, COUNTER.password);
  await expect(page.getByTestId('customer-search')).toBeFocused();

  await page.keyboard.press('Control+K');
  const dialog = page.getByRole('dialog', { name: '全局搜索' });
  await expect(dialog.getByRole('textbox')).toBeFocused();
  await page.keyboard.type(returning.last4);
  await expect(dialog.getByTestId('search-group-customers')).toContainText(returning.name);
  await snap('intake-search-phone-zh');
  // Tickets come first in the list; move down to the customer.
  const ticketsShown = await dialog.getByTestId('search-group-tickets').getByRole('option').count();
  for (let i = 0; i < ticketsShown; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('customer-card')).toContainText(returning.name);
  await expect(page.getByTestId('customer-card')).toContainText(ticketNumber);
  await snap('tickets-customer-zh');
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+K');
  await expect(dialog.getByRole('textbox')).toBeFocused();
  // Without the shop prefix, as a customer reads it over the phone.
  await page.keyboard.type(ticketNumber.slice(5));
  await expect(dialog.getByTestId('search-group-tickets')).toContainText(ticketNumber);
  await snap('intake-search-ticket-zh');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('ticket-detail').getByTestId('detail-number')).toHaveText(ticketNumber);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('ticket-detail')).toHaveCount(0);

  // A scanner burst outside any text field.
  await page.getByRole('heading', { level: 2, name: '前台接待' }).click();
  await scanBurst(page, ticketNumber);
  await expect(page.getByTestId('ticket-detail').getByTestId('detail-number')).toHaveText(ticketNumber);
  await snap('tickets-scanned-zh');
});

test('Settings → Printing: the queue with the intake\'s jobs and the per-document settings', async ({ page, snap }) => {
  await page.goto(shop.url);
  await signIn(page, 'wang', 'manager-demo');
  await expect(page.getByTestId('customer-search')).toBeFocused();
  await page.keyboard.press('Alt+5');
  await page.getByRole('tab', { name: '打印' }).click();
  await expect(page.getByTestId('print-queue')).toContainText(ticketNumber);
  await expect(page.getByTestId('doc-settings-intake_receipt')).toBeVisible();
  // Every ticket document has its paper here, the 80 mm roll among them (issue 19 point 8).
  for (const doc of ['quote', 'repair_receipt', 'warranty_card', 'daily_close']) await expect(page.getByTestId(`doc-settings-${doc}`)).toBeVisible();
  await snap('tickets-printing-zh');
});

test('a webcam snapshot becomes a condition photo', async ({ page, snap }) => {
  // Chromium's fake camera (launch flags in playwright.config.ts) stands in for the counter's webcam.
  await page.goto(shop.url);
  await signIn(page, COUNTER.username, COUNTER.password);
  await page.getByTestId('webcam-open').click();
  const video = page.getByTestId('webcam-video');
  // Chromium's fake camera can take a while to deliver its first frame when two spec files run at once
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 30_000 }).toBeGreaterThan(0);
  await page.getByTestId('webcam-shoot').click();
  await expect(page.getByRole('img', { name: /^webcam-\d+\.jpg$/ })).toBeVisible();
  await snap('intake-webcam-photo-zh');
});

test('a photo added at intake shows on the ticket as its thumbnail, made by the browser; a click opens the picture', async ({ page, snap }) => {
  await page.goto(shop.url);
  await signIn(page, COUNTER.username, COUNTER.password);
  await expect(page.getByTestId('customer-search')).toBeFocused();
  // a real picture: a PNG of the screen, 1280 px wide, from Chromium itself
  const picture = await page.screenshot();
  await page.keyboard.type(returning.last4, { delay: 40 });
  await expect(page.getByTestId('customer-results')).toContainText(returning.name);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('device-list')).toBeFocused();
  for (let i = 0; i < returning.deviceIndex; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('picked-device')).toContainText(returning.deviceLabel);
  await page.getByTestId('fault-text').fill('进水后无法开机');
  await page.locator('input[type=file]').first().setInputFiles({ name: 'front.png', mimeType: 'image/png', buffer: picture });
  await expect(page.getByRole('img', { name: 'front.png' })).toBeVisible();
  await page.getByTestId('passcode-kind').getByText('无锁屏密码').click();
  await page.getByTestId('data-loss-ack').check();
  await page.getByTestId('warranty-claim-no').check();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('intake-done')).toBeVisible();
  const number = (await page.getByTestId('ticket-number').textContent())!.trim();

  // the thumbnail is stored beside the photo: a JPEG of at most 160 px, far smaller than the picture
  const row = shop.backend.services.sqlite
    .prepare(`SELECT a.size, length(a.thumb) AS thumb, hex(substr(a.thumb, 1, 3)) AS head FROM attachments a JOIN tickets t ON t.id = a.ticket_id WHERE t.number = ?`)
    .get(number) as { size: number; thumb: number; head: string };
  expect(row.size).toBe(picture.length);
  expect(row.head).toBe('FFD8FF');
  expect(row.thumb).toBeLessThan(32 * 1024);
  expect(row.thumb).toBeLessThan(picture.length / 4);

  await page.goto(new URL(`#/tickets/${number}`, shop.url).toString());
  const thumb = page.getByTestId('attachment-thumb').getByRole('img', { name: 'front.png' });
  await expect(thumb).toBeVisible();
  expect(await thumb.getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/);
  expect(await thumb.evaluate((img: HTMLImageElement) => Math.max(img.naturalWidth, img.naturalHeight))).toBe(160);
  await snap('tickets-photo-thumbnail-zh');
  await page.getByTestId('attachment-thumb').click();
  const full = page.getByTestId('attachment-full');
  await expect(full).toBeVisible();
  expect(await full.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
});
