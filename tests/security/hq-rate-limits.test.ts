import { Writable } from 'node:stream';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { enrolledShop, openTestHq, type TestHq } from '../helpers/hq';
import { enrollRaw, expectRefusal, listen, rawRequest, versionHeaders } from './hq-helpers';
import { fetchTransport } from '../../src/core/sync/transport';
import { PATHS } from '../../src/shared/sync/protocol';
import type { Backend } from '../../src/core';

/**
 * Rate limits at head office, over real HTTP from one loopback address: per shop token on shop
 * routes (a hostile shop exhausts its own allowance, not its neighbours'), per address elsewhere;
 * X-Forwarded-For counts only from a configured proxy, so a spoofed header neither escapes a
 * limit nor changes the address head office logs. The defaults let 200 shops sync at once.
 */
const opened: { hq?: TestHq; backends: Backend[] } = { backends: [] };
afterEach(async () => {
  while (opened.backends.length) await opened.backends.pop()!.close();
  await opened.hq?.close();
  opened.hq = undefined;
});

/** pino's JSON lines, kept. */
function logSink() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const l of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(l) as Record<string, unknown>);
      cb();
    },
  });
  return { lines, logger: { level: 'info', stream } };
}

const push = (base: string, token: string, shopId: string, headers: Record<string, string> = {}) =>
  rawRequest(base, {
    path: PATHS.push,
    headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', authorization: `Bearer ${token}`, ...versionHeaders, ...headers },
    chunks: [zlib.gzipSync(JSON.stringify({ shopId, fromSeq: 1, toSeq: 1, rows: [] }))],
  });

const enroll = (base: string, headers: Record<string, string> = {}) =>
  rawRequest(base, { path: PATHS.enroll, headers: { 'content-type': 'application/json', ...versionHeaders, ...headers }, chunks: [Buffer.from(JSON.stringify({ code: 'AAAA-BBBB-CCCC', token: 'x'.repeat(48), shop: { uid: 'u', code: 'ZZ01', name: 'z' }, baseSeq: 0 }))] });

