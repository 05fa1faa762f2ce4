/**
 * One test per migration that transforms data (in the spirit of Signal Desktop's migration
 * tests): a database left at the version before, rows written as that version had them, the one
 * migration run, and the rows after checked against values worked out by hand.
 */
import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/core';
import { tempDir } from '../../helpers/backend';

/** A database at `version`, filled by `fill`, then brought to `version + 1` (that one migration). */
async function acrossMigration(version: number, fill: (db: Database.Database) => void): Promise<{ db: Database.Database; close: () => Promise<void> }> {
  const file = path.join(tempDir(), 'shop.sqlite');
  const before = openDatabase({ file, targetVersion: version });
  expect(before.sqlite.pragma('user_version', { simple: true })).toBe(version);
  fill(before.sqlite);
  await before.close();
  const after = openDatabase({ file, targetVersion: version + 1 });
  expect(after.migrated).toEqual({ from: version, to: version + 1 });
  return { db: after.sqlite, close: () => after.close() };
}

const T0 = '2026-03-01T00:00:00.000Z';

/** A shop (Shanghai), a counter user, a technician, a customer and a phone, as schema 3+ holds them. */
function shopWithPhone(db: Database.Database): void {
  db.prepare(`INSERT INTO shop (id, code, name, settings_json, created_at, updated_at) VALUES ('shop', 'SZ01', '店', '{"timeZone":"Asia/Shanghai"}', ?, ?)`).run(T0, T0);
  const user = db.prepare(`INSERT INTO users (id, username, display_name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, 'x', ?, ?)`);
  user.run('u-counter', 'li', '李', 'counter', T0, T0);
  user.run('u-tech', 'zhang', '张', 'technician', T0, T0);
  db.prepare(`INSERT INTO customers (id, name, name_rev, created_at, updated_at) VALUES ('c1', '王五', '五王', ?, ?)`).run(T0, T0);
  db.prepare(`INSERT INTO devices (id, category, brand, model, created_at, updated_at) VALUES ('d1', 'phone', 'Huawei', 'Mate 60', ?, ?)`).run(T0, T0);
}

function ticket(db: Database.Database, id: string, o: { receivedAt: string; depositFen?: number; technicianId?: string | null }): void {
  db.prepare(
    `INSERT INTO tickets (id, number, yymm, seq, customer_id, device_id, status, status_at, received_at, received_by, promised_date, service_type, service_json,
       fault_text, condition_json, accessories_json, passcode_state, data_loss_ack, deposit_fen, technician_id, updated_at)
     VALUES (?, ?, '2603', ?, 'c1', 'd1', 'received', ?, ?, 'u-counter', '2026-03-05', 'carry_in', '{}', '屏幕不亮', '{}', '[]', 'none', 1, ?, ?, ?)`,
  ).run(id, `SZ01-2603-${id}`, Number(id.replace(/\D/g, '')), o.receivedAt, o.receivedAt, o.depositFen ?? 0, o.technicianId ?? null, o.receivedAt);
}

