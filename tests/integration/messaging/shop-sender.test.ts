/**
 * A shop that is not enrolled sends its own customer messages (issue 20 points 3 and 4): its
 * manager configures Tencent Cloud SMS (here a local server that checks the TC3 signature by
 * Tencent's published algorithm and answers its documented bodies); the shop then texts the
 * customers who agreed at intake, once per event, holding messages due in the quiet hours; a
 * provider's final refusal ends as "not delivered" on the ticket's timeline. An enrolled shop
 * may not configure one (head office sends).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../src/core';
import { runShopMessages } from '../../../src/core/shop-messages/sender';
import { setupShop } from '../../helpers/backend';
import { ManualClock, TEST_EPOCH } from '../../helpers/clock';
import { fastTempDir } from '../../helpers/hq';
import { startTencentServer, type SmsTestServer } from '../../helpers/sms-servers';
import { intakeInput } from '../intake/helpers';

const TC = { secretId: 'AKIDtestSecretId', secretKey: 'tc-test-key', sdkAppId: '1400006666' };
const clock = new ManualClock();
let backend: Backend;
let tokens: Awaited<ReturnType<typeof setupShop>>;
let server: SmsTestServer;

beforeAll(async () => {
  clock.set(TEST_EPOCH); // 10:00 in Shanghai
  server = await startTencentServer({ ...TC, now: () => clock.now() });
  backend = openBackend({ dataDir: fastTempDir('fixpoint-sender-'), clock, escalations: { autoStart: false }, sync: { autoStart: false } });
  tokens = await setupShop(backend);
});
afterAll(async () => {
  await backend?.close();
  await server?.close();
});

const call = <T = any>(role: keyof typeof tokens, name: string, input: unknown) => backend.call(name as never, input as never, { token: tokens[role] }) as Promise<T>;
const intake = async (name: string, phone: string, messageConsent?: boolean) =>
  (await call('counter', 'tickets.intake', intakeInput({ customer: { name, phones: [phone] }, confirmDuplicate: true, ...(messageConsent === undefined ? {} : { messageConsent }) } as never))).ticket as { id: string; number: string };
const requestsTo = (number: string) => server.requests.filter((r) => JSON.stringify(r.params).includes(number));
const messages = async (id: string) => ((await call('counter', 'tickets.get', { id })).events as Array<{ kind: string; note: string; data: Record<string, unknown> }>).filter((e) => e.kind === 'message');

describe("a shop's own text messages", () => {
  it('are configured by a manager only, with the secret never shown back', async () => {
    expect(await call('manager', 'messaging.gateway', {})).toEqual({ state: 'none', settings: null });
    await expect(call('counter', 'messaging.saveGateway', { kind: 'log' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const saved = await call('manager', 'messaging.saveGateway', { kind: 'tencent', ...TC, signName: '福田维修', endpoint: server.url, templates: { received: '1900001', ready: '1900004' } });
    expect(saved.state).toBe('configured');
    expect(saved.settings.secretKey).toBe('••••••');
    expect(JSON.stringify(saved)).not.toContain(TC.secretKey);
  });

  it('keeps the saved secret when the screen leaves it out, and refuses to save a provider whose secret was never given', async () => {
    // another provider than the saved one: its secret is not there to keep
    await expect(call('manager', 'messaging.saveGateway', { kind: 'aliyun', accessKeyId: 'LTAI5tKey', signName: '福田维修' })).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: [{ path: 'accessKeySecret', key: 'messaging.error.secretRequired' }],
    });
    // the same provider with a template more, the secret left out: still signs (the server checks it)
    const kept = await call('manager', 'messaging.saveGateway', { kind: 'tencent', secretId: TC.secretId, sdkAppId: TC.sdkAppId, signName: '福田维修', endpoint: server.url, templates: { received: '1900001', ready: '1900004', collected: '1900006' } });
    expect(kept.settings).toMatchObject({ secretKey: '••••••', templates: { collected: '1900006' } });
  });

  it('text a customer who agreed, once, through the provider; none for one who refused', async () => {
    const yes = await intake('王同意', '138 0013 8101', true);
    await intake('李拒绝', '138 0013 8102', false);
    expect(await runShopMessages(backend.services)).toMatchObject({ planned: 1, sent: 1 });
    expect(await runShopMessages(backend.services)).toMatchObject({ planned: 0, sent: 0 });
    const [req] = requestsTo('13800138101');
    expect(req!.code).toBe('Ok');
    expect(req!.params).toMatchObject({ TemplateId: '1900001', SmsSdkAppId: TC.sdkAppId, SignName: '福田维修' });
    expect(JSON.stringify(req!.params)).toContain(yes.number);
    expect(requestsTo('13800138102')).toEqual([]);
    const [e] = await messages(yes.id);
    expect(e).toMatchObject({ data: { messageKind: 'received', result: 'sent', to: '138****8101' } });
    expect(e!.note).toContain(yes.number);
    expect(e!.note).not.toMatch(/进度：$/); // no status page without head office
  });

  it('holds a message due in the quiet hours until 08:00, and records a final refusal as not delivered', async () => {
    const late = await intake('赵夜里', '138 0013 8103', true);
    clock.set('2026-11-23T14:30:00.000Z'); // the sender's next run falls at 22:30 in Shanghai
    expect(await runShopMessages(backend.services)).toMatchObject({ planned: 1, sent: 0 });
    clock.set('2026-11-24T00:00:00.000Z'); // 08:00
    server.script({ error: 'FailedOperation.PhoneNumberInBlacklist', message: 'blacklisted' });
    const r = await runShopMessages(backend.services);
    // (the staff sessions expired overnight: read the timeline as stored)
    const rows = backend.services.sqlite.prepare(`SELECT at, data_json FROM ticket_events WHERE ticket_id = ? AND kind = 'message'`).all(late.id) as { at: string; data_json: string }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.at).toBe('2026-11-24T00:00:00.000Z');
    expect(JSON.parse(rows[0]!.data_json)).toMatchObject({ result: 'not_delivered', attempts: 1, error: expect.stringContaining('PhoneNumberInBlacklist') });
    expect(r).toMatchObject({ sent: 0, failed: 1 });
    clock.set(TEST_EPOCH);
  });
});
