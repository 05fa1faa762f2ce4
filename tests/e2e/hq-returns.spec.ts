import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, installShopClock, signIn as shopSignIn } from './fixtures';
import { startShopHost } from '../../src/server/shop-host';
import { ADMIN_TOKEN, openTestHq, sharedPostgres, stopSharedPostgres, type HqDialect, type TestHq, listenOnLoopback } from '../helpers/hq';
import { PASSWORD } from '../helpers/backend';
import { ManualClock } from '../helpers/clock';
import { addDaysToDate, localDate } from '../../src/shared/time/local-date';
import type { Role } from '../../src/shared/api/roles';
import type { Complaint } from '../../src/shared/reports/care';
import type { OldPart, Shipment } from '../../src/shared/stock/schemas';
import { claimsShop, type ClaimsShop } from '../integration/hq-console/claims-fixture';

/**
 * Head office's returned old parts and escalated complaints in Chromium, against a real head
 * office (SQLite, in this process, serving the built console) and two real enrolled shops that
 * sync in-process, all on one clock moved by hand (the escalation needs two days to pass):
 * - SZ03 shipped two old parts today, SZ04 one twenty days ago (late); the claims reviewer
 *   receives SZ03's mainboard line by line in zh-CN, then SZ04's late shipment in English, and
 *   each shop's shipment follows after its sync;
 * - SZ03 let a complaint slip to head office; the service manager answers it with a deadline (a
 *   past one is refused on the field) and sees the shop has it after its sync.
 * The same on head office's SQLite and on PostgreSQL (skipped without PostgreSQL binaries).
 * Screenshots (the SQLite run): test-results/screenshots/hq-returns-*.png, hq-complaint-*.png.
 */
test.describe.configure({ mode: 'serial' });
test.afterAll(() => stopSharedPostgres());

const REVIEWER = { username: 'zhao', password: 'claims-reviewer-1', displayName: '赵审核', role: 'claims_reviewer' };
const MANAGER = { username: 'wu', password: 'service-manager-1', displayName: '吴主管', role: 'service_manager' };

/** A shop call with a fresh session (the clock moves past the shop's idle timeout). */
async function call<T = any>(shop: ClaimsShop, role: Role, name: string, input: unknown): Promise<T> {
  const { token } = (await shop.backend.call('auth.login' as never, { username: role, password: PASSWORD } as never)) as { token: string };
  return shop.backend.call(name as never, input as never, { token }) as Promise<T>;
}

async function shipAll(shop: ClaimsShop, shippedOn: string, trackingNo: string): Promise<Shipment> {
  const bin = await call<OldPart[]>(shop, 'counter', 'oldParts.list', { status: 'in_bin' });
  return call<Shipment>(shop, 'counter', 'shipments.create', { oldPartIds: bin.map((o) => o.id), carrier: '顺丰速运', trackingNo, shippedOn });
}

