import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHq, type TestHq } from '../helpers/hq';
import { ConsoleClient, PASSWORDS, addUser, consoleHq } from '../integration/hq-console/console-client';

/**
 * The console API attacked as a hostile page or a guesser would: a DNS-rebinding page (foreign
 * Host), a cross-site page (foreign Origin, Sec-Fetch-Site, a text/plain "simple" request that
 * needs no preflight), a password guesser (rate limit per address); and the console's pages
 * served with the shop host's CSP and caching.
 */
const OUT = path.resolve('out/hq-console');

describe('the console refuses foreign pages and guessers', () => {
  let hq: TestHq;
  let base: string;
  let port: string;
  beforeAll(async () => {
    if (!fs.existsSync(path.join(OUT, 'index.html'))) execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'vite.hq-console.config.ts', '--logLevel', 'warn']);
    hq = await openTestHq('sqlite', { console: { staticDir: OUT, publicHosts: ['hq.brand.example'] }, http: { trustProxy: ['127.0.0.1'], rateLimits: { signIn: 10 } } });
    const c = await consoleHq(hq);
    base = c.base;
    port = new URL(base).port;
    await addUser(c.token, 'root', 'network_admin', PASSWORDS.admin);
  });
  afterAll(() => hq.close());

  it('a DNS-rebinding page (its own Host) and a cross-site page (its Origin) are refused, even with the session cookie', async () => {
    const web = new ConsoleClient(base);
    expect((await web.signIn('root', PASSWORDS.admin)).status).toBe(200);
    const attacks: [string, Record<string, string>][] = [
      ['rebinding', { host: `evil.example:${port}` }],
      ['origin', { origin: 'http://evil.example' }],
      ['origin of another port', { origin: `http://127.0.0.1:1${port}` }],
      ['sec-fetch-site', { 'sec-fetch-site': 'cross-site' }],
      ['same-site is not same-origin', { 'sec-fetch-site': 'same-site' }],
    ];
    for (const [what, headers] of attacks) {
      const r = await web.call('users.list', {}, headers);
      expect(r.status, what).toBe(403);
      expect(r.body.error?.code, what).toBe('FOREIGN_ORIGIN');
      expect(r.body).not.toHaveProperty('users');
    }
    // Sign-in itself is refused from a foreign page (no session made, nothing counted).
    const rebound = await new ConsoleClient(base, { host: `evil.example:${port}` }).signIn('root', PASSWORDS.admin);
    expect(rebound.status).toBe(403);
    expect(rebound.setCookie).toBeNull();
    // The console's own page (same origin) is answered.
    expect((await web.call('users.list', {}, { origin: base, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });

  it('a cross-site "simple" request (text/plain, form) never runs', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await fetch(`${base}/console/api/auth.signIn`, { method: 'POST', headers: { 'content-type': type }, body: JSON.stringify({ username: 'root', password: PASSWORDS.admin }) });
      expect(res.status, type).toBe(415);
      expect(res.headers.get('set-cookie'), type).toBeNull();
    }
  });

  it('behind the TLS proxy, the public name and its https origin are the console\'s own; the cookie is Secure', async () => {
    const headers = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'hq.brand.example', origin: 'https://hq.brand.example' };
    const web = new ConsoleClient(base);
    const r = await web.call('auth.signIn', { username: 'root', password: PASSWORDS.admin }, headers);
    expect(r.status).toBe(200);
    expect(r.setCookie).toMatch(/; HttpOnly; SameSite=Strict; Max-Age=\d+; Secure$/);
    expect((await web.call('auth.me', {}, { ...headers, origin: 'http://hq.brand.example' })).body.error?.code).toBe('FOREIGN_ORIGIN');
  });

  it('sign-in takes 10 tries a minute per address; the 11th is told when to come back', async () => {
    const guesser = new ConsoleClient(base, { locale: 'zh-CN' });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await guesser.signIn(`guess${i}`, 'wrong-password')).status);
    // (the tests above signed in 3 times from this address within the minute)
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(4);
    const last = await guesser.signIn('root', PASSWORDS.admin);
    expect(last.status).toBe(429);
    expect(last.body.error?.message).toMatch(/^请求过于频繁，请在 \d+ 秒后重试$/);
  });

  it('serves the console with the shop host\'s CSP and caching: index revalidated, hashed assets immutable, precompressed', async () => {
    const index = await fetch(`${base}/console/`);
    expect(index.status).toBe(200);
    const html = await index.text();
    expect(html).toContain('<div id="root">');
    expect(index.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'",
    );
    expect(index.headers.get('cache-control')).toBe('no-cache');
    // A client route (a reload on /console/shops) gets the page too.
    expect(await (await fetch(`${base}/console/shops`)).text()).toBe(html);
    const script = html.match(/src="\/console(\/assets\/[^"]+\.js)"/)![1]!;
    const asset = await fetch(`${base}/console${script}`, { headers: { 'accept-encoding': 'br' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-encoding')).toBe('br');
    const missing = await fetch(`${base}/console/assets/nothing-here.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^text\/plain/);
    expect((await fetch(`${base}/console/../hq.sqlite`)).status).not.toBe(200);
    const root = await fetch(`${base}/`, { redirect: 'manual' });
    expect([root.status, root.headers.get('location')]).toEqual([302, '/console/']);
  });
});
