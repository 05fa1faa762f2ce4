import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, shopForThisFile, signIn, SCREENSHOTS } from './fixtures';
import { t } from '../../src/shared/i18n/translate';
import { testDate } from '../helpers/clock';
import { intakeInput, imei } from '../integration/intake/helpers';

/**
 * A full collection in Chromium: the ticket is taken in and repaired through the real
 * procedures (intake with a ¥50 deposit → bench: claim, diagnose, quote, phone approval, part
 * issued, QC → ready); then the counter scans the intake receipt's barcode on the Collection
 * tab, checks the phone's last 4 digits, splits the payment (cash with change + WeChat Pay) and
 * hands back with Ctrl+Enter. The repair receipt and the warranty card are fetched as PDF, read
 * with pdftotext in Chinese and English, scanned with zbarimg and drawn with pdftoppm on A5 and
 * 80 mm (test-results/screenshots/collection-doc-*.png). Screens: collection-*.png.
 */
const shop = shopForThisFile();
test.describe.configure({ mode: 'serial' });

const COUNTER = { username: 'li', password: 'counter-pass' };
const MANAGER = { username: 'wang', password: 'manager-pass' };
let ticket = { id: '', number: '' };
let deviceImei = '';

test.beforeAll(async () => {
  const b = shop.backend;
  const admin = await b.call('setup.run', { shop: { name: '华强北授权服务中心', code: 'HQB1', phone: '0755-83000000', hotline: '400-830-0000', address: '深圳市福田区华强北路 1008 号' }, admin: { username: 'admin', displayName: '李管理', password: 'admin-pass-1' } });
  const token = admin.token;
  await b.call('users.create', { username: 'zhang', displayName: '张工', role: 'technician', password: 'tech-pass-1' }, { token });
  await b.call('users.create', { username: COUNTER.username, displayName: '李前台', role: 'counter', password: COUNTER.password }, { token });
  await b.call('users.create', { username: MANAGER.username, displayName: '王店长', role: 'manager', password: MANAGER.password, pin: '1111' }, { token });
  const labor = await b.call('priceList.save', { code: 'LAB-SCREEN', kind: 'labor', nameZh: '更换屏幕工时', nameEn: 'Screen replacement labor', category: 'phone', priceFen: 8000 }, { token });
  const lcd = await b.call('parts.save', { part: { sku: 'HW-M60-LCD', nameZh: 'Mate 60 屏幕总成', nameEn: 'Mate 60 display assembly', category: '屏幕', models: ['Mate 60'], listPrice: 145000, cost: 100000, serialized: true } }, { token });
  await b.call('stock.receive', { partId: lcd.id, qty: 2, unitCost: 100000, supplier: '总部备件中心', serials: ['LCD26110001', 'LCD26110002'] }, { token });
  const tech = { token: (await b.call('auth.login', { username: 'zhang', password: 'tech-pass-1' })).token };
  const counter = { token: (await b.call('auth.login', COUNTER)).token };
  deviceImei = imei();
  const promised = testDate(5, shop.clock);
  const r = await b.call(
    'tickets.intake',
    intakeInput({
      customer: { name: '陈静', phones: ['139 0013 9000'] },
      device: { category: 'phone', brand: '华为', model: 'Mate 60', imei: deviceImei, colour: '雅丹黑', purchaseDate: '2023-01-05', proof: { kind: 'invoice', invoiceNo: 'INV-2023', invoiceDate: '2023-01-05', seller: '京东自营' } },
      fault: { text: '屏幕摔碎，显示花屏', codes: ['screen_broken'] },
      promisedDate: promised,
      depositFen: 5000,
    }),
    counter,
  );
  ticket = { id: r.ticket!.id, number: r.ticket!.number };
  const id = ticket.id;
  await b.call('bench.claim', { ticketId: id }, tech);
  await b.call('bench.diagnose', { ticketId: id, cause: '外屏碎裂，显示排线受损', findings: [] }, tech);
  const wb = await b.call('bench.quote.save', { ticketId: id, lines: [{ kind: 'labor', priceItemId: labor.id }, { kind: 'part', partId: lcd.id }], submit: true } as never, tech);
  await b.call('bench.authorize', { ticketId: id, quoteId: wb.quote.current!.id, method: 'phone', phone: { number: '13900139000', words: '同意维修，按报价来' } } as never, counter);
  await b.call('bench.issuePart', { ticketId: id, partId: lcd.id, serials: ['LCD26110001'], removed: { serial: 'OLD-LCD-7781', description: '旧屏' } } as never, tech);
  await b.call('bench.transition', { ticketId: id, to: 'qc' } as never, tech);
  const checklist = (await b.call('bench.workbench', { ticketId: id }, tech)).qcChecklist;
  await b.call('bench.qc', { ticketId: id, items: Object.fromEntries(checklist.map((c) => [c, 'pass'])), data: 'preserved' } as never, tech);
});

