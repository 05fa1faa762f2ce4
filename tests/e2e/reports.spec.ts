import { test, expect, shopForThisFile, signIn } from './fixtures';
import { seedDemo } from '../../src/core/demo';
import type { Locale } from '../../src/shared/i18n/types';

/**
 * Reports end to end on the demo shop, in Chinese and in English: the dashboard (today and this
 * week, charts), the report with a drill-down to its tickets, and a follow-up call with a low
 * score that opens a complaint. Screenshots: test-results/screenshots/reports-*.png.
 */
const shop = shopForThisFile();
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  await seedDemo(shop.backend);
});

for (const lang of ['zh-CN', 'en'] as Locale[]) {
  test(`dashboard, report drill-down, follow-up → complaint (${lang})`, async ({ page, snap }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(shop.url);
    await signIn(page, 'wang', 'manager-demo');
    await expect(page.getByTestId('current-user')).toBeVisible();
    if (lang === 'en') await page.getByTestId('language-switch').getByText('EN').click();
    await page.getByTestId('nav-reports').click();

    // Dashboard: today and this week; the demo has an overdue follow-up.
    const dash = page.getByTestId('reports-dashboard');
    await expect(dash).toBeVisible();
    await expect(page.getByTestId('dash-followups-overdue')).toContainText('1');
    await expect(dash.locator('.recharts-surface').first()).toBeVisible();
    await snap(`reports-dashboard-${lang}`);

    // The report this month; drill down into the completed tickets: the list holds as many as the figure says.
    await page.getByTestId('reports-tab-report').click();
    await expect(page.getByTestId('fig-completed')).toHaveText(/^[1-9]\d*$/);
    const completed = Number(await page.getByTestId('fig-completed').innerText());
    await page.getByTestId('fig-completed').click();
    await expect(page.getByTestId('drill-row')).toHaveCount(Math.min(completed, 50));
    await snap(`reports-drilldown-${lang}`);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('drill')).toBeHidden();
    await snap(`reports-report-${lang}`);

    // Follow-ups: the overdue call, a score of 1 and a problem → the complaint form, one click.
    await page.getByTestId('reports-tab-followUps').click();
    const row = page.getByTestId('followup-row').filter({ has: page.getByTestId('followup-record') }).first();
    await row.getByTestId('followup-record').click();
    // One star: the pointer over the first star, as a person would click it.
    // the modal slides in: aim once the stars have stopped moving (a loaded machine animates slowly)
    let stars = (await page.getByTestId('fu-score').boundingBox())!;
    await expect
      .poll(async () => {
        const now = (await page.getByTestId('fu-score').boundingBox())!;
        const still = now.x === stars.x && now.y === stars.y;
        stars = now;
        return still;
      })
      .toBe(true);
    await page.mouse.move(stars.x + 8, stars.y + stars.height / 2);
    await page.mouse.down();
    await page.mouse.up();
    await page.getByTestId('fu-comments').fill(lang === 'en' ? 'Screen flickers again' : '屏幕又闪烁了');
    await page.getByTestId('fu-problem').click();
    await page.getByTestId('fu-save').click();
    await expect(page.getByTestId('complaint-form')).toBeVisible();
    await expect(page.getByTestId('complaint-description')).toHaveValue(lang === 'en' ? 'Screen flickers again' : '屏幕又闪烁了');
    await snap(`reports-followup-complaint-${lang}`);
    await page.getByTestId('complaint-save').click();
    await expect(page.getByTestId('complaint-form')).toBeHidden();

    await page.getByTestId('reports-tab-complaints').click();
    await expect(page.getByTestId('complaint-row').filter({ hasText: lang === 'en' ? 'Repair quality' : '维修质量' })).toHaveCount(lang === 'zh-CN' ? 1 : 2);
    await page.getByTestId('complaint-row').first().click();
    await expect(page.getByTestId('complaint-detail')).toBeVisible();
    await snap(`reports-complaint-${lang}`);
    await page.keyboard.press('Escape');

    // Bad input: the end before the start is refused at the field, in the chosen language.
    await page.getByTestId('reports-tab-report').click();
    await page.getByTestId('report-to').fill('2020-01-01');
    await page.getByTestId('report-run').click();
    await expect(page.getByText(lang === 'en' ? 'The end date is before the start date' : '结束日期不能早于开始日期').first()).toBeVisible();
  });
}
