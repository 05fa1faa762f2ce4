import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeBackend, setupShop, tempDir } from '../../helpers/backend';
import { ManualClock } from '../../helpers/clock';
import { openBackend, type Backend } from '../../../src/core';
import type { SecretKeyProvider } from '../../../src/core/secrets/key-provider';
import { intakeInput } from '../intake/helpers';

const opened: Backend[] = [];
afterEach(async () => {
  while (opened.length) await opened.pop()!.close();
});

async function shopWithTicket(passcode = { kind: 'password' as const, value: 'Secret-Pa55word' }) {
  const { backend, dataDir } = makeBackend({ clock: new ManualClock() });
  opened.push(backend);
  const t = await setupShop(backend);
  const users = await backend.call('users.list', {}, { token: t.admin });
  const techId = users.find((u) => u.username === 'technician')!.id;
  const ticket = (await backend.call('tickets.intake', intakeInput({ passcode, technicianId: techId }), { token: t.counter })).ticket!;
  return { backend, dataDir, t, ticket, techId };
}

describe('device passcodes', () => {
  it('are stored only as AES-GCM ciphertext, with the key in an owner-only file outside the database', async () => {
    const { backend, dataDir, ticket } = await shopWithTicket();
    const row = backend.services.sqlite.prepare('SELECT passcode_cipher, passcode_kind FROM tickets WHERE id = ?').get(ticket.id) as { passcode_cipher: Buffer; passcode_kind: string };
    expect(row.passcode_kind).toBe('password');
    expect(row.passcode_cipher.length).toBeGreaterThan(29);
    expect(row.passcode_cipher.includes(Buffer.from('Secret-Pa55word'))).toBe(false);
    await backend.close();
    opened.pop();
    const file = fs.readFileSync(path.join(dataDir, 'shop.sqlite'));
    expect(file.includes(Buffer.from('Secret-Pa55word'))).toBe(false);
    const key = path.join(dataDir, 'secret.key');
    expect(fs.statSync(key).mode & 0o777).toBe(0o600);
    expect(file.includes(Buffer.from(fs.readFileSync(key, 'utf8').trim()))).toBe(false);
  });

  it('are never in tickets.get; revealed to the assigned technician and managers, each reveal audited', async () => {
    const { backend, t, ticket } = await shopWithTicket();
    const detail = await backend.call('tickets.get', { id: ticket.id }, { token: t.manager });
    expect(JSON.stringify(detail)).not.toContain('Secret-Pa55word');
    expect(detail.passcode).toMatchObject({ hasPasscode: true, kind: 'password' });
    expect(await backend.call('tickets.revealPasscode', { ticketId: ticket.id }, { token: t.technician })).toEqual({ kind: 'password', value: 'Secret-Pa55word' });
    expect(await backend.call('tickets.revealPasscode', { ticketId: ticket.id }, { token: t.manager })).toEqual({ kind: 'password', value: 'Secret-Pa55word' });
    const audit = backend.services.sqlite.prepare(`SELECT user_id, entity_id FROM audit_log WHERE action = 'tickets.revealPasscode'`).all();
    expect(audit).toHaveLength(2);
    expect(audit).toEqual(expect.arrayContaining([expect.objectContaining({ entity_id: ticket.id })]));
  });

  it('are refused to the counter and to a technician the ticket is not assigned to', async () => {
    const { backend, t, ticket } = await shopWithTicket();
    expect(await backend.callWire('tickets.revealPasscode', { ticketId: ticket.id }, { token: t.counter })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await backend.call('users.create', { username: 'tech2', displayName: '陈工', role: 'technician', password: 'correct-horse' }, { token: t.admin });
    const other = (await backend.call('auth.login', { username: 'tech2', password: 'correct-horse' })).token;
    expect(await backend.callWire('tickets.revealPasscode', { ticketId: ticket.id }, { token: other, locale: 'en' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('assigned technician') },
    });
    expect(backend.services.sqlite.prepare(`SELECT count(*) n FROM audit_log WHERE action = 'tickets.revealPasscode'`).get()).toEqual({ n: 0 });
  });

  it('are erased: ciphertext nulled, an event recorded, nothing left to reveal; managers only', async () => {
    const { backend, t, ticket } = await shopWithTicket({ kind: 'pattern', value: '15963' } as never);
    expect(await backend.callWire('tickets.erasePasscode', { ticketId: ticket.id }, { token: t.counter })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await backend.call('tickets.erasePasscode', { ticketId: ticket.id }, { token: t.manager })).toEqual({ erased: true });
    expect(await backend.call('tickets.erasePasscode', { ticketId: ticket.id }, { token: t.manager })).toEqual({ erased: false });
    const row = backend.services.sqlite.prepare('SELECT passcode_cipher, passcode_state FROM tickets WHERE id = ?').get(ticket.id);
    expect(row).toEqual({ passcode_cipher: null, passcode_state: 'erased' });
    const detail = await backend.call('tickets.get', { id: ticket.id }, { token: t.manager });
    expect(detail.passcode.hasPasscode).toBe(false);
    expect(detail.passcode.erasedAt).not.toBeNull();
    expect(detail.events.map((e) => e.kind)).toEqual(['created', 'passcode_erased']);
    expect(detail.status).toBe('received'); // erasing is not a status change
    expect(await backend.callWire('tickets.revealPasscode', { ticketId: ticket.id }, { token: t.manager })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('cannot be decrypted from a copy of the database without its key file', async () => {
    const { backend, dataDir, ticket } = await shopWithTicket();
    await backend.close();
    opened.pop();
    const copyDir = tempDir();
    fs.copyFileSync(path.join(dataDir, 'shop.sqlite'), path.join(copyDir, 'shop.sqlite'));
    const copy = openBackend({ dataDir: copyDir, clock: new ManualClock() });
    opened.push(copy);
    const manager = (await copy.call('auth.login', { username: 'manager', password: 'correct-horse' })).token;
    expect(await copy.callWire('tickets.revealPasscode', { ticketId: ticket.id }, { token: manager })).toMatchObject({ ok: false, error: { code: 'RULE' } });
    // with the key file beside it, the same copy reads it
    fs.copyFileSync(path.join(dataDir, 'secret.key'), path.join(copyDir, 'secret.key'));
    const withKey = openBackend({ dataDir: copyDir, clock: new ManualClock() });
    opened.push(withKey);
    expect((await withKey.callWire('tickets.revealPasscode', { ticketId: ticket.id }, { token: manager })).ok).toBe(true);
  });

  it('take their key from the provider the host passes (Electron safeStorage)', async () => {
    const key = Buffer.alloc(32, 9);
    let asked = 0;
    const provider: SecretKeyProvider = { getKey: () => (asked++, key) };
    const dataDir = tempDir();
    const backend = openBackend({ dataDir, clock: new ManualClock(), keyProvider: provider });
    opened.push(backend);
    const t = await setupShop(backend);
    const ticket = (await backend.call('tickets.intake', intakeInput(), { token: t.counter })).ticket!;
    expect(asked).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(dataDir, 'secret.key'))).toBe(false);
    expect(await backend.call('tickets.revealPasscode', { ticketId: ticket.id }, { token: t.admin })).toEqual({ kind: 'pin', value: '246810' });
  });
});