async function openCollection(page: Page, who: { username: string; password: string }) {
  await page.goto(shop.url);
  await signIn(page, who.username, who.password);
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.getByTestId('counter-tab-collect').click();
  await expect(page.getByTestId('collection-scan')).toBeFocused();
}

function docFiles(docType: string, format: string, language: string, base64: string) {
  const dir = path.join(SCREENSHOTS, '..', 'collection-docs');
  fs.mkdirSync(dir, { recursive: true });
  const pdf = path.join(dir, `${docType}-${format}-${language}.pdf`);
  fs.writeFileSync(pdf, Buffer.from(base64, 'base64'));
  const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  const prefix = path.join(SCREENSHOTS, `collection-doc-${docType}-${format}-${language}`);
  execFileSync('pdftoppm', ['-r', '110', '-f', '1', '-l', '1', '-png', '-singlefile', pdf, prefix]);
  // What a scanner reads: page 1 at 300 dpi (the picture to look at is the 110 dpi one).
  const hi = path.join(dir, `${docType}-${format}-${language}-300`);
  execFileSync('pdftoppm', ['-r', '300', '-f', '1', '-l', '1', '-png', '-singlefile', pdf, hi]);
  let codes: string[] = [];
  try {
    codes = execFileSync('zbarimg', ['-q', `${hi}.png`], { encoding: 'utf8' }).trim().split('\n').sort();
  } catch {
    codes = [];
  }
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
  return { text, codes, pages };
}

