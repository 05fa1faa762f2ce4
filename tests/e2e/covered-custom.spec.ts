import type { Page } from '@playwright/test';
import { test, expect, shopForThisFile, signIn } from './fixtures';
import { t } from '../../src/shared/i18n/translate';
import { formatMoney } from '../../src/shared/documents/format';
import { intakeInput, imei } from '../integration/intake/helpers';

/**
 * Covered custom work at the bench, in Chromium (issue 15, point 5). The technician adds a free
 * line to the quote, ticks "保修" and says why. A phone bought 60 days ago is inside its one-year
 * 三包 period (phone rule 附录: 主机 1 年), so the line is the maker's and the customer pays ¥0.00
 * for it; a phone bought two years ago is not, and the save is refused in words, the line kept.
 * Screens: test-results/screenshots/covered-custom-*.png.
 */
const shop = shopForThisFile();
test.describe.configure({ mode: 'serial' });

const TECH = { username: 'zhang', password: 'tech-pass-1' };
const tickets = { inWarranty: '', outOfWarranty: '' };
const z = (k: string, p?: Record<string, string | number>) => t('zh-CN', k, p);
const shanghaiDay = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));
const REASON = '排线座虚焊，属整机性能故障';

test.beforeAll(async () => {
  const b = shop.backend;
  const admin = await b.call('setup.run', { shop: { name: '华强北授权服务中心', code: 'HQB2', phone: '0755-83000000', hotline: '400-830-0000', address: '深圳市福田区华强北路 1008 号' }, admin: { username: 'admin', displayName: '李管理', password: 'admin-pass-1' } });
  const token = admin.token;
  await b.call('users.create', { username: TECH.username, displayName: '张工', role: 'technician', password: TECH.password }, { token });
  await b.call('users.create', { username: 'li', displayName: '李前台', role: 'counter', password: 'counter-pass' }, { token });
  const tech = { token: (await b.call('auth.login', TECH)).token };
  const counter = { token: (await b.call('auth.login', { username: 'li', password: 'counter-pass' })).token };
  const now = shop.clock.now().getTime();
  const make = async (daysAgo: number, name: string) => {
    const bought = shanghaiDay(now - daysAgo * 86_400_000);
    const r = await b.call(
      'tickets.intake',
      intakeInput({
        customer: { name, phones: [daysAgo === 60 ? '139 0013 9000' : '137 0013 7000'] },
        device: { category: 'phone', brand: '华为', model: 'Mate 60', imei: imei(), colour: '雅丹黑', purchaseDate: bought, proof: { kind: 'invoice', invoiceNo: `INV-${daysAgo}`, invoiceDate: bought, seller: '京东自营' } },
        fault: { text: '无法开机', codes: ['no_power'] },
        promisedDate: shanghaiDay(now + 5 * 86_400_000),
        depositFen: 0,
        confirmDuplicate: true,
      } as never),
      counter,
    );
    const id = r.ticket!.id;
    await b.call('bench.claim', { ticketId: id }, tech);
    await b.call('bench.diagnose', { ticketId: id, cause: '主板排线座虚焊', findings: [] } as never, tech);
    return r.ticket!.number;
  };
  tickets.inWarranty = await make(60, '陈静');
  tickets.outOfWarranty = await make(730, '周强');
});

async function openTicket(page: Page, number: string) {
  await page.goto(shop.url);
  await signIn(page, TECH.username, TECH.password);
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.getByTestId('nav-bench').click();
  await page.getByRole('tabpanel').getByTestId('bench-scan').fill(number);
  await page.getByRole('tabpanel').getByTestId('bench-scan').press('Enter');
  await expect(page.getByTestId('ticket-bench')).toBeVisible();
}

/** Adds the free line "主板排线座重新焊接 ¥120" and marks it covered with the reason. */
async function addCoveredLine(page: Page) {
  const card = page.getByTestId('quote-card');
  await card.getByPlaceholder(z('ui.bench.quote.description')).fill('主板排线座重新焊接');
  await card.getByLabel(z('ui.bench.quote.price')).fill('120');
  await card.getByLabel(z('ui.bench.quote.reason'), { exact: true }).fill('价目表无此项');
  await card.getByRole('button', { name: '+', exact: true }).click();
  await card.getByTestId('line-covered-0').check();
  await card.getByTestId('line-cover-reason-0').fill(REASON);
}

test('in warranty: the free line marked covered is the maker\'s, the customer pays ¥0.00 (zh and en)', async ({ page, snap }) => {
  await openTicket(page, tickets.inWarranty);
  await addCoveredLine(page);
  await snap('covered-custom-editing-zh');
  await page.getByTestId('quote-save').click();
  const lines = page.getByTestId('quote-lines');
  await expect(lines).toBeVisible();
  const row = lines.getByRole('row').filter({ hasText: '主板排线座重新焊接' });
  await expect(row.getByTestId('cover-reason')).toHaveText(z('ui.bench.quote.coverReasonShown', { reason: REASON }));
  await expect(row).toContainText(z('ui.bench.line.covered'));
  await expect(row).toContainText(`${z('ui.bench.payer.maker')} ${formatMoney(12000, 'zh-CN')}`);
  await expect(row.getByRole('cell').last()).toHaveText(formatMoney(0, 'zh-CN'));
  await expect(page.getByTestId('quote-total')).toHaveText(z('ui.bench.quote.total', { total: formatMoney(0, 'zh-CN') }));
  await snap('covered-custom-saved-zh');
  await page.getByTestId('language-switch').getByText('EN').click();
  await expect(row.getByTestId('cover-reason')).toHaveText(t('en', 'ui.bench.quote.coverReasonShown', { reason: REASON }));
  await expect(row).toContainText(`${t('en', 'ui.bench.payer.maker')} ${formatMoney(12000, 'en')}`);
  await snap('covered-custom-saved-en');
});

test('out of warranty: the mark is refused in words and nothing is saved; the line stays to fix', async ({ page, snap }) => {
  await openTicket(page, tickets.outOfWarranty);
  await addCoveredLine(page);
  await page.getByTestId('quote-save').click();
  const prefix = z('bench.validation.customNotCovered', { reason: '' });
  await expect(page.getByText(prefix, { exact: false })).toBeVisible();
  await snap('covered-custom-refused-zh');
  // Still editing, the line and its mark kept; no quote was saved.
  await expect(page.getByTestId('line-cover-reason-0')).toHaveValue(REASON);
  await expect(page.getByTestId('quote-lines')).toHaveCount(0);
  // Unticked, the same line saves as the customer's.
  await page.getByTestId('line-covered-0').uncheck();
  await page.getByTestId('quote-save').click();
  const row = page.getByTestId('quote-lines').getByRole('row').filter({ hasText: '主板排线座重新焊接' });
  await expect(row.getByRole('cell').last()).toHaveText(formatMoney(12000, 'zh-CN'));
  await expect(row.getByTestId('cover-reason')).toHaveCount(0);
  await page.getByTestId('language-switch').getByText('EN').click();
  await snap('covered-custom-paid-en');
});
