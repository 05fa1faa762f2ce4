/**
 * Counter intake speed on the generated shop: every search kind, saving an intake and a
 * ticket-list page, each end to end through backend.call (session check, zod, handler,
 * output) beside the raw indexed SQLite statement that reads or writes the same rows.
 *
 * The intakes are real: each run adds a few hundred tickets to the cached shop (harmless
 * for a generated history, and it keeps the figures honest about a growing database).
 */
import { openBackend } from '../src/core';
import { measure, measureSync, type BenchResult, type BenchSuite } from './lib';
import { rng } from '../scripts/seed/context';
import { withCheckDigit } from '../src/shared/devices/imei';
import { ROW_SELECT } from '../src/core/tickets/rows';
import { prefixEnd } from '../src/core/db/statements';
import type { IntakeInputRaw } from '../src/shared/tickets/schemas';

const ITER = 300;

export function intakeSuite(dbFile: string, label: string): BenchSuite {
  return {
    name: 'intake',
    async run(): Promise<BenchResult[]> {
      const results: BenchResult[] = [];
      const backend = openBackend({ file: dbFile });
      const { sqlite } = backend.services;
      const token = (await backend.call('auth.login', { username: 'li', password: 'counter-demo' })).token;
      const rand = rng(7);
      const sample = <T>(sql: string, n = 200) => sqlite.prepare(sql).all(n) as T[];
      const nDev = (sqlite.prepare('SELECT max(n) m FROM devices').get() as { m: number }).m;
      const nTic = (sqlite.prepare('SELECT max(n) m FROM tickets').get() as { m: number }).m;
      const nCus = (sqlite.prepare('SELECT max(n) m FROM customers').get() as { m: number }).m;
      const pickRows = <T>(table: string, max: number, cols: string, where = '1') =>
        Array.from({ length: 200 }, () => sqlite.prepare(`SELECT ${cols} FROM ${table} WHERE n >= ? AND ${where} LIMIT 1`).get(rand.int(1, max)) as T).filter(Boolean);

      const phones = sample<{ d: string }>(`SELECT digits_rev d FROM customer_phones WHERE rowid IN (SELECT abs(random()) % (SELECT max(rowid) FROM customer_phones) FROM customer_phones LIMIT ?)`).map(
        (r) => [...r.d.slice(0, 4)].reverse().join(''),
      );
      const imeis = pickRows<{ imei: string }>('devices', nDev, 'imei', 'imei IS NOT NULL').map((r) => r.imei.slice(6, 12));
      const numbers = pickRows<{ number: string }>('tickets', nTic, 'number').map((r) => r.number);
      const names = pickRows<{ name: string }>('customers', nCus, 'name', 'length(name) = 2').map((r) => r.name);
      const models = ['Mate 60', 'iPhone 15', 'Redmi K70', 'Find X7', 'X100 Pro', 'ThinkPad', 'MateBook', '65E7K', 'Magic6', 'nova 12'];
      const faults = ['屏幕碎裂', '不开机', '无法充电', '进水后', '触摸失灵', '不制冷', '噪音大', '摔落后出现'];

      const kinds: { name: string; queries: string[]; raw: (q: string) => unknown; rawName: string }[] = [
        {
          name: 'phone, last 4 digits',
          queries: phones,
          rawName: 'reversed-digits index range',
          raw: (q) => {
            const rev = [...q].reverse().join('');
            return sqlite.prepare('SELECT customer_id FROM customer_phones WHERE digits_rev >= ? AND digits_rev < ? LIMIT 8').all(rev, prefixEnd(rev));
          },
        },
        {
          name: 'IMEI fragment (6 digits)',
          queries: imeis,
          rawName: 'trigram MATCH on devices_fts',
          raw: (q) => sqlite.prepare(`SELECT rowid FROM devices_fts WHERE devices_fts MATCH ? ORDER BY rowid DESC LIMIT 8`).all(`codes : "${q}"`),
        },
        {
          name: 'ticket number, full',
          queries: numbers,
          rawName: 'unique index lookup',
          raw: (q) => sqlite.prepare('SELECT id FROM tickets WHERE number = ?').get(q),
        },
        {
          name: 'ticket number without prefix (yymm-seq)',
          queries: numbers.map((n) => n.slice(n.indexOf('-') + 1)),
          rawName: 'unique index lookup',
          raw: (q) => sqlite.prepare('SELECT id FROM tickets WHERE number = ?').get(`SZ01-${q}`),
        },
        {
          name: 'two-character Chinese name',
          queries: names,
          rawName: 'name index range',
          raw: (q) => sqlite.prepare('SELECT id FROM customers WHERE name >= ? AND name < ? LIMIT 8').all(q, prefixEnd(q)),
        },
        {
          name: 'model',
          queries: models,
          rawName: 'trigram MATCH on devices_fts',
          raw: (q) => sqlite.prepare(`SELECT rowid FROM devices_fts WHERE devices_fts MATCH ? ORDER BY rowid DESC LIMIT 8`).all(`"${q}"`),
        },
        {
          name: 'fault words',
          queries: faults,
          rawName: 'trigram MATCH on tickets_fts',
          raw: (q) => sqlite.prepare(`SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ? ORDER BY rowid DESC LIMIT 8`).all(`"${q}"`),
        },
      ];
      for (const k of kinds) {
        let i = 0;
        const ours = await measure(() => backend.call('search.query', { q: k.queries[i++ % k.queries.length]! }, { token }), { iterations: ITER, warmup: 30 });
        let j = 0;
        const base = measureSync(() => k.raw(k.queries[j++ % k.queries.length]!), { iterations: ITER, warmup: 30 });
        results.push({
          suite: 'intake',
          name: `search.query: ${k.name}`,
          unit: 'ms',
          median: ours.median,
          p95: ours.p95,
          baseline: { name: `raw SQLite ${k.rawName}`, median: base.median, p95: base.p95 },
          target: 'p95 < 15 ms',
          met: ours.p95 < 15,
        });
      }

      // Intake of a returning customer with a known device (the common case at a counter) and of a new customer with a new device.
      const pairs = pickRows<{ id: string; owner_customer_id: string }>('devices', nDev, 'id, owner_customer_id');
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      const base: Omit<IntakeInputRaw, 'customerId' | 'deviceId'> = {
        fault: { text: '屏幕碎裂，触摸失灵', codes: ['screen_broken'] },
        condition: { powers_on: 'ok', display: 'fault' },
        accessories: { items: ['charger'] },
        passcode: { kind: 'pin', value: '135790' },
        dataLossAck: true,
        promisedDate: today,
        depositFen: 5000,
      };
      let p = 0;
      const returning = await measure(
        () => {
          const d = pairs[p++ % pairs.length]!;
          return backend.call('tickets.intake', { ...base, customerId: d.owner_customer_id, deviceId: d.id }, { token });
        },
        { iterations: ITER, warmup: 20 },
      );
      let k = 0;
      const fresh = await measure(
        () => {
          k++;
          return backend.call(
            'tickets.intake',
            {
              ...base,
              customer: { name: '新客户', phones: [`1590${String(rand.int(0, 9_999_999)).padStart(7, '0')}`] },
              confirmDuplicate: true,
              device: { category: 'phone', brand: '华为', model: 'Mate 70', imei: withCheckDigit(`869${String(Date.now() % 1e6).padStart(6, '0')}${String(k).padStart(5, '0')}`) },
            },
            { token },
          );
        },
        { iterations: ITER, warmup: 20 },
      );
      // Baseline: the same ticket row, its first event and the month counter, written raw in one transaction.
      const insTicket = sqlite.prepare(
        `INSERT INTO tickets (id, number, yymm, seq, customer_id, device_id, status, status_at, received_at, promised_date, service_type, service_json,
           fault_text, condition_json, accessories_json, passcode_state, data_loss_ack, updated_at)
         VALUES (?, ?, '9901', ?, ?, ?, 'received', ?, ?, ?, 'carry_in', '{}', '屏幕碎裂，触摸失灵', '{}', '{}', 'none', 1, ?)`,
      );
      const insEvent = sqlite.prepare(`INSERT INTO ticket_events (id, ticket_id, at, to_status, kind) VALUES (?, ?, ?, 'received', 'created')`);
      const bump = sqlite.prepare(`INSERT INTO ticket_counters (key, last_seq) VALUES ('BENCH-9901', 1) ON CONFLICT (key) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq`);
      let q = 0;
      const rawInsert = measureSync(
        () =>
          sqlite.transaction(() => {
            const d = pairs[q++ % pairs.length]!;
            const seq = (bump.get() as { last_seq: number }).last_seq;
            const id = backend.services.newId();
            const now = new Date().toISOString();
            insTicket.run(id, `BENCH-9901-${seq}`, seq, d.owner_customer_id, d.id, now, now, today, now);
            insEvent.run(backend.services.newId(), id, now);
          })(),
        { iterations: ITER, warmup: 20 },
      );
      for (const [name, s] of [
        ['tickets.intake: returning customer, known device', returning],
        ['tickets.intake: new customer and new device', fresh],
      ] as const) {
        results.push({
          suite: 'intake',
          name,
          unit: 'ms',
          median: s.median,
          p95: s.p95,
          baseline: { name: 'raw INSERT ticket + first event + counter, one transaction', median: rawInsert.median, p95: rawInsert.p95 },
          target: 'p95 < 10 ms',
          met: s.p95 < 10,
        });
      }

      // Ticket lists: the newest page, an open-status board column, a technician's queue, a deep page by cursor.
      const tech = (sqlite.prepare(`SELECT id FROM users WHERE role = 'technician' LIMIT 1`).get() as { id: string }).id;
      const deepCursor = (sqlite.prepare(`SELECT id FROM tickets WHERE n = ?`).get(Math.floor(nTic / 2)) as { id: string }).id;
      const lists: [string, Record<string, unknown>, string, unknown[]][] = [
        ['newest 50', {}, '1', []],
        ['status = repairing', { status: ['repairing'] }, "t.status = 'repairing'", []],
        ['a technician\'s open tickets', { technicianId: tech, status: ['diagnosing', 'repairing', 'awaiting_parts', 'qc'] }, "t.technician_id = ? AND t.status IN ('diagnosing', 'repairing', 'awaiting_parts', 'qc')", [tech]],
        ['overdue', { overdue: true }, "t.status IN ('received','diagnosing','awaiting_approval','repairing','awaiting_parts','qc') AND t.promised_date < ?", [today]],
        ['page deep in the history (cursor)', { cursor: deepCursor }, 't.id < ?', [deepCursor]],
        ['warranty, collected', { coverage: 'warranty', status: ['collected'] }, "t.warranty_claimed = 1 AND t.status = 'collected'", []],
      ];
      for (const [name, input, where, params] of lists) {
        const ours = await measure(() => backend.call('tickets.list', { limit: 50, ...input }, { token }), { iterations: 200, warmup: 20 });
        const stmt = sqlite.prepare(`${ROW_SELECT} WHERE t.n IN (SELECT t.n FROM tickets t WHERE ${where} ORDER BY t.id DESC LIMIT 51) ORDER BY t.id DESC`);
        const raw = measureSync(() => stmt.all(...params), { iterations: 200, warmup: 20 });
        results.push({
          suite: 'intake',
          name: `tickets.list page of 50: ${name}`,
          unit: 'ms',
          median: ours.median,
          p95: ours.p95,
          baseline: { name: 'raw SQLite SELECT of the same page (same joins, page chosen first)', median: raw.median, p95: raw.p95 },
          target: 'p95 < 20 ms',
          met: ours.p95 < 20,
        });
      }
      await backend.close();
      return results;
    },
  };
}
