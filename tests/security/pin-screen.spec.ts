/**
 * Issue 14, point 2, as a person sees it: a tab where nobody signed in with a password offers no
 * users to switch to and says why, in words; after a password sign-in in that tab, the PIN
 * switch works there — and a second tab of the same browser is still no station.
 */
import { test, expect, shopForThisFile, signIn } from '../e2e/fixtures';

const shop = shopForThisFile();
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  const admin = await shop.backend.call('setup.run', { shop: { name: '华强北店', code: 'HQB2' }, admin: { username: 'admin', displayName: '李管理', password: 'admin-pass-1', pin: '4321' } });
  await shop.backend.call('users.create', { username: 'chen', displayName: '陈前台', role: 'counter', password: 'counter-pass', pin: '5678' }, { token: admin.token });
});

test('a tab that is no station is told why it cannot switch by PIN, then becomes one with a password', async ({ page, context, snap }) => {
  await page.goto(shop.url);
  await page.getByRole('button', { name: '用 PIN 快速切换用户' }).click();
  await expect(page.getByTestId('pin-error')).toHaveText(
    'PIN 只能在 12 小时内有人用密码登录过的这个窗口（浏览器标签页）里切换用户。请先用密码登录，之后这里就可以用 PIN 切换。',
  );
  await expect(page.getByTestId('pin-user-chen')).toHaveCount(0);
  await snap('zh-pin-no-station');

  await page.getByRole('button', { name: '用密码登录' }).click();
  await signIn(page, 'admin', 'admin-pass-1');
  await expect(page.getByTestId('current-user')).toContainText('李管理');
  await page.getByRole('button', { name: '切换用户' }).click();
  await page.getByTestId('pin-user-chen').click();
  await page.keyboard.type('5678');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('current-user')).toContainText('陈前台');

  // Another tab of the same browser has its own (empty) sessionStorage: no station there.
  const other = await context.newPage();
  await other.goto(shop.url);
  await other.getByRole('button', { name: '用 PIN 快速切换用户' }).click();
  await expect(other.getByTestId('pin-error')).toContainText('请先用密码登录');
});
