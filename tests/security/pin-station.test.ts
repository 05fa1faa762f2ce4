/**
 * Issue 14, point 2, over real HTTP: a PIN switches users only in a tab where someone signed in
 * with a password within the shop's station time, bound to that tab's own secret; wrong PINs
 * are limited per station, per user and for the whole shop, each said in words.
 */
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
  host = await startShopHost({ backend, port: 0, staticDir: null });
}
afterEach(async () => {
  await host?.close();
  await backend?.close();
});

/** A tab signing in with a password: its station secret comes with the session. */
async function passwordSignIn(username: string) {
  const res = await api(host.url, 'auth.login', { username, password: PASSWORD });
  const data = res.json.data as { token: string; station: string };
  expect(typeof data.station).toBe('string');
  return data;
}
const pin = (station: string | null, username: string, value: string, lang = 'en') =>
  api(host.url, 'auth.pinSwitch', { username, pin: value }, { ...(station ? { 'x-fixpoint-station': station } : {}), 'accept-language': lang });
const sessionCount = () => (backend.services.sqlite.prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n;

describe('a PIN switches users on a station, it is not a sign-in', () => {
  it('refuses a PIN and the switch list to a caller that never signed in with a password, in words, and starts no session', async () => {
    await start();
    const before = sessionCount();
    const list = await api(host.url, 'auth.switchList', {}, { 'accept-language': 'en' });
    expect(list.status).toBe(403);
    expect(list.json.error?.message).toBe(
      'A PIN switches users only in a window (browser tab) where someone signed in with a password in the last 12 hours. Sign in with your password first; then PINs work here.',
    );
    expect(JSON.stringify(list.json)).not.toContain('manager');
    const guess = await pin(null, 'manager', '1234', 'zh-CN');
    expect(guess.status).toBe(403);
    expect(guess.json.error?.message).toContain('小时内有人用密码登录过的这个窗口');
    // a made-up station secret is no station
    expect((await pin('made-up-secret', 'manager', '1234')).status).toBe(403);
    expect(sessionCount()).toBe(before);
  });

  it('switches with the right PIN on the tab that signed in with a password, and only there', async () => {
    await start();
    const tab = await passwordSignIn('counter');
    const list = await api(host.url, 'auth.switchList', {}, { 'x-fixpoint-station': tab.station });
    expect((list.json.data as { username: string }[]).map((u) => u.username).sort()).toEqual(['admin', 'counter', 'manager', 'technician']);
    const switched = await pin(tab.station, 'manager', '1234');
    expect(switched.json).toMatchObject({ ok: true, data: { user: { username: 'manager' } } });
    // the PIN session does not make a new station; the tab keeps its own
    expect((switched.json.data as { station?: string }).station).toBeUndefined();
    expect((await pin(tab.station, 'technician', '1234')).json.ok).toBe(true);
    // another tab that only saw this one's session token is no station
    expect((await api(host.url, 'auth.switchList', {}, { authorization: `Bearer ${tab.token}` })).status).toBe(403);
  });

  it('ends the station after the shop\'s station time (default 12 hours, a setting)', async () => {
    await start();
    const tab = await passwordSignIn('counter');
    clock.advance(11 * 3_600_000);
    expect((await pin(tab.station, 'manager', '1234')).json.ok).toBe(true);
    clock.advance(3_600_000 + 60_000);
    const late = await pin(tab.station, 'manager', '1234');
    expect(late.status).toBe(403);
    expect(late.json.error?.details).toMatchObject({ reason: 'station' });
    // a shorter station time applies at once
    await backend.call('shop.update', { stationHours: 2 }, { token: (await backend.call('auth.login', { username: 'manager', password: PASSWORD })).token });
    const fresh = await passwordSignIn('counter');
    clock.advance(2 * 3_600_000 + 1_000);
    expect((await pin(fresh.station, 'manager', '1234')).json.error?.message).toContain('in the last 2 hours');
  });

  it('makes a station wait after five wrong PINs, doubling, and switches PINs off there after ten, until a password sign-in', async () => {
    await start();
    const tab = await passwordSignIn('counter');
    const other = await passwordSignIn('technician');
    // spread over users so no account locks (five per user): the station's own limit is what stops this
    const users = ['manager', 'technician', 'admin', 'counter'];
    for (let i = 0; i < 5; i++) expect((await pin(tab.station, users[i % 4]!, '0000')).json.error?.code).toBe('BAD_CREDENTIALS');
    const wait = await pin(tab.station, 'manager', '1234');
    expect(wait.status).toBe(429);
    expect(wait.json.error?.message).toBe(
      'Too many wrong PINs in this window; try again in 2 seconds. Each further wrong PIN doubles the wait; after 10 wrong PINs, a password sign-in is needed before PINs work here again.',
    );
    // another station is not affected
    expect((await pin(other.station, 'manager', '1234')).json.ok).toBe(true);
    clock.advance(2_000);
    expect((await pin(tab.station, 'admin', '0000')).json.error?.code).toBe('BAD_CREDENTIALS');
    expect((await pin(tab.station, 'admin', '1234')).json.error?.message).toContain('try again in 4 seconds');
    for (let i = 0; i < 4; i++) {
      clock.advance(60_000);
      await pin(tab.station, users[(i + 1) % 4]!, '0000');
    }
    clock.advance(60_000);
    const locked = await pin(tab.station, 'manager', '1234', 'zh-CN');
    expect(locked.status).toBe(429);
    expect(locked.json.error?.message).toBe('这个窗口已累计输错 PIN 10 次，PIN 切换已停用。请用密码登录，登录后可再次使用 PIN。');
    clock.advance(3_600_000);
    expect((await pin(tab.station, 'manager', '1234')).json.error?.details).toMatchObject({ scope: 'station', locked: true });
    // a password sign-in in that tab gives it a fresh station
    const again = await api(host.url, 'auth.login', { username: 'counter', password: PASSWORD }, { 'x-fixpoint-station': tab.station });
    const station = (again.json.data as { station: string }).station;
    expect(station).not.toBe(tab.station);
    expect((await pin(station, 'manager', '1234')).json.ok).toBe(true);
    expect((await pin(tab.station, 'manager', '1234')).status).toBe(403);
  });

  it('locks the account after five wrong PINs for that user, wherever they were typed', async () => {
    await start();
    const tabs = [await passwordSignIn('counter'), await passwordSignIn('technician'), await passwordSignIn('admin')];
    for (let i = 0; i < 5; i++) await pin(tabs[i % 3]!.station, 'manager', '0000');
    const res = await pin(tabs[0]!.station, 'manager', '1234');
    expect(res.status).toBe(423);
    expect(res.json.error?.message).toBe('Too many failed attempts; the account is locked until 10:05');
  });

  it('pauses PIN switching in the whole shop after twenty wrong PINs across stations, passwords still work', async () => {
    await start();
    // Five counter PCs (five sources, as the shop host names them): each below its own limits.
    const pcs = ['ip:192.0.2.11', 'ip:192.0.2.12', 'ip:192.0.2.13', 'ip:192.0.2.14', 'ip:192.0.2.15'];
    const stations: string[] = [];
    for (const source of pcs) stations.push((await backend.call('auth.login', { username: 'counter', password: PASSWORD }, { source })).station!);
    // four wrong PINs per station, to names nobody has (so no account locks): no station or source hits its limit
    for (let i = 0; i < pcs.length; i++) {
      for (const u of ['nobody1', 'nobody2', 'nobody3', 'nobody4']) {
        expect((await backend.callWire('auth.pinSwitch', { username: u, pin: '0000' }, { source: pcs[i], station: stations[i] })).ok).toBe(false);
      }
    }
    const sixth = 'ip:192.0.2.16';
    const fresh = (await backend.call('auth.login', { username: 'technician', password: PASSWORD }, { source: sixth })).station!;
    const paused = await backend.callWire('auth.pinSwitch', { username: 'manager', pin: '1234' }, { source: sixth, station: fresh, locale: 'en' });
    expect(paused).toMatchObject({
      ok: false,
      error: { code: 'TOO_MANY_ATTEMPTS', message: 'Too many wrong PINs across this shop: PIN switching is paused for 5 seconds. Sign in with a password meanwhile.' },
    });
    expect((await backend.callWire('auth.login', { username: 'manager', password: PASSWORD }, { source: sixth })).ok).toBe(true);
    clock.advance(5_000);
    expect((await backend.callWire('auth.pinSwitch', { username: 'manager', pin: '1234' }, { source: sixth, station: fresh })).ok).toBe(true);
  });

  it('counts wrong PINs from one place toward its sign-in limit too: after ten failures, it waits, growing', async () => {
    await start();
    const tab = await passwordSignIn('counter');
    const tab2 = await passwordSignIn('counter');
    const users = ['manager', 'technician', 'admin', 'counter'];
    for (let i = 0; i < 5; i++) await pin(tab.station, users[i % 4]!, '0000');
    for (let i = 0; i < 5; i++) await pin(tab2.station, users[(i + 2) % 4]!, '0000');
    const wait = await api(host.url, 'auth.login', { username: 'counter', password: PASSWORD }, { 'accept-language': 'en' });
    expect(wait.status).toBe(429);
    expect(wait.json.error?.message).toBe(
      'Too many failed sign-ins from this device. After 10 failures in a row, each further failure doubles the wait (up to 5 minutes). Try again in 1 second.',
    );
    clock.advance(1_000);
    expect((await api(host.url, 'auth.login', { username: 'counter', password: PASSWORD })).json.ok).toBe(true);
  });
});

describe('tokens of the setup helper stay usable', () => {
  it('keeps sessions from password sign-ins working', async () => {
    await start();
    expect((await api(host.url, 'auth.me', {}, { authorization: `Bearer ${tokens.counter}` })).json.ok).toBe(true);
  });
});
