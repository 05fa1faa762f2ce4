import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, shopForThisFile, signIn } from './fixtures';
import { seedDemoUsers } from '../../src/core/demo/users';

/**
 * Settings → Backups and the dashboard's banner, in Chromium against the shop host: a manager
 * of a shop without backups sees the warning on the dashboard, chooses a folder, writes down the
 * recovery key shown once, backs up and sees the backup listed with its size; restores it after
 * a confirmation and signs in again; when the folder is gone (a USB stick pulled) the backup
 * fails and the dashboard says so, in Chinese and in English.
 * Screenshots: test-results/screenshots/backups-*.png.
 */
const shop = shopForThisFile();
test.describe.configure({ mode: 'serial' });

const MANAGER = { username: 'wang', password: 'manager-demo' };
let folder = '';

test.beforeAll(async () => {
  await seedDemoUsers(shop.backend);
  // the "USB stick": a folder outside the shop's data folder
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'fixpoint-e2e-usb-'));
});
test.afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

test('a manager sets up backups from the dashboard warning, keeps the key, backs up, sees it listed and restores it (zh-CN)', async ({ page, snap }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(shop.url);
  await signIn(page, MANAGER.username, MANAGER.password);
  await expect(page.getByTestId('current-user')).toBeVisible();

  // no folder yet: the dashboard warns
  await page.getByTestId('nav-reports').click();
  const banner = page.getByTestId('backup-banner');
  await expect(banner).toHaveAttribute('data-alert', 'not_configured');
  await expect(banner).toContainText('本店还没有自动备份');
  await snap('backups-banner-missing-zh');

  // the banner leads to Settings → Backups
  await banner.getByTestId('backup-banner-open').click();
  await expect(page).toHaveURL(/#\/settings\/backups$/);
  await page.getByTestId('backup-dir').fill(folder);
  await page.getByTestId('backup-save').click();

  // the recovery key, once: 13 groups of four characters; the dialog stays until it is noted
  const key = page.getByTestId('backup-recovery-key-value');
  await expect(key).toHaveText(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){12}$/);
  await snap('backups-recovery-key-zh');
  await expect(page.getByTestId('backup-key-done')).toBeDisabled();
  await page.getByTestId('backup-key-noted').click();
  await page.getByTestId('backup-key-done').click();
  await expect(page.getByTestId('backup-recovery-key')).toBeHidden();
  await expect(page.getByTestId('backup-key-created')).toContainText('恢复密钥创建于');

  // back up now: the backup is listed with its size and result, and the file is in the folder
  await page.getByTestId('backup-run').click();
  const row = page.getByTestId('backup-row').filter({ hasText: '手动' }).first();
  await expect(row).toHaveAttribute('data-result', 'ok');
  await expect(row).toContainText('成功');
  await expect(row).toContainText(/\d+(\.\d)? (KB|MB)/);
  expect(fs.readdirSync(folder).filter((f) => f.endsWith('.fxbak'))).toHaveLength(1);
  await expect(page.getByTestId('backup-panel-alert')).toHaveCount(0);
  await snap('backups-listed-zh');

  // restore it: a confirmation that must be ticked, then everyone signs in again
  await row.getByTestId('backup-restore').click();
  await expect(page.getByTestId('backup-restore-confirm')).toContainText('替换前的数据会另存一份');
  await expect(page.getByTestId('backup-restore-go')).toBeDisabled();
  await snap('backups-restore-confirm-zh');
  await page.getByTestId('backup-restore-understood').click();
  await page.getByTestId('backup-restore-go').click();
  await expect(page.getByLabel(/^(用户名|User name)$/)).toBeVisible();
  await signIn(page, MANAGER.username, MANAGER.password);
  await expect(page.getByTestId('current-user')).toBeVisible();
  // the restored shop kept this PC's backup settings and history
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-backups').click();
  await expect(page.getByTestId('backup-row').first()).toBeVisible();
  expect(fs.readdirSync(shop.backend.services.dataDir!).some((f) => f.includes('before-restore'))).toBe(true); // the data before, kept aside
});

test('a pulled USB stick: the backup fails, the list and the dashboard say why (zh-CN, en)', async ({ page, snap }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(shop.url);
  await signIn(page, MANAGER.username, MANAGER.password);
  await expect(page.getByTestId('current-user')).toBeVisible();
  fs.rmSync(folder, { recursive: true, force: true });

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-backups').click();
  await page.getByTestId('backup-run').click();
  await expect(page.getByTestId('backup-row').first()).toHaveAttribute('data-result', 'failed');
  await expect(page.getByTestId('backup-row').first()).toContainText('不存在或未连接');
  await expect(page.getByTestId('backup-panel-alert')).toContainText('最近一次备份失败');
  await snap('backups-failed-zh');

  await page.getByTestId('nav-reports').click();
  await expect(page.getByTestId('backup-banner')).toHaveAttribute('data-alert', 'failed');
  await expect(page.getByTestId('backup-banner')).toContainText(`备份文件夹 ${folder} 不存在或未连接`);
  await snap('backups-banner-failed-zh');

  await page.getByTestId('language-switch').getByText('EN').click();
  await expect(page.getByTestId('backup-banner')).toContainText(`The last backup failed: The backup folder ${folder} does not exist or is not connected`);
  await snap('backups-banner-failed-en');
  await page.getByTestId('backup-banner-open').click();
  await expect(page.getByTestId('backup-row').first()).toContainText('Failed');
  await expect(page.getByTestId('backup-row').filter({ hasText: 'By hand' }).filter({ hasText: 'OK' })).toHaveCount(1);
  await snap('backups-panel-en');
});
