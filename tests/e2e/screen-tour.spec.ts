import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect, shopForThisFile, signIn } from './fixtures';
import { seedDemo } from '../../src/core/demo';
import { DEMO_USERS } from '../../src/core/demo/users';
import { TICKET_STATUSES } from '../../src/shared/tickets/statuses';
import { catalog } from '../../src/shared/i18n/catalog';
import { rawCodesIn } from './tour/raw-codes';
import { contractEnumValues } from './tour/enum-values';
import { offScreen, visibleTextChunks } from './tour/page-checks';

/**
 * Every screen of the demo shop, in zh-CN and English, at the two counter PC sizes (1366×768 and
 * 1280×800): each section and tab by its URL, a ticket in each state (its drawer and its bench),
 * a customer, the collection's payment, the what-if, search and the forms that open as dialogs.
 * At each screen: a screenshot (test-results/tour/<lang>-<size>/), no raw code in the visible text
 * (tour/raw-codes.ts) and nothing drawn past the right edge of the window.
 */
const shop = shopForThisFile();

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = path.join(ROOT, 'test-results/tour');
const ADMIN = DEMO_USERS.find((u) => u.role === 'admin')!;
const COUNTER = DEMO_USERS.find((u) => u.role === 'counter')!;
const ENUMS = contractEnumValues();
const NAMESPACES = new Set(Object.keys(catalog['zh-CN']).map((k) => k.split('.')[0]!));

interface Stop {
  name: string;
  /** The hash path to open; `null` stays where the previous stop left the page. */
  path: string | null;
  /** Opens the dialog or fills the step the screen is about, once at the path. */
  act?(page: Page): Promise<void>;
  /** Closes what `act` opened, so the next stop starts on a plain screen. */
  after?(page: Page): Promise<void>;
}

let byStatus: Partial<Record<(typeof TICKET_STATUSES)[number], string>> = {};
let customerId = '';
/** Data the screens show that reads like a code: the demo's usernames. */
const DATA = DEMO_USERS.map((u) => u.username);

