import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGateway, type SmsMessage } from '../../../src/core/messaging/gateway';
import { deliver, MAX_ATTEMPTS } from '../../../src/core/messaging/send-with-retry';
import { ManualClock, TEST_EPOCH } from '../../helpers/clock';
import { startAliyunServer, startTencentServer, type SmsTestServer } from '../../helpers/sms-servers';

const ALI = { accessKeyId: 'LTAI5tTestKeyId', accessKeySecret: 'test-secret/+=*~ 秘' };
const TC = { secretId: 'AKIDtestSecretId', secretKey: 'tc-test-key', sdkAppId: '1400006666' };
// Characters Alibaba's encoding treats specially (space, *, ~, ', (, ), !) and Chinese, in what is signed.
const MSG: SmsMessage = { to: '+8613812345678', templateCode: 'SMS_154950909', params: { ticket: 'SZ01-2611-0042', model: "iPhone 15 (A3092)*~ it's!" }, text: '【福田店】您的 iPhone 15 已修好，请来取机。' };

let clock: ManualClock;
let servers: SmsTestServer[] = [];
beforeEach(() => {
  clock = new ManualClock();
});
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function aliyun(overrides: Partial<typeof ALI> = {}, timeoutMs = 2000) {
  const server = await startAliyunServer({ ...ALI, now: () => clock.now() });
  servers.push(server);
  const gateway = createGateway({ kind: 'aliyun', ...ALI, ...overrides, signName: '福田维修', endpoint: server.url, templates: {} }, { clock, timeoutMs });
  return { server, gateway };
}

async function tencent(overrides: Partial<typeof TC> = {}, opts: { timeoutMs?: number; blacklist?: string[] } = {}) {
  const server = await startTencentServer({ ...TC, blacklist: opts.blacklist, now: () => clock.now() });
  servers.push(server);
  const gateway = createGateway({ kind: 'tencent', ...TC, ...overrides, signName: '福田维修', endpoint: server.url, templates: {} }, { clock, timeoutMs: opts.timeoutMs ?? 2000 });
  return { server, gateway };
}

describe('Alibaba Cloud SMS adapter', () => {
  it('sends with a signature the provider accepts: the mainland number without +86, the params as JSON', async () => {
    const { server, gateway } = await aliyun();
    const r = await gateway.send(MSG);
    expect(r).toEqual({ ok: true, providerId: expect.stringMatching(/\^0$/) });
    const p = server.requests[0]!.params;
    expect(p).toMatchObject({ Action: 'SendSms', Version: '2017-05-25', PhoneNumbers: '13812345678', SignName: '福田维修', TemplateCode: 'SMS_154950909', Timestamp: '2026-11-23T02:00:00Z' });
    expect(JSON.parse(String(p.TemplateParam))).toEqual(MSG.params);
  });

  it('sends another country as country code and number', async () => {
    const { server, gateway } = await aliyun();
    expect((await gateway.send({ ...MSG, to: '+85291234567' })).ok).toBe(true);
    expect(server.requests[0]!.params.PhoneNumbers).toBe('85291234567');
  });

  it('a wrong secret gets SignatureDoesNotMatch, and an unknown key InvalidAccessKeyId.NotFound: neither is retried', async () => {
    const { gateway } = await aliyun({ accessKeySecret: 'not-the-secret' });
    expect(await gateway.send(MSG)).toMatchObject({ ok: false, retryable: false, code: 'SignatureDoesNotMatch' });
    const other = await aliyun({ accessKeyId: 'LTAI-unknown' });
    expect(await other.gateway.send(MSG)).toMatchObject({ ok: false, retryable: false, code: 'InvalidAccessKeyId.NotFound' });
  });

  it('flow control and a 500 are retryable; an illegal number is not', async () => {
    const { server, gateway } = await aliyun();
    server.script({ error: 'isv.BUSINESS_LIMIT_CONTROL', message: '触发分钟级流控Permits:1' }, { http500: true });
    expect(await gateway.send(MSG)).toEqual({ ok: false, retryable: true, code: 'isv.BUSINESS_LIMIT_CONTROL', message: '触发分钟级流控Permits:1' });
    expect(await gateway.send(MSG)).toMatchObject({ ok: false, retryable: true, code: 'HTTP_500' });
    expect(await gateway.send({ ...MSG, to: '+8612345' })).toMatchObject({ ok: false, retryable: false, code: 'isv.MOBILE_NUMBER_ILLEGAL' });
    expect(await gateway.send(MSG)).toMatchObject({ ok: true });
  });

  it('gives up on a provider that does not answer within the timeout (retryable), and on a refused connection', async () => {
    const { server, gateway } = await aliyun({}, 300);
    server.script({ hang: true });
    const t0 = performance.now();
    expect(await gateway.send(MSG)).toMatchObject({ ok: false, retryable: true, code: 'TIMEOUT' });
    expect(performance.now() - t0).toBeLessThan(2000);
    const url = server.url;
    await server.close();
    servers = servers.filter((s) => s !== server);
    const down = createGateway({ kind: 'aliyun', ...ALI, signName: '福田维修', endpoint: url }, { clock, timeoutMs: 1000 });
    expect(await down.send(MSG)).toMatchObject({ ok: false, retryable: true, code: 'NETWORK' });
  });
});