for (const dialect of ['sqlite', 'postgres'] as HqDialect[]) test.describe(`head office on ${dialect}`, () => {
  const clock = new ManualClock();
  let hq: TestHq;
  let hqUrl = '';
  let sz03: ClaimsShop;
  let sz04: ClaimsShop;
  let sz03Shipment: Shipment;
  let sz04Shipment: Shipment;
  let complaint: Complaint;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    test.skip(dialect === 'postgres' && (await sharedPostgres()) === null, 'no PostgreSQL binaries');
    hq = await openTestHq(dialect, { now: () => clock.now(), console: { staticDir: path.resolve('out/hq-console') } });
    hqUrl = await listenOnLoopback(hq.app);
    for (const u of [REVIEWER, MANAGER]) {
      const res = await fetch(`${hqUrl}/console/api/users.create`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(u) });
      expect(res.status).toBe(200);
    }
    sz03 = await claimsShop(hq, 'SZ03', clock);
    sz04 = await claimsShop(hq, 'SZ04', clock);
    const claim = await sz03.warrantyClaim(); // its old mainboard goes to the bin
    await call(sz03, 'counter', 'oldParts.add', { ticket: claim.ticketNumber, serial: 'BAD-BAT-1', description: '旧电池' });
    await sz04.warrantyClaim();
    const today = localDate(clock.now(), 'Asia/Shanghai');
    sz03Shipment = await shipAll(sz03, today, 'SF1000000003');
    sz04Shipment = await shipAll(sz04, addDaysToDate(today, -20), 'SF1000000004');
    // A complaint SZ03 answers too late: to the manager after a day, to head office a day later.
    complaint = await call<Complaint>(sz03, 'counter', 'complaints.open', { ticketId: claim.ticketId, channel: 'phone', category: 'delay', severity: 'high', description: '客户反映主板更换后等了三天仍未取到机器，电话 13800138000 无人回复' });
    for (let i = 0; i < 2; i++) {
      clock.advance(25 * 3_600_000);
      await call(sz03, 'manager', 'complaints.checkEscalations', {});
    }
    await sz03.sync();
    await sz04.sync();
  });

  test.afterAll(async () => {
    await sz03?.backend.close();
    await sz04?.backend.close();
    await hq?.close();
  });

  /** Screenshots from the SQLite run only (the PostgreSQL run shows the same screens). */
  const pictures = (snap: (name: string) => Promise<void>) => (name: string) => (dialect === 'sqlite' ? snap(name) : Promise.resolve());

  async function signIn(page: Page, who: { username: string; password: string }, locale: 'zh-CN' | 'en' = 'zh-CN') {
    await installShopClock(page, clock.now(), page);
    await page.addInitScript((l) => localStorage.setItem('fixpoint.hq.locale', l), locale);
    await page.goto(`${hqUrl}/console/`);
    await page.getByLabel(/^用户名|^User name/).fill(who.username);
    await page.getByLabel(/^密码|^Password/).fill(who.password);
    await page.getByRole('button', { name: /^登录$|^Sign in$/ }).click();
  }

  test('the claims reviewer receives SZ03\'s mainboard line by line, then SZ04\'s late shipment in English; the shops\' shipments follow', async ({ page, snap: take }) => {
    const snap = pictures(take);
    await signIn(page, REVIEWER);
    const nav = page.getByRole('navigation');
    // a reviewer has no complaints: customers' words are not theirs
    await expect(nav.getByText('升级投诉')).toHaveCount(0);
    await nav.getByText('旧件返还', { exact: true }).click();
    await expect(page).toHaveURL(/\/console\/returns$/);
    await expect(page.getByTestId('returns-rule')).toHaveText('门店寄出后 14 天内须全部签收，逾期未收齐的返还单列为逾期。');
    const rows = page.getByTestId('returns-table').locator('tbody tr');
    // the late one on top: shipped 20 days before the clock's start, two days have passed since
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toHaveAttribute('data-shipment', sz04Shipment.number);
    const late = page.locator(`tr[data-shipment="${sz04Shipment.number}"]`);
    await expect(late.getByTestId('shipment-state')).toHaveText('逾期 8 天');
    const mine = page.locator(`tr[data-shipment="${sz03Shipment.number}"]`);
    await expect(mine.getByTestId('shipment-state')).toHaveText('在途');
    await expect(mine.getByTestId('shipment-received')).toHaveText('0 / 2 件');
    await expect(page.getByTestId('returns-summary')).toHaveText('2 家门店有在途旧件，共 3 件未签收；其中 1 家有逾期返还单。');
    await expect(mine).toContainText('SZ03');
    await expect(mine).toContainText('SF1000000003');
    await snap('hq-returns-zh');
    // per shop: the filter lists each shop with its open returns
    await page.getByTestId('returns-shop').click();
    await page.getByRole('option', { name: 'SZ03 SZ03店 · 在途 1 · 逾期 0' }).click();
    await expect(rows).toHaveCount(1);
    await expect(rows.nth(0)).toHaveAttribute('data-shipment', sz03Shipment.number);

    await mine.click();
    const drawer = page.getByTestId('shipment-detail');
    await expect(drawer.getByTestId('shipment-lines')).toContainText('BAD-MB-1');
    await expect(drawer.getByTestId('shipment-lines')).toContainText('M60-MB-SN1');
    await expect(page.getByTestId('receive-submit')).toBeDisabled();
    await page.getByRole('checkbox', { name: '选择 BAD-MB-1' }).check();
    await page.getByTestId('receive-note').fill('序列号核对无误');
    await page.getByTestId('receive-submit').click();
    const board = drawer.locator('tr[data-serial="BAD-MB-1"]');
    await expect(board.getByTestId('line-received')).toContainText('已签收');
    await expect(board.getByTestId('line-received')).toContainText('zhao');
    await expect(board.getByTestId('line-received')).toContainText('门店尚未同步签收结果');
    await expect(drawer.locator('tr[data-serial="BAD-BAT-1"]').getByTestId('line-received')).toHaveText('在途');
    await expect(page.getByText('已签收 1 件，本单共签收 1 / 2 件')).toBeVisible();
    await snap('hq-returns-receive-zh');

    // the shop pulls the receipt (its line confirmed), then pushes it back: head office sees it applied
    await sz03.sync();
    await sz03.sync();
    const lines = await call<OldPart[]>(sz03, 'counter', 'oldParts.list', { shipmentId: sz03Shipment.id });
    expect(lines.map((l) => [l.serial, l.status]).sort()).toEqual([['BAD-BAT-1', 'shipped'], ['BAD-MB-1', 'confirmed']]);
    await page.keyboard.press('Escape');
    await page.reload();
    await expect(mine.getByTestId('shipment-received')).toHaveText('1 / 2 件');
    await expect(mine).not.toContainText('门店尚未同步签收结果');

    // English: the late view, SZ04's shipment received in full with "pick all"
    await page.getByTestId('language-switch').getByText('EN').click();
    await expect(page.getByTestId('returns-rule')).toHaveText('A shipment must arrive in full within 14 days of its shipping date; one still missing old parts after that is late.');
    await page.getByTestId('returns-view').getByText('Late', { exact: true }).click();
    await expect(page.getByTestId('returns-table').locator('tbody tr')).toHaveCount(1);
    await expect(late.getByTestId('shipment-state')).toHaveText('8 days late');
    await snap('hq-returns-late-en');
    await late.click();
    await page.getByRole('checkbox', { name: 'Pick every old part not received' }).check();
    await expect(page.getByTestId('receive-submit')).toHaveText('Receive 1 old part');
    await page.getByTestId('receive-submit').click();
    await expect(page.getByTestId('shipment-detail-state')).toHaveText('Received');
    await expect(page.getByTestId('shipment-detail').locator('tr[data-serial="BAD-MB-1"]').getByTestId('line-received')).toContainText('Not yet pulled by the shop');
    await snap('hq-returns-receive-en');
    await sz04.sync();
    expect((await call<Shipment[]>(sz04, 'counter', 'shipments.list', {}))[0]).toMatchObject({ id: sz04Shipment.id, status: 'closed', confirmed: 1, lines: 1 });
    await page.keyboard.press('Escape');
    await expect(page.getByText('No shipment in this view.')).toBeVisible();
  });

  test('the service manager follows returns without receiving, and answers SZ03\'s escalated complaint with a deadline the shop then shows', async ({ page, snap: take }) => {
    const snap = pictures(take);
    await signIn(page, MANAGER);
    const nav = page.getByRole('navigation');
    // returns: read, not received (no boxes, no button)
    await nav.getByText('旧件返还', { exact: true }).click();
    await page.locator(`tr[data-shipment="${sz03Shipment.number}"]`).click();
    await expect(page.getByTestId('shipment-lines')).toContainText('BAD-BAT-1');
    await expect(page.getByTestId('shipment-detail').getByRole('checkbox')).toHaveCount(0);
    await expect(page.getByTestId('receive-submit')).toHaveCount(0);
    await page.keyboard.press('Escape');

    await nav.getByText('升级投诉', { exact: true }).click();
    const row = page.locator(`tr[data-complaint="${complaint.number}"]`);
    await expect(row.getByTestId('complaint-hq')).toHaveText('待总部答复');
    // personal data masked at head office
    await expect(row).not.toContainText('13800138000');
    await snap('hq-complaints-zh');
    await row.click();
    const form = page.getByTestId('response-form');
    const today = localDate(clock.now(), 'Asia/Shanghai');
    const deadline = addDaysToDate(today, 3);
    // no words: the contract's rule on the field; a deadline already past: head office's refusal on the field
    await form.getByTestId('response-deadline').fill(deadline);
    await form.getByTestId('response-submit').click();
    await expect(form.getByText('必填')).toBeVisible();
    await form.getByTestId('response-text').fill('总部已致电客户致歉。请门店三天内完成维修、交机并回访客户，结果在投诉中记录。');
    await form.getByTestId('response-deadline').fill(addDaysToDate(today, -1));
    await form.getByTestId('response-submit').click();
    await expect(form.getByText('期限不能早于今天')).toBeVisible();
    await form.getByTestId('response-deadline').fill(deadline);
    await form.getByTestId('response-submit').click();
    await expect(page.getByText('答复已发送，门店下次同步后即可看到')).toBeVisible();
    const responses = page.getByTestId('complaint-responses');
    await expect(responses).toContainText('总部已致电客户致歉');
    await expect(responses).toContainText(`限期 ${deadline}`);
    await expect(responses).toContainText('门店尚未同步');
    await snap('hq-complaint-respond-zh');

    // the shop pulls: its complaint shows head office's words and deadline; head office sees it has them
    await sz03.sync();
    await sz03.sync();
    const atShop = await call<Complaint>(sz03, 'manager', 'complaints.get', { id: complaint.id });
    expect(atShop.headOffice).toMatchObject({ response: '总部已致电客户致歉。请门店三天内完成维修、交机并回访客户，结果在投诉中记录。', deadline, responder: 'wu', pastDeadline: false });
    await page.keyboard.press('Escape');
    await page.reload();
    await expect(row.getByTestId('complaint-hq')).toHaveText(`限期 ${deadline}`);
    await page.getByTestId('language-switch').getByText('EN').click();
    await expect(row.getByTestId('complaint-hq')).toHaveText(`Settle by ${deadline}`);
    await row.click();
    await expect(page.getByTestId('complaint-responses')).toContainText('The shop has it');
    await snap('hq-complaint-en');

    // At the shop (its own host, on the same clock): the complaint shows head office's words and deadline.
    const host = await startShopHost({ backend: sz03.backend, port: 0, staticDir: path.resolve('out/renderer') });
    try {
      const counter = await page.context().newPage();
      await installShopClock(counter, clock.now(), counter);
      await counter.setViewportSize({ width: 1440, height: 900 });
      await counter.goto(host.url);
      await shopSignIn(counter, 'manager', PASSWORD);
      await counter.getByTestId('nav-reports').click();
      await counter.getByTestId('reports-tab-complaints').click();
      const mine = counter.getByTestId('complaint-row').filter({ hasText: complaint.number });
      await expect(mine.getByTestId('complaint-hq-deadline')).toHaveText(`总部限期 ${deadline}`);
      await mine.click();
      const said = counter.getByTestId('complaint-hq-response');
      await expect(said).toContainText('总部已致电客户致歉');
      await expect(said).toContainText('wu');
      await expect(counter.getByTestId('complaint-detail')).toContainText('总部答复');
      const shot = async (name: string) => (await counter.waitForTimeout(300), await counter.screenshot({ path: path.resolve('test-results/screenshots', `${name}.png`), fullPage: true }));
      if (dialect === 'sqlite') await shot('hq-complaint-at-shop-zh');
      await counter.keyboard.press('Escape');
      await counter.getByTestId('language-switch').getByText('EN').click();
      await mine.click();
      await expect(said).toContainText(`Head office: settle by ${deadline}`);
      if (dialect === 'sqlite') await shot('hq-complaint-at-shop-en');
    } finally {
      await host.close();
    }
  });
});