test.beforeAll(async () => {
  await seedDemo(shop.backend);
  const { token } = await shop.backend.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
  let cursor: string | undefined;
  do {
    const page = await shop.backend.call('tickets.list', { limit: 100, ...(cursor ? { cursor } : {}) }, { token });
    for (const r of page.rows) {
      byStatus[r.status] ??= r.number;
      customerId ||= r.customer.id;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
});

const escape = async (page: Page) => {
  await page.keyboard.press('Escape');
  await expect(page.locator('.mantine-Modal-content')).toHaveCount(0);
};

function stops(): Stop[] {
  const tickets = TICKET_STATUSES.filter((s) => byStatus[s]).flatMap((s): Stop[] => [
    { name: `ticket-${s}`, path: `/tickets/${byStatus[s]}` },
    { name: `bench-ticket-${s}`, path: `/bench/queue/all/${byStatus[s]}` },
  ]);
  return [
    { name: 'counter-intake', path: '/counter/intake' },
    { name: 'counter-tickets', path: '/counter/tickets' },
    {
      name: 'counter-tickets-board',
      path: null,
      act: (page) => page.getByTestId('ticket-view').locator('label').nth(1).click(),
    },
    { name: 'counter-queues', path: '/counter/queues' },
    { name: 'counter-uncollected', path: '/counter/uncollected' },
    { name: 'counter-collect', path: '/counter/collect' },
    ...(byStatus.ready
      ? [
          {
            name: 'counter-collect-payment',
            path: null,
            act: async (page: Page) => {
              await page.getByTestId('collection-scan').fill(byStatus.ready!);
              await page.getByTestId('collection-scan').press('Enter');
              await expect(page.getByTestId('collection-number')).toBeVisible();
            },
          },
        ]
      : []),
    { name: 'counter-close', path: '/counter/close' },
    { name: 'counter-claims', path: '/counter/claims' },
    { name: 'bench-mine', path: '/bench/queue/mine' },
    { name: 'bench-unassigned', path: '/bench/queue/unassigned' },
    { name: 'bench-all', path: '/bench/queue/all' },
    { name: 'bench-calls', path: '/bench/calls' },
    { name: 'bench-prices', path: '/bench/prices' },
    ...tickets,
    { name: 'customer', path: `/customers/${customerId}` },
    { name: 'stock-catalog', path: '/stock/catalog' },
    { name: 'stock-reorder', path: '/stock/reorder' },
    { name: 'stock-valuation', path: '/stock/valuation' },
    { name: 'stock-stocktake', path: '/stock/stocktake' },
    { name: 'stock-oldParts', path: '/stock/oldParts' },
    { name: 'stock-loaners', path: '/stock/loaners' },
    { name: 'reports-dashboard', path: '/reports/dashboard' },
    { name: 'reports-report', path: '/reports/report' },
    { name: 'reports-followUps', path: '/reports/followUps' },
    { name: 'reports-complaints', path: '/reports/complaints' },
    { name: 'settings-shop', path: '/settings/shop' },
    { name: 'settings-catalog-prices', path: '/settings/catalog/prices' },
    { name: 'settings-catalog-parts', path: '/settings/catalog/parts' },
    { name: 'settings-catalog-start', path: '/settings/catalog/start' },
    { name: 'settings-users', path: '/settings/users' },
    { name: 'settings-account', path: '/settings/account' },
    { name: 'settings-audit', path: '/settings/audit' },
    { name: 'settings-warranty', path: '/settings/warranty' },
    { name: 'settings-warranty-calendar', path: null, act: (page) => page.getByTestId('warranty-views').locator('label').nth(1).click() },
    {
      name: 'settings-warranty-whatif',
      path: null,
      act: async (page) => {
        await page.getByTestId('warranty-views').locator('label').nth(2).click();
        await expect(page.getByTestId('whatif-result')).toBeVisible();
      },
    },
    { name: 'settings-printing', path: '/settings/printing' },
    { name: 'settings-sync', path: '/settings/sync' },
    { name: 'settings-backups', path: '/settings/backups' },
    { name: 'settings-about', path: '/settings/about' },
    {
      name: 'search',
      path: '/counter/intake',
      act: async (page) => {
        await page.keyboard.press('Control+k');
        await expect(page.getByRole('dialog')).toBeVisible();
        await page.keyboard.type('138');
      },
      after: escape,
    },
  ];
}

/** Waits until the screen has its data: no loader showing, then a moment for the layout to settle. */
async function settled(page: Page) {
  await expect(page.locator('.mantine-Loader-root:visible')).toHaveCount(0, { timeout: 15_000 });
  await page.waitForTimeout(100);
}

async function tour(page: Page, lang: 'zh' | 'en', size: { width: number; height: number }, user: (typeof DEMO_USERS)[number] = ADMIN, only?: string[]) {
  await page.setViewportSize(size);
  await page.goto(shop.url);
  await signIn(page, user.username, user.password);
  await expect(page.getByTestId('current-user')).toBeVisible();
  if (lang === 'en') await page.getByTestId('language-switch').getByText('EN').click();
  const dir = path.join(OUT, `${lang}-${size.width}x${size.height}${user === ADMIN ? '' : `-${user.role}`}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const problems: string[] = [];
  const list = stops().filter((s) => !only || only.includes(s.name));
  for (const [i, stop] of list.entries()) {
    if (stop.path !== null) await page.goto(`${shop.url}#${stop.path}`);
    await settled(page);
    if (stop.act) {
      await stop.act(page);
      await settled(page);
    }
    // The whole page at the first size (to look at); the window only at the second (the checks cover the rest).
    await page.screenshot({ path: path.join(dir, `${String(i).padStart(2, '0')}-${stop.name}.png`), fullPage: size.width === 1366 });
    for (const c of rawCodesIn(await visibleTextChunks(page), { enumValues: ENUMS, allowed: DATA, keyNamespaces: NAMESPACES })) problems.push(`${stop.name}: ${c.kind} "${c.code}" in "${c.chunk.slice(0, 80)}"`);
    for (const o of await offScreen(page)) problems.push(`${stop.name}: off-screen ${o}`);
    if (stop.after) await stop.after(page);
  }
  expect(problems).toEqual([]);
}

for (const lang of ['zh', 'en'] as const) {
  for (const size of [
    { width: 1366, height: 768 },
    { width: 1280, height: 800 },
  ]) {
    test(`every screen in ${lang} at ${size.width}×${size.height}: no raw code, nothing off-screen`, async ({ page }) => {
      test.setTimeout(180_000);
      await tour(page, lang, size);
    });
  }
}

test('what a counter clerk sees where only an admin or a manager may act (zh at 1366×768)', async ({ page }) => {
  test.setTimeout(60_000);
  const only = ['bench-prices', 'stock-catalog', 'counter-claims', 'settings-warranty'];
  await tour(page, 'zh', { width: 1366, height: 768 }, COUNTER, only);
});
