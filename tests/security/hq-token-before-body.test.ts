import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, openTestHq, type TestHq } from '../helpers/hq';
import { enrollRaw, expectRefusal, listen, rawRequest, versionHeaders } from './hq-helpers';
import { PATHS } from '../../src/shared/sync/protocol';

/**
 * Head office checks the shop or admin token before it reads, inflates or parses a body: a
 * hostile client without a valid token gets its 401 while its upload is still going, however
 * large or slow, and a gzip bomb behind a bad token is never inflated. Real HTTP on loopback.
 */
describe('head office: tokens before bodies', () => {
  let hq: TestHq;
  let base = '';
  let good = '';
  // A gzip bomb: 70 MB of spaces in ~70 KB, sent in 40 slices 150 ms apart (6 s of upload).
  const bomb = zlib.gzipSync(Buffer.alloc(70 * 1024 * 1024, 32));
  const slices = (buf: Buffer, n: number) => Array.from({ length: n }, (_, i) => buf.subarray(Math.floor((i * buf.length) / n), Math.floor(((i + 1) * buf.length) / n)));
  const gzipHeaders = (token: string) => ({ 'content-type': 'application/json', 'content-encoding': 'gzip', authorization: `Bearer ${token}`, 'content-length': String(bomb.length), ...versionHeaders });

  beforeAll(async () => {
    hq = await openTestHq('sqlite');
    base = await listen(hq);
    good = (await enrollRaw(hq, 'TB01')).token;
  });
  afterAll(() => hq?.close());

  it('a push with a wrong token is refused 401 while its slow gzip bomb is still being sent', async () => {
    const a = await rawRequest(base, { path: PATHS.push, headers: gzipHeaders('not-a-shop-token'.padEnd(48, 'q')), chunks: slices(bomb, 40), intervalMs: 150 });
    expectRefusal(a, 401, 'UNAUTHENTICATED');
    expect(a.answeredWhileSending).toBe(true);
    expect(a.answeredAfterMs).toBeLessThan(2000); // the body takes 6 s to send
  });

  it('the same without any token, on pull and lookup too', async () => {
    for (const path of [PATHS.push, PATHS.pull, PATHS.lookupDevice]) {
      const headers: Record<string, string> = { ...gzipHeaders('') };
      delete headers.authorization;
      const a = await rawRequest(base, { path, headers, chunks: slices(bomb, 40), intervalMs: 150 });
      expectRefusal(a, 401, 'UNAUTHENTICATED');
      expect(a.answeredWhileSending, path).toBe(true);
    }
  });

  it('an admin call with a wrong admin token is refused before its 16 MB body is read', async () => {
    const body = Buffer.alloc(16 * 1024 * 1024 - 1024, 0x41);
    const a = await rawRequest(base, {
      path: '/admin/v1/items',
      headers: { 'content-type': 'application/json', authorization: 'Bearer guessed-admin-token', 'content-length': String(body.length) },
      chunks: slices(body, 40),
      intervalMs: 150,
    });
    expectRefusal(a, 401, 'UNAUTHENTICATED');
    expect(a.answeredWhileSending).toBe(true);
    // a shop token is no admin token either
    const b = await rawRequest(base, { method: 'GET', path: '/admin/v1/shops', headers: { authorization: `Bearer ${good}` } });
    expectRefusal(b, 401, 'UNAUTHENTICATED');
  });

  it('with the right token the same bomb is read, inflated up to the cap and refused 413 in words', async () => {
    const a = await rawRequest(base, { path: PATHS.push, headers: gzipHeaders(good), chunks: slices(bomb, 4) });
    expectRefusal(a, 413, 'TOO_LARGE');
    expect(a.answeredWhileSending).toBe(false);
    // and the admin API with its token accepts a valid call
    const ok = await rawRequest(base, { method: 'GET', path: '/admin/v1/shops', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(ok.status).toBe(200);
  });
});
