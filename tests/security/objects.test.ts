/**
 * Issue 14, point 4, over real HTTP: print jobs, their PDFs and their pushes follow the roles of
 * the document's own procedure; an event stream carries only what its session's role may read
 * and ends with its session; a password change ends the user's other sessions; a session has an
 * absolute lifetime besides the idle one.
 */
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { makeBackend, PASSWORD, setupShop } from '../helpers/backend';
import { ManualClock } from '../helpers/clock';
import { startShopHost, type ShopHost } from '../../src/server/shop-host';
import type { Backend } from '../../src/core';
import type { Role } from '../../src/shared/api/roles';
import { api } from './http';

let backend: Backend;
let host: ShopHost;
let clock: ManualClock;
let tokens: Record<Role, string>;

async function start() {
  clock = new ManualClock();
  ({ backend } = makeBackend({ clock }));
  tokens = await setupShop(backend);
  host = await startShopHost({ backend, port: 0, staticDir: null, sessionCheckMs: 100 });
}
afterEach(async () => {
  await host?.close();
  await backend?.close();
});

const as = (token: string) => ({ authorization: `Bearer ${token}` });

interface Stream {
  events: { name: string; payload: unknown }[];
  ended: Promise<void>;
  close(): void;
}

/** An event stream as EventSource opens it; `ended` settles when the host ends it. */
function openStream(token: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const events: Stream['events'] = [];
    const req = http.get(`${host.url}api/events?token=${token}`, (res) => {
      expect(res.statusCode).toBe(200);
      let buf = '';
      const ended = new Promise<void>((done) => res.on('end', done));
      res.on('data', (c: Buffer) => {
        buf += c.toString();
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (data && !block.startsWith('event:')) events.push(JSON.parse(data.slice(6)) as Stream['events'][number]);
        }
      });
      resolve({ events, ended, close: () => req.destroy() });
    });
    req.on('error', reject);
  });
}

const within = <T>(p: Promise<T>, ms = 5_000) => Promise.race([p.then(() => 'ended'), new Promise((r) => setTimeout(() => r('still open'), ms))]);

describe('print jobs follow their document', () => {
  it('keeps a daily close and a stock valuation out of a technician\'s print queue, PDFs and event stream', async () => {
    await start();
    const tech = await openStream(tokens.technician);
    const manager = await openStream(tokens.manager);
    const close = await api(host.url, 'print.request', { docType: 'daily_close', entityId: '2026-11-23' }, as(tokens.manager));
    const valuation = await api(host.url, 'print.request', { docType: 'stock_valuation', entityId: 'all' }, as(tokens.manager));
    expect(close.json.ok && valuation.json.ok).toBe(true);
    const ids = [(close.json.data as { id: string }).id, (valuation.json.data as { id: string }).id];
    // an event every staff may read, so the technician's stream is known to be flowing
    await api(host.url, 'shop.update', { hotline: '400-000-1111' }, as(tokens.manager));
    await expect.poll(() => tech.events.map((e) => e.name)).toContain('shop.updated');
    await expect.poll(() => manager.events.filter((e) => e.name === 'print.job').length).toBe(2);
    expect(tech.events.map((e) => e.name)).toEqual(['shop.updated']);

    const queue = await api(host.url, 'print.queue', { limit: 50 }, as(tokens.technician));
    expect(queue.json).toEqual({ ok: true, data: [] });
    for (const jobId of ids) {
      const pdf = await api(host.url, 'print.pdf', { jobId }, { ...as(tokens.technician), 'accept-language': 'en' });
      expect(pdf.status).toBe(403);
      expect(pdf.json.error?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(pdf.json)).not.toContain('base64');
      expect((await api(host.url, 'print.complete', { jobId, outcome: 'printed' }, as(tokens.technician))).status).toBe(403);
    }
    // the counter may read a daily close (dailyClose.get) but not a stock valuation (stock.valuation)
    const counterQueue = (await api(host.url, 'print.queue', { limit: 50 }, as(tokens.counter))).json.data as { docType: string }[];
    expect(counterQueue.map((j) => j.docType)).toEqual(['daily_close']);
    expect((await api(host.url, 'print.pdf', { jobId: ids[1] }, as(tokens.counter))).status).toBe(403);
    expect((await api(host.url, 'print.pdf', { jobId: ids[0] }, as(tokens.counter))).json.ok).toBe(true);
    tech.close();
    manager.close();
  });

  it('does not push a payment or a daily close to a technician', async () => {
    await start();
    const tech = await openStream(tokens.technician);
    const counter = await openStream(tokens.counter);
    await api(host.url, 'dailyClose.close', { date: '2026-11-23', countedCashFen: 0, reason: '' }, as(tokens.manager));
    await expect.poll(() => counter.events.map((e) => e.name)).toContain('dailyClose.closed');
    await api(host.url, 'shop.update', { hotline: '400-000-2222' }, as(tokens.manager));
    await expect.poll(() => tech.events.map((e) => e.name)).toContain('shop.updated');
    expect(tech.events.map((e) => e.name)).not.toContain('dailyClose.closed');
    tech.close();
    counter.close();
  });
});

