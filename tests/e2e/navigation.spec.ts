import { test, expect, shopForThisFile, signIn } from './fixtures';
import { testDate } from '../helpers/clock';
import { intakeInput } from '../integration/intake/helpers';

/**
 * Every screen has an address: sections and tabs (`#/stock/reorder`, `#/bench/queue/all`), a
 * ticket (`#/tickets/<number>`) in a drawer over the section it was opened from. The back
 * button walks them in reverse, and a pasted ticket link opens the ticket.
 */
const shop = shopForThisFile();
test.describe.configure({ mode: 'serial' });
let number = '';

test.beforeAll(async () => {
  const b = shop.backend;
  const admin = await b.call('setup.run', { shop: { name: '导航测试店', code: 'NAV1' }, admin: { username: 'admin', displayName: '李管理', password: 'admin-pass-1' } });
  const r = await b.call(
    'tickets.intake',
    intakeInput({ customer: { name: '周航', phones: ['139 0013 7000'] }, promisedDate: testDate(5, shop.clock) }),
    { token: admin.token },
  );
  number = r.ticket!.number;
});

test('sections, tabs and a ticket have URLs; back returns through them; a ticket link opens it', async ({ page }) => {
  await page.goto(shop.url);
  await signIn(page, 'admin', 'admin-pass-1');
  await expect(page.getByTestId('current-user')).toBeVisible();
  await expect(page).toHaveURL(/#\/counter\/intake$/);

  await page.getByTestId('nav-stock').click();
  await page.getByTestId('stock-tab-reorder').click();
  await expect(page).toHaveURL(/#\/stock\/reorder$/);
  await page.getByTestId('nav-bench').click();
  await page.getByTestId('bench-tab-all').click();
  await expect(page).toHaveURL(/#\/bench\/queue\/all$/);
  await page.getByRole('tabpanel').getByTestId('bench-queue').getByText(number).click();
  await expect(page).toHaveURL(new RegExp(`#/bench/queue/all/${number}$`));
  await expect(page.getByTestId('ticket-bench')).toBeVisible();

  // Back: the bench without the ticket, then the stock's reorder tab.
  await page.goBack();
  await expect(page).toHaveURL(/#\/bench\/queue\/all$/);
  await expect(page.getByTestId('ticket-bench')).toBeHidden();
  await page.goBack();
  await page.goBack();
  await expect(page).toHaveURL(/#\/stock\/reorder$/);
  await expect(page.getByTestId('stock-tab-reorder')).toHaveAttribute('aria-selected', 'true');

  // A ticket from the counter's list opens in a drawer at its number; back closes it.
  await page.getByTestId('nav-counter').click();
  await page.getByTestId('counter-tab-tickets').click();
  await page.getByTestId('ticket-list').getByText(number).click();
  await expect(page).toHaveURL(new RegExp(`#/tickets/${number}$`));
  const drawer = page.getByRole('dialog', { name: '工单详情' });
  await expect(drawer).toContainText('周航');
  await page.goBack();
  await expect(drawer).toBeHidden();
  await expect(page).toHaveURL(/#\/counter\/tickets$/);

  // A pasted link (a new page load at the ticket's address) shows the ticket over the ticket list.
  await page.goto('about:blank');
  await page.goto(`${shop.url}#/tickets/${number}`);
  await expect(drawer).toContainText('周航');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(page).toHaveURL(/#\/counter\/tickets$/);
});
