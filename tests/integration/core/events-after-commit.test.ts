import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../src/shared/api/events';
import { eventSchemas } from '../../../src/shared/api/events';
import { benchShop, newTicket, oldPhone, type BenchShop } from '../bench/helpers';

/**
 * A change event tells other counters "read again": it must never announce a write that the
 * database does not hold. Diagnosing a received ticket moves it to `diagnosing` (an event) and
 * then stores the diagnosis; if storing fails, the move is rolled back and nothing is announced.
 */
describe('events are sent after the write committed', () => {
  let s: BenchShop;
  let events: AppEvent[];
  let off: () => void;
  beforeEach(async () => {
    s = await benchShop();
    events = [];
    off = s.backend.subscribe((e) => events.push(e));
  });
  afterEach(async () => {
    off();
    await s.cleanup();
  });

  const statusOf = (id: string) => (s.backend.services.sqlite.prepare('SELECT status FROM tickets WHERE id = ?').get(id) as { status: string }).status;

  it('a write that fails emits nothing and leaves the ticket as it was', async () => {
    const id = await newTicket(s, oldPhone());
    events = [];
    // The disk refuses the diagnosis row, after the ticket was moved inside the same transaction.
    s.backend.services.sqlite.exec(`CREATE TRIGGER refuse_diagnosis BEFORE INSERT ON diagnoses BEGIN SELECT RAISE(ABORT, 'disk refused'); END`);
    await expect(s.backend.call('bench.diagnose', { ticketId: id, cause: '屏幕排线断裂', findings: [] }, s.as('technician'))).rejects.toThrow();
    expect(events).toEqual([]);
    expect(statusOf(id)).toBe('received');
  });

  it('a write that succeeds sends its events when another connection already reads the change', async () => {
    const id = await newTicket(s, oldPhone());
    events = [];
    // A second connection on the same file sees only committed data (WAL): what a listener would read.
    const reader = new Database(path.join(s.backend.services.dataDir!, 'shop.sqlite'), { readonly: true });
    const seen: string[] = [];
    const offReader = s.backend.subscribe((e) => {
      if (e.name === 'tickets.changed') seen.push((reader.prepare('SELECT status FROM tickets WHERE id = ?').get(id) as { status: string }).status);
    });
    try {
      await s.backend.call('bench.diagnose', { ticketId: id, cause: '屏幕排线断裂', findings: [] }, s.as('technician'));
    } finally {
      offReader();
      reader.close();
    }
    // The technician is set and the ticket moved: every announcement already reads the new status.
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set(['diagnosing']));
    const moves = events.filter((e) => e.name === 'tickets.changed' && e.payload.status === 'diagnosing');
    expect(moves.map((e) => e.payload)).toEqual([{ id, number: expect.any(String), status: 'diagnosing', from: 'received' }]);
  });

  it('every event sent matches its schema in the shared map', async () => {
    const id = await newTicket(s, oldPhone());
    await s.backend.call('bench.claim', { ticketId: id }, s.as('technician'));
    await s.backend.call('bench.diagnose', { ticketId: id, cause: '屏幕排线断裂', findings: [] }, s.as('technician'));
    await s.backend.call('bench.quote.save', { ticketId: id, lines: [{ kind: 'labor', priceItemId: s.prices.labor }], submit: true }, s.as('technician'));
    expect(events.map((e) => e.name)).toEqual(expect.arrayContaining(['tickets.changed', 'bench.needsApproval']));
    for (const e of events) expect(eventSchemas[e.name].safeParse(e.payload).success, e.name).toBe(true);
  });
});
