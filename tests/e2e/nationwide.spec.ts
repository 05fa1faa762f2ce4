import type { Page } from '@playwright/test';
import { test, expect, shopForThisFile, signIn, SCREENSHOTS } from './fixtures';
import { PASSWORD, setupShop } from '../helpers/backend';
import { ManualClock } from '../helpers/clock';
import { enrolledShop, openTestHq, type TestHq, type TestShop, listenOnLoopback } from '../helpers/hq';
import { repairedPhone } from '../helpers/nationwide';
import { fetchTransport } from '../../src/core/sync/transport';
import { syncEngineOf } from '../../src/core/sync/engine';
import { withCheckDigit } from '../../src/shared/devices/imei';

/**
 * The nationwide service (全国联保) at the counter: the intake screen asks head office about the
 * typed IMEI. Not enrolled and head office down, it says so and the intake saves; online it shows
 * another shop's purchase registration and repairs. A real head office (SQLite) runs in this
 * process on a loopback port; the shop under test reaches it over HTTP as a shop does.
 * Screenshots: test-results/screenshots/nationwide-*.png.
 */
const shop = shopForThisFile();
test.describe.configure({ mode: 'serial' });

const IMEI = withCheckDigit(`86777${String(Date.now() % 1_000_000_000).padStart(9, '0')}`);
const CUSTOMER = '周全国';
let tokens: Awaited<ReturnType<typeof setupShop>>;
let hq: TestHq | null = null;
let other: TestShop | null = null;
let otherName = '';

test.beforeAll(async () => {
  tokens = await setupShop(shop.backend);
});

test.afterAll(async () => {
  await other?.backend.close();
  await hq?.close();
});

async function newCustomerWithDevice(page: Page, name: string) {
  await page.goto(shop.url);
  await signIn(page, 'counter', PASSWORD);
  await expect(page.getByTestId('customer-search')).toBeFocused();
  await page.keyboard.type(name);
  await expect(page.getByTestId('customer-new')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await page.getByTestId('new-customer').getByLabel(/^电话/).fill('139 1234 5678');
  const nd = page.getByTestId('new-device');
  await nd.getByLabel(/^品牌/).fill('华为');
  await nd.getByLabel(/^型号/).fill('Mate 60');
  await nd.getByLabel(/^IMEI/).fill(IMEI);
  await expect(nd.getByTestId('imei-ok')).toBeVisible();
  await nd.getByLabel(/^发票\/凭证日期/).fill('2025-06-01');
}

async function fillVisitAndSave(page: Page) {
  await page.getByTestId('fault-text').fill('屏幕触摸失灵');
  await page.getByTestId('passcode-kind').getByText('无锁屏密码').click();
  await page.getByTestId('data-loss-ack').check();
  await page.getByTestId('warranty-claim-yes').check();
  await page.getByTestId('save-intake').click();
  await expect(page.getByTestId('intake-done')).toBeVisible();
}

test('not joined to head office: the panel says so and the intake saves on the shop\'s records', async ({ page, snap }) => {
  await newCustomerWithDevice(page, CUSTOMER);
  const panel = page.getByTestId('nationwide');
  await expect(panel.getByTestId('nationwide-offline')).toHaveAttribute('data-reason', 'not_enrolled');
  await expect(panel).toContainText('未加入总部——按本店记录继续受理');
  await snap('nationwide-not-enrolled-zh');
  await fillVisitAndSave(page);
});

test('online: another shop\'s purchase registration and repairs under the typed IMEI', async ({ page, snap }) => {
  hq = await openTestHq('sqlite');
  const url = await listenOnLoopback(hq.app);
  // Shop A repaired this phone in the spring and has it back for a warranty claim.
  const clock = new ManualClock(Date.parse('2026-04-02T02:00:00.000Z'));
  other = await enrolledShop(hq, { transport: fetchTransport, url, clock });
  otherName = (await hq.service.shop(other.hqShopId))!.name;
  await repairedPhone(other.backend, clock, { imei: IMEI });
  await other.engine.runNow();
  expect((await other.engine.status('en')).lastError).toBeNull();
  // The shop under test joins head office (its first sync sends the intake of the previous test).
  const created = await hq.service.createShop({ code: 'E2E1', name: '测试维修中心' });
  await shop.backend.call('sync.enroll', { url, code: created.enrollmentCode }, { token: tokens.admin });
  await syncEngineOf(shop.backend.services).runNow(); // joins the first sync enrolling started
  expect((await syncEngineOf(shop.backend.services).status('en')).waiting).toBe(0);

  await newCustomerWithDevice(page, '吴新客');
  const panel = page.getByTestId('nationwide');
  const answer = panel.getByTestId('nationwide-answer');
  await expect(answer).toBeVisible();
  await expect(panel.getByTestId('nationwide-registration')).toContainText('华为授权体验店（福田）');
  await expect(panel.getByTestId('nationwide-registration')).toContainText('¥5,999.00');
  await expect(panel.getByTestId('nationwide-registration')).toContainText(otherName);
  const visits = panel.getByTestId('nationwide-visit');
  await expect(visits.filter({ hasText: otherName })).toHaveCount(2);
  await expect(visits.first()).toContainText('屏幕排线断裂');
  await expect(visits.first()).toContainText('更换屏幕总成');
  await expect(visits.first()).toContainText('自费');
  await expect(visits.first()).toContainText('已修复');
  await expect(visits.nth(1)).toContainText('报保修');
  // This shop's own intake of the previous test is there too, once it has synced.
  await expect(visits.filter({ hasText: '本店' })).toHaveCount(1);
  await snap('nationwide-online-zh');
  await panel.screenshot({ path: `${SCREENSHOTS}/nationwide-panel-zh.png` });

  await page.getByTestId('language-switch').getByText('EN').click();
  await expect(panel).toContainText('Purchase registration');
  await expect(visits.first()).toContainText('Paid by customer');
  await snap('nationwide-online-en');
  await panel.screenshot({ path: `${SCREENSHOTS}/nationwide-panel-en.png` });
  await page.getByTestId('language-switch').getByText('中文').click();
});

test('head office down: the note says so, and the intake of the picked device saves', async ({ page, snap }) => {
  await hq!.close();
  hq = null;
  await page.goto(shop.url);
  await signIn(page, 'counter', PASSWORD);
  await expect(page.getByTestId('customer-search')).toBeFocused();
  await page.keyboard.type('5678'); // the last four digits of the phone
  await expect(page.getByTestId('customer-results')).toContainText(CUSTOMER);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('picked-customer')).toContainText(CUSTOMER);
  await expect(page.getByTestId('device-list')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('picked-device')).toContainText('Mate 60');
  const panel = page.getByTestId('nationwide');
  await expect(panel.getByTestId('nationwide-offline')).toHaveAttribute('data-reason', 'unreachable');
  await expect(panel).toContainText('连不上总部——按本店记录继续受理');
  await expect(panel).toContainText('ECONNREFUSED');
  await snap('nationwide-offline-zh');
  await page.getByTestId('language-switch').getByText('EN').click();
  await expect(panel).toContainText("Head office unreachable — intake continues on this shop's records");
  await snap('nationwide-offline-en');
  await page.getByTestId('language-switch').getByText('中文').click();
  await fillVisitAndSave(page);
});
