import { test, expect, shopForThisFile } from './fixtures';
import { TEST_EPOCH } from '../helpers/clock';

/**
 * The browser and the shop host agree on a day that is not today's: pages run on Playwright's
 * clock set to the shop's test clock (tests/e2e/fixtures.ts), so a screen that computes a date
 * (promised-date defaults, "days left") computes it from the test's day on any machine date.
 */
const shop = shopForThisFile();

test('the page and the shop host both run on the test clock, not the machine date', async ({ page }) => {
  await page.goto(shop.url);
  const pageNow = await page.evaluate(() => Date.now());
  const shopNow = shop.clock.now().getTime();
  const epoch = Date.parse(TEST_EPOCH);
  // both started at the epoch and have run for the length of this test file only
  expect(pageNow).toBeGreaterThanOrEqual(epoch);
  expect(shopNow).toBeGreaterThanOrEqual(epoch);
  expect(Math.abs(pageNow - shopNow)).toBeLessThan(10 * 60_000);
  expect(shopNow - epoch).toBeLessThan(60 * 60_000);
  // and the page's calendar day in the shop's zone is the test's day
  expect(await page.evaluate(() => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()))).toBe('2026-11-23');
});
