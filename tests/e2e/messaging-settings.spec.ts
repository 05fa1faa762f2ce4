import { test, expect, shopForThisFile, signIn, SCREENSHOTS } from './fixtures';
import { PASSWORD, setupShop } from '../helpers/backend';
import { startTencentServer, type SmsTestServer } from '../helpers/sms-servers';
import { runShopMessages } from '../../src/core/shop-messages/sender';
import { intakeInput } from '../integration/intake/helpers';

/**
 * A shop that is not enrolled sets up its own text messages (issue 20 point 4) on the manager's
 * settings screen: Tencent Cloud SMS — a local server that checks the TC3-HMAC-SHA256 signature
 * by Tencent's published algorithm — with a Chinese and an English template per message kind.
 * The secret is never shown back and stays when the field is left empty; a customer who chose
 * English at intake is texted with the English template. Screenshots in both languages.
 */
const shop = shopForThisFile();
test.describe.configure({ mode: 'serial' });

const TC = { secretId: 'AKIDe2eSecretId', secretKey: 'tc-e2e-key', sdkAppId: '1400007777' };
let server: SmsTestServer;
let tokens: Awaited<ReturnType<typeof setupShop>>;

test.beforeAll(async () => {
  tokens = await setupShop(shop.backend);
  server = await startTencentServer({ ...TC, now: () => shop.clock.now() });
});
test.afterAll(async () => {
  await server?.close();
});

const intake = async (name: string, phone: string, messageLocale: 'zh-CN' | 'en') =>
  shop.backend.call('tickets.intake', intakeInput({ customer: { name, phones: [phone] }, confirmDuplicate: true, messageConsent: true, messageLocale } as never) as never, { token: tokens.counter });
const requestTo = (digits: string) => server.requests.filter((r) => JSON.stringify(r.params).includes(digits)).at(-1);

test("the manager sets up Tencent Cloud SMS; customers are texted in the language they chose; the secret never comes back", async ({ page }) => {
  await page.goto(shop.url);
  await signIn(page, 'manager', PASSWORD);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-messages').click();
  const panel = page.getByTestId('messaging-panel');
  await expect(panel).toHaveAttribute('data-state', 'none');
  await panel.getByTestId('messaging-provider').getByText('腾讯云短信').click();
  await panel.getByTestId('messaging-key-id').fill(TC.secretId);
  await panel.getByTestId('messaging-secret').fill(TC.secretKey);
  await panel.getByTestId('messaging-sign-name').fill('福田维修');
  await panel.getByTestId('messaging-sdk-app-id').fill(TC.sdkAppId);
  await panel.getByTestId('messaging-endpoint').fill(server.url);
  await panel.getByTestId('messaging-template-received').fill('1900001');
  await panel.getByTestId('messaging-template-received-en').fill('1900101');
  await panel.getByTestId('messaging-save').click();
  await expect(panel).toHaveAttribute('data-state', 'configured');
  await expect(panel.getByTestId('messaging-state')).toHaveText('已配置');
  // the secret is not in the page: the field is empty, saying one is kept
  await expect(panel.getByTestId('messaging-secret')).toHaveValue('');
  await expect(panel.getByTestId('messaging-secret')).toHaveAttribute('placeholder', '已保存（留空则不变）');
  expect(await page.content()).not.toContain(TC.secretKey);
  await page.screenshot({ path: `${SCREENSHOTS}/messaging-settings-zh.png`, fullPage: true });

  await intake('王中文', '138 0013 8201', 'zh-CN');
  await intake('Sam English', '138 0013 8202', 'en');
  expect(await runShopMessages(shop.backend.services)).toMatchObject({ sent: 2 });
  expect(requestTo('13800138201')).toMatchObject({ code: 'Ok', params: { TemplateId: '1900001', SignName: '福田维修', SmsSdkAppId: TC.sdkAppId } });
  expect(requestTo('13800138202')).toMatchObject({ code: 'Ok', params: { TemplateId: '1900101' } });

  // in English, a new signature name saved with the secret left empty: the saved secret still signs
  await page.getByTestId('language-switch').getByText('EN').click();
  await expect(panel.getByTestId('messaging-state')).toHaveText('Set up');
  await panel.getByTestId('messaging-sign-name').fill('Futian Repairs');
  await panel.getByTestId('messaging-save').click();
  await expect(panel.getByTestId('messaging-saved')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/messaging-settings-en.png`, fullPage: true });
  await intake('Kim Again', '138 0013 8203', 'en');
  await runShopMessages(shop.backend.services);
  expect(requestTo('13800138203')).toMatchObject({ code: 'Ok', params: { TemplateId: '1900101', SignName: 'Futian Repairs' } });

  // stopped: nothing more goes out
  await panel.getByTestId('messaging-clear').click();
  await expect(panel).toHaveAttribute('data-state', 'none');
  await intake('Lee None', '138 0013 8204', 'en');
  await runShopMessages(shop.backend.services);
  expect(requestTo('13800138204')).toBeUndefined();
  await page.getByTestId('language-switch').getByText('中文').click();
});
