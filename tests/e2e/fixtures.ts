import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { openBackend, type Backend } from '../../src/core';
import { startShopHost, type ShopHost } from '../../src/server/shop-host';
import type { Clock } from '../../src/shared/util/ids';
import { RunningClock } from '../helpers/clock';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOTS = path.join(ROOT, 'test-results/screenshots');

export interface ShopUnderTest {
  url: string;
  dataDir: string;
  backend: Backend;
  /** The shop's clock: starts at TEST_EPOCH and runs; the browser's clock follows it. */
  clock: Clock;
}

/** The clock of the shop the current file runs against (each file has one shop). */
let fileClock: Clock | null = null;

/**
 * A shop host on a fresh, empty data directory for the calling test file: started before
 * its first test, closed and deleted after its last. (A worker fixture would be shared by
 * every file the worker runs, and files must not see each other's shops.)
 */
export function shopForThisFile(): ShopUnderTest {
  const shop = {} as ShopUnderTest;
  let host: ShopHost | null = null;
  base.beforeAll(async () => {
    shop.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fixpoint-e2e-'));
    shop.clock = new RunningClock();
    fileClock = shop.clock;
    shop.backend = openBackend({ dataDir: shop.dataDir, clock: shop.clock, checkOutputs: true });
    host = await startShopHost({ backend: shop.backend, port: 0, staticDir: path.join(ROOT, 'out/renderer') });
    shop.url = host.url;
  });
  base.afterAll(async () => {
    await host?.close();
    await shop.backend?.close();
    if (shop.dataDir) fs.rmSync(shop.dataDir, { recursive: true, force: true });
  });
  return shop;
}

/**
 * Puts a page's (or a whole context's) clock at the shop's instant. Playwright's clock adds the
 * browser's own time since install, measured against the test runner's clock; under faketime with
 * the date moved back the runner is behind the browser by the shift, and the page would start that
 * far ahead. `probe`, any open page, tells the browser's time so the difference is taken off (none
 * when the runner is ahead).
 */
export async function installShopClock(target: Page | BrowserContext, at: Date, probe: Page): Promise<void> {
  const browserNow = await probe.evaluate(() => Date.now());
  const ahead = Math.max(0, browserNow - Date.now());
  await target.clock.install({ time: at.getTime() - ahead });
}

export const test = base.extend<{ snap(name: string): Promise<void> }>({
  // The page's Date runs on the shop's clock (promised-date defaults, "days left" are computed in
  // the browser), so no screen sees today's date either. Time flows naturally from there.
  page: async ({ page }, use) => {
    if (fileClock) await installShopClock(page, fileClock.now(), page);
    await use(page);
  },
  snap: async ({ page }, use) => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await use(async (name) => {
      // Let transitions settle so the picture shows the screen, not an animation frame.
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
    });
  },
});

export { expect };

/** Signs in with a password on the login screen (labels in either language). */
export async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel(/^(用户名|User name)$/).fill(username);
  await page.getByLabel(/^(密码|Password)$/).fill(password);
  await page.keyboard.press('Enter');
}
