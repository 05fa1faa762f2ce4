import { findReturning, type Returning } from './returning';
import { test, expect, shopForThisFile, signIn } from './fixtures';
import { seedDemo } from '../../src/core/demo';

/**
 * "New intake for this customer" from the customer's card (found by Ctrl+K): the counter's intake
 * opens with that customer picked, from whichever counter tab was open, and only once (going back
 * to the intake later does not pick them again).
 */
const shop = shopForThisFile();
const COUNTER = { username: 'li', password: 'counter-demo' };
let returning: Returning;

test.beforeAll(async () => {
  await seedDemo(shop.backend);
  const { token } = (await shop.backend.call('auth.login', COUNTER)) as { token: string };
  returning = (await findReturning(shop.backend, token))!;
  expect(returning).toBeTruthy();
});

test('a customer card starts an intake with that customer picked', async ({ page }) => {
  await page.goto(shop.url);
  await signIn(page, COUNTER.username, COUNTER.password);
  await page.getByTestId('counter-tab-tickets').click();
  await expect(page.getByTestId('ticket-list')).toBeVisible();

  await page.keyboard.press('Control+K');
  const dialog = page.getByRole('dialog', { name: '全局搜索' });
  await expect(dialog.getByRole('textbox')).toBeFocused();
  await page.keyboard.type(returning.last4);
  await dialog.getByTestId('search-group-customers').getByText(returning.name).first().click();
  await page.getByTestId('customer-card').getByTestId('customer-start-intake').click();

  await expect(page.getByTestId('customer-card')).toHaveCount(0);
  await expect(page.getByTestId('picked-customer')).toContainText(returning.name);
  await expect(page).toHaveURL(/#\/counter\/intake$/);

  // Once: clearing the pick and coming back to the intake leaves it cleared.
  await page.getByTestId('picked-customer').getByRole('button').first().click();
  await expect(page.getByTestId('customer-search')).toBeVisible();
  await page.getByTestId('counter-tab-tickets').click();
  await page.getByTestId('counter-tab-intake').click();
  await expect(page.getByTestId('customer-search')).toBeVisible();
  await expect(page.getByTestId('picked-customer')).toHaveCount(0);
});
