import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { makeBackend, PASSWORD, setupShop } from '../../helpers/backend';
import { startShopHost, type ShopHost } from '../../../src/server/shop-host';
import type { Backend } from '../../../src/core';
import type { Role } from '../../../src/shared/api/roles';

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

async function post(name: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${host.url}api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; data?: unknown; error?: { code: string; message: string; details: Record<string, unknown> } } };
}

describe('shop HTTP host', () => {
  it('listens on loopback only by default', () => {
    expect(backend.services.host.listening).toMatch(/^127\.0\.0\.1:\d+$/);
  });

  it('runs the same procedures over HTTP with a bearer token', async () => {
    const login = await post('auth.login', { username: 'counter', password: PASSWORD });
    expect(login.status).toBe(200);
    const token = (login.body.data as { token: string }).token;
    const me = await post('auth.me', {}, { authorization: `Bearer ${token}` });
    expect(me.body).toMatchObject({ ok: true, data: { user: { username: 'counter', role: 'counter' } } });
  });

  it('answers typed errors with HTTP status and a translated message, in the language asked', async () => {
    const noSession = await post('users.list', {}, { 'x-fixpoint-locale': 'en' });
    expect(noSession.status).toBe(401);
    expect(noSession.body.error).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Please sign in first' });
    const zh = await post('users.list', {}, { 'accept-language': 'zh-CN,zh;q=0.9' });
    expect(zh.body.error?.message).toBe('请先登录');
    const forbidden = await post('users.list', {}, { authorization: `Bearer ${tokens.counter}` });
    expect(forbidden.status).toBe(403);
    const bad = await post('auth.login', '{not json', { 'x-fixpoint-locale': 'en' });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe('VALIDATION');
    const unknown = await post('nothing.here', {});
    expect(unknown.status).toBe(404);
  });

  it('pushes backend events to an open event stream', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = http.get(`${host.url}api/events?token=${tokens.manager}`, (res) => {
        expect(res.statusCode).toBe(200);
        let buf = '';
        res.on('data', (c: Buffer) => {
          buf += c.toString();
          const m = buf.match(/data: (.*)\n\n/);
          if (m) {
            resolve(m[1]!);
            req.destroy();
          }
        });
      });
      req.on('error', reject);
    });
    await new Promise((r) => setTimeout(r, 100));
    await post('shop.update', { hotline: '400-123-4567' }, { authorization: `Bearer ${tokens.manager}` });
    const event = JSON.parse(await received) as { name: string; payload: { settings: { hotline: string } } };
    expect(event.name).toBe('shop.updated');
    expect(event.payload.settings.hotline).toBe('400-123-4567');
  });

  it('refuses an event stream without a valid session', async () => {
    const res = await fetch(`${host.url}api/events?token=nope`);
    expect(res.status).toBe(401);
  });

  it('opens to the LAN when a manager enables it, shows the addresses, and closes again', async () => {
    await post('shop.update', { lanAccess: true }, { authorization: `Bearer ${tokens.manager}` });
    await new Promise((r) => setTimeout(r, 200));
    const info = await post('system.info', {}, { authorization: `Bearer ${tokens.manager}` });
    expect((info.body.data as { host: { listening: string } }).host.listening).toMatch(/^0\.0\.0\.0:/);
    expect(Array.isArray((info.body.data as { host: { lanAddresses: string[] } }).host.lanAddresses)).toBe(true);
    await post('shop.update', { lanAccess: false }, { authorization: `Bearer ${tokens.manager}` });
    await new Promise((r) => setTimeout(r, 200));
    expect(backend.services.host.listening).toMatch(/^127\.0\.0\.1:/);
  });

  it('refuses an oversized body with a typed 413', async () => {
    const small = await startShopHost({ backend, port: 0, staticDir: null, maxBodyBytes: 1024 });
    try {
      const res = await fetch(`${small.url}api/system.ping`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ x: 'x'.repeat(10_000) }) });
      expect(res.status).toBe(413);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
    } finally {
      await small.close();
    }
  });
});