describe('event streams end with their session', () => {
  it('ends on logout, and the ended token opens no new stream', async () => {
    await start();
    const s = await openStream(tokens.counter);
    await api(host.url, 'auth.logout', {}, as(tokens.counter));
    expect(await within(s.ended)).toBe('ended');
    expect((await api(host.url, 'auth.me', {}, as(tokens.counter))).status).toBe(401);
    const again = await new Promise<number>((r) => http.get(`${host.url}api/events?token=${tokens.counter}`, (res) => r(res.statusCode ?? 0)));
    expect(again).toBe(401);
  });

  it('ends the other sessions and their streams when a password changes, keeps the one that changed it', async () => {
    await start();
    const elsewhere = (await backend.call('auth.login', { username: 'counter', password: PASSWORD })).token;
    const s = await openStream(elsewhere);
    const changed = await api(host.url, 'auth.changePassword', { current: PASSWORD, next: 'a-new-password' }, as(tokens.counter));
    expect(changed.json.ok).toBe(true);
    expect(await within(s.ended)).toBe('ended');
    expect((await api(host.url, 'shop.get', {}, as(elsewhere))).status).toBe(401);
    expect((await api(host.url, 'shop.get', {}, as(tokens.counter))).json.ok).toBe(true);
  });

  it('ends when a manager disables the user', async () => {
    await start();
    const s = await openStream(tokens.technician);
    const users = (await backend.call('users.list', {}, { token: tokens.manager })).find((u) => u.username === 'technician')!;
    await api(host.url, 'users.update', { id: users.id, disabled: true }, as(tokens.manager));
    expect(await within(s.ended)).toBe('ended');
  });

  it('ends when the session goes idle, and an open stream does not count as activity', async () => {
    await start();
    const s = await openStream(tokens.counter);
    clock.advance(59 * 60_000);
    expect(await within(s.ended, 400)).toBe('still open');
    clock.advance(2 * 60_000);
    expect(await within(s.ended)).toBe('ended');
  });
});

describe('sessions have an absolute lifetime', () => {
  it('ends a session used all day after the shop\'s maximum (default 12 hours), however busy', async () => {
    await start();
    for (let i = 0; i < 35; i++) {
      clock.advance(20 * 60_000);
      expect((await api(host.url, 'shop.get', {}, as(tokens.counter))).json.ok, `after ${(i + 1) * 20} minutes`).toBe(true);
    }
    clock.advance(20 * 60_000 + 1_000); // 12 h 0 min 1 s after sign-in
    const late = await api(host.url, 'shop.get', {}, { ...as(tokens.counter), 'accept-language': 'en' });
    expect(late.status).toBe(401);
    expect(late.json.error?.code).toBe('SESSION_EXPIRED');
    const fresh = await backend.call('auth.login', { username: 'counter', password: PASSWORD });
    expect(Date.parse(fresh.expiresAt) - clock.now().getTime()).toBe(60 * 60_000);
  });
});
