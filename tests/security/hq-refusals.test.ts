import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHq, type TestHq } from '../helpers/hq';
import { enrollRaw, expectRefusal, listen, rawRequest, versionHeaders } from './hq-helpers';
import { PATHS } from '../../src/shared/sync/protocol';

/**
 * Clean refusals at head office, over real HTTP: a malformed percent-encoded path is a typed 400,
 * an oversized body a typed 413 the client reads (not a reset), a body that trickles in is cut
 * off after the body timeout (1.5 s here; 30 s by default) with a typed 408, an unknown path a
 * typed 404 — each in Chinese by default and in English when the client asks for it.
 */
describe('head office: clean, translated refusals', () => {
  let hq: TestHq;
  let base = '';
  let token = '';
  const auth = () => ({ 'content-type': 'application/json', authorization: `Bearer ${token}`, ...versionHeaders });

  beforeAll(async () => {
    hq = await openTestHq('sqlite', { http: { bodyTimeoutMs: 1500 } });
    base = await listen(hq);
    token = (await enrollRaw(hq, 'RF01')).token;
  });
  afterAll(() => hq?.close());

  it('a malformed percent-encoded path answers a typed 400, in zh-CN or en', async () => {
    for (const path of ['/sync/v1/%E0%A4%A', '/admin/v1/shops/%zz/revoke', '/sync/v1/push%']) {
      const zh = await rawRequest(base, { method: 'GET', path });
      expectRefusal(zh, 400, 'MALFORMED');
      expect(zh.json.error!.message).toBe('请求地址的百分号编码不正确');
      const en = await rawRequest(base, { method: 'GET', path, headers: { 'accept-language': 'en-GB,en;q=0.9' } });
      expect(en.json.error!.message).toBe('The request path has malformed percent-encoding');
    }
  });

  it('a body over the size limit answers a typed 413 the client reads, declared or chunked', async () => {
    // 25 MB declared: refused from its content-length.
    const declared = Buffer.alloc(25 * 1024 * 1024, 0x20);
    const a = await rawRequest(base, { path: PATHS.push, headers: { ...auth(), 'content-length': String(declared.length), 'accept-language': 'en' }, chunks: [declared] });
    expectRefusal(a, 413, 'TOO_LARGE');
    expect(a.json.error!.message).toBe('The request body is larger than head office accepts (at most 24 MB)');
    // Chunked, no length: refused once 24 MB have come.
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const b = await rawRequest(base, { path: PATHS.push, headers: { ...auth(), 'transfer-encoding': 'chunked' }, chunks: Array.from({ length: 26 }, () => chunk) });
    expectRefusal(b, 413, 'TOO_LARGE');
    expect(b.json.error!.message).toBe('请求内容超过总部允许的大小（最多 24 MB）');
    // The enroll endpoint has its own, smaller cap.
    const c = await rawRequest(base, { path: PATHS.enroll, headers: { 'content-type': 'application/json', ...versionHeaders }, chunks: [Buffer.alloc(70 * 1024, 0x20)] });
    expectRefusal(c, 413, 'TOO_LARGE');
  });

  it('a body that trickles in is cut off after the body timeout with a typed 408, and the connection closes', async () => {
    const t0 = Date.now();
    const a = await rawRequest(base, {
      path: PATHS.push,
      headers: { ...auth(), 'content-length': '100000', 'accept-language': 'en' },
      chunks: Array.from({ length: 100 }, () => Buffer.from(' ')),
      intervalMs: 100,
    });
    expectRefusal(a, 408, 'TIMEOUT');
    expect(a.json.error!.message).toBe('The request body did not arrive within 1.5 s; head office stopped reading it');
    expect(a.headers.connection).toBe('close');
    expect(a.answeredWhileSending).toBe(true);
    const took = Date.now() - t0;
    expect(took).toBeGreaterThanOrEqual(1400);
    expect(took).toBeLessThan(5000);
    // A body that arrives in time is read as usual.
    const ok = await rawRequest(base, { path: PATHS.pull, headers: auth(), chunks: [Buffer.from('{"cursor":'), Buffer.from('0}')], intervalMs: 300 });
    expect(ok.status, JSON.stringify(ok.json)).toBe(200);
  });

  it('an unknown path, a non-JSON body and an unknown token are typed and translated too', async () => {
    const nf = await rawRequest(base, { method: 'GET', path: '/wp-login.php' });
    expectRefusal(nf, 404, 'NOT_FOUND');
    expect(nf.json.error!.message).toBe('总部没有这个地址：GET /wp-login.php');
    const notJson = await rawRequest(base, { path: PATHS.pull, headers: { ...auth(), 'accept-language': 'en' }, chunks: [Buffer.from('{nope')] });
    expectRefusal(notJson, 400, 'MALFORMED');
    expect(notJson.json.error!.message).toBe('The request body is not JSON');
    const textPlain = await rawRequest(base, { path: PATHS.pull, headers: { ...auth(), 'content-type': 'text/plain' }, chunks: [Buffer.from('{}')] });
    expectRefusal(textPlain, 415, 'MALFORMED');
    const unknown = await rawRequest(base, { path: PATHS.pull, headers: { ...auth(), authorization: 'Bearer nobody', 'accept-language': 'en' }, chunks: [Buffer.from('{}')] });
    expectRefusal(unknown, 401, 'UNAUTHENTICATED');
    expect(unknown.json.error!.message).toBe('Shop token missing or unknown to head office');
  });
});
