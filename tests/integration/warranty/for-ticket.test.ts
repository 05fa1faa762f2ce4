import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeBackend, setupShop, tempDir } from '../../helpers/backend';
import { ManualClock } from '../../helpers/clock';
import { intakeInput } from '../intake/helpers';
import type { IntakeInputRaw } from '../../../src/shared/tickets/schemas';

type NewDevice = NonNullable<IntakeInputRaw['device']>;
/** A fresh phone (new IMEI) with these fields changed. */
const device = (over: Record<string, unknown>) => ({ ...(intakeInput().device as object), ...over }) as NewDevice;
import type { Backend } from '../../../src/core';

let backend: Backend;
afterEach(async () => backend?.close());

// 2026-11-23 10:00 in Shanghai
const clock = () => new ManualClock(Date.parse('2026-11-23T02:00:00Z'));
const bought = (date: string) => ({ proof: { kind: 'invoice' as const, invoiceNo: 'F1', invoiceDate: date, seller: '店' }, purchaseDate: date });

describe('warranty decision for a ticket', () => {
  it('opens return within 7 days for a performance fault, but not for a broken screen', async () => {
    ({ backend } = makeBackend({ clock: clock() }));
    const tokens = await setupShop(backend);
    const base = intakeInput();
    const perf = await backend.call(
      'tickets.intake',
      { ...base, device: device({ ...bought('2026-11-18'), purchasePriceFen: 399900 }), fault: { text: '不开机', codes: ['no_power'] } },
      { token: tokens.counter },
    );
    const decided = await backend.call('warranty.forTicket', { ticketId: perf.ticket!.id }, { token: tokens.counter, locale: 'en' });
    expect(decided.decision.options.map((o) => o.option)).toEqual(expect.arrayContaining(['return', 'exchange', 'repair']));
    const refund = decided.decision.options.find((o) => o.option === 'return');
    expect(refund?.refundAmount).toBe(399900); // days 1–7: the invoice price back

    const damage = await backend.call(
      'tickets.intake',
      { ...base, customer: { name: '李四', phones: ['139 0013 9000'] }, device: device(bought('2026-11-18')), fault: { text: '摔碎', codes: ['screen_broken'] } },
      { token: tokens.counter },
    );
    const d2 = await backend.call('warranty.forTicket', { ticketId: damage.ticket!.number }, { token: tokens.counter });
    expect(d2.decision.options.map((o) => o.option)).not.toContain('return');
  });

  it('counts an earlier visit of the same device as history, and voids cover on a liquid finding', async () => {
    ({ backend } = makeBackend({ clock: clock() }));
    const tokens = await setupShop(backend);
    const base = intakeInput();
    const first = await backend.call('tickets.intake', { ...base, device: device(bought('2026-05-01')), fault: { text: '不开机', codes: ['no_power'] } }, { token: tokens.counter });
    // the first visit ends: collected ten days later (written as the lifecycle would)
    const { sqlite } = backend.services;
    sqlite.prepare(`INSERT INTO ticket_events (id, ticket_id, at, user_id, from_status, to_status, kind) VALUES ('e-x', ?, '2026-11-23T02:00:00Z', NULL, 'received', 'collected', 'status')`).run(first.ticket!.id);
    sqlite.prepare(`UPDATE tickets SET status = 'collected', status_at = '2026-11-23T02:00:00Z' WHERE id = ?`).run(first.ticket!.id);
    const { customer: _c, device: _d, ...rest } = base;
    const second = await backend.call(
      'tickets.intake',
      { ...rest, customerId: first.ticket!.customer.id, deviceId: first.ticket!.device.id, fault: { text: '又不开机', codes: ['no_power'] }, findings: ['liquid'] },
      { token: tokens.counter },
    );
    const decided = await backend.call('warranty.forTicket', { ticketId: second.ticket!.id, lines: [{ id: 'l1', type: 'labor', part: null, price: 8000 }] }, { token: tokens.counter, locale: 'zh-CN' });
    expect(decided.decision.lines[0]!.status).toBe('not_covered');
    expect(decided.text.lines[0]!.join(' ')).toMatch(/进液|液/);
  });

  it('prints the decision on the intake receipt', async () => {
    ({ backend } = makeBackend({ clock: clock() }));
    const tokens = await setupShop(backend);
    const base = intakeInput();
    const t = await backend.call('tickets.intake', { ...base, device: device(bought('2026-11-18')), fault: { text: '不开机', codes: ['no_power'] } }, { token: tokens.counter });
    const job = await backend.call('print.request', { docType: 'intake_receipt', entityId: t.ticket!.id }, { token: tokens.counter });
    const pdf = await backend.call('print.pdf', { jobId: job.id }, { token: tokens.counter });
    const file = path.join(tempDir(), 'receipt.pdf');
    fs.writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/退货/);
  });
});