function event(db: Database.Database, id: string, ticketId: string, at: string, from: string | null, to: string | null, userId: string, kind = 'status'): void {
  db.prepare(`INSERT INTO ticket_events (id, ticket_id, at, user_id, from_status, to_status, kind) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(id, ticketId, at, userId, from, to, kind);
}

describe('migration 2 (warranty): stores the national presets and the holiday calendar', () => {
  it('one active version 1 of every preset, one default per category (the LCD policy for TVs), and the calendar', async () => {
    const { db, close } = await acrossMigration(1, (d) => {
      d.prepare(`INSERT INTO users (id, username, display_name, role, password_hash, created_at, updated_at) VALUES ('u1', 'admin', 'A', 'admin', 'x', ?, ?)`).run(T0, T0);
    });
    try {
      const rows = db.prepare(`SELECT policy_id, category, version_no, source, active, category_default, data_json FROM warranty_policies ORDER BY policy_id`).all() as {
        policy_id: string; category: string; version_no: number; source: string; active: number; category_default: number; data_json: string;
      }[];
      expect(rows.length).toBeGreaterThanOrEqual(4); // phone, microcomputer, appliances (several), TV
      for (const r of rows) expect([r.version_no, r.source, r.active]).toEqual([1, 'preset', 1]);
      const defaults = Object.fromEntries(rows.filter((r) => r.category_default === 1).map((r) => [r.category, r.policy_id]));
      expect(defaults.phone).toBe('cn.phone.2001');
      expect(defaults.tv).toBe('cn.tv.lcd.2011');
      expect(new Set(rows.map((r) => r.category)).size).toBe(Object.keys(defaults).length); // exactly one default per category
      const phone = JSON.parse(rows.find((r) => r.policy_id === 'cn.phone.2001')!.data_json) as { id: string; category: string };
      expect(phone).toMatchObject({ id: 'cn.phone.2001', category: 'phone' });
      expect(db.prepare(`SELECT source, active, version_no FROM warranty_calendars`).all()).toEqual([{ source: 'preset', active: 1, version_no: 1 }]);
      expect(db.prepare(`SELECT username FROM users`).all()).toEqual([{ username: 'admin' }]); // rows before it kept
    } finally {
      await close();
    }
  });
});

describe('migration 8 (collection): a deposit kept on the ticket becomes a cash deposit payment', () => {
  it('dated the shop day of the intake (Shanghai), by who took it in; a ticket without a deposit gets none', async () => {
    const { db, close } = await acrossMigration(7, (d) => {
      shopWithPhone(d);
      // 16:30 UTC on 1 March is 00:30 on 2 March in Shanghai
      ticket(d, 'T1', { receivedAt: '2026-03-01T16:30:00.000Z', depositFen: 5000 });
      ticket(d, 'T2', { receivedAt: '2026-03-01T09:00:00.000Z', depositFen: 0 });
    });
    try {
      const payments = db.prepare(`SELECT id, ticket_id, kind, tender, amount_fen, received_fen, change_fen, business_date, at, by_user_id, reason FROM payments`).all() as Record<string, unknown>[];
      expect(payments).toEqual([
        {
          id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
          ticket_id: 'T1', kind: 'deposit', tender: 'cash', amount_fen: 5000, received_fen: 5000, change_fen: 0,
          business_date: '2026-03-02', at: '2026-03-01T16:30:00.000Z', by_user_id: 'u-counter', reason: 'intake',
        },
      ]);
      // a UUIDv7 carries the instant of the intake in its first 48 bits
      expect(parseInt((payments[0]!.id as string).replace(/-/g, '').slice(0, 12), 16)).toBe(Date.parse('2026-03-01T16:30:00.000Z'));
      expect(() => db.prepare(`DELETE FROM payments`).run()).toThrow(/append-only/);
    } finally {
      await close();
    }
  });
});

describe('migration 9 (reports): folds the tickets already there into report_facts', () => {
  it('times per stage, first ready and collected, the credited technician and the dimensions; a ticket without status events has no row', async () => {
    const { db, close } = await acrossMigration(8, (d) => {
      shopWithPhone(d);
      ticket(d, 'T1', { receivedAt: '2026-03-02T01:00:00.000Z', technicianId: 'u-tech' });
      event(d, 'e1', 'T1', '2026-03-02T01:00:00.000Z', null, 'received', 'u-counter');
      event(d, 'e2', 'T1', '2026-03-02T02:00:00.000Z', 'received', 'diagnosing', 'u-tech');
      event(d, 'e3', 'T1', '2026-03-02T02:30:00.000Z', null, null, 'u-tech', 'note');
      event(d, 'e4', 'T1', '2026-03-02T03:00:00.000Z', 'diagnosing', 'repairing', 'u-tech');
      event(d, 'e5', 'T1', '2026-03-02T05:30:00.000Z', 'repairing', 'ready', 'u-tech');
      event(d, 'e6', 'T1', '2026-03-03T02:00:00.000Z', 'ready', 'collected', 'u-counter');
      ticket(d, 'T2', { receivedAt: '2026-03-02T01:00:00.000Z' });
      event(d, 'e7', 'T2', '2026-03-02T01:10:00.000Z', null, null, 'u-counter', 'note');
    });
    try {
      const rows = db.prepare(`SELECT * FROM report_facts`).all() as Record<string, unknown>[];
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        ticket_id: 'T1',
        received_at: '2026-03-02T01:00:00.000Z',
        first_ready_at: '2026-03-02T05:30:00.000Z',
        first_collected_at: '2026-03-03T02:00:00.000Z',
        status: 'collected',
        s_received: 3600, // 01:00 → 02:00
        s_diagnosing: 3600, // 02:00 → 03:00 (the note moves nothing)
        s_repairing: 9000, // 03:00 → 05:30
        s_ready: 73800, // 05:30 → 02:00 the next day
        s_qc: 0,
        reopens: 0,
        credit_user_id: 'u-tech',
        tech_id: 'u-tech',
        ready_ms: 16_200_000, // 4 h 30 min
        e2e_ms: 90_000_000, // 25 h
        category: 'phone',
        brand: 'Huawei',
        service_type: 'carry_in',
        quote_mix: 0,
      });
      // and from here on the triggers keep it: a new visit of the device gets its row at once
      ticket(db, 'T3', { receivedAt: '2026-03-10T01:00:00.000Z' });
      event(db, 'e8', 'T3', '2026-03-10T01:00:00.000Z', null, 'received', 'u-counter');
      expect(db.prepare(`SELECT ticket_id, status FROM report_facts WHERE ticket_id = 'T3'`).get()).toEqual({ ticket_id: 'T3', status: 'received' });
    } finally {
      await close();
    }
  });
});

describe('migration 10 (report rollups): sums the ledgers already there', () => {
  it('a payment counts once shop-wide and once per dimension of its ticket, in its UTC hour', async () => {
    const { db, close } = await acrossMigration(9, (d) => {
      shopWithPhone(d);
      ticket(d, 'T1', { receivedAt: '2026-03-02T01:00:00.000Z', technicianId: 'u-tech' });
      event(d, 'e1', 'T1', '2026-03-02T01:00:00.000Z', null, 'received', 'u-counter');
      const pay = d.prepare(`INSERT INTO payments (id, ticket_id, kind, tender, amount_fen, received_fen, business_date, at, by_user_id) VALUES (?, 'T1', ?, ?, ?, ?, '2026-03-02', ?, 'u-counter')`);
      pay.run('p1', 'deposit', 'cash', 5000, 5000, '2026-03-02T01:15:00.000Z');
      pay.run('p2', 'settlement', 'wechat', 12000, 12000, '2026-03-02T01:50:00.000Z');
      pay.run('p3', 'settlement', 'cash', 3000, 3000, '2026-03-02T02:05:00.000Z');
    });
    try {
      const shopWide = db.prepare(`SELECT hour, tender, ticket_category, n, amount_fen FROM report_payments_hourly WHERE dim = '' ORDER BY hour, tender`).all();
      expect(shopWide).toEqual([
        { hour: '2026-03-02T01', tender: 'cash', ticket_category: 'phone', n: 1, amount_fen: 5000 },
        { hour: '2026-03-02T01', tender: 'wechat', ticket_category: 'phone', n: 1, amount_fen: 12000 },
        { hour: '2026-03-02T02', tender: 'cash', ticket_category: 'phone', n: 1, amount_fen: 3000 },
      ]);
      const byDimension = db.prepare(`SELECT dim, value, sum(amount_fen) AS total FROM report_payments_hourly WHERE dim <> '' GROUP BY dim, value ORDER BY dim`).all();
      expect(byDimension).toEqual([
        { dim: 'brand', value: 'huawei', total: 20000 },
        { dim: 'category', value: 'phone', total: 20000 },
        { dim: 'service', value: 'carry_in', total: 20000 },
        { dim: 'tech', value: 'u-tech', total: 20000 },
      ]);
      expect(db.prepare(`SELECT count(*) AS n, sum(amount_fen) AS total FROM report_payments_hourly_combo`).get()).toEqual({ n: 3, total: 20000 });
      // nothing in the other ledgers, nothing in their rollups
      for (const t of ['report_parts_hourly', 'report_follow_ups_daily', 'report_time_hourly']) expect(db.prepare(`SELECT count(*) AS n FROM ${t}`).get(), t).toEqual({ n: 0 });
    } finally {
      await close();
    }
  });
});

describe('migration 13 (attachment blobs): photos and signatures move out of the attachments table', () => {
  // SHA-256 test vectors of FIPS 180-2 (appendix B) and of the empty message
  const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
  const MILLION_A = 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0';
  const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

  it('each picture once under the hash of its bytes (a wrong stored hash corrected), attachments keep their metadata and are queued for head office', async () => {
    let triggersBefore = 0;
    const { db, close } = await acrossMigration(12, (d) => {
      shopWithPhone(d);
      ticket(d, 'T1', { receivedAt: '2026-03-02T01:00:00.000Z' });
      const att = d.prepare(`INSERT INTO attachments (id, ticket_id, name, mime, size, sha256, bytes, caption, created_at, created_by) VALUES (?, ?, ?, 'image/jpeg', ?, ?, ?, ?, ?, 'u-counter')`);
      att.run('a1', 'T1', 'front.jpg', 99, 'x', Buffer.from('abc'), '正面', T0); // wrong hash and size
      att.run('a2', 'T1', 'again.jpg', 3, ABC, Buffer.from('abc'), '', T0); // the same picture
      att.run('a3', 'T1', 'big.jpg', 1_000_000, MILLION_A, Buffer.alloc(1_000_000, 'a'), '背面', T0);
      att.run('a4', null, 'empty.png', 0, EMPTY, Buffer.alloc(0), 'signature', T0);
      d.exec(`DELETE FROM outbox`);
      triggersBefore = d.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'trigger'`).pluck().get() as number;
    });
    try {
      expect(db.prepare(`SELECT sha256, size, length(bytes) AS n, hex(substr(bytes, 1, 3)) AS head FROM attachment_blobs ORDER BY size`).all()).toEqual([
        { sha256: EMPTY, size: 0, n: 0, head: '' },
        { sha256: ABC, size: 3, n: 3, head: '616263' },
        { sha256: MILLION_A, size: 1_000_000, n: 1_000_000, head: '616161' },
      ]);
      expect(db.prepare(`SELECT id, ticket_id, name, size, sha256, caption, created_by, thumb FROM attachments ORDER BY id`).all()).toEqual([
        { id: 'a1', ticket_id: 'T1', name: 'front.jpg', size: 3, sha256: ABC, caption: '正面', created_by: 'u-counter', thumb: null },
        { id: 'a2', ticket_id: 'T1', name: 'again.jpg', size: 3, sha256: ABC, caption: '', created_by: 'u-counter', thumb: null },
        { id: 'a3', ticket_id: 'T1', name: 'big.jpg', size: 1_000_000, sha256: MILLION_A, caption: '背面', created_by: 'u-counter', thumb: null },
        { id: 'a4', ticket_id: null, name: 'empty.png', size: 0, sha256: EMPTY, caption: 'signature', created_by: 'u-counter', thumb: null },
      ]);
      expect((db.prepare(`SELECT name FROM pragma_table_info('attachments')`).pluck().all() as string[]).includes('bytes')).toBe(false);
      // head office gets the three pictures and the new shape of every attachment
      const queued = db.prepare(`SELECT table_name, row_id FROM outbox WHERE op = 'upsert' GROUP BY table_name, row_id ORDER BY table_name, row_id`).all();
      expect(queued).toEqual([
        { table_name: 'attachment_blobs', row_id: ABC },
        { table_name: 'attachment_blobs', row_id: MILLION_A },
        { table_name: 'attachment_blobs', row_id: EMPTY },
        ...['a1', 'a2', 'a3', 'a4'].map((row_id) => ({ table_name: 'attachments', row_id })),
      ]);
      // every trigger of before is back (plus the blobs' four), and the report triggers still fold events
      expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'trigger'`).pluck().get()).toBe(triggersBefore + 4);
      event(db, 'e1', 'T1', '2026-03-02T01:00:00.000Z', null, 'received', 'u-counter');
      expect(db.prepare(`SELECT status FROM report_facts WHERE ticket_id = 'T1'`).get()).toEqual({ status: 'received' });
    } finally {
      await close();
    }
  });
});

describe('migration 19 (message details): the language of messages and the warranty end', () => {
  it('answers given before it were asked in Chinese; collections before it have no warranty end; nothing is queued again', async () => {
    const { db, close } = await acrossMigration(18, (d) => {
      shopWithPhone(d);
      ticket(d, 'T1', { receivedAt: '2026-03-02T01:00:00.000Z' });
      d.prepare(`INSERT INTO message_consents (id, customer_id, ticket_id, consent, source, recorded_at, recorded_by) VALUES ('m1', 'c1', 'T1', 1, 'intake', ?, 'u-counter')`).run(T0);
      d.exec(`DELETE FROM outbox`);
    });
    try {
      expect(db.prepare(`SELECT id, consent, locale FROM message_consents`).all()).toEqual([{ id: 'm1', consent: 1, locale: 'zh-CN' }]);
      expect(db.prepare(`SELECT name FROM pragma_table_info('collections') WHERE name = 'warranty_until'`).pluck().get()).toBe('warranty_until');
      expect(db.prepare(`SELECT count(*) FROM outbox`).pluck().get()).toBe(0);
      // a language other than the two the messages have is refused; the table stays append-only
      expect(() => db.prepare(`INSERT INTO message_consents (id, customer_id, consent, source, recorded_at, locale) VALUES ('m2', 'c1', 1, 'counter', ?, 'fr')`).run(T0)).toThrow(/CHECK/);
      expect(() => db.prepare(`UPDATE message_consents SET locale = 'en'`).run()).toThrow(/append-only/);
    } finally {
      await close();
    }
  });
});