describe('head office: rate limits', () => {
  it('a shop over its push allowance gets a typed 429 with retry-after; another shop on the same address is unaffected', async () => {
    const hq = (opened.hq = await openTestHq('sqlite', { http: { rateLimits: { push: 5 } } }));
    const base = await listen(hq);
    const a = await enrollRaw(hq, 'RL01');
    const b = await enrollRaw(hq, 'RL02');
    for (let i = 0; i < 5; i++) expect((await push(base, a.token, a.shopId)).status).toBe(200);
    const over = await push(base, a.token, a.shopId, { 'accept-language': 'en' });
    expectRefusal(over, 429, 'RATE_LIMITED');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(over.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(over.json.error!.message).toBe(`Too many requests: try again in ${over.headers['retry-after']} s`);
    expect(over.json.error!.details).toEqual({ retryAfter: Number(over.headers['retry-after']) });
    expect((await push(base, b.token, b.shopId)).status).toBe(200);
  });

  it('the shop says so in words and keeps its records for the next try', async () => {
    const hq = (opened.hq = await openTestHq('sqlite', { http: { rateLimits: { push: 1 } } }));
    const url = await listen(hq);
    const shop = await enrolledShop(hq, { transport: fetchTransport, url }); // its first sync used the one push
    opened.backends.push(shop.backend);
    await shop.backend.call('customers.create', { name: '赵六', phones: ['139 0000 1111'] } as never, { token: shop.tokens.counter });
    const zh = await shop.backend.call('sync.now', {}, { token: shop.tokens.counter, locale: 'zh-CN' });
    expect(zh.lastError?.code, JSON.stringify(zh)).toBe('RATE_LIMITED');
    expect(zh.lastError?.message).toMatch(/^本店在短时间内向总部发送的请求过多，总部暂时限流（\d+ 秒后恢复），稍后自动重试；数据保存在本店，不会丢失$/);
    expect(zh.waiting).toBeGreaterThan(0); // the new customer waits in the shop for the next try
    const en = await shop.backend.call('sync.status', {}, { token: shop.tokens.counter, locale: 'en' });
    expect(en.lastError?.message).toMatch(/^This shop sent head office too many requests in a short time; head office is holding them back for \d+ s/);
  });

  it('refused tokens are limited per address: past the limit even the next guess is not looked at', async () => {
    const hq = (opened.hq = await openTestHq('sqlite', { http: { rateLimits: { authFailures: 3 } } }));
    const base = await listen(hq);
    const a = await enrollRaw(hq, 'RL03');
    for (let i = 0; i < 4; i++) expectRefusal(await push(base, `guess-${i}`.padEnd(40, 'x'), a.shopId), 401, 'UNAUTHENTICATED');
    expectRefusal(await push(base, 'guess-5'.padEnd(40, 'x'), a.shopId), 429, 'RATE_LIMITED');
    expectRefusal(await rawRequest(base, { method: 'GET', path: '/admin/v1/shops', headers: { authorization: 'Bearer guess' } }), 429, 'RATE_LIMITED');
  });

  it('a spoofed X-Forwarded-For from a client that is no proxy changes neither the limit key nor the logged address', async () => {
    const { lines, logger } = logSink();
    const hq = (opened.hq = await openTestHq('sqlite', { logger, http: { rateLimits: { enroll: 3 } } }));
    const base = await listen(hq);
    for (let i = 0; i < 3; i++) expectRefusal(await enroll(base, { 'x-forwarded-for': `203.0.113.${i + 1}` }), 403, 'BAD_ENROLLMENT_CODE');
    expectRefusal(await enroll(base, { 'x-forwarded-for': '203.0.113.99' }), 429, 'RATE_LIMITED');
    const addresses = lines.filter((l) => l.msg === 'incoming request').map((l) => (l.req as { remoteAddress: string }).remoteAddress);
    expect(addresses).toHaveLength(4);
    expect(new Set(addresses)).toEqual(new Set(['127.0.0.1']));
  });

  it('behind a configured proxy (HQ_TRUST_PROXY) the forwarded address counts and is logged', async () => {
    const { lines, logger } = logSink();
    const hq = (opened.hq = await openTestHq('sqlite', { logger, http: { trustProxy: ['127.0.0.1'], rateLimits: { enroll: 3 } } }));
    const base = await listen(hq);
    for (let i = 0; i < 6; i++) expectRefusal(await enroll(base, { 'x-forwarded-for': `203.0.113.${i + 1}` }), 403, 'BAD_ENROLLMENT_CODE');
    for (let i = 0; i < 3; i++) await enroll(base, { 'x-forwarded-for': '198.51.100.7' });
    expectRefusal(await enroll(base, { 'x-forwarded-for': '198.51.100.7' }), 429, 'RATE_LIMITED');
    const addresses = lines.filter((l) => l.msg === 'incoming request').map((l) => (l.req as { remoteAddress: string }).remoteAddress);
    expect(addresses.slice(0, 6)).toEqual(['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4', '203.0.113.5', '203.0.113.6']);
  });

  it('with the default limits, 200 shops on one address push and pull at once without a refusal', async () => {
    const hq = (opened.hq = await openTestHq('sqlite'));
    const base = await listen(hq);
    const shops = [];
    for (let i = 0; i < 200; i++) shops.push(await enrollRaw(hq, `M${String(i).padStart(3, '0')}`));
    const answers = await Promise.all(
      shops.map(async (s) => {
        const p = await push(base, s.token, s.shopId);
        const q = await rawRequest(base, { path: PATHS.pull, headers: { 'content-type': 'application/json', authorization: `Bearer ${s.token}`, ...versionHeaders }, chunks: [Buffer.from('{"cursor":0}')] });
        return [p.status, q.status];
      }),
    );
    expect(answers.flat().filter((s) => s !== 200)).toEqual([]);
  }, 120_000);
});
