import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../../src/core';
import { makeBackend, setupShop } from '../../helpers/backend';
import { count, makePart, makeTicket, movements, type Tokens } from './helpers';

let backend: Backend;
let tokens: Tokens;
beforeEach(async () => {
  ({ backend } = makeBackend());
  tokens = await setupShop(backend);
});
afterEach(async () => backend?.close());

const wire = (name: string, input: unknown, token: string) => backend.callWire(name, input, { token, locale: 'en' });

async function receive(partId: string, qty: number, unitCost: number, serials: string[] = []) {
  return backend.call('stock.receive', { partId, qty, unitCost, supplier: '华为备件中心', deliveryNote: 'DN-1', serials }, { token: tokens.counter });
}

describe('the movement ledger', () => {
  it('writes every movement kind with signed quantities, and on-hand is their sum', async () => {
    const part = await makePart(backend, tokens);
    const ticket = await makeTicket(backend, tokens);
    await receive(part.id, 10, 10000);
    await backend.call('stock.issue', { partId: part.id, ticket: ticket.number, qty: 3 }, { token: tokens.technician });
    await backend.call('stock.returnFromTicket', { partId: part.id, ticket: ticket.id, qty: 1, reason: 'not needed' }, { token: tokens.technician });
    await backend.call('stock.adjust', { partId: part.id, delta: -1, reason: 'dropped, cracked' }, { token: tokens.manager });
    await backend.call('stock.transferOut', { partId: part.id, qty: 2, counterparty: 'SZ02', reference: 'TR-9' }, { token: tokens.manager });
    await backend.call('stock.transferIn', { partId: part.id, qty: 4, counterparty: 'SZ03', reference: 'TR-10', unitCost: 13000 }, { token: tokens.manager });
    await backend.call('stock.faultyReturn', { partId: part.id, qty: 1, reason: 'dead on arrival' }, { token: tokens.technician });
    const st = await backend.call('stocktake.start', { note: '' }, { token: tokens.counter });
    await backend.call('stocktake.count', { stocktakeId: st.id, partId: part.id, qty: 7, mode: 'set' }, { token: tokens.counter });
    await backend.call('stocktake.post', { id: st.id }, { token: tokens.manager });

    const ms = await backend.call('stock.movements', { partId: part.id }, { token: tokens.counter });
    expect(ms.map((m) => [m.kind, m.qty]).reverse()).toEqual([
      ['receive', 10],
      ['issue', -3],
      ['return', 1],
      ['adjust', -1],
      ['transfer_out', -2],
      ['transfer_in', 4],
      ['faulty_return', -1],
      ['stocktake', -1],
    ]);
    const detail = await backend.call('parts.get', { id: part.id }, { token: tokens.counter });
    expect(detail.part.stock.onHand).toBe(7);
    expect(ms[0]!.onHandAfter).toBe(7);
    expect(ms.find((m) => m.kind === 'issue')!.ticketNumber).toBe(ticket.number);
    const check = await backend.call('stock.checkBalances', {}, { token: tokens.manager });
    expect(check).toMatchObject({ ok: true, mismatches: [] });
  });

  it('keeps a moving-average cost: receipts blend, issues leave at the average', async () => {
    const part = await makePart(backend, tokens);
    const ticket = await makeTicket(backend, tokens);
    await receive(part.id, 10, 100);
    const r2 = await receive(part.id, 10, 200);
    expect(r2.part.stock.avgCost).toBe(150);
    const issued = await backend.call('stock.issue', { partId: part.id, ticket: ticket.id, qty: 5 }, { token: tokens.technician });
    expect(issued.movement.unitCost).toBe(150);
    expect(issued.part.stock.avgCost).toBe(150);
    const r3 = await receive(part.id, 5, 300);
    // (15 × 150 + 5 × 300) / 20 = 187.5 → 188 fen
    expect(r3.part.stock.avgCost).toBe(188);
    expect(r3.part.stock.value).toBe(20 * 188);
    const v = await backend.call('stock.valuation', {}, { token: tokens.manager });
    expect(v.totals).toEqual({ skus: 1, units: 20, value: 3760 });
  });

  it('is append-only and the balance check catches a balance written around the ledger', async () => {
    const part = await makePart(backend, tokens);
    await receive(part.id, 3, 500);
    const { sqlite } = backend.services;
    expect(() => sqlite.prepare(`UPDATE stock_movements SET qty = 99`).run()).toThrow(/append-only/);
    expect(() => sqlite.prepare(`DELETE FROM stock_movements`).run()).toThrow(/append-only/);
    sqlite.prepare(`UPDATE stock_balances SET on_hand = on_hand + 1, avg_cost = 1 WHERE part_id = ?`).run(part.id);
    const check = await backend.call('stock.checkBalances', {}, { token: tokens.manager });
    expect(check.ok).toBe(false);
    expect(check.mismatches.map((m) => m.field).sort()).toEqual(['avgCost', 'onHand']);
  });

  it('refuses bad input with a translated error and writes no movement', async () => {
    const part = await makePart(backend, tokens);
    const ticket = await makeTicket(backend, tokens);
    await receive(part.id, 2, 100);
    const before = movements(backend);

    const negative = await wire('stock.receive', { partId: part.id, qty: -3, unitCost: 100, supplier: 'x' }, tokens.counter);
    expect(negative).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { fields: [{ path: 'qty', message: 'Quantity must be more than 0' }] } } });

    const tooMany = await wire('stock.issue', { partId: part.id, ticket: ticket.id, qty: 3 }, tokens.technician);
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'RULE' } });
    expect(!tooMany.ok && tooMany.error.message).toContain('Not enough T-');

    const techOverride = await wire('stock.issue', { partId: part.id, ticket: ticket.id, qty: 3, override: true }, tokens.technician);
    expect(techOverride).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Only a manager may issue beyond what is available' } });

    const unknownTicket = await wire('stock.issue', { partId: part.id, ticket: 'SZ01-9999-9999', qty: 1 }, tokens.technician);
    expect(unknownTicket).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'No such ticket: SZ01-9999-9999' } });

    const serialOnPlain = await wire('stock.issue', { partId: part.id, ticket: ticket.id, qty: 1, serials: ['SN1'] }, tokens.technician);
    expect(serialOnPlain).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { fields: [{ path: 'serials' }] } } });

    const below = await wire('stock.adjust', { partId: part.id, delta: -5, reason: 'lost' }, tokens.manager);
    expect(below).toMatchObject({ ok: false, error: { code: 'RULE' } });

    const noReason = await wire('stock.adjust', { partId: part.id, delta: -1, reason: '' }, tokens.manager);
    expect(noReason).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(movements(backend)).toBe(before);

    // a manager may override, and the override is audited and marked on the line
    const forced = await backend.call('stock.issue', { partId: part.id, ticket: ticket.id, qty: 3, override: true }, { token: tokens.manager });
    expect(forced.movement.override).toBe(true);
    expect(forced.part.stock.onHand).toBe(-1);
    expect(count(backend, `SELECT count(*) n FROM audit_log WHERE action = 'stock.issueOverride'`)).toBe(1);
  });

  it('checks roles in core: adjustments and transfers are managers\', the catalog the manager\'s or the admin\'s', async () => {
    const part = await makePart(backend, tokens);
    for (const [name, input] of [
      ['stock.adjust', { partId: part.id, delta: 1, reason: 'found' }],
      ['stock.transferOut', { partId: part.id, qty: 1, counterparty: 'SZ02' }],
      ['stock.setSettings', { partId: part.id, bin: 'A1' }],
      ['stock.valuation', {}],
    ] as const) {
      expect(await wire(name, input, tokens.technician)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    // the shop's owner runs the catalog: a manager may save a part, the counter and the bench may not
    for (const token of [tokens.counter, tokens.technician]) {
      expect(await wire('parts.save', { part: { sku: 'X-1', nameZh: '屏幕', category: 'screen', listPrice: 1 } }, token)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect(await wire('parts.save', { part: { sku: 'X-0', nameZh: '屏幕', category: 'screen', listPrice: 1 } }, tokens.manager)).toMatchObject({ ok: true });
    // once enrolled with head office, even the admin cannot edit the catalog
    const { sqlite } = backend.services;
    const row = sqlite.prepare('SELECT settings_json FROM shop').get() as { settings_json: string };
    sqlite.prepare('UPDATE shop SET settings_json = ?').run(JSON.stringify({ ...JSON.parse(row.settings_json), enrolled: true }));
    expect(await wire('parts.save', { part: { sku: 'X-1', nameZh: '屏幕', category: 'screen', listPrice: 1 } }, tokens.admin)).toMatchObject({
      ok: false,
      error: { code: 'RULE', message: expect.stringContaining('head office') },
    });
  });

  it('appends outbox rows for shop-owned stock tables, none for the catalog or the derived balance', async () => {
    const part = await makePart(backend, tokens, { serialized: true });
    const { sqlite } = backend.services;
    const before = count(backend, 'SELECT max(seq) n FROM outbox');
    await receive(part.id, 2, 100, ['SN-A', 'SN-B']);
    const tables = (sqlite.prepare('SELECT table_name FROM outbox WHERE seq > ?').all(before) as { table_name: string }[]).map((r) => r.table_name);
    expect(tables.filter((t) => t === 'stock_movements')).toHaveLength(1);
    expect(tables.filter((t) => t === 'stock_serials')).toHaveLength(2);
    expect(tables).not.toContain('stock_balances');
    expect(tables).not.toContain('parts');
    await backend.call('stock.setSettings', { partId: part.id, bin: 'B-02', reorderPoint: 2, reorderQty: 5 }, { token: tokens.manager });
    expect(count(backend, `SELECT count(*) n FROM outbox WHERE table_name = 'stock_settings' AND row_id = ?`, part.id)).toBe(1);
  });
});

describe('serialized parts', () => {
  it('keep their serial from receipt to the device they went into, with the removed part recorded', async () => {
    const part = await makePart(backend, tokens, { serialized: true, category: 'mainboard' });
    const ticket = await makeTicket(backend, tokens);
    await receive(part.id, 2, 80000, ['MB-001', 'MB-002']);
    const issued = await backend.call(
      'stock.issue',
      { partId: part.id, ticket: ticket.number, qty: 1, serials: ['MB-002'], removed: { serial: 'OLD-MB-777', description: '主板（进水）', toOldPartsBin: true } },
      { token: tokens.technician },
    );
    expect(issued.movement).toMatchObject({ serials: ['MB-002'], removedSerial: 'OLD-MB-777' });
    const serial = backend.services.sqlite.prepare(`SELECT status, ticket_id, device_id FROM stock_serials WHERE serial = 'MB-002'`).get();
    expect(serial).toEqual({ status: 'issued', ticket_id: ticket.id, device_id: ticket.deviceId });
    const bin = await backend.call('oldParts.list', { status: 'in_bin' }, { token: tokens.counter });
    expect(bin).toMatchObject([{ serial: 'OLD-MB-777', replacedBySerial: 'MB-002', ticketNumber: ticket.number, deviceId: ticket.deviceId, source: 'device' }]);
    // scanning the fitted serial finds the part
    expect((await backend.call('parts.byCode', { code: 'MB-002' }, { token: tokens.counter })).matchedSerial).toBe('MB-002');
    // it comes back only from that ticket, by its serial
    await backend.call('stock.returnFromTicket', { partId: part.id, ticket: ticket.id, qty: 1, serials: ['MB-002'] }, { token: tokens.technician });
    expect((await backend.call('stock.checkBalances', {}, { token: tokens.manager })).ok).toBe(true);
  });

  it('refuse a missing, repeated, unknown or duplicate serial and write nothing', async () => {
    const part = await makePart(backend, tokens, { serialized: true });
    const ticket = await makeTicket(backend, tokens);
    await receive(part.id, 1, 100, ['S-1']);
    const before = movements(backend);
    const cases: [string, unknown, string][] = [
      ['stock.receive', { partId: part.id, qty: 2, unitCost: 1, supplier: 's', serials: ['S-2'] }, 'tracked by serial: 2 units need 2 serials (1 given)'],
      ['stock.receive', { partId: part.id, qty: 2, unitCost: 1, supplier: 's', serials: ['S-3', 'S-3'] }, 'Serial S-3 is repeated or already registered'],
      ['stock.receive', { partId: part.id, qty: 1, unitCost: 1, supplier: 's', serials: ['S-1'] }, 'Serial S-1 is repeated or already registered'],
      ['stock.issue', { partId: part.id, ticket: ticket.id, qty: 1 }, 'tracked by serial'],
      ['stock.issue', { partId: part.id, ticket: ticket.id, qty: 1, serials: ['NOPE'] }, 'Serial NOPE is not in stock'],
    ];
    for (const [name, input, message] of cases) {
      const r = await wire(name, input, tokens.technician);
      expect(r.ok).toBe(false);
      const fields = !r.ok ? ((r.error.details as { fields?: { message: string }[] }).fields ?? []) : [];
      expect(fields.map((f) => f.message).join(' ')).toContain(message);
    }
    expect(movements(backend)).toBe(before);
    expect(count(backend, 'SELECT count(*) n FROM stock_serials')).toBe(1);
  });
});

describe('reservations', () => {
  it('hold stock for a ticket, report a shortage onto the reorder list, and are used up by the issue', async () => {
    const part = await makePart(backend, tokens);
    await backend.call('stock.setSettings', { partId: part.id, bin: 'A-01', reorderPoint: 1, reorderQty: 5 }, { token: tokens.manager });
    const a = await makeTicket(backend, tokens);
    const b = await makeTicket(backend, tokens);
    await receive(part.id, 2, 100);
    const ra = await backend.call('stock.reserve', { partId: part.id, ticket: a.id, qty: 2, quoteId: 'Q-1' }, { token: tokens.technician });
    expect(ra).toMatchObject({ shortage: 0, part: { stock: { onHand: 2, reserved: 2, available: 0 } } });
    // b cannot take what a reserved
    expect(await wire('stock.issue', { partId: part.id, ticket: b.id, qty: 1 }, tokens.technician)).toMatchObject({ ok: false, error: { code: 'RULE' } });
    const rb = await backend.call('stock.reserve', { partId: part.id, ticket: b.id, qty: 1 }, { token: tokens.technician });
    expect(rb.shortage).toBe(1);
    const reorder = await backend.call('stock.reorderList', {}, { token: tokens.counter });
    expect(reorder).toMatchObject([{ partId: part.id, available: -1, waitingTickets: 2, suggested: 5 }]);
    // a takes its own reservation
    await backend.call('stock.issue', { partId: part.id, ticket: a.id, qty: 2 }, { token: tokens.technician });
    expect(await backend.call('stock.reservations', { ticket: a.id }, { token: tokens.counter })).toEqual([]);
    const released = await backend.call('stock.release', { id: rb.reservation.id }, { token: tokens.technician });
    expect(released.status).toBe('released');
    expect((await backend.call('parts.get', { id: part.id }, { token: tokens.counter })).part.stock).toMatchObject({ onHand: 0, reserved: 0 });
    expect((await backend.call('stock.checkBalances', {}, { token: tokens.manager })).ok).toBe(true);
  });
});
