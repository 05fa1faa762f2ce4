import { afterEach, describe, expect, it } from 'vitest';
import { makeBackend, setupShop } from '../../helpers/backend';
import { makeSynced, syncedTables } from '../../../src/core/db/outbox';
import type { Backend } from '../../../src/core';

let backend: Backend;
afterEach(async () => backend?.close());

const outboxCount = (b: Backend) => (b.services.sqlite.prepare('SELECT count(*) n FROM outbox').get() as { n: number }).n;

describe('sync outbox', () => {
  it('records every change of a synced table with an increasing sequence in the same transaction', async () => {
    ({ backend } = makeBackend());
    const tokens = await setupShop(backend);
    const before = outboxCount(backend);
    await backend.call('shop.update', { hotline: '400-000-0000' }, { token: tokens.manager });
    const rows = backend.services.sqlite.prepare('SELECT seq, table_name, op FROM outbox WHERE seq > ? ORDER BY seq').all(before) as { seq: number; table_name: string }[];
    // the settings row and the audit entry that records the change
    expect(rows.map((r) => r.table_name).sort()).toEqual(['audit_log', 'shop']);
    expect(rows[1]!.seq).toBe(rows[0]!.seq + 1);
  });

  it('leaves no outbox row behind a rolled-back write', async () => {
    ({ backend } = makeBackend());
    await setupShop(backend);
    const { sqlite } = backend.services;
    makeSynced(sqlite, 'meta', 'key');
    const before = outboxCount(backend);
    const write = sqlite.transaction(() => {
      sqlite.prepare(`INSERT INTO meta (key, value) VALUES ('x', 'y')`).run();
      expect(outboxCount(backend)).toBe(before + 1); // the trigger ran inside the transaction
      throw new Error('crash before commit');
    });
    expect(() => write()).toThrow('crash before commit');
    expect(outboxCount(backend)).toBe(before);
    expect(sqlite.prepare(`SELECT * FROM meta WHERE key = 'x'`).get()).toBeUndefined();
  });

  it('leaves no outbox row when a procedure fails half-way (kysely transaction)', async () => {
    ({ backend } = makeBackend());
    const tokens = await setupShop(backend);
    const before = outboxCount(backend);
    const auditBefore = backend.services.sqlite.prepare('SELECT count(*) n FROM audit_log').get();
    // a manager may not create an admin: the handler throws after validation, inside the transaction
    const res = await backend.callWire('users.create', { username: 'boss', displayName: 'Boss', role: 'admin', password: 'password1' }, { token: tokens.manager });
    expect(res.ok).toBe(false);
    expect(outboxCount(backend)).toBe(before);
    expect(backend.services.sqlite.prepare('SELECT count(*) n FROM audit_log').get()).toEqual(auditBefore);
  });

  it('covers the shop-owned tables of the foundation', () => {
    ({ backend } = makeBackend());
    expect(syncedTables(backend.services.sqlite)).toEqual(expect.arrayContaining(['audit_log', 'shop']));
  });

  it('keeps the audit log append-only', async () => {
    ({ backend } = makeBackend());
    await setupShop(backend);
    const { sqlite } = backend.services;
    expect(() => sqlite.prepare(`UPDATE audit_log SET action = 'x'`).run()).toThrow(/append-only/);
    expect(() => sqlite.prepare(`DELETE FROM audit_log`).run()).toThrow(/append-only/);
  });
});
