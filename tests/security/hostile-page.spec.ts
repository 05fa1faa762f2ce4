/**
 * Issue 14, point 1, with a real browser as the attacker: a page on another origin (a tiny
 * server on localhost, another port) really tries the attacks of the issue against the shop host
 * on 127.0.0.1 — setup.run on a fresh install, the switch list, PIN guesses, a form post, an
 * event stream — and a DNS-rebinding page (its own host name resolving to 127.0.0.1) tries them
 * same-origin. Nothing happens: the shop stays unset, no session starts, no name leaks.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, test, expect } from '@playwright/test';
import { openBackend, type Backend } from '../../src/core';
import { startShopHost, type ShopHost } from '../../src/server/shop-host';
import { RunningClock } from '../helpers/clock';

test.describe.configure({ mode: 'serial' });

/** A shop host on 127.0.0.1 on a fresh, empty shop, as the Electron app and npm run serve start it. */
const shop = {} as { url: string; backend: Backend; host: ShopHost; dataDir: string };

let attacker: http.Server;
let attackerUrl: string;
/** What reached the shop host from the attacker's pages (Host, Origin, path). */
const seen: string[] = [];

const SETUP = { shop: { name: '黑店', code: 'EVIL' }, admin: { username: 'evil', displayName: 'Evil', password: 'evil-password-1' } };

/** The attacker's script: every trick a page has without a preflight that our host would pass. */
function attackScript(target: string): string {
  return `
  const target = ${JSON.stringify(target)};
  const results = {};
  const attempt = async (name, run) => {
    try { const r = await run(); results[name] = r.type === 'opaque' ? 'opaque' : r.status + ' ' + (await r.text()); }
    catch (e) { results[name] = 'blocked: ' + e.message; }
  };
  (async () => {
    const setup = ${JSON.stringify(JSON.stringify(SETUP))};
    await attempt('setup-text', () => fetch(target + '/api/setup.run', { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: setup }));
    await attempt('setup-json', () => fetch(target + '/api/setup.run', { method: 'POST', headers: { 'content-type': 'application/json' }, body: setup }));
    await attempt('switch-list', () => fetch(target + '/api/auth.switchList', { method: 'POST', mode: 'no-cors', body: '{}' }));
    for (const pin of ['0000', '1111', '1234']) {
      await attempt('pin-' + pin, () => fetch(target + '/api/auth.pinSwitch', { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ username: 'manager', pin }) }));
    }
    await attempt('login', () => fetch(target + '/api/auth.login', { method: 'POST', mode: 'no-cors', body: JSON.stringify({ username: 'manager', password: 'correct-horse' }) }));
    // A form post needs no script to read anything: text/plain smuggles JSON in the field name.
    const frame = document.createElement('iframe'); frame.name = 'sink'; document.body.appendChild(frame);
    const form = document.createElement('form'); form.method = 'POST'; form.enctype = 'text/plain'; form.target = 'sink';
    form.action = target + '/api/setup.run';
    const field = document.createElement('input'); field.name = setup.slice(0, -1) + ',"x":"'; field.value = '"}'; form.appendChild(field);
    document.body.appendChild(form);
    await new Promise((done) => { frame.onload = done; form.submit(); setTimeout(done, 3000); });
    results['form'] = 'submitted';
    await new Promise((done) => {
      const es = new EventSource(target + '/api/events?token=x');
      es.onmessage = () => { results['events'] = 'message'; };
      es.onerror = () => { results['events'] = 'error'; es.close(); done(); };
      setTimeout(done, 3000);
    });
    window.attackDone = results;
  })();`;
}

test.beforeAll(async () => {
  shop.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fixpoint-hostile-'));
  shop.backend = openBackend({ dataDir: shop.dataDir, clock: new RunningClock() });
  shop.host = await startShopHost({ backend: shop.backend, port: 0, staticDir: null });
  shop.url = shop.host.url;
  attacker = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>优惠活动</title><body><h1>Free phone cases</h1><script>${attackScript(shop.url.replace(/\/$/, ''))}</script></body>`);
  });
  await new Promise<void>((r) => attacker.listen(0, 'localhost', () => r()));
  attackerUrl = `http://localhost:${(attacker.address() as AddressInfo).port}/`;
});
test.afterAll(async () => {
  await new Promise((r) => attacker.close(r));
  await shop.host.close();
  await shop.backend.close();
  fs.rmSync(shop.dataDir, { recursive: true, force: true });
});

