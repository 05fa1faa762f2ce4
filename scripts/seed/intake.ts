/**
 * Generated counter history: customers (0.3 × tickets), devices (0.4 × tickets) and tickets
 * with their whole event streams, over the span, in time order (ids stay time-ordered).
 * Written through prepared statements in large transactions with the secondary indexes and
 * search triggers off; indexes and the trigram index are built once at the end (faster
 * than maintaining them row by row).
 */
import { COMMON_FAULTS, type DeviceCategory } from '../../src/shared/devices/categories';
import { withCheckDigit } from '../../src/shared/devices/imei';
import { formatTicketNumber } from '../../src/shared/tickets/number';
import type { TicketStatus } from '../../src/shared/tickets/statuses';
import { messages as deviceMessages } from '../../src/shared/devices/messages';
import { CATALOG, CATEGORY_WEIGHTS, COLOURS, COMPANIES, FAULT_DETAILS, GIVEN, MOBILE_PREFIXES, STREETS, SURNAMES } from '../../src/core/demo/intake-data';
import { FTS_TRIGGERS_SQL, FTS_TRIGGER_NAMES, rebuildSearchIndex } from '../../src/core/search/fts';
import { fileKeyProvider } from '../../src/core/secrets/file-key-provider';
import { encryptSecret } from '../../src/core/secrets/cipher';
import path from 'node:path';
import type { SeedContext, SeedStep, Rng } from './context';
import { seedCoverage } from './coverage';

const TABLES = ['customers', 'customer_phones', 'devices', 'device_owners', 'ticket_counters', 'tickets', 'ticket_events', 'attachments'];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** China has had no daylight saving since 1991: local time is UTC+8 all year. */
const CN_OFFSET = 8 * HOUR;

const zh = deviceMessages['zh-CN'];
const faultLabel = (code: string) => zh[`devices.fault.${code}`] ?? code;

