import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, shopForThisFile, signIn, SCREENSHOTS } from './fixtures';
import { PASSWORD, setupShop } from '../helpers/backend';
import { testDate } from '../helpers/clock';
import { ADMIN_TOKEN, openTestHq, type TestHq, listenOnLoopback } from '../helpers/hq';
import { syncEngineOf } from '../../src/core/sync/engine';
import { withCheckDigit } from '../../src/shared/devices/imei';

/**
 * A recall campaign from head office's console to the shop's counter, in Chromium: a service
 * manager defines it (a wrong range is told at its field), the shop (enrolled at this head office
 * over HTTP) pulls it, the counter sees the banner when a covered phone is taken in and in
 * search, accepts it, and head office sees the ticket in the campaign's completion. Head office
 * runs on SQLite in this process. Screenshots: test-results/screenshots/recall-*.png.
 */
const shop = shopForThisFile();
test.describe.configure({ mode: 'serial' });

const body = (n: number) => `8612399${String(n).padStart(7, '0')}`;
const COVERED = withCheckDigit(body(150));
const MANAGER = { username: 'wang', password: 'service-manager-1' };
let hq: TestHq;
let hqUrl = '';
let tokens: Awaited<ReturnType<typeof setupShop>>;

test.beforeAll(async () => {
  tokens = await setupShop(shop.backend);
  hq = await openTestHq('sqlite', { console: { staticDir: path.resolve('out/hq-console') } });
  hqUrl = await listenOnLoopback(hq.app);
  const res = await fetch(`${hqUrl}/console/api/users.create`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ...MANAGER, displayName: '王服务', role: 'service_manager' }),
  });
  expect(res.status).toBe(200);
  const created = await hq.service.createShop({ code: 'RC01', name: '深圳召回测试店' });
  await shop.backend.call('sync.enroll', { url: hqUrl, code: created.enrollmentCode }, { token: tokens.admin });
  await syncEngineOf(shop.backend.services).runNow();
});

test.afterAll(async () => {
  await hq?.close();
});

async function consoleSignIn(page: Page) {
  await page.goto(`${hqUrl}/console/`);
  await page.getByLabel(/^用户名|^User name/).fill(MANAGER.username);
  await page.getByLabel(/^密码|^Password/).fill(MANAGER.password);
  await page.getByRole('button', { name: /^登录$|^Sign in$/ }).click();
  await expect(page.getByTestId('who')).toHaveText('王服务');
}

test('a service manager defines a recall in the console; a wrong range is told at its field', async ({ page, snap }) => {
  await consoleSignIn(page);
  await page.getByRole('navigation').getByText('召回活动', { exact: true }).click();
  await expect(page).toHaveURL(/\/console\/recalls$/);
  await expect(page.getByText('还没有召回活动。')).toBeVisible();
  await page.getByTestId('recall-new').click();
  const form = page.getByTestId('recall-form');
  await form.getByTestId('recall-code').fill('rc-2026-11');
  await form.getByTestId('recall-titleZh').fill('Mate 60 电池鼓包召回');
  await form.getByTestId('recall-titleEn').fill('Mate 60 battery swelling recall');
  await form.getByTestId('recall-brand').fill('华为');
  await form.getByTestId('recall-models').fill('Mate 60');
  await form.getByTestId('recall-imeiRanges').fill(`${body(199)}9 ${body(100)}0`); // the ends the wrong way round
  await form.getByTestId('recall-action').click();
  await page.getByRole('option', { name: '更换部件' }).click();
  await form.getByTestId('recall-instructionsZh').fill('免费更换电池；旧电池单独封存，随旧件寄回总部。');
  await form.getByTestId('recall-instructionsEn').fill('Replace the battery free of charge; seal the old battery and send it back with the old parts.');
  await form.getByTestId('recall-startDate').fill(testDate(-3));
  await form.getByTestId('recall-endDate').fill(testDate(60));
  await form.getByTestId('recall-save').click();
  await expect(form.getByText('号段的止号不能小于起号')).toBeVisible();
  await snap('recall-form-error-zh');
  await form.getByTestId('recall-imeiRanges').fill(`${body(100)}0 ${body(199)}9`);
  await form.getByTestId('recall-save').click();
  await expect(page.getByText('召回活动 RC-2026-11 已发布，门店下次同步时收到')).toBeVisible();
  const row = page.locator('tr[data-recall="RC-2026-11"]');
  await expect(row).toContainText('进行中');
  await expect(row).toContainText('华为 · Mate 60 · 1 个号段');
  await snap('recall-list-zh');
  await page.getByTestId('language-switch').getByText('EN').click();
  await expect(row).toContainText('Running');
  await expect(row).toContainText('Mate 60 battery swelling recall');
  await snap('recall-list-en');
});

