import { afterEach, describe, expect, it } from 'vitest';
import { makeBackend, PASSWORD, setupShop } from '../../helpers/backend';
import { ManualClock } from '../../helpers/clock';
import type { Backend } from '../../../src/core';

let backend: Backend;
afterEach(async () => backend?.close());

describe('sign-in, lockout and sessions', () => {
  it('locks an account for five minutes after five failed tries, then lets the right password in', async () => {
    const clock = new ManualClock();
    ({ backend } = makeBackend({ clock }));
    await setupShop(backend);
    for (let i = 1; i <= 4; i++) {
      const r = await backend.callWire('auth.login', { username: 'counter', password: 'wrong-one' }, { locale: 'en' });
      expect(r).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    }
    const fifth = await backend.callWire('auth.login', { username: 'counter', password: 'wrong-one' }, { locale: 'en' });
    // the clock reads 10:00 in Shanghai: locked until 10:05 shop time, said in words
    expect(fifth).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT', message: expect.stringContaining('until 10:05') } });
    // even the right password is refused while locked, and so is the PIN (on a station: a tab where the manager signed in)
    expect(await backend.callWire('auth.login', { username: 'counter', password: PASSWORD })).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } });
    const { station } = await backend.call('auth.login', { username: 'manager', password: PASSWORD });
    expect(await backend.callWire('auth.pinSwitch', { username: 'counter', pin: '1234' }, { station })).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } });
    clock.advance(4 * 60_000 + 59_000);
    expect(await backend.callWire('auth.login', { username: 'counter', password: PASSWORD })).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } });
    clock.advance(2_000);
    expect((await backend.callWire('auth.login', { username: 'counter', password: PASSWORD })).ok).toBe(true);
    const audit = backend.services.sqlite.prepare(`SELECT action FROM audit_log WHERE action LIKE 'auth.%' ORDER BY id`).all() as { action: string }[];
    expect(audit.filter((a) => a.action === 'auth.failed')).toHaveLength(4);
    expect(audit.filter((a) => a.action === 'auth.lockedOut')).toHaveLength(1);
  });

  it('counts PIN failures toward the same lockout', async () => {
    const clock = new ManualClock();
    ({ backend } = makeBackend({ clock }));
    await setupShop(backend);
    const { station } = await backend.call('auth.login', { username: 'manager', password: PASSWORD });
    for (let i = 0; i < 5; i++) await backend.callWire('auth.pinSwitch', { username: 'technician', pin: '0000' }, { station });
    clock.advance(3_000); // past the station's own short wait after five wrong PINs, well within the account's lock
    expect(await backend.callWire('auth.pinSwitch', { username: 'technician', pin: '1234' }, { station })).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } });
  });

  it('resets the failure count after a success', async () => {
    ({ backend } = makeBackend());
    await setupShop(backend);
    for (let i = 0; i < 4; i++) await backend.callWire('auth.login', { username: 'manager', password: 'nope-nope' });
    expect((await backend.callWire('auth.login', { username: 'manager', password: PASSWORD })).ok).toBe(true);
    for (let i = 0; i < 4; i++) await backend.callWire('auth.login', { username: 'manager', password: 'nope-nope' });
    expect((await backend.callWire('auth.login', { username: 'manager', password: PASSWORD })).ok).toBe(true);
  });

  it('expires a session after the idle time, but not while it is used', async () => {
    const clock = new ManualClock();
    ({ backend } = makeBackend({ clock }));
    const tokens = await setupShop(backend);
    await backend.call('shop.update', { sessionIdleMinutes: 30 }, { token: tokens.admin });
    const token = tokens.counter;
    for (let i = 0; i < 6; i++) {
      clock.advance(20 * 60_000); // 2 hours of activity, never 30 idle minutes
      expect((await backend.callWire('auth.me', {}, { token })).ok).toBe(true);
    }
    clock.advance(30 * 60_000 + 1_000);
    expect(await backend.callWire('auth.me', {}, { token, locale: 'en' })).toMatchObject({
      ok: false,
      error: { code: 'SESSION_EXPIRED', message: expect.stringContaining('expired') },
    });
    // an expired session stays dead
    expect(await backend.callWire('auth.me', {}, { token })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('ends sessions on logout, on disable and on password reset', async () => {
    ({ backend } = makeBackend());
    const tokens = await setupShop(backend);
    await backend.call('auth.logout', {}, { token: tokens.technician });
    expect((await backend.callWire('auth.me', {}, { token: tokens.technician })).ok).toBe(false);

    const users = await backend.call('users.list', {}, { token: tokens.manager });
    const counter = users.find((u) => u.username === 'counter')!;
    await backend.call('users.update', { id: counter.id, disabled: true }, { token: tokens.manager });
    expect((await backend.callWire('auth.me', {}, { token: tokens.counter })).ok).toBe(false);
    expect(await backend.callWire('auth.login', { username: 'counter', password: PASSWORD })).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });

    await backend.call('users.update', { id: counter.id, disabled: false }, { token: tokens.manager });
    const again = await backend.call('auth.login', { username: 'counter', password: PASSWORD });
    await backend.call('users.resetPassword', { id: counter.id, password: 'new-password' }, { token: tokens.manager });
    expect((await backend.callWire('auth.me', {}, { token: again.token })).ok).toBe(false);
    expect((await backend.callWire('auth.login', { username: 'counter', password: 'new-password' })).ok).toBe(true);
  });

  it('stores scrypt hashes and token hashes, never the secrets', async () => {
    ({ backend } = makeBackend());
    const tokens = await setupShop(backend);
    const row = backend.services.sqlite.prepare(`SELECT password_hash, pin_hash FROM users WHERE username = 'counter'`).get() as Record<string, string>;
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.pin_hash).toMatch(/^scrypt\$/);
    const sessions = backend.services.sqlite.prepare('SELECT token_hash FROM sessions').all() as { token_hash: string }[];
    expect(sessions.some((s) => s.token_hash === tokens.counter)).toBe(false);
  });

  it('lets a manager not disable themself', async () => {
    ({ backend } = makeBackend());
    const tokens = await setupShop(backend);
    const me = await backend.call('auth.me', {}, { token: tokens.manager });
    expect(await backend.callWire('users.update', { id: me.user.id, disabled: true }, { token: tokens.manager, locale: 'en' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: [{ path: 'disabled' }] } },
    });
  });

  it('names the user in the sign-in audit entry, says "wrong PIN" for a PIN, and ends the session a PIN switch replaces', async () => {
    ({ backend } = makeBackend());
    const tokens = await setupShop(backend);
    const rows = backend.services.sqlite
      .prepare(`SELECT a.action, u.username FROM audit_log a JOIN users u ON u.id = a.user_id WHERE a.action = 'auth.login' ORDER BY a.id`)
      .all() as { username: string }[];
    expect(rows.map((r) => r.username)).toEqual(['counter', 'technician', 'manager']);
    const { station } = await backend.call('auth.login', { username: 'counter', password: PASSWORD });
    expect(await backend.callWire('auth.pinSwitch', { username: 'manager', pin: '0000' }, { locale: 'en', station })).toMatchObject({
      ok: false,
      error: { code: 'BAD_CREDENTIALS', message: 'Wrong PIN' },
    });
    const switched = await backend.call('auth.pinSwitch', { username: 'manager', pin: '1234' }, { token: tokens.counter, station });
    expect((await backend.callWire('auth.me', {}, { token: tokens.counter })).ok).toBe(false);
    expect((await backend.call('auth.me', {}, { token: switched.token })).user.username).toBe('manager');
  });

  it('says "required" for an empty required text', async () => {
    ({ backend } = makeBackend());
    const res = await backend.callWire('auth.login', { username: 'someone', password: '' }, { locale: 'en' });
    expect(res).toMatchObject({ ok: false, error: { details: { fields: [{ path: 'password', message: 'Required' }] } } });
  });
});
