import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, installShopClock } from './fixtures';
import { ADMIN_TOKEN, openTestHq, sharedPostgres, stopSharedPostgres, type HqDialect, type TestHq, listenOnLoopback } from '../helpers/hq';
import { TEST_EPOCH } from '../helpers/clock';
import { ConsoleClient } from '../integration/hq-console/console-client';

/**
 * Head office's publishing editors in Chromium against a real head office (in this process,
 * serving the built console) on SQLite and PostgreSQL. A network admin edits the national phone
 * policy with the what-if preview open: on the page's date, 2026-11-23 (the test clock), the
 * preview's default case is a phone bought 20 days earlier, so 15 days of exchange (第十二条)
 * leave repair only, and 30 days open the exchange. Then the holiday calendar (a backwards range
 * refused, then two days off added) and a provisioned user of a shop (a short password refused).
 * Screenshots (the SQLite run): test-results/screenshots/hq-editors-*.png, in zh-CN and en.
 */
test.describe.configure({ mode: 'serial' });
test.afterAll(() => stopSharedPostgres());

const ADMIN = { username: 'zhou', password: 'network-admin-1', displayName: '周总部', role: 'network_admin' };

for (const dialect of ['sqlite', 'postgres'] as HqDialect[])
  test.describe(`publishing editors on ${dialect}`, () => {
    let hq: TestHq;
    let hqUrl = '';

    test.beforeAll(async () => {
      test.setTimeout(120_000);
      test.skip(dialect === 'postgres' && (await sharedPostgres()) === null, 'no PostgreSQL binaries');
      hq = await openTestHq(dialect, { console: { staticDir: path.resolve('out/hq-console') } });
      hqUrl = await listenOnLoopback(hq.app);
      const token = new ConsoleClient(hqUrl, { token: ADMIN_TOKEN });
      expect((await token.call('users.create', ADMIN)).status).toBe(200);
      await hq.service.createShop({ code: 'SZ01', name: '深圳福田店' });
    });

    test.afterAll(async () => {
      await hq?.close();
    });

    const pictures = (snap: (name: string) => Promise<void>) => (name: string) => (dialect === 'sqlite' ? snap(name) : Promise.resolve());

    async function open(page: Page, locale: 'zh-CN' | 'en', tab: RegExp) {
      await installShopClock(page, new Date(TEST_EPOCH), page);
      await page.addInitScript((l) => localStorage.setItem('fixpoint.hq.locale', l), locale);
      await page.goto(`${hqUrl}/console/`);
      await page.getByLabel(/^用户名|^User name/).fill(ADMIN.username);
      await page.getByLabel(/^密码|^Password/).fill(ADMIN.password);
      await page.getByRole('button', { name: /^登录$|^Sign in$/ }).click();
      await page.getByRole('navigation').getByText(/^发布编辑$|^Publishing editors$/).click();
      await expect(page).toHaveURL(/\/console\/publishing-editors$/);
      await page.getByRole('tab', { name: tab }).click();
    }

    async function choose(page: Page, label: RegExp | string, option: RegExp) {
      await (typeof label === 'string' ? page.getByTestId(label) : page.getByLabel(label).first()).click();
      await page.getByRole('option', { name: option }).click();
    }

    test('a policy edited with the what-if preview, refused on a bad field, then published', async ({ page, snap }) => {
      const pic = pictures(snap);
      await open(page, 'zh-CN', /^三包政策$/);
      await choose(page, /^要编辑的政策/, /cn\.phone\.2001/);
      await expect(page.getByTestId('pub-policy-last')).toContainText('尚未发布');
      // The default case: bought 2026-11-03, brought in 2026-11-23, day 20.
      await expect(page.getByTestId('pub-whatif-purchase')).toHaveValue('2026-11-03');
      const result = page.getByTestId('pub-whatif-result');
      await expect(result.getByTestId('pub-whatif-option-repair')).toBeVisible();
      await expect(result.getByTestId('pub-whatif-option-exchange')).toHaveCount(0);
      const exchange = page.getByLabel('换货期（天）');
      await exchange.fill('30');
      await expect(result.getByTestId('pub-whatif-option-exchange')).toBeVisible();
      await expect(result.getByTestId('pub-whatif-unit-end')).toHaveText('整机保修至 2027-11-03');
      await pic('hq-editors-policy-zh');

      await exchange.fill('500');
      await page.getByTestId('pub-policy-publish').click();
      await expect(page.getByText('太长或太大（最多 180）')).toBeVisible();
      await expect(page.getByTestId('pub-policy-last')).toContainText('尚未发布');
      await exchange.fill('30');
      await page.getByLabel(/^发布说明/).fill('品牌换货期延长至30天');
      await page.getByTestId('pub-policy-publish').click();
      await expect(page.getByText('已发布，门店下次同步时收到')).toBeVisible();
      await expect(page.getByTestId('pub-policy-last')).toContainText('上次发布');
      const listed = await new ConsoleClient(hqUrl, { token: ADMIN_TOKEN }).call<{ published: { id: string; data: { exchangeDays: number } }[] }>('publishing.policies.list');
      expect(listed.body.published.map((p) => [p.id, p.data.exchangeDays])).toEqual([['cn.phone.2001', 30]]);
    });

    test('the policy editor and its preview in English', async ({ page, snap }) => {
      await open(page, 'en', /^三包 policies$/);
      await choose(page, /^Policy to edit/, /cn\.phone\.2001/);
      await expect(page.getByTestId('pub-policy-last')).toContainText('Last published');
      await expect(page.getByTestId('pub-whatif-result').getByTestId('pub-whatif-option-exchange')).toBeVisible();
      await pictures(snap)('hq-editors-policy-en');
    });

    test('the holiday calendar: a backwards range refused, two days off published', async ({ page, snap }) => {
      const pic = pictures(snap);
      await open(page, 'zh-CN', /^节假日$/);
      await expect(page.getByTestId('pub-calendar-last')).toContainText('内置');
      const year = page.getByTestId('pub-calendar-year-2026');
      await expect(year.getByTestId('pub-range-from-0')).toHaveValue('2026-01-01');
      await page.getByTestId('pub-calendar-add-range').click();
      await year.getByTestId('pub-range-from-7').fill('2026-11-27');
      await year.getByTestId('pub-range-to-7').fill('2026-11-26');
      await page.getByTestId('pub-calendar-publish').click();
      await expect(year.getByText('结束日期早于开始日期')).toBeVisible();
      await expect(page.getByTestId('pub-calendar-last')).toContainText('内置');
      await year.getByTestId('pub-range-from-7').fill('2026-11-26');
      await year.getByTestId('pub-range-to-7').fill('2026-11-27');
      await page.getByTestId('pub-calendar-publish').click();
      await expect(page.getByTestId('pub-calendar-last')).toContainText('上次发布');
      await pic('hq-editors-calendar-zh');
      const state = await new ConsoleClient(hqUrl, { token: ADMIN_TOKEN }).call<{ published: { data: { years: { year: number; holidays: string[][] }[] } } }>('publishing.calendar.get');
      expect(state.body.published.data.years.find((y) => y.year === 2026)!.holidays.at(-1)).toEqual(['2026-11-26', '2026-11-27']);
    });

    test('a provisioned user of a shop: a short password refused, then published', async ({ page, snap }) => {
      const pic = pictures(snap);
      await open(page, 'en', /^Shop users$/);
      await choose(page, 'pub-shop-pick', /SZ01/);
      await expect(page.getByText('Head office has provisioned no users for this shop.')).toBeVisible();
      await page.getByTestId('pub-user-new').click();
      const form = page.getByRole('dialog');
      await form.getByLabel(/^User name/).fill('sun');
      await form.getByLabel(/^Name/).fill('孙师傅');
      await form.getByLabel(/^Password/).fill('short');
      await form.getByTestId('pub-user-publish').click();
      await expect(form.getByText('Password must have at least 8 characters')).toBeVisible();
      await pic('hq-editors-user-en');
      await form.getByLabel(/^Password/).fill('sun-password-1');
      await form.getByTestId('pub-user-publish').click();
      await expect(form).toHaveCount(0);
      const row = page.locator('tr[data-user="sun"]');
      await expect(row).toContainText('孙师傅');
      await expect(row).toContainText('Technician');
      await expect(row).toContainText('Set');
      await pic('hq-editors-users-en');
    });

    test('an accidental damage program tried on a dropped phone, then published', async ({ page, snap }) => {
      await open(page, 'zh-CN', /^服务项目$/);
      await expect(page.getByText('还没有发布服务项目。')).toBeVisible();
      await page.getByTestId('pub-program-new').click();
      await page.getByRole('menuitem', { name: '意外保（碎屏/进水）' }).click();
      await page.getByTestId('pub-program-id').fill('ad-1y');
      await page.getByLabel('名称（中文）').fill('碎屏意外保');
      await page.getByLabel('名称（英文）').fill('Screen accident cover');
      await page.getByLabel('免赔额（元）').fill('50');
      // Dropped (摔碰): the maker's warranty is void; the program pays 100 % of ¥80 after the ¥50 deductible.
      await page.getByTestId('pub-whatif').getByRole('combobox', { name: '检测结论' }).click({ force: true });
      await page.getByRole('option', { name: '摔碰/外力损坏' }).click();
      await page.keyboard.press('Escape');
      const line = page.getByTestId('pub-whatif-line');
      await expect(line).toContainText('意外保 ¥30.00');
      await expect(line).toContainText('客户 ¥50.00');
      await pictures(snap)('hq-editors-program-zh');
      await page.getByTestId('pub-program-publish').click();
      await expect(page.getByTestId('pub-programs-list')).toContainText('ad-1y');
    });

    test('the settings head office manages for a shop: a bad idle time refused, then published', async ({ page, snap }) => {
      await open(page, 'en', /^Shop settings$/);
      await choose(page, 'pub-shop-pick', /SZ01/);
      await expect(page.getByText('Not published yet: the shop uses its own settings')).toBeVisible();
      await page.getByTestId('pub-setting-hotline').fill('400-800-1234');
      await page.getByLabel(/^Sign out after/).fill('2');
      await page.getByTestId('pub-settings-publish').click();
      await expect(page.getByText('Too short or too small (at least 5)')).toBeVisible();
      await page.getByLabel(/^Sign out after/).fill('30');
      await page.getByLabel('Tax rate (%)').fill('6');
      await page.getByTestId('pub-settings-publish').click();
      await expect(page.getByText(/^Last published/)).toBeVisible();
      await pictures(snap)('hq-editors-settings-en');
      const state = await new ConsoleClient(hqUrl, { token: ADMIN_TOKEN }).call<{ published: { data: unknown } }>('publishing.settings.get', { shopId: 'SZ01' });
      expect(state.body.published.data).toEqual({ hotline: '400-800-1234', sessionIdleMinutes: 30, taxRateBp: 600 });
    });

    test('the calendar and the users in Chinese', async ({ page, snap }) => {
      await open(page, 'zh-CN', /^门店账号$/);
      await choose(page, 'pub-shop-pick', /SZ01/);
      await expect(page.locator('tr[data-user="sun"]')).toContainText('已设置');
      await pictures(snap)('hq-editors-users-zh');
      await page.getByRole('tab', { name: /^Holiday calendar$|^节假日$/ }).click();
      await expect(page.getByTestId('pub-calendar-last')).toContainText('上次发布');
    });
  });
