import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedures } from '../../../src/shared/api/procedures';
import type { ProcedureDef } from '../../../src/shared/api/contract';
import { ROLES } from '../../../src/shared/api/roles';
import { wireErrorSchema } from '../../../src/shared/api/errors';
import { makeBackend, setupShop } from '../../helpers/backend';
import type { Backend } from '../../../src/core';
import type { Role } from '../../../src/shared/api/roles';

let backend: Backend;
let tokens: Record<Role, string>;
beforeAll(async () => {
  ({ backend } = makeBackend());
  tokens = await setupShop(backend);
});
afterAll(async () => backend.close());

const all = Object.entries(procedures as Record<string, ProcedureDef>);
const guarded = all.filter(([, d]) => d.access !== 'public');

describe('every procedure of the contract', () => {
  it.each(all)('%s rejects malformed input with a typed, translated VALIDATION error', async (name) => {
    for (const bad of ['a string', 42, [1, 2], { __unknown: { nested: true }, id: 7 }]) {
      const res = await backend.callWire(name, bad, { token: tokens.admin, locale: 'en' });
      if (res.ok) {
        // only schemas whose every field is optional may accept an object with unknown keys stripped
        expect(typeof bad === 'object' && !Array.isArray(bad), `${name} accepted ${JSON.stringify(bad)}`).toBe(true);
        continue;
      }
      expect(() => wireErrorSchema.parse(res.error)).not.toThrow();
      expect(res.error.code).toBe('VALIDATION');
      expect(res.error.message).not.toMatch(/at .*\.ts:\d+/); // never a stack trace
      expect(Array.isArray(res.error.details.fields)).toBe(true);
    }
  });

  it.each(guarded)('%s refuses a caller without a session', async (name) => {
    const res = await backend.callWire(name, {}, { locale: 'zh-CN' });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('UNAUTHENTICATED');
      expect(res.error.message).toMatch(/[\u4e00-\u9fff]/); // translated to Chinese
    }
  });

  it.each(guarded.filter(([, d]) => d.access !== 'public' && (d.access as readonly Role[]).length < ROLES.length))(
    '%s refuses every role it does not allow with FORBIDDEN',
    async (name, def) => {
      const forbidden = ROLES.filter((r) => !(def.access as readonly Role[]).includes(r));
      expect(forbidden.length).toBeGreaterThan(0);
      for (const role of forbidden) {
        // the role is checked before the input: even an empty input gets FORBIDDEN
        const res = await backend.callWire(name, {}, { token: tokens[role], locale: 'en' });
        expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining(role) } });
      }
    },
  );

  it('checks the role even when the input is valid (users.list as counter)', async () => {
    const res = await backend.callWire('users.list', {}, { token: tokens.counter, locale: 'en' });
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const ok = await backend.callWire('users.list', {}, { token: tokens.manager });
    expect(ok.ok).toBe(true);
  });

  it('names the offending fields, translated per locale', async () => {
    const zh = await backend.callWire('users.create', { username: 'a', displayName: 'A', role: 'counter', password: 'short' }, { token: tokens.admin, locale: 'zh-CN' });
    expect(zh.ok).toBe(false);
    if (!zh.ok) {
      expect(zh.error.details.fields).toEqual([
        { path: 'username', message: expect.stringContaining('用户名') },
        { path: 'password', message: expect.stringContaining('密码') },
      ]);
    }
  });

  it('answers an unknown procedure with a typed error, not a crash', async () => {
    const res = await backend.callWire('__proto__', {}, { locale: 'en' });
    expect(res).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE' } });
  });

  it('keeps admins in charge of admins', async () => {
    const res = await backend.callWire('users.create', { username: 'boss2', displayName: 'B', role: 'admin', password: 'password1' }, { token: tokens.manager });
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const ok = await backend.callWire('users.create', { username: 'boss2', displayName: 'B', role: 'admin', password: 'password1' }, { token: tokens.admin });
    expect(ok.ok).toBe(true);
  });

  it('refuses a second first-run setup', async () => {
    const res = await backend.callWire('setup.run', { shop: { name: 'X', code: 'XX' }, admin: { username: 'x1', displayName: 'x', password: 'password1' } });
    expect(res).toMatchObject({ ok: false, error: { code: 'ALREADY_SET_UP' } });
  });
});
