/**
 * Outputs checked: in tests every answer of every procedure is parsed with its output schema
 * (openBackend({ checkOutputs }) — on in tests/helpers/backend.ts, the e2e fixtures, and for
 * every backend a vitest run opens through FIXPOINT_CHECK_OUTPUTS), so a handler that drifts
 * from the contract fails the test that calls it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOutput, OutputDriftError, type Backend } from '../../../src/core/backend';
import { openBackend } from '../../../src/core';
import { makeBackend, setupShop, tempDir } from '../../helpers/backend';
import type { Role } from '../../../src/shared/api/roles';

let backend: Backend;
let tokens: Record<Role, string>;
beforeAll(async () => {
  ({ backend } = makeBackend());
  tokens = await setupShop(backend);
});
afterAll(async () => backend.close());

describe('answers checked against the contract', () => {
  it('is on for every backend a test opens', () => {
    expect(process.env.FIXPOINT_CHECK_OUTPUTS).toBe('1');
  });

  it('lets a real answer through unchanged', async () => {
    const me = await backend.call('auth.me', {}, { token: tokens.counter });
    expect(me.user).toMatchObject({ username: 'counter', role: 'counter' });
    expect(() => checkOutput('auth.me', me)).not.toThrow();
  });

  it('refuses an answer that drifted, naming each field', async () => {
    const me = await backend.call('auth.me', {}, { token: tokens.manager });
    const drifted = { ...me, user: { ...me.user, role: 'boss', hasPin: 'yes' } };
    expect(() => checkOutput('auth.me', drifted)).toThrow(OutputDriftError);
    expect(() => checkOutput('auth.me', drifted)).toThrow(/auth\.me answered outside its output schema: user\.role: .*; user\.hasPin: /);
    const { user: _gone, ...withoutUser } = me;
    expect(() => checkOutput('auth.me', withoutUser)).toThrow(/user: /);
  });

  it('checks lists item by item (a shop with users answers users.list within its schema)', async () => {
    const users = await backend.call('users.list', {}, { token: tokens.admin });
    expect(users.length).toBe(4);
    expect(() => checkOutput('users.list', users)).not.toThrow();
    expect(() => checkOutput('users.list', [...users, { ...users[0]!, createdAt: 7 }])).toThrow(/4\.createdAt/);
  });

  it('can be turned off (the shop does not pay for it)', async () => {
    const shop = openBackend({ dataDir: tempDir(), checkOutputs: false });
    try {
      expect(await shop.call('system.ping', {})).toBeDefined();
    } finally {
      await shop.close();
    }
  });
});
