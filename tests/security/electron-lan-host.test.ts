import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { makeBackend, setupShop } from '../helpers/backend';
import { ManualClock } from '../helpers/clock';
import { startLanHost, type LanHost } from '../../src/main/lan-host';
import type { Backend } from '../../src/core';

/**
 * In the Electron app the window talks to the backend over IPC; the shop HTTP host (for a second
 * counter PC or a tablet) listens only while a manager has LAN access on, and stops when it is
 * turned off — so on a counter PC with LAN access off, no web page can reach any port of ours.
 * The backend process's own controller (src/main/lan-host.ts) on a real backend and real sockets.
 */
const free = async (): Promise<number> =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const c = net.connect(port, '127.0.0.1');
    c.once('connect', () => (c.destroy(), resolve(true)));
    c.once('error', () => resolve(false));
  });

let backend: Backend | null = null;
let lan: LanHost | null = null;
afterEach(async () => {
  await lan?.close();
  await backend?.close();
  lan = backend = null;
});

describe('Electron: the shop HTTP host follows the LAN setting', () => {
  it('nothing listens until a manager turns LAN access on; it stops when turned off; on again, it listens again', async () => {
    backend = makeBackend({ clock: new ManualClock() }).backend;
    const tokens = await setupShop(backend);
    const port = await free();
    lan = startLanHost({ backend, port, staticDir: null, bind: '127.0.0.1' });
    await lan.settled();
    expect(lan.host).toBeNull();
    expect(await accepts(port)).toBe(false);
    expect((await backend.call('system.info', {}, { token: tokens.manager })).host).toEqual({ listening: null, lanAddresses: [] });

    await backend.call('shop.update', { lanAccess: true }, { token: tokens.manager });
    await lan.settled();
    expect(lan.host).not.toBeNull();
    expect(await accepts(port)).toBe(true);
    const res = await fetch(`http://127.0.0.1:${port}/api/auth.me`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(401); // the shop's API, asking for a session

    await backend.call('shop.update', { lanAccess: false }, { token: tokens.manager });
    await lan.settled();
    expect(lan.host).toBeNull();
    expect(await accepts(port)).toBe(false);
    expect(backend.services.host.listening).toBeNull();

    await backend.call('shop.update', { lanAccess: true }, { token: tokens.manager });
    await lan.settled();
    expect(await accepts(port)).toBe(true);
  });

  it('a shop whose LAN access was left on listens from the start; closing the app stops it', async () => {
    const made = makeBackend({ clock: new ManualClock() });
    backend = made.backend;
    const tokens = await setupShop(backend);
    await backend.call('shop.update', { lanAccess: true }, { token: tokens.manager });
    const port = await free();
    lan = startLanHost({ backend, port, staticDir: null, bind: '127.0.0.1' });
    await lan.settled();
    expect(await accepts(port)).toBe(true);
    await lan.close();
    lan = null;
    expect(await accepts(port)).toBe(false);
  });
});
