import type net from 'node:net';
import { test, expect, shopForThisFile, signIn } from './fixtures';
import { PASSWORD, setupShop } from '../helpers/backend';
import { openTestHq, type TestHq } from '../helpers/hq';
import { hashSecret } from '../../src/core/auth/passwords';
import { buildHqApp } from '../../src/hq/app';
import { syncEngineOf } from '../../src/core/sync/engine';

/**
 * An enrolled shop whose head office is down: a ticket taken in meanwhile is marked "not yet at
 * head office" in the ticket list, on the board and in its detail, while one that reached head
 * office is not; once head office is back and a sync succeeds, the mark goes. Settings show
 * what head office manages as read-only. A real head office (SQLite) runs in this process on a
 * loopback port. Screenshots: test-results/screenshots/sync-pending-*.png, sync-hq-managed-*.png.
 */
const shop = shopForThisFile();
test.describe.configure({ mode: 'serial' });

let tokens: Awaited<ReturnType<typeof setupShop>>;
let hq: TestHq;
let port = 0;
let synced = '';
let waiting = '';
const HQ_USER = '0190a000-0000-7000-8000-0000000000e1';

async function intake(name: string, phone: string, serial: string) {
  const r = await shop.backend.call(
    'tickets.intake',
    {
      customer: { name, phones: [phone] },
      device: { category: 'phone', brand: '小米', model: '14', imei: '', imei2: '', serial, colour: '白' },
      fault: { text: '充电口接触不良', codes: [] },
      passcode: 'none',
      dataLossAck: true,
      promisedDate: '2030-01-10',
    } as never,
    { token: tokens.counter },
  );
  return (r as { ticket: { number: string } }).ticket.number;
}

test.beforeAll(async () => {
  tokens = await setupShop(shop.backend);
  hq = await openTestHq('sqlite');
  await hq.app.listen({ port: 0, host: '127.0.0.1' });
  port = (hq.app.server.address() as net.AddressInfo).port;
  const created = await hq.service.createShop({ code: 'PEND1', name: '同步测试店' });
  await hq.service.publish({ kind: 'shop.settings', shopId: created.shop.id, items: [{ id: 'settings', data: { name: '总部命名·福田店', hotline: '400-800-8000' } }] });
  await hq.service.publish({
    kind: 'users',
    shopId: created.shop.id,
    items: [{ id: HQ_USER, data: { username: 'hq.zhou', displayName: '周（总部）', role: 'technician', passwordHash: await hashSecret('hq-pass-123') } }],
  });
  synced = await intake('已同步客户', '138 0000 1111', 'SN-SYNCED-01');
  await shop.backend.call('sync.enroll', { url: `http://127.0.0.1:${port}`, code: created.enrollmentCode }, { token: tokens.admin });
  const engine = syncEngineOf(shop.backend.services);
  await engine.runNow();
  expect((await engine.status('en')).waiting).toBe(0);
  // Head office goes down; the counter keeps working.
  await hq.app.close();
  waiting = await intake('待上传客户', '139 0000 2222', 'SN-WAITING-02');
  await engine.runNow();
  const st = await engine.status('en');
  expect(st.lastError?.code).toBe('UNREACHABLE');
  expect(st.waiting).toBeGreaterThan(0);
});

test.afterAll(async () => {
  await hq?.close().catch(() => undefined);
});

test('a ticket not yet at head office is marked in the list, on the board and in its detail', async ({ page, snap }) => {
  await page.goto(shop.url);
  await signIn(page, 'counter', PASSWORD);
  await page.getByTestId('counter-tab-tickets').click();
  const pendingRow = page.getByTestId(`ticket-row-${waiting}`);
  await expect(pendingRow.getByTestId('badge-not-at-hq')).toHaveText('尚未上传总部');
  await expect(page.getByTestId(`ticket-row-${synced}`)).toBeVisible();
  await expect(page.getByTestId(`ticket-row-${synced}`).getByTestId('badge-not-at-hq')).toHaveCount(0);
  await snap('sync-pending-list-zh');

  await page.getByTestId('ticket-view').getByText('看板').click();
  await expect(page.getByTestId(`board-card-${waiting}`).getByTestId('badge-not-at-hq')).toBeVisible();
  await expect(page.getByTestId(`board-card-${synced}`).getByTestId('badge-not-at-hq')).toHaveCount(0);

  await page.getByTestId(`board-card-${waiting}`).click();
  const detail = page.getByTestId('ticket-detail');
  await expect(detail.getByTestId('detail-number')).toHaveText(waiting);
  await expect(detail.getByTestId('badge-not-at-hq')).toBeVisible();
  await snap('sync-pending-detail-zh');

  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);
  await page.getByTestId('language-switch').getByText('EN').click();
  await expect(page.getByTestId(`board-card-${waiting}`).getByTestId('badge-not-at-hq')).toHaveText('Not yet at head office');
  await snap('sync-pending-board-en');
  await page.getByTestId(`board-card-${waiting}`).click();
  await expect(detail.getByTestId('badge-not-at-hq')).toHaveText('Not yet at head office');
  await snap('sync-pending-detail-en');
  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);
  await page.getByTestId('language-switch').getByText('中文').click();
});

test('once head office is back and a sync succeeds, the mark goes', async ({ page }) => {
  await page.goto(shop.url);
  await signIn(page, 'counter', PASSWORD);
  await page.getByTestId('counter-tab-tickets').click();
  await page.getByTestId('ticket-view').getByText('列表').click();
  const badge = page.getByTestId(`ticket-row-${waiting}`).getByTestId('badge-not-at-hq');
  await expect(badge).toBeVisible();
  // the same head office (its database) back on the same port
  const app = buildHqApp({ service: hq.service, adminToken: null });
  await app.listen({ port, host: '127.0.0.1' });
  const closeStore = hq.close;
  hq.close = async () => {
    await app.close();
    await closeStore();
  };
  await shop.backend.call('sync.now', {}, { token: tokens.counter });
  await expect(badge).toHaveCount(0); // the list asks again after the sync's status event
  await expect(page.getByTestId(`ticket-row-${waiting}`)).toBeVisible();
});

test('settings show what head office manages as read-only', async ({ page, snap }) => {
  await page.goto(shop.url);
  await signIn(page, 'admin', PASSWORD);
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('settings-hq-managed')).toBeVisible();
  const name = page.getByLabel(/^门店名称/);
  await expect(name).toHaveValue('总部命名·福田店');
  await expect(name).toHaveAttribute('readonly', '');
  await expect(page.getByText('由总部管理').first()).toBeVisible();
  await snap('sync-hq-managed-settings-zh');
  await page.getByRole('tab', { name: '用户' }).click();
  const row = page.getByTestId('user-row-hq.zhou');
  await expect(row).toContainText('总部开通');
  await expect(row.getByTestId('user-hq-managed')).toHaveText('由总部管理');
  await expect(page.getByTestId('user-row-counter').getByRole('button', { name: /操作/ })).toBeVisible();
  await snap('sync-hq-managed-users-zh');
});
