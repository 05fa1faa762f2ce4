import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, shopForThisFile } from './fixtures';
import { setupShop } from '../helpers/backend';
import { ADMIN_TOKEN, openTestHq, type TestHq, listenOnLoopback } from '../helpers/hq';

/**
 * Head office's console in Chromium against a real head office (SQLite, in this process, on a
 * loopback port, serving the built console) and a real shop host: a network admin signs in,
 * creates a shop, the shop host enrolls with the code over HTTP, and the shop appears in the
 * network list after its first sync. Screenshots in zh-CN and en: test-results/screenshots/hq-*.png.
 */
const shop = shopForThisFile();
test.describe.configure({ mode: 'serial' });

let hq: TestHq;
let hqUrl = '';
let shopAdmin = '';
const ADMIN = { username: 'zhou', password: 'network-admin-1' };

test.beforeAll(async () => {
  shopAdmin = (await setupShop(shop.backend)).admin;
  hq = await openTestHq('sqlite', { console: { staticDir: path.resolve('out/hq-console') } });
  hqUrl = await listenOnLoopback(hq.app);
  // The first network admin, made by a script with the admin token (as `npm run hq -- users add` would).
  const res = await fetch(`${hqUrl}/console/api/users.create`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ...ADMIN, displayName: '周总部', role: 'network_admin' }),
  });
  expect(res.status).toBe(200);
});

test.afterAll(async () => {
  await hq?.close();
});

async function signIn(page: Page, username: string, password: string) {
  await page.goto(`${hqUrl}/console/`);
  await page.getByLabel(/^用户名|^User name/).fill(username);
  await page.getByLabel(/^密码|^Password/).fill(password);
  await page.getByRole('button', { name: /^登录$|^Sign in$/ }).click();
}

test('a wrong password is told on the card; the right one opens the shell with the admin\'s sections', async ({ page, snap }) => {
  await signIn(page, ADMIN.username, 'not-the-password');
  await expect(page.getByTestId('sign-in-error')).toHaveText('用户名或密码不正确');
  await snap('hq-sign-in-zh');
  await page.getByLabel(/^密码/).fill(ADMIN.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('who')).toHaveText('周总部');
  const nav = page.getByRole('navigation');
  for (const section of ['首页', '门店', '总部账号', '操作记录', '我的账号']) await expect(nav.getByText(section, { exact: true })).toBeVisible();
  await snap('hq-home-zh');
});

test('create a shop, enroll a real shop host with its code, see it in the network after its first sync', async ({ page, snap }) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('navigation').getByText('门店', { exact: true }).click();
  await expect(page).toHaveURL(/\/console\/shops$/);
  await expect(page.getByTestId('network-summary')).toHaveText('共 0 家门店：0 家正常，0 家超过一小时未同步，0 家同步失败，0 家未加入');
  await page.getByRole('button', { name: '新建门店' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/^门店编码/).fill('sz 1');
  await dialog.getByRole('button', { name: '创建' }).click();
  // The contract's rules, in words, on the fields; nothing is created.
  await expect(dialog.getByText('必填').or(dialog.getByText(/门店编码/).nth(1))).toBeVisible();
  await dialog.getByLabel(/^门店编码/).fill('SZ01');
  await dialog.getByLabel(/^门店名称/).fill('深圳福田店');
  await dialog.getByRole('button', { name: '创建' }).click();
  const code = (await page.getByTestId('enrollment-code').textContent())!.trim();
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await snap('hq-enrollment-code-zh');
  await page.getByRole('button', { name: '完成' }).click();
  const row = page.locator('tr[data-shop="SZ01"]');
  await expect(row.getByTestId('shop-state')).toHaveText('未加入');

  // The shop host enrolls over HTTP, as its Settings → Head office panel does, and syncs.
  const enrolled = await fetch(`${shop.url}api/sync.enroll`, {
    method: 'POST',
    headers: { authorization: `Bearer ${shopAdmin}`, 'content-type': 'application/json' },
    body: JSON.stringify({ url: hqUrl, code }),
  });
  expect(enrolled.status).toBe(200);
  await expect
    .poll(async () => (await fetch(`${shop.url}api/sync.status`, { method: 'POST', headers: { authorization: `Bearer ${shopAdmin}`, 'content-type': 'application/json' }, body: '{}' }).then((r) => r.json())).data?.lastSuccessAt ?? null, { timeout: 20_000 })
    .not.toBeNull();
  await page.reload();
  await expect(row.getByTestId('shop-state')).toHaveText('正常');
  await expect(row.getByTestId('waiting-at-shop')).toHaveText('0');
  await expect(page.getByTestId('network-summary')).toHaveText('共 1 家门店：1 家正常，0 家超过一小时未同步，0 家同步失败，0 家未加入');
  await snap('hq-shops-zh');

  await page.getByTestId('language-switch').getByText('EN').click();
  await expect(row.getByTestId('shop-state')).toHaveText('Fine');
  await expect(page.getByTestId('network-summary')).toHaveText('1 shop: 1 fine, 0 not synced for over an hour, 0 failing, 0 not enrolled');
  await snap('hq-shops-en');
  await page.getByRole('navigation').getByText('Audit log', { exact: true }).click();
  await expect(page.getByTestId('audit-table')).toContainText('Created a shop');
  await snap('hq-audit-en');
  await page.getByRole('navigation').getByText('Head office accounts', { exact: true }).click();
  await expect(page.getByTestId('users-table')).toContainText('Network admin');
  await snap('hq-users-en');
});