test('the counter scans the receipt, checks the phone, splits the payment and hands the device back', async ({ page, snap }) => {
  const z = (k: string, p?: Record<string, string | number>) => t('zh-CN', k, p);
  await openCollection(page, COUNTER);
  // A scanner burst into the scan field: keys a few ms apart, then Enter.
  await page.keyboard.type(ticket.number, { delay: 5 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('collection-number')).toHaveText(ticket.number);
  await expect(page.getByTestId('collection-work')).toContainText('外屏碎裂');
  await expect(page.getByTestId('collection-part')).toContainText('LCD26110001');
  await expect(page.getByTestId('collection-part')).toContainText('OLD-LCD-7781');
  // ¥80 + ¥1,450 = ¥1,530, less the ¥50 deposit taken at intake
  await expect(page.getByTestId('collection-due')).toHaveText('¥1,480.00');
  await expect(page.getByTestId('collection-last4')).toBeFocused();

  // A wrong last 4 first: the check says so and the button stays off.
  await page.keyboard.type('1234');
  await expect(page.getByTestId('collection-identity')).toHaveText(z('ui.collection.identityBad'));
  await expect(page.getByTestId('collection-complete')).toBeDisabled();
  await page.getByTestId('collection-last4').fill('9000');
  await expect(page.getByTestId('collection-identity')).toHaveText(z('ui.collection.identityOk'));

  // Split: ¥480 cash (¥500 handed over) + ¥1,000 WeChat Pay with its transaction number.
  const amount0 = page.getByTestId('collection-tender-0').getByLabel(z('ui.collection.tenderAmount'));
  await expect(amount0).toBeFocused();
  await amount0.fill('480');
  await page.getByTestId('collection-received-0').fill('500');
  await page.getByTestId('collection-add-tender').click();
  await expect(page.getByTestId('collection-tender-1').getByLabel(z('ui.collection.tenderAmount'))).toHaveValue('1000');
  // Without the reference the server refuses, at the field.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('collection-tender-1')).toContainText(t('zh-CN', 'collection.validation.referenceRequired'));
  await page.getByTestId('collection-reference-1').fill('4200001234202611230001');
  await snap('collection-settle-zh');
  await page.getByTestId('collection-reference-1').press('Control+Enter');
  await expect(page.getByTestId('collection-done')).toBeVisible();
  await expect(page.getByTestId('collection-change')).toHaveText(z('ui.collection.doneChange', { amount: '¥20.00' }));
  await expect(page.getByTestId('collection-print-repair_receipt')).toContainText(z('ui.printing.status.opened'));
  // The card waits in its viewer: the log says so (a browser prints nothing by itself) until it is opened.
  await expect(page.getByTestId('collection-print-warranty_card')).toContainText(z('ui.printing.status.queued'));
  const cardTab = page.context().waitForEvent('page');
  await page.getByTestId('collection-viewer-warranty_card-open').click();
  await (await cardTab).close();
  await expect(page.getByTestId('collection-print-warranty_card')).toContainText(z('ui.printing.status.opened'));
  await snap('collection-done-zh');

  const { sqlite } = shop.backend.services;
  expect(sqlite.prepare(`SELECT status, passcode_state, passcode_cipher FROM tickets WHERE id = ?`).get(ticket.id)).toEqual({ status: 'collected', passcode_state: 'erased', passcode_cipher: null });
  expect(sqlite.prepare(`SELECT kind, tender, amount_fen, change_fen, reference FROM payments WHERE ticket_id = ? ORDER BY id`).all(ticket.id)).toEqual([
    { kind: 'deposit', tender: 'cash', amount_fen: 5000, change_fen: 0, reference: '' },
    { kind: 'settlement', tender: 'cash', amount_fen: 48000, change_fen: 2000, reference: '' },
    { kind: 'settlement', tender: 'wechat', amount_fen: 100000, change_fen: 0, reference: '4200001234202611230001' },
  ]);

  // Scanning it again: already collected, nothing offered.
  await page.getByTestId('collection-next').click();
  await expect(page.getByTestId('collection-scan')).toBeFocused();
  await page.getByTestId('collection-scan').fill(ticket.number);
  await page.getByTestId('collection-scan').press('Enter');
  await expect(page.getByTestId('collection-blockers')).toContainText(t('zh-CN', 'collection.error.alreadyCollected', { number: ticket.number }));
  await expect(page.getByTestId('collection-complete')).toHaveCount(0);
  await snap('collection-already-zh');
});

test('the repair receipt and the warranty card carry every field, in Chinese and English, on A5 and 80 mm', async () => {
  const token = (await shop.backend.call('auth.login', COUNTER)).token;
  const zh = ['维修结算单', ticket.number, '陈静', '139****9000', '更换屏幕工时', 'Mate60屏幕总成', 'LCD26110001', 'OLD-LCD-7781', '应收合计', '¥1,530.00', '其中税额（13%，价内税）', '¥176.02', '已付定金抵扣', '¥50.00', '现金', '找零', '¥20.00', '微信支付', '4200001234202611230001', '本次实收', '¥1,480.00', '张工', '送修日期', '交验日期', '维修保修90天'];
  const en = ['Repair Receipt', 'Screen replacement labor', 'Total', 'of which tax (13 %, included)', 'Deposit applied', 'Cash', 'Change', 'WeChat Pay', 'Paid now', 'Date sent in', 'Date handed back'];
  const cardZh = ['保修卡（三包凭证）', '华为Mate60', deviceImei, '送修日期', '送修故障情况', '屏幕摔碎，显示花屏', '故障原因', '外屏碎裂，显示排线受损', '故障处理情况', '更换屏幕工时', '交验日期', '维修人员', '张工', 'LCD26110001', 'OLD-LCD-7781', '配件保修至', '维修保修（同一故障）', '90天', '整机三包剩余', '服务网点盖章', '服务热线：400-830-0000', 'INV-2023', '京东自营'];
  const cardEn = ['Warranty Card', 'Date sent in', 'Fault reported', 'Cause found', 'Work done', 'Date handed back', 'Technician', 'Part warranted until', 'Repair warranty (same fault)', 'Statutory cover left', '(shop stamp)', 'Service hotline', 'LCD26110001'];
  for (const format of ['a5', 'receipt80']) {
    for (const [docType, language, expected] of [
      ['repair_receipt', 'zh-CN', zh],
      ['repair_receipt', 'en', en],
      ['warranty_card', 'zh-CN', cardZh],
      ['warranty_card', 'en', cardEn],
    ] as const) {
      const job = await shop.backend.call('print.request', { docType, entityId: ticket.id, format: format as 'a5', language }, { token });
      expect(job.reprint).toBe(true); // printed once already at hand-back
      const pdf = await shop.backend.call('print.pdf', { jobId: job.id }, { token });
      const f = docFiles(docType, format, language, pdf.base64);
      for (const s of expected) expect(f.text, `${docType} ${format} ${language}: ${s}`).toContain(s.replace(/\s+/g, ''));
      expect(f.codes).toContain(`QR-Code:${ticket.number}`);
      if (docType === 'repair_receipt') expect(f.codes).toContain(`CODE-128:${ticket.number}`);
      if (format === 'a5') expect(f.pages, `${docType} ${language} fits one A5 page`).toBe(1);
    }
  }
});

test('the daily close and the claims in Chinese (manager) and English', async ({ page, snap }) => {
  await openCollection(page, MANAGER);
  await page.getByTestId('counter-tab-close').click();
  await expect(page.getByTestId('daily-close-expected')).toContainText('¥530.00'); // ¥50 deposit + ¥480 cash
  // the drawer's float and a courier paid from it (issue 19 point 10): 530 + 100 − 20 = ¥610.00
  await page.getByTestId('till-kind').getByText('备用金').click();
  await page.getByTestId('till-amount').fill('100');
  await page.getByTestId('till-reason').fill('开店备用金');
  await page.getByTestId('till-record').click();
  await expect(page.getByTestId('till-movements')).toContainText('开店备用金');
  await page.getByTestId('till-kind').getByText('支出').click();
  await page.getByTestId('till-amount').fill('20');
  await page.getByTestId('till-record').click();
  await expect(page.getByTestId('till-reason')).toHaveAttribute('aria-invalid', 'true'); // a paid-out says why
  await page.getByTestId('till-reason').fill('顺丰快递费');
  await page.getByTestId('till-record').click();
  await expect(page.getByTestId('till-movements')).toContainText('顺丰快递费');
  await expect(page.getByTestId('daily-close-expected')).toContainText('¥610.00');
  await snap('collection-till-zh');
  await page.getByTestId('daily-close-counted').fill('600');
  await page.getByTestId('daily-close-submit').click();
  await expect(page.getByTestId('daily-close-reason')).toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('daily-close-reason').fill('找零短款 10 元');
  await page.getByTestId('daily-close-submit').click();
  await expect(page.getByTestId('daily-close-closed')).toContainText('找零短款 10 元');
  await snap('collection-daily-close-zh');
  await page.getByTestId('language-switch').getByText('EN').click();
  await expect(page.getByTestId('daily-close-closed')).toContainText('Closed by');
  await snap('collection-daily-close-en');
  await page.getByTestId('counter-tab-collect').click();
  await page.getByTestId('collection-scan').fill(ticket.number);
  await page.getByTestId('collection-scan').press('Enter');
  await expect(page.getByTestId('collection-payments')).toContainText('WeChat Pay');
  await snap('collection-collected-en');
  await page.getByTestId('counter-tab-claims').click();
  await expect(page.getByTestId('claims-panel')).toBeVisible();
  await snap('collection-claims-en');
});
