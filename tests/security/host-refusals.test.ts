/**
 * Issue 14, points 1 and 8, over real HTTP against a real shop host: what a DNS-rebinding page,
 * a cross-site page and a LAN neighbour send is refused before any procedure runs; malformed,
 * oversized and trickling requests get typed, translated answers instead of a 500 or a reset.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBackend, PASSWORD, setupShop } from '../helpers/backend';
import { lanAddresses, startShopHost, type ShopHost } from '../../src/server/shop-host';
import type { Backend } from '../../src/core';
import { api, request } from './http';

let backend: Backend;
let host: ShopHost;
let base: string;
let own: string;

beforeAll(async () => {
  ({ backend } = makeBackend());
  host = await startShopHost({ backend, port: 0, staticDir: null, maxBodyBytes: 4096, requestTimeoutMs: 600 });
  base = host.url;
  own = `127.0.0.1:${host.port}`;
});
afterAll(async () => {
  await host.close();
  await backend.close();
});

const sessions = () => (backend.services.sqlite.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n;

describe('only our own pages reach the shop host', () => {
  it('refuses setup.run from a rebinding page (foreign Host, text/plain) on a fresh install, and the shop stays unset', async () => {
    const body = JSON.stringify({ shop: { name: '黑店', code: 'EVIL' }, admin: { username: 'evil', displayName: 'x', password: 'evil-password' } });
    const rebinding = await request(base, { path: '/api/setup.run', headers: { host: `attacker.example:${host.port}`, 'content-type': 'text/plain;charset=UTF-8' }, body });
    expect(rebinding.status).toBe(403);
    expect(rebinding.json.error).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'host' } });
    // a cross-site form post names our host but another page's origin, with a form body
    const form = await request(base, { path: '/api/setup.run', headers: { host: own, origin: 'http://localhost:8081', 'content-type': 'application/x-www-form-urlencoded' }, body });
    expect(form.status).toBe(403);
    expect(form.json.error?.details).toMatchObject({ reason: 'origin' });
    // the same simple request without Origin (some clients omit it) is still no JSON
    const simple = await request(base, { path: '/api/setup.run', headers: { host: own, 'content-type': 'text/plain;charset=UTF-8' }, body });
    expect(simple.status).toBe(415);
    expect(simple.json.error?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect((await api(base, 'setup.status', {})).json.data).toMatchObject({ setUp: false });
  });

  it.skipIf(lanAddresses().length === 0)('accepts setup.run only from this computer, not from a LAN neighbour', async () => {
    const lanHost = await startShopHost({ backend, port: 0, host: '0.0.0.0', staticDir: null });
    try {
      const ip = lanAddresses()[0]!;
      const body = JSON.stringify({ shop: { name: '邻居店', code: 'NB01' }, admin: { username: 'neighbour', displayName: 'x', password: 'neighbour-pw' } });
      const fromLan = await request(`http://${ip}:${lanHost.port}/`, {
        path: '/api/setup.run',
        localAddress: ip,
        headers: { host: `${ip}:${lanHost.port}`, 'content-type': 'application/json', 'accept-language': 'en' },
        body,
      });
      expect(fromLan.status).toBe(403);
      expect(fromLan.json.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('only be set up on the computer running Fixpoint') });
      // its LAN address is one of its own names: other procedures answer the neighbour
      const status = await request(`http://${ip}:${lanHost.port}/`, { path: '/api/setup.status', localAddress: ip, headers: { host: `${ip}:${lanHost.port}`, 'content-type': 'application/json' }, body: '{}' });
      expect(status.json).toMatchObject({ ok: true, data: { setUp: false } });
    } finally {
      await lanHost.close();
    }
  });

  it('lets a script with curl-like requests set up and sign in (no Origin, our Host, application/json)', async () => {
    await setupShop(backend);
    const login = await api(base, 'auth.login', { username: 'counter', password: PASSWORD });
    expect(login.json.ok).toBe(true);
    const token = (login.json.data as { token: string }).token;
    // an empty POST (curl -XPOST with no body) needs no content type
    const me = await request(base, { path: '/api/shop.get', headers: { authorization: `Bearer ${token}` } });
    expect(me.json).toMatchObject({ ok: true, data: { settings: { code: 'TS01' } } });
  });

  it('answers neither the switch list nor a PIN nor a login to a foreign Host, and starts no session', async () => {
    const before = sessions();
    for (const [name, input] of [
      ['auth.switchList', {}],
      ['auth.pinSwitch', { username: 'manager', pin: '1234' }],
      ['auth.login', { username: 'manager', password: PASSWORD }],
    ] as const) {
      for (const type of ['text/plain', 'application/json']) {
        const res = await request(base, { path: `/api/${name}`, headers: { host: `rebind.attacker.example:${host.port}`, 'content-type': type }, body: JSON.stringify(input) });
        expect(res.status, `${name} ${type}`).toBe(403);
        expect(res.json.error?.code).toBe('FORBIDDEN');
        expect(JSON.stringify(res.json)).not.toContain('manager');
      }
    }
    // the right name on another port is another origin's name too
    const otherPort = await api(base, 'auth.login', { username: 'manager', password: PASSWORD }, { host: `127.0.0.1:${host.port + 1}` });
    expect(otherPort.status).toBe(403);
    expect(sessions()).toBe(before);
  });

  it('refuses a foreign Origin and a cross-site Sec-Fetch-Site even with a JSON body and our Host', async () => {
    const before = sessions();
    const foreign = await api(base, 'auth.login', { username: 'manager', password: PASSWORD }, { origin: 'http://127.0.0.2:8080', 'accept-language': 'en' });
    expect(foreign.status).toBe(403);
    expect(foreign.json.error?.message).toBe('Refused: requests from another web page (http://127.0.0.2:8080) are not carried out');
    const nullOrigin = await api(base, 'auth.login', { username: 'manager', password: PASSWORD }, { origin: 'null' });
    expect(nullOrigin.status).toBe(403);
    const crossSite = await api(base, 'auth.login', { username: 'manager', password: PASSWORD }, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    // our own page: Origin equals the host's own origin
    const ownPage = await api(base, 'auth.login', { username: 'manager', password: PASSWORD }, { origin: `http://${own}`, 'sec-fetch-site': 'same-origin' });
    expect(ownPage.json.ok).toBe(true);
    expect(sessions()).toBe(before + 1);
  });

  it('refuses the event stream to a foreign Host or Origin even with a valid token', async () => {
    const token = (await backend.call('auth.login', { username: 'manager', password: PASSWORD })).token;
    const rebinding = await request(base, { method: 'GET', path: `/api/events?token=${token}`, headers: { host: `attacker.example:${host.port}` } });
    expect(rebinding.status).toBe(403);
    expect(rebinding.headers['content-type']).not.toContain('event-stream');
    const crossSite = await request(base, { method: 'GET', path: `/api/events?token=${token}`, headers: { host: own, origin: 'http://localhost:9999' } });
    expect(crossSite.status).toBe(403);
  });

  it('does not listen at all without LAN access when asked to (the Electron app), and opens when a manager turns it on', async () => {
    const tokens = { manager: (await backend.call('auth.login', { username: 'manager', password: PASSWORD })).token };
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (probe.address() as net.AddressInfo).port;
        probe.close(() => resolve(p));
      });
    });
    const onDemand = await startShopHost({ backend, port, staticDir: null, onlyWithLanAccess: true });
    try {
      expect(onDemand.listening).toBe(false);
      expect(backend.services.host.listening).toBeNull();
      await expect(request(`http://127.0.0.1:${port}/`, { path: '/api/setup.status', headers: { 'content-type': 'application/json' }, body: '{}' })).rejects.toThrow(/ECONNREFUSED/);
      await backend.call('shop.update', { lanAccess: true }, { token: tokens.manager });
      await expect.poll(() => onDemand.listening).toBe(true);
      expect((await request(`http://127.0.0.1:${port}/`, { path: '/api/setup.status', headers: { 'content-type': 'application/json' }, body: '{}' })).json.ok).toBe(true);
      await backend.call('shop.update', { lanAccess: false }, { token: tokens.manager });
      await expect.poll(() => onDemand.listening).toBe(false);
    } finally {
      await onDemand.close();
    }
  });
});

describe('clean refusals', () => {
  it('answers a malformed percent-encoded path with a typed 400 in the language asked, or the shop\'s', async () => {
    const en = await request(base, { path: '/api/auth.%E0%A4%A', headers: { 'content-type': 'application/json', 'accept-language': 'en-GB' }, body: '{}' });
    expect(en.status).toBe(400);
    expect(en.json.error).toMatchObject({ code: 'VALIDATION', message: 'The address has a malformed percent-encoding (%) and cannot be read' });
    const shopLanguage = await request(base, { path: '/%ZZ', method: 'GET' });
    expect(shopLanguage.status).toBe(400);
    expect(shopLanguage.json.error?.message).toBe('地址中的百分号编码（%）有误，无法识别');
  });

  it('answers an oversized body with a typed 413 after reading it, not a connection reset', async () => {
    const big = JSON.stringify({ note: 'x'.repeat(200_000) });
    const res = await request(base, { path: '/api/system.ping', headers: { host: own, 'content-type': 'application/json', 'x-fixpoint-locale': 'en' }, body: big });
    expect(res.status).toBe(413);
    expect(res.json.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: 'The request is too large (at most 4,096 bytes); nothing was done' });
    // chunked, without a length: counted as it comes
    const chunked = await request(base, { path: '/api/system.ping', headers: { host: own, 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, body: big });
    expect(chunked.status).toBe(413);
    expect(chunked.json.error?.message).toBe('请求内容太大（上限 4096 字节），未处理');
  });

  it('cuts off a body that trickles in after the timeout, with a typed 408', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(host.port, '127.0.0.1', () => {
        socket.write(`POST /api/system.ping HTTP/1.1\r\nHost: ${own}\r\nContent-Type: application/json\r\nAccept-Language: en\r\nContent-Length: 100\r\n\r\n{`);
        const drip = setInterval(() => socket.writable && socket.write(' '), 100);
        let got = '';
        socket.on('data', (c) => (got += c.toString()));
        socket.on('close', () => {
          clearInterval(drip);
          resolve(got);
        });
        socket.on('error', (e) => {
          clearInterval(drip);
          if (got) resolve(got);
          else reject(e);
        });
      });
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { error: { code: string; message: string } };
    expect(body.error).toMatchObject({ code: 'REQUEST_TIMEOUT', message: 'The request did not arrive in full within 1 second and was cut off' });
  });

  it('translates the refusal of a wrong method and of a non-JSON body', async () => {
    const get = await request(base, { method: 'GET', path: '/api/shop.get', headers: { 'accept-language': 'en' } });
    expect(get.status).toBe(405);
    expect(get.json.error?.message).toBe('This kind of request is not supported (GET /api/shop.get)');
    const text = await request(base, { path: '/api/shop.get', headers: { 'content-type': 'text/plain', 'accept-language': 'zh-CN' }, body: '{}' });
    expect(text.json.error?.message).toBe('请求内容须为 JSON（Content-Type: application/json），未处理');
  });
});