test('the network\'s figures per shop and in total, and the escalated complaints, in both languages', async ({ page, snap }) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  const nav = page.getByRole('navigation');
  await nav.getByText('经营数据', { exact: true }).click();
  await expect(page).toHaveURL(/\/console\/figures$/);
  const table = page.getByTestId('figures-table');
  // the enrolled shop (no ticket yet) and the network's line under it
  await expect(table.locator('tr[data-shop="SZ01"]')).toContainText('深圳福田店');
  await expect(table.locator('tr[data-shop="total"]')).toContainText('全网合计');
  await expect(table.locator('tr[data-shop="total"] td').nth(2)).toHaveText('0');
  await snap('hq-figures-zh');
  const csv = page.waitForEvent('download');
  await page.getByTestId('figures-csv').click();
  expect((await csv).suggestedFilename()).toMatch(/^network-\d{4}-\d\d-\d\d_\d{4}-\d\d-\d\d\.csv$/);
  await nav.getByText('升级投诉', { exact: true }).click();
  await expect(page.getByText('没有符合条件的投诉。')).toBeVisible();
  await snap('hq-complaints-zh');
  await page.getByTestId('language-switch').getByText('EN').click();
  await expect(page.getByText('No complaint in this view.')).toBeVisible();
  await nav.getByText('Figures', { exact: true }).click();
  await expect(page.getByTestId('figures-table').locator('tr[data-shop="total"]')).toContainText('Whole network');
  await snap('hq-figures-en');
});

test('an analyst sees the shops but cannot create one; accounts and audit are not in the menu', async ({ page, snap }) => {
  const admin = await page.request.post(`${hqUrl}/console/api/users.create`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    data: { username: 'li', displayName: '李分析', role: 'analyst', password: 'analyst-password-1' },
  });
  expect(admin.status()).toBe(200);
  await page.addInitScript(() => localStorage.setItem('fixpoint.hq.locale', 'en'));
  await signIn(page, 'li', 'analyst-password-1');
  const nav = page.getByRole('navigation');
  await expect(nav.getByText('Shops', { exact: true })).toBeVisible();
  await expect(nav.getByText('Head office accounts')).toHaveCount(0);
  await expect(nav.getByText('Audit log')).toHaveCount(0);
  // an analyst reads the figures, not the customers' complaints
  await expect(nav.getByText('Figures', { exact: true })).toBeVisible();
  await expect(nav.getByText('Escalated complaints')).toHaveCount(0);
  await nav.getByText('Shops', { exact: true }).click();
  await expect(page.locator('tr[data-shop="SZ01"]')).toBeVisible();
  await expect(page.getByRole('button', { name: 'New shop' })).toHaveCount(0);
  // Typing the accounts URL leads home, and the server refuses the call anyway (tests/security/hq-roles.test.ts).
  await page.goto(`${hqUrl}/console/users`);
  await expect(page).toHaveURL(/\/console\/?$/);
  await snap('hq-analyst-en');
});
