/**
 * Issue 14, point 3, over real HTTP: forty parallel bad sign-ins (known and unknown names) are
 * throttled per source without a scrypt each, and a signed-in clerk's calls go on meanwhile —
 * scrypt runs outside the write transaction, so it never holds the connection they need.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBackend, setupShop } from '../helpers/backend';
import { startShopHost, type ShopHost } from '../../src/server/shop-host';
import type { Backend } from '../../src/core';
import type { Role } from '../../src/shared/api/roles';
import { api, type Answer } from './http';

let backend: Backend;
let host: ShopHost;
let tokens: Record<Role, string>;

beforeAll(async () => {
  ({ backend } = makeBackend());
  tokens = await setupShop(backend);
  host = await startShopHost({ backend, port: 0, staticDir: null });
});
afterAll(async () => {
  await host.close();
  await backend.close();
});

describe('a flood of bad sign-ins stalls nothing', () => {
  it('throttles 40 parallel bad logins without checking each, while the clerk\'s shop.get calls complete', async () => {
    const order: string[] = [];
    const flood = Array.from({ length: 40 }, (_, i) =>
      api(host.url, 'auth.login', { username: i % 2 ? 'counter' : `nobody${i}`, password: `guess-${i}` }, { 'accept-language': 'en' }).then((r) => {
        order.push('login');
        return r;
      }),
    );
    // The clerk works on while the flood is in flight.
    const clerk: Answer[] = [];
    const clerkDone = (async () => {
      for (let i = 0; i < 3; i++) clerk.push(await api(host.url, 'shop.get', {}, { authorization: `Bearer ${tokens.counter}` }));
      order.push('clerk');
    })();
    const answers = await Promise.all(flood);
    await clerkDone;

    expect(clerk.every((r) => r.json.ok)).toBe(true);
    const throttled = answers.filter((r) => r.status === 429);
    const checked = answers.filter((r) => r.status === 401);
    // at most two checks at a time per source: the rest are refused at once, without scrypt, in words
    expect(checked.length).toBeLessThanOrEqual(4);
    expect(throttled.length).toBeGreaterThanOrEqual(36);
    expect(throttled[0]!.json.error).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', message: expect.stringMatching(/still being checked|Too many failed sign-ins/) });
    // the clerk did not wait for the flood: their calls finished before its last answer
    expect(order.indexOf('clerk')).toBeLessThan(order.lastIndexOf('login'));
    // nothing of the flood became a session; the known user's failures were counted
    const audit = backend.services.sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE action IN ('auth.failed', 'auth.lockedOut')`).get() as { n: number };
    expect(audit.n).toBe(answers.filter((r, i) => r.status === 401 && i % 2 === 1).length);
  });

  it('counts unknown usernames toward the source\'s limit: guessing names costs the same waits', async () => {
    for (let i = 0; i < 12; i++) await api(host.url, 'auth.login', { username: `ghost${i}`, password: 'whatever-1' });
    const res = await api(host.url, 'auth.login', { username: 'ghost99', password: 'whatever-1' }, { 'accept-language': 'zh-CN' });
    expect(res.status).toBe(429);
    expect(res.json.error?.message).toMatch(/^这台设备登录失败次数过多。连续失败 10 次后，每次再失败，等待时间加倍（最长 5 分钟）。请 \d+ 秒后再试。$/);
    // the signed-in clerk is not this source's guesser: a session's calls never wait on it
    expect((await api(host.url, 'shop.get', {}, { authorization: `Bearer ${tokens.counter}` })).json.ok).toBe(true);
  });
});
