import { test, expect, shopForThisFile, signIn } from './fixtures';
import { t } from '../../src/shared/i18n/translate';
import { testDate } from '../helpers/clock';
import { intakeInput, imei } from '../integration/intake/helpers';

/**
 * The counter's queues in Chromium at a counter PC's 1366×768: a repaired phone ready for
 * pickup whose customer did not answer, a quote awaiting the customer's approval, and a repair
 * promised for today. Logging "reached" marks the customer told. Screens: counter-queues-*.png.
 */
const shop = shopForThisFile();
test.describe.configure({ mode: 'serial' });

const COUNTER = { username: 'li', password: 'counter-pass' };
const numbers = { ready: '', approval: '', due: '' };

test.beforeAll(async () => {
  const b = shop.backend;
  const admin = await b.call('setup.run', { shop: { name: '华强北授权服务中心', code: 'HQB1', phone: '0755-83000000' }, admin: { username: 'admin', displayName: '李管理', password: 'admin-pass-1' } });
  const token = admin.token;
  await b.call('users.create', { username: 'zhang', displayName: '张工', role: 'technician', password: 'tech-pass-1' }, { token });
  await b.call('users.create', { username: COUNTER.username, displayName: '李前台', role: 'counter', password: COUNTER.password }, { token });
  const labor = await b.call('priceList.save', { code: 'LAB-PORT', kind: 'labor', nameZh: '更换尾插工时', nameEn: 'Charging port labour', category: 'phone', priceFen: 6000 }, { token });
  const tech = { token: (await b.call('auth.login', { username: 'zhang', password: 'tech-pass-1' })).token };
  const counter = { token: (await b.call('auth.login', COUNTER)).token };
  const intake = async (name: string, phone: string, model: string, promisedDays: number) => {
    const r = await b.call(
      'tickets.intake',
      intakeInput({
        customer: { name, phones: [phone] },
        device: { category: 'phone', brand: '华为', model, imei: imei(), colour: '黑', purchaseDate: '2023-01-05', proof: { kind: 'invoice', invoiceNo: 'INV-1', invoiceDate: '2023-01-05', seller: '京东自营' } },
        fault: { text: '无法充电', codes: [] },
        promisedDate: testDate(promisedDays, shop.clock),
        depositFen: 0,
      }),
      counter,
    );
    return r.ticket!;
  };
  const quoted = async (name: string, phone: string, model: string) => {
    const tk = await intake(name, phone, model, 3);
    await b.call('bench.claim', { ticketId: tk.id }, tech);
    await b.call('bench.diagnose', { ticketId: tk.id, cause: '尾插氧化', findings: [] }, tech);
    const wb = await b.call('bench.quote.save', { ticketId: tk.id, lines: [{ kind: 'labor', priceItemId: labor.id }], submit: true } as never, tech);
    return { ...tk, quoteId: wb.quote.current!.id };
  };
  const ready = await quoted('陈静', '139 0013 9000', 'Mate 60');
  await b.call('bench.authorize', { ticketId: ready.id, quoteId: ready.quoteId, method: 'phone', phone: { number: '13900139000', words: '同意' } } as never, counter);
  await b.call('bench.transition', { ticketId: ready.id, to: 'qc' } as never, tech);
  const checklist = (await b.call('bench.workbench', { ticketId: ready.id }, tech)).qcChecklist;
  await b.call('bench.qc', { ticketId: ready.id, items: Object.fromEntries(checklist.map((c) => [c, 'pass'])), data: 'preserved' } as never, tech);
  await b.call('bench.logCall', { ticketId: ready.id, result: 'no_answer', note: '' }, counter);
  numbers.ready = ready.number;
  numbers.approval = (await quoted('刘洋', '137 0013 7000', 'P60')).number;
  numbers.due = (await intake('赵敏', '135 0013 5000', 'nova 12', 0)).number;
});

for (const lang of ['zh-CN', 'en'] as const) {
  test(`${lang}: ready for pickup with the call, awaiting approval, promised today`, async ({ page, snap }) => {
    const L = (k: string, p?: Record<string, string | number>) => t(lang, k, p);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(shop.url);
    await signIn(page, COUNTER.username, COUNTER.password);
    await expect(page.getByTestId('current-user')).toBeVisible();
    if (lang === 'en') await page.getByTestId('language-switch').getByText('EN').click();
    await page.getByTestId('counter-tab-queues').click();
    await expect(page.getByTestId('counter-tab-uncollected')).toHaveText(L('ui.counter.tab.uncollected'));
    const pick = page.getByTestId('counter-queue-pick');
    await expect(pick).toContainText(L('ui.counter.queues.ready', { n: 1 }));
    await expect(pick).toContainText(L('ui.counter.queues.approval', { n: 1 }));
    await expect(pick).toContainText(L('ui.counter.queues.due', { n: 1 }));
    const ready = page.getByTestId('counter-queue-ready');
    await expect(ready).toContainText(numbers.ready);
    await expect(ready).toContainText('陈静');
    if (lang === 'zh-CN') {
      // the first call went unanswered; the customer picks up the second time: told
      await expect(ready.getByTestId('queue-called')).toHaveText(L('ui.counter.queues.notCalled'));
      await expect(ready).toContainText(L('ui.bench.calls.last', { result: L('ui.bench.calls.no_answer'), at: '' }).replace(/[（(]\s*[）)]$/, ''));
      await ready.getByRole('button', { name: L('ui.bench.calls.reached') }).click();
    }
    // (the Chinese run reached the customer; the English one finds them told)
    await expect(ready.getByTestId('queue-called')).toHaveText(L('ui.counter.queues.called'));
    await expect(ready).toContainText(L('ui.bench.calls.last', { result: L('ui.bench.calls.reached'), at: '' }).replace(/[（(]\s*[）)]$/, ''));
    await snap(`counter-queues-ready-${lang}`);
    await pick.getByText(L('ui.counter.queues.approval', { n: 1 })).click();
    await expect(page.getByTestId('counter-queue-approval')).toContainText(numbers.approval);
    await snap(`counter-queues-approval-${lang}`);
    await pick.getByText(L('ui.counter.queues.due', { n: 1 })).click();
    const due = page.getByTestId('counter-queue-due');
    await expect(due).toContainText(numbers.due);
    await expect(due).toContainText(L('ui.counter.queues.dueToday'));
    await snap(`counter-queues-due-${lang}`);
  });
}