const count = (table: string) => (shop.backend.services.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

test('a page on another origin cannot set up a fresh shop, list users, guess PINs or open the event stream', async ({ page }) => {
  const watch = (req: http.IncomingMessage) => seen.push(`${req.headers.host} ${req.headers.origin ?? '-'} ${req.url}`);
  expect(shop.backend.services.host.listening).toMatch(/^127\.0\.0\.1:/);
  const host = shop.host.server;
  host.on('request', watch);
  try {
    await page.goto(attackerUrl);
    const results = (await page.waitForFunction(() => (window as unknown as { attackDone?: unknown }).attackDone, null, { timeout: 30_000 })).jsonValue();
    const r = (await results) as Record<string, string>;
    // the simple requests really reached the host (no-cors: the page cannot read the refusal)...
    expect(seen.some((s) => s.includes('/api/setup.run') && s.includes(attackerUrl.replace(/\/$/, '')))).toBe(true);
    expect(seen.some((s) => s.includes('/api/auth.pinSwitch'))).toBe(true);
    // ...the JSON one was stopped by the failed preflight, the event stream refused
    expect(r['setup-json']).toMatch(/^blocked/);
    expect(r.events).toBe('error');
  } finally {
    host.off('request', watch);
  }
  // and nothing happened
  expect((await shop.backend.call('setup.status', {})).setUp).toBe(false);
  expect(count('users')).toBe(0);
  expect(count('sessions')).toBe(0);
  expect(count('audit_log')).toBe(0);
});

test('a DNS-rebinding page (same origin under the attacker\'s name) gets no names and no session', async () => {
  // Now the shop exists, with PINs: what the attacker went for.
  const admin = await shop.backend.call('setup.run', { shop: { name: '华强北店', code: 'HQB1' }, admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1', pin: '1111' } });
  await shop.backend.call('users.create', { username: 'manager', displayName: '王店长', role: 'manager', password: 'manager-pass', pin: '1234' }, { token: admin.token });
  const sessionsBefore = count('sessions');
  const port = new URL(shop.url).port;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    // Chromium's own Private Network Access checks would stop this page before the host sees it;
    // Firefox, Safari and older browsers have none, so they are off here: the host must hold alone.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      `--host-resolver-rules=MAP rebind.attacker.test 127.0.0.1`,
      '--disable-features=BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights,PrivateNetworkAccessRespectPreflightResults,LocalNetworkAccessChecks',
    ],
  });
  try {
    const page = await browser.newPage();
    const origin = `http://rebind.attacker.test:${port}`;
    // The attacker's own server answered first (its page); the name now resolves to the shop host.
    await page.route(`${origin}/promo.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><body><script>
          (async () => {
            const out = {};
            for (const [name, body] of [['auth.switchList', '{}'], ['auth.pinSwitch', '{"username":"manager","pin":"1234"}'], ['auth.pinSwitch', '{"username":"admin","pin":"1111"}'], ['setup.status', '{}']]) {
              try {
                const r = await fetch('/api/' + name, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
                out[name + body] = r.status + ' ' + await r.text();
              } catch (e) { out[name + body] = 'failed: ' + e.message; }
            }
            window.rebindDone = out;
          })();
        </script></body>`,
      }),
    );
    await page.goto(`${origin}/promo.html`);
    const out = (await (await page.waitForFunction(() => (window as unknown as { rebindDone?: unknown }).rebindDone, null, { timeout: 20_000 })).jsonValue()) as Record<string, string>;
    const answers = Object.values(out);
    expect(answers).toHaveLength(4);
    for (const a of answers) {
      expect(a).toMatch(/^403 /);
      expect(a).toContain('FORBIDDEN');
      expect(a).not.toContain('王店长');
      expect(a).not.toMatch(/"token"/);
    }
    expect(answers[0]).toContain('rebind.attacker.test');
  } finally {
    await browser.close();
  }
  expect(count('sessions')).toBe(sessionsBefore);
});

