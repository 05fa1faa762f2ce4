import { test, expect, shopForThisFile, signIn } from './fixtures';
import type { Page } from '@playwright/test';
import { localDate } from '../../src/shared/time/local-date';
import { addDays } from '../../src/shared/warranty/dates';

/**
 * Settings → 保修政策: the preset list with its sources, and the "what if" panel a manager uses:
 * a phone bought 10 days ago with an invoice and a listed performance fault may be exchanged or
 * repaired but not returned; 5 days ago it may also be returned; liquid found at intake voids the
 * coverage and says why. Screenshots in zh-CN and en go to test-results/screenshots/warranty-*.png.
 */
const shop = shopForThisFile();
test.describe.configure({ mode: 'serial' });

const MANAGER = { username: 'wang', password: 'manager-pass-1' };
// the shop's day on its test clock (TEST_EPOCH), never the machine's date
const today = () => localDate(shop.clock.now(), 'Asia/Shanghai');

test.beforeAll(async () => {
  const admin = await shop.backend.call('setup.run', {
    shop: { name: '华强北授权服务中心', code: 'HQB01' },
    admin: { username: 'admin', displayName: '李管理', password: 'admin-pass-1' },
  });
  await shop.backend.call(
    'users.create',
    { username: MANAGER.username, displayName: '王店长', role: 'manager', password: MANAGER.password },
    { token: admin.token },
  );
});

async function openWarranty(page: Page, tab: RegExp, view: RegExp) {
  await page.getByTestId('nav-settings').click();
  await page.getByRole('tab', { name: tab }).click();
  await page.getByTestId('warranty-views').getByText(view).click();
}

/** The shell's header is fixed: scrolled, a full-page picture would show it mid-page. */
async function top(page: Page) {
  await page.evaluate(() => window.scrollTo(0, 0));
}

async function expectOptions(page: Page, shown: string[], hidden: string[]) {
  for (const o of shown) await expect(page.getByTestId(`whatif-option-${o}`)).toBeVisible();
  for (const o of hidden) await expect(page.getByTestId(`whatif-option-${o}`)).toHaveCount(0);
}

test('presets show with their regulation, article and confidence', async ({ page, snap }) => {
  await page.goto(shop.url);
  await signIn(page, MANAGER.username, MANAGER.password);
  await openWarranty(page, /^保修政策$/, /^政策$/);
  const phone = page.getByTestId('policy-row-cn.phone.2001');
  await expect(phone).toContainText('移动电话机（国家三包）');
  await expect(phone).toContainText('内置预设');
  await expect(page.getByTestId('policy-row-cn.laptop.2002')).toContainText('1年');
  await phone.getByRole('button', { name: '规则与出处' }).click();
  const details = page.getByTestId('policy-details-cn.phone.2001');
  await expect(details.getByRole('row', { name: /退货期/ })).toContainText('第十一条');
  await expect(details.getByRole('row', { name: /退货期/ })).toContainText('条文原文');
  await expect(details.getByRole('row', { name: /电池/ })).toContainText('6个月');
  await top(page);
  await snap('warranty-policies-zh');
});

test('what if: day 10 exchange/repair, day 5 return too, liquid voids coverage — in Chinese and English', async ({ page, snap }) => {
  await page.goto(shop.url);
  await signIn(page, MANAGER.username, MANAGER.password);
  await openWarranty(page, /^保修政策$/, /^保修试算$/);
  await expect(page.getByText('填写左侧信息后显示判定结果')).toBeVisible();

  // Bought 10 days ago, invoice, a listed performance fault (the default), sent in today.
  await page.getByLabel('发票日期').fill(addDays(today(), -10));
  await expectOptions(page, ['exchange', 'repair'], ['return']);
  await expect(page.getByTestId('whatif-option-reasons')).toContainText('售出后第10日');
  await expect(page.getByTestId('whatif-line-0')).toContainText('保修');
  await expect(page.getByTestId('whatif-line-0')).toContainText('厂家保修 ¥80.00');
  await top(page);
  await snap('warranty-whatif-day10-zh');

  await page.getByLabel('发票日期').fill(addDays(today(), -5));
  await expectOptions(page, ['return', 'exchange', 'repair'], []);
  await expect(page.getByTestId('whatif-option-return')).toContainText('退款¥2,999.00');
  await top(page);
  await snap('warranty-whatif-day5-zh');

  await page.getByLabel('进水/进液').check();
  await expect(page.getByTestId('whatif-no-options')).toBeVisible();
  await expect(page.getByTestId('whatif-reasons')).toContainText('检测发现：进水/进液，不适用三包退换修');
  await expect(page.getByTestId('whatif-line-0')).toContainText('不在保修范围');
  await expect(page.getByTestId('whatif-line-0')).toContainText('客户 ¥80.00');
  await expect(page.getByTestId('whatif-line-0')).toContainText('检测发现：进水/进液，相关保修不适用');
  await top(page);
  await snap('warranty-whatif-liquid-zh');

  // The same panel in English: the server answers in the new language.
  await page.getByTestId('language-switch').getByText('EN').click();
  await expect(page.getByTestId('whatif-reasons')).toContainText('Intake found liquid damage: statutory return/exchange/repair do not apply');
  await expect(page.getByTestId('whatif-line-0')).toContainText('Customer ¥80.00');
  await top(page);
  await snap('warranty-whatif-liquid-en');
  await page.getByLabel('Liquid damage').uncheck();
  await page.getByLabel('Invoice date').fill(addDays(today(), -10));
  await expectOptions(page, ['exchange', 'repair'], ['return']);
  await expect(page.getByTestId('whatif-option-reasons')).toContainText('Listed fault on day 10 after sale');
  await top(page);
  await snap('warranty-whatif-day10-en');
  await page.getByLabel('Invoice date').fill(addDays(today(), -5));
  await expectOptions(page, ['return', 'exchange', 'repair'], []);
  await top(page);
  await snap('warranty-whatif-day5-en');

  // Bad input is named at its field: a purchase date after today.
  await page.getByLabel('Invoice date').fill(addDays(today(), 3));
  await expect(page.getByText('The purchase date cannot be after today')).toBeVisible();
  await top(page);
  await snap('warranty-whatif-error-en');
  await page.getByTestId('language-switch').getByText('中文').click();
});
