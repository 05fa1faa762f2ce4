/**
 * Issue 14, point 5: a device passcode ends when its ticket ends without collection too
 * (cancelled, returned unrepaired), a reprint of the intake receipt says it was erased and when,
 * the demo shop obeys the same rule; the data folder is the user's alone (0700, files 0600).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeBackend, setupShop, tempDir } from '../helpers/backend';
import { ManualClock } from '../helpers/clock';
import { openBackend, type Backend } from '../../src/core';
import { intakeInput } from '../integration/intake/helpers';
import { pdfText, writePdf } from '../integration/documents/pdf-tools';

const opened: Backend[] = [];
afterEach(async () => {
  while (opened.length) await opened.pop()!.close();
});

async function shopWithTicket() {
  const { backend } = makeBackend({ clock: new ManualClock() });
  opened.push(backend);
  const t = await setupShop(backend);
  const intake = async () => (await backend.call('tickets.intake', intakeInput({ passcode: { kind: 'pin', value: '246810' } }), { token: t.counter })).ticket!;
  return { backend, t, intake };
}

async function receiptText(backend: Backend, token: string, ticketId: string, language: 'zh-CN' | 'en') {
  const job = await backend.call('print.request', { docType: 'intake_receipt', entityId: ticketId, language }, { token });
  const pdf = await backend.call('print.pdf', { jobId: job.id }, { token });
  return pdfText(writePdf(Buffer.from(pdf.base64, 'base64'))).replace(/\s+/g, '');
}

const passcodeState = (backend: Backend, id: string) =>
  backend.services.sqlite.prepare('SELECT passcode_state, passcode_cipher, passcode_erased_at FROM tickets WHERE id = ?').get(id) as {
    passcode_state: string;
    passcode_cipher: Buffer | null;
    passcode_erased_at: string | null;
  };

describe('a passcode ends with its ticket', () => {
  it('is erased when a manager cancels the ticket, and the reprinted receipt says so, in Chinese and English', async () => {
    const { backend, t, intake } = await shopWithTicket();
    const ticket = await intake();
    expect(await receiptText(backend, t.counter, ticket.id, 'zh-CN')).toContain('已提供（加密保存，不打印）');
    await backend.call('bench.transition', { ticketId: ticket.id, to: 'cancelled', note: '客户取消' }, { token: t.manager });
    expect(passcodeState(backend, ticket.id)).toEqual({ passcode_state: 'erased', passcode_cipher: null, passcode_erased_at: '2026-11-23T02:00:00.000Z' });
    expect(await backend.callWire('tickets.revealPasscode', { ticketId: ticket.id }, { token: t.manager })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const events = await backend.call('tickets.events', { ticketId: ticket.id }, { token: t.manager });
    expect(JSON.stringify(events)).toContain('passcode_erased');
    // 10:00 in Shanghai on 23 Nov 2026
    const zh = await receiptText(backend, t.counter, ticket.id, 'zh-CN');
    expect(zh).toContain('已提供，已于2026-11-2310:00删除');
    expect(zh).not.toContain('加密保存');
    expect(await receiptText(backend, t.counter, ticket.id, 'en')).toContain('Given;erasedon');
  });

  it('is erased when the device goes back unrepaired, before any collection', async () => {
    const { backend, t, intake } = await shopWithTicket();
    const ticket = await intake();
    await backend.call('bench.transition', { ticketId: ticket.id, to: 'ready', outcome: 'not_repaired', note: '客户不修了' }, { token: t.technician });
    expect(passcodeState(backend, ticket.id).passcode_state).toBe('erased');
    expect(passcodeState(backend, ticket.id).passcode_cipher).toBeNull();
  });

  it('obeys the same rule in the demo shop', { timeout: 180_000 }, async () => {
    const { seedDemo } = await import('../../src/core/demo');
    const { backend } = makeBackend();
    opened.push(backend);
    await seedDemo(backend);
    const manager = (await backend.call('auth.login', { username: 'wang', password: 'manager-demo' })).token;
    const open = backend.services.sqlite.prepare(`SELECT id FROM tickets WHERE passcode_state = 'given' AND status IN ('received', 'diagnosing') ORDER BY n LIMIT 1`).get() as { id: string };
    await backend.call('bench.transition', { ticketId: open.id, to: 'cancelled' }, { token: manager });
    const kept = backend.services.sqlite.prepare(`SELECT count(*) AS n FROM tickets WHERE passcode_state = 'given' AND status IN ('collected', 'cancelled')`).get() as { n: number };
    expect(kept.n).toBe(0);
    expect(passcodeState(backend, open.id).passcode_state).toBe('erased');
  });
});

describe('the data folder is private', () => {
  it('is created 0700 with its files 0600 whatever the umask, and an older, looser folder is tightened', async () => {
    const old = process.umask(0o022);
    try {
      const dir = path.join(tempDir(), 'new', 'data');
      const backend = openBackend({ dataDir: dir, clock: new ManualClock() });
      opened.push(backend);
      const t = await setupShop(backend);
      await backend.call('tickets.intake', intakeInput({ passcode: { kind: 'pin', value: '1357' } }), { token: t.counter }); // makes the key file
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
      const files = fs.readdirSync(dir).sort();
      expect(files).toEqual(expect.arrayContaining(['secret.key', 'shop.sqlite', 'shop.sqlite-shm', 'shop.sqlite-wal']));
      for (const f of files) expect(fs.statSync(path.join(dir, f)).mode & 0o777, f).toBe(0o600);
      await opened.pop()!.close();

      fs.chmodSync(dir, 0o755);
      fs.chmodSync(path.join(dir, 'shop.sqlite'), 0o644);
      opened.push(openBackend({ dataDir: dir }));
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
      expect(fs.statSync(path.join(dir, 'shop.sqlite')).mode & 0o777).toBe(0o600);
    } finally {
      process.umask(old);
    }
  });
});