function weighted<T>(rand: Rng, items: readonly [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = rand.next() * total;
  for (const [v, w] of items) {
    x -= w;
    if (x <= 0) return v;
  }
  return items[items.length - 1]![0];
}

const digits = (rand: Rng, n: number) => {
  let s = '';
  for (let i = 0; i < n; i++) s += String(Math.floor(rand.next() * 10));
  return s;
};
const alnum = (rand: Rng, n: number) => {
  const A = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
  let s = '';
  for (let i = 0; i < n; i++) s += A[Math.floor(rand.next() * A.length)];
  return s;
};
const reverse = (s: string) => [...s].reverse().join('');
const localDay = (ms: number) => new Date(ms + CN_OFFSET).toISOString().slice(0, 10);

/**
 * One ticket's status path and how long each step takes (hours), drawn per ticket. `paid`: the
 * quote costs the customer something, so it waits for approval; a covered repair goes straight on.
 */
function statusPath(rand: Rng, paid: boolean): [TicketStatus, number][] {
  if (rand.chance(0.03)) return [['diagnosing', rand.int(1, 24)], ['cancelled', rand.int(2, 72)]];
  const steps: [TicketStatus, number][] = [['diagnosing', rand.int(1, 24)]];
  if (paid) steps.push(['awaiting_approval', rand.int(1, 8)]);
  steps.push(['repairing', paid ? rand.int(1, 48) : rand.int(1, 12)]);
  if (rand.chance(0.2)) steps.push(['awaiting_parts', rand.int(1, 6)], ['repairing', rand.int(24, 240)]);
  steps.push(['qc', rand.int(1, 24)]);
  if (rand.chance(0.05)) steps.push(['repairing', rand.int(1, 4)], ['qc', rand.int(2, 24)]);
  steps.push(['ready', rand.int(1, 6)]);
  // Most customers come within days; a few leave the device for months (the uncollected list).
  steps.push(['collected', rand.chance(0.02) ? rand.int(30 * 24, 200 * 24) : rand.int(2, 24 * 6)]);
  return steps;
}

export const intakeSeedStep: SeedStep = {
  name: 'customers, devices, tickets',
  run(ctx: SeedContext) {
    const { sqlite, rand } = ctx;
    const nTickets = ctx.tickets;
    const nCustomers = Math.max(1, Math.round(nTickets * 0.3));
    const nDevices = Math.max(1, Math.round(nTickets * 0.4));
    const techs = ctx.users.filter((u) => u.role === 'technician').map((u) => u.id);
    const counter = ctx.users.find((u) => u.role === 'counter')?.id ?? ctx.users[0]!.id;
    const keys = fileKeyProvider(path.dirname(sqlite.name));
    const coverage = seedCoverage(sqlite);

    // Secondary indexes and search triggers off for the bulk load; put back at the end.
    const indexes = sqlite
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${TABLES.map(() => '?').join(',')})`)
      .all(...TABLES) as { name: string; sql: string }[];
    for (const i of indexes) sqlite.exec(`DROP INDEX ${i.name}`);
    for (const t of FTS_TRIGGER_NAMES) sqlite.exec(`DROP TRIGGER IF EXISTS ${t}`);
    sqlite.pragma('foreign_keys = OFF');
    sqlite.pragma('cache_size = -400000');

    const insCustomer = sqlite.prepare(
      `INSERT INTO customers (id, name, name_rev, address, company, note, preferred_contact, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '', ?, ?, ?)`,
    );
    const insPhone = sqlite.prepare(`INSERT INTO customer_phones (id, customer_id, position, e164, kind, display, digits_rev) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    const insDevice = sqlite.prepare(
      `INSERT INTO devices (id, category, brand, model, imei, imei2, serial, colour, purchase_date, proof_kind, invoice_no, invoice_date, seller, factory_date,
         owner_customer_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insOwner = sqlite.prepare(`INSERT INTO device_owners (id, device_id, customer_id, at, ticket_id) VALUES (?, ?, ?, ?, ?)`);
    const setOwner = sqlite.prepare(`UPDATE devices SET owner_customer_id = ? WHERE id = ?`);
    const insTicket = sqlite.prepare(
      `INSERT INTO tickets (id, number, yymm, seq, customer_id, device_id, status, status_at, received_at, received_by, promised_date, service_type,
         service_json, fault_text, fault_codes_json, condition_json, accessories_json, passcode_state, passcode_kind, passcode_cipher, passcode_erased_at,
         data_loss_ack, deposit_fen, deposit_note, technician_id, findings_json, warranty_claimed, note, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, '', ?, ?, ?, '', ?)`,
    );
    // Asked at intake (issue 20): nine in ten were asked, seven in ten agreed, one in twenty in English;
    // from the number, not the random stream, so everything else generated stays as it was.
    const insConsent = sqlite.prepare(`INSERT INTO message_consents (id, customer_id, ticket_id, consent, source, recorded_at, recorded_by, locale) VALUES (?, ?, ?, ?, 'intake', ?, ?, ?)`);
    const insEvent = sqlite.prepare(
      `INSERT INTO ticket_events (id, ticket_id, at, user_id, from_status, to_status, kind, note, data_json) VALUES (?, ?, ?, ?, ?, ?, ?, '', ?)`,
    );

    const customers: string[] = [];
    const devices: { id: string; owner: string; category: DeviceCategory; proof: string; sale: string | null; factory: string }[] = [];
    const counters = new Map<string, number>();
    const startMs = ctx.endMs - ctx.spanDays * DAY;
    const step = (ctx.endMs - startMs) / nTickets;

    const newCustomer = (ms: number): string => {
      const id = ctx.idAt(ms);
      const name = rand.pick(SURNAMES) + rand.pick(GIVEN);
      const at = new Date(ms).toISOString();
      insCustomer.run(id, name, reverse(name), rand.chance(0.3) ? `深圳市福田区${rand.pick(STREETS)}${rand.int(1, 3000)}号` : '', rand.chance(0.08) ? rand.pick(COMPANIES) : '', rand.chance(0.8) ? 'phone' : 'wechat', at, at);
      const phones = rand.chance(0.1) ? 2 : 1;
      for (let p = 0; p < phones; p++) {
        if (p === 1 && rand.chance(0.5)) {
          const sub = `8${digits(rand, 7)}`;
          insPhone.run(ctx.idAt(ms), id, p, `+86755${sub}`, 'landline', `0755-${sub.slice(0, 4)} ${sub.slice(4)}`, reverse(`0755${sub}`));
        } else {
          const num = rand.pick(MOBILE_PREFIXES) + digits(rand, 8);
          insPhone.run(ctx.idAt(ms), id, p, `+86${num}`, 'mobile', `${num.slice(0, 3)} ${num.slice(3, 7)} ${num.slice(7)}`, reverse(num));
        }
      }
      customers.push(id);
      return id;
    };

    const newDevice = (ms: number, owner: string) => {
      const id = ctx.idAt(ms);
      const category = weighted(rand, CATEGORY_WEIGHTS);
      const line = rand.pick(CATALOG[category]);
      const imei = line.tacs ? withCheckDigit(rand.pick(line.tacs) + digits(rand, 6)) : null;
      const imei2 = imei && category === 'phone' && rand.chance(0.6) ? withCheckDigit(imei.slice(0, 8) + digits(rand, 6)) : null;
      const serial = imei && rand.chance(0.7) ? null : `${line.serialPrefix}${alnum(rand, 10)}`;
      // Most devices come in within their first year or so; some years later.
      const purchase = ms - (rand.chance(0.55) ? rand.int(10, 360) : rand.int(360, 1100)) * DAY;
      const proof = rand.chance(0.75) ? 'invoice' : rand.chance(0.5) ? 'receipt' : 'none';
      const at = new Date(ms).toISOString();
      const model = rand.pick(line.models);
      const colour = rand.pick(COLOURS);
      const invoiceNo = proof === 'invoice' ? `44${digits(rand, 10)}` : '';
      const seller = proof === 'none' ? '' : rand.pick(['京东自营', '天猫官方旗舰店', '苏宁易购', '品牌授权体验店', '国美电器']);
      const sale = proof === 'none' ? null : localDay(purchase);
      const factory = localDay(purchase - rand.int(20, 120) * DAY);
      insDevice.run(id, category, line.brand, model, imei, imei2, serial, colour, sale, proof, invoiceNo, sale, seller, factory, owner, at, at);
      insOwner.run(ctx.idAt(ms), id, owner, at, null);
      devices.push({ id, owner, category, proof, sale, factory });
      return devices[devices.length - 1]!;
    };

    let made = 0;
    const batch = 20_000;
    while (made < nTickets) {
      sqlite.transaction(() => {
        const end = Math.min(nTickets, made + batch);
        for (let i = made; i < end; i++) {
          const ms = Math.floor(startMs + (i + rand.next()) * step);
          const left = nTickets - i;
          // New devices (and new customers) arrive at the rate that ends exactly at the targets.
          let dev: (typeof devices)[number];
          if (devices.length === 0 || rand.next() < (nDevices - devices.length) / left) {
            const owner = customers.length === 0 || rand.next() < (nCustomers - customers.length) / (nDevices - devices.length) ? newCustomer(ms) : rand.pick(customers);
            dev = newDevice(ms, owner);
          } else {
            dev = rand.pick(devices);
          }
          const ticketId = ctx.idAt(ms);
          const at = new Date(ms).toISOString();
          if (rand.chance(0.005) && customers.length > 1) {
            // Sold or given on: the next visit is by someone else.
            const next = rand.pick(customers);
            if (next !== dev.owner) {
              insOwner.run(ctx.idAt(ms), dev.id, next, at, ticketId);
              setOwner.run(next, dev.id);
              dev.owner = next;
            }
          }
          const day = localDay(ms);
          const yymm = day.slice(2, 4) + day.slice(5, 7);
          const seq = (counters.get(yymm) ?? 0) + 1;
          counters.set(yymm, seq);
          const codes = COMMON_FAULTS[dev.category];
          const code = rand.pick(codes);
          const faultText = `${faultLabel(code)}，${rand.pick(FAULT_DETAILS)}`;
          const tech = techs.length ? rand.pick(techs) : null;
          // The warranty engine covers a visit inside the whole-unit period without an excluding
          // finding: such a repair starts at once (a few carry a paid extra and wait for approval);
          // anything else waits for the customer's approval. Customers mostly know when they are covered.
          const impact = rand.chance(0.05);
          const covered = !impact && coverage.inUnitPeriod(dev.category, dev.proof, dev.sale, dev.factory, localDay(ms));
          const claimed = rand.chance(covered ? 0.9 : 0.08);

          // Events up to now: the ticket is wherever its path has reached today.
          const path = statusPath(rand, covered ? rand.chance(0.12) : true);
          let from: TicketStatus = 'received';
          let t = ms;
          insEvent.run(ctx.idAt(t), ticketId, at, counter, null, 'received', 'created', JSON.stringify({ number: formatTicketNumber(ctx.shop.code, yymm, seq) }));
          let statusAt = at;
          for (const [to, hours] of path) {
            t += hours * HOUR + rand.int(0, 59) * 60_000;
            if (t > ctx.endMs) break;
            statusAt = new Date(t).toISOString();
            insEvent.run(ctx.idAt(t), ticketId, statusAt, to === 'collected' ? counter : (tech ?? counter), from, to, 'status', '{}');
            from = to;
          }
          const closed = from === 'collected' || from === 'cancelled';
          // Whoever diagnoses a ticket takes it; some not yet started wait in the unassigned queue.
          const assigned = from === 'received' && rand.chance(0.6) ? null : tech;
          const passKind = rand.chance(0.55) ? rand.pick(['pin', 'pattern', 'password'] as const) : null;
          const passState = passKind ? (closed ? 'erased' : 'given') : rand.chance(0.5) ? 'declined' : 'none';
          const cipher = passState === 'given' ? encryptSecret(keys, passKind === 'pattern' ? '14789' : passKind === 'pin' ? digits(rand, 6) : 'abc12345', ticketId) : null;
          insTicket.run(
            ticketId, formatTicketNumber(ctx.shop.code, yymm, seq), yymm, seq, dev.owner, dev.id, from, statusAt, at, counter,
            localDay(ms + rand.int(2, 7) * DAY), 'carry_in', '{"kind":"carry_in"}', faultText, JSON.stringify([code]),
            '{"powers_on":"ok","display":"ok","touch":"ok","cameras":"not_checked","buttons":"ok","ports":"ok","liquid_indicator":"ok","cosmetic":"ok","cosmeticNotes":""}',
            rand.chance(0.3) ? '{"items":["charger","cable"],"other":""}' : '{"items":[],"other":""}',
            passState, passKind, cipher, passState === 'erased' ? statusAt : null,
            rand.chance(0.2) ? rand.int(1, 20) * 1000 : 0, assigned, impact ? '["impact"]' : '[]', claimed ? 1 : 0, statusAt,
          );
          if (seq % 10 !== 0) insConsent.run(ctx.idAt(ms), dev.owner, ticketId, seq % 10 <= 7 ? 1 : 0, at, counter, seq % 20 === 1 ? 'en' : 'zh-CN');
        }
        made = end;
      })();
      if (made % 200_000 === 0 || made === nTickets) ctx.log(`${made.toLocaleString('en')} tickets`);
    }
    const insCounter = sqlite.prepare(`INSERT INTO ticket_counters (key, last_seq) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET last_seq = excluded.last_seq`);
    sqlite.transaction(() => {
      for (const [yymm, seq] of counters) insCounter.run(`${ctx.shop.code}-${yymm}`, seq);
    })();
    ctx.log(`${customers.length.toLocaleString('en')} customers, ${devices.length.toLocaleString('en')} devices`);

    for (const i of indexes) sqlite.exec(i.sql);
    ctx.log('indexes rebuilt');
    rebuildSearchIndex(sqlite);
    sqlite.exec(FTS_TRIGGERS_SQL);
    ctx.log('search index built');
    sqlite.pragma('foreign_keys = ON');
  },
};