describe('Tencent Cloud SMS adapter', () => {
  it('sends with a TC3-HMAC-SHA256 signature the provider accepts: E.164 numbers, the params in order', async () => {
    const { server, gateway } = await tencent();
    const r = await gateway.send(MSG);
    expect(r).toEqual({ ok: true, providerId: expect.stringMatching(/^5000:\d+$/) });
    expect(server.requests[0]!.params).toEqual({ PhoneNumberSet: ['+8613812345678'], SmsSdkAppId: TC.sdkAppId, SignName: '福田维修', TemplateId: 'SMS_154950909', TemplateParamSet: ['SZ01-2611-0042', "iPhone 15 (A3092)*~ it's!"] });
  });

  it('a wrong secret key gets AuthFailure.SignatureFailure, a clock 10 minutes off AuthFailure.SignatureExpire: not retried', async () => {
    const { gateway } = await tencent({ secretKey: 'wrong' });
    expect(await gateway.send(MSG)).toMatchObject({ ok: false, retryable: false, code: 'AuthFailure.SignatureFailure' });
    const late = await tencent();
    const skewed = createGateway({ kind: 'tencent', ...TC, signName: '福田维修', endpoint: late.server.url }, { clock: new ManualClock(Date.parse(TEST_EPOCH) - 600_000), timeoutMs: 2000 });
    expect(await skewed.send(MSG)).toMatchObject({ ok: false, retryable: false, code: 'AuthFailure.SignatureExpire' });
  });

  it('maps a number on the do-not-disturb list and the daily limit (not retryable), internal errors and a 500 (retryable)', async () => {
    const { server, gateway } = await tencent({}, { blacklist: ['+8613900000000'] });
    expect(await gateway.send({ ...MSG, to: '+8613900000000' })).toMatchObject({ ok: false, retryable: false, code: 'FailedOperation.PhoneNumberInBlacklist' });
    server.script({ numberError: 'LimitExceeded.PhoneNumberDailyLimit' }, { error: 'InternalError.Timeout' }, { error: 'RequestTimeException' }, { http500: true });
    expect(await gateway.send(MSG)).toMatchObject({ ok: false, retryable: false, code: 'LimitExceeded.PhoneNumberDailyLimit' });
    expect(await gateway.send(MSG)).toMatchObject({ ok: false, retryable: true, code: 'InternalError.Timeout' });
    expect(await gateway.send(MSG)).toMatchObject({ ok: false, retryable: true, code: 'RequestTimeException' });
    expect(await gateway.send(MSG)).toMatchObject({ ok: false, retryable: true, code: 'HTTP_500' });
    expect(await gateway.send({ ...MSG, to: '+86123456' })).toMatchObject({ ok: false, retryable: false, code: 'InvalidParameterValue.IncorrectPhoneNumber' });
  });

  it('times out (retryable) on a provider that does not answer', async () => {
    const { server, gateway } = await tencent({}, { timeoutMs: 300 });
    server.script({ hang: true });
    expect(await gateway.send(MSG)).toMatchObject({ ok: false, retryable: true, code: 'TIMEOUT' });
  });

  it('refuses a number that is not E.164 before any request', async () => {
    const { server, gateway } = await tencent();
    expect(await gateway.send({ ...MSG, to: '13812345678' })).toMatchObject({ ok: false, retryable: false, code: 'INVALID_NUMBER' });
    expect(server.requests).toHaveLength(0);
  });
});

describe('delivery with retries', () => {
  it('retries a failing provider at 1 min, 5 min, 30 min and 2 h, then ends in "not delivered"', async () => {
    const { server, gateway } = await aliyun();
    server.script(...Array.from({ length: MAX_ATTEMPTS }, () => ({ http500: true as const })));
    const retries: string[] = [];
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      const d = await deliver(gateway, MSG, attempt, clock);
      expect(d).toMatchObject({ state: 'retry', attempt, code: 'HTTP_500' });
      if (d.state !== 'retry') throw new Error('expected a retry');
      retries.push(d.retryAt);
      clock.set(d.retryAt);
    }
    expect(retries).toEqual(['2026-11-23T02:01:00.000Z', '2026-11-23T02:06:00.000Z', '2026-11-23T02:36:00.000Z', '2026-11-23T04:36:00.000Z']);
    expect(await deliver(gateway, MSG, MAX_ATTEMPTS, clock)).toEqual({ state: 'failed', attempt: 5, reason: 'attempts_exhausted', code: 'HTTP_500', message: expect.any(String), at: '2026-11-23T04:36:00.000Z' });
    expect(server.requests).toHaveLength(5);
  });

  it('ends at once when the provider refuses for good, and delivers when it answers', async () => {
    const { server, gateway } = await tencent({}, { blacklist: ['+8613900000000'] });
    expect(await deliver(gateway, { ...MSG, to: '+8613900000000' }, 1, clock)).toMatchObject({ state: 'failed', attempt: 1, reason: 'refused', code: 'FailedOperation.PhoneNumberInBlacklist' });
    server.script({ error: 'InternalError.OtherError' });
    expect(await deliver(gateway, MSG, 1, clock)).toMatchObject({ state: 'retry', retryAt: '2026-11-23T02:01:00.000Z' });
    expect(await deliver(gateway, MSG, 2, clock)).toMatchObject({ state: 'delivered', attempt: 2, providerId: expect.stringMatching(/^5000:/) });
  });

  it('counts a gateway that throws as a retryable failure', async () => {
    const broken = { kind: 'log' as const, send: () => Promise.reject(new Error('boom')) };
    expect(await deliver(broken, MSG, 1, clock)).toMatchObject({ state: 'retry', code: 'GATEWAY_ERROR', message: 'boom' });
  });
});