test('the shop pulls it; the counter sees the banner for a covered phone, accepts it, and search shows it', async ({ page, snap }) => {
  await syncEngineOf(shop.backend.services).runNow();
  await page.goto(shop.url);
  await signIn(page, 'counter', PASSWORD);
  await expect(page.getByTestId('customer-search')).toBeFocused();
  await page.keyboard.type('郑召回');
  await expect(page.getByTestId('customer-new')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await page.getByTestId('new-customer').getByLabel(/^电话/).fill('139 8765 4321');
  const nd = page.getByTestId('new-device');
  await nd.getByLabel(/^品牌/).fill('华为');
  await nd.getByLabel(/^型号/).fill('Mate 60');
  await nd.getByLabel(/^IMEI/).fill(withCheckDigit(body(300))); // outside the range: no banner
  await expect(nd.getByTestId('imei-ok')).toBeVisible();
  await expect(page.getByTestId('recall-banner')).toHaveCount(0);
  await nd.getByLabel(/^IMEI/).fill(COVERED);
  const banner = page.getByTestId('recall-banner');
  await expect(banner).toContainText('召回活动 RC-2026-11：Mate 60 电池鼓包召回');
  await expect(banner).toContainText('更换部件');
  await expect(banner).toContainText('按 IMEI 号段');
  await expect(banner).toContainText('免费更换电池；旧电池单独封存');
  // From the keyboard, as the counter works: the switch takes Space.
  const accept = banner.getByTestId('recall-accept-RC-2026-11');
  await accept.focus();
  await page.keyboard.press('Space');
  await expect(accept).toBeChecked();
  await nd.getByLabel(/^发票\/凭证日期/).fill('2026-06-01');
  await snap('recall-intake-zh');
  await banner.screenshot({ path: `${SCREENSHOTS}/recall-banner-zh.png` });
  await page.getByTestId('language-switch').getByText('EN').click();
  await expect(banner).toContainText('Recall RC-2026-11: Mate 60 battery swelling recall');
  await expect(banner).toContainText('Replace a part');
  await snap('recall-intake-en');
  await banner.screenshot({ path: `${SCREENSHOTS}/recall-banner-en.png` });
  await page.getByTestId('language-switch').getByText('中文').click();
  await page.getByTestId('fault-text').fill('电池鼓包，后盖翘起');
  await page.getByTestId('passcode-kind').getByText('无锁屏密码').click();
  await page.getByTestId('data-loss-ack').check();
  await page.getByTestId('warranty-claim-yes').check();
  await page.getByTestId('save-intake').click();
  await expect(page.getByTestId('intake-done')).toBeVisible();

  // Search by the last digits of the IMEI: the device carries the recall's badge.
  await page.keyboard.press('Control+K');
  const search = page.getByRole('dialog', { name: '全局搜索' });
  await search.getByRole('textbox').fill(COVERED.slice(-8));
  await expect(search.getByTestId('search-hit-device').getByTestId('search-recall')).toHaveText('召回 RC-2026-11');
  await snap('recall-search-zh');
  await page.keyboard.press('Escape');
  await expect(search).toBeHidden();
  // The ticket carries the campaign, with head office's instructions for the bench.
  await page.getByRole('button', { name: '查看工单' }).click();
  const onTicket = page.getByTestId('ticket-recalls');
  await expect(onTicket).toContainText('召回工单 RC-2026-11 Mate 60 电池鼓包召回');
  await expect(onTicket).toContainText('免费更换电池');
  await snap('recall-ticket-zh');
});

test('head office follows completion: the shop pulled the campaign and recorded one ticket', async ({ page, snap }) => {
  await syncEngineOf(shop.backend.services).runNow();
  await consoleSignIn(page);
  await page.getByRole('navigation').getByText('召回活动', { exact: true }).click();
  await page.locator('tr[data-recall="RC-2026-11"]').click();
  const drawer = page.getByTestId('recall-completion');
  const row = drawer.locator('tr[data-shop="RC01"]');
  await expect(row).toContainText('已收到');
  await expect(row.locator('td').nth(2)).toHaveText('1'); // covered devices: this intake's phone (the uncovered IMEI was retyped, never saved)
  await expect(row.locator('td').nth(3)).toHaveText('1');
  await expect(row.locator('td').nth(4)).toHaveText('0');
  await snap('recall-completion-zh');
  // The drawer covers the header: close it, switch language, open it again.
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await page.getByTestId('language-switch').getByText('EN').click();
  await page.locator('tr[data-recall="RC-2026-11"]').click();
  await expect(row).toContainText('Received');
  await expect(drawer.getByTestId('recall-total')).toContainText('1 ticket');
  await snap('recall-completion-en');
});

test('the nationwide device lookup: the phone\'s visit at the shop and the campaign covering it', async ({ page, snap }) => {
  await consoleSignIn(page);
  await page.getByRole('navigation').getByText('全国设备查询', { exact: true }).click();
  await expect(page).toHaveURL(/\/console\/devices$/);
  await page.getByTestId('device-query').fill(COVERED);
  await page.getByTestId('device-lookup').click();
  const answer = page.getByTestId('device-answer');
  await expect(answer.getByTestId('device-recall')).toContainText('召回活动 RC-2026-11：Mate 60 电池鼓包召回');
  await expect(answer.getByTestId('device-registration')).toContainText(`IMEI ${COVERED}`);
  await expect(answer.getByTestId('device-visits')).toContainText('深圳召回测试店（RC01）');
  await expect(answer.getByTestId('device-visits')).toContainText('电池鼓包，后盖翘起');
  await snap('recall-device-lookup-zh');
  await page.getByTestId('language-switch').getByText('EN').click();
  await expect(answer.getByTestId('device-recall')).toContainText('Recall RC-2026-11: Mate 60 battery swelling recall');
  await expect(answer).toContainText('Purchase registration');
  await snap('recall-device-lookup-en');
});
