import type Database from 'better-sqlite3';
import { planSearch, ftsPhrase, type SearchPlan } from '../../shared/search/classify';
import type { SearchResult } from '../../shared/search/schemas';
import { formatTicketNumber } from '../../shared/tickets/number';
import { isValidImei } from '../../shared/devices/imei';
import { customerIdsByPhoneSuffix, summaries } from '../customers/store';
import { prefixEnd, statement } from '../db/statements';

type Match = SearchResult['customers'][number]['match'];
type TicketHit = SearchResult['tickets'][number];
type DeviceHit = SearchResult['devices'][number];
type CustomerHit = SearchResult['customers'][number];

/** Fault text typed in 1–2 characters is looked for only among this many newest tickets (a bounded scan). */
const SHORT_FAULT_WINDOW = 5000;

const TICKET_HIT = `
  SELECT t.id, t.number, t.status, t.received_at, c.name AS customer_name, d.brand || ' ' || d.model AS device_label,
         substr(t.fault_text, 1, 60) AS fault
  FROM tickets t JOIN customers c ON c.id = t.customer_id JOIN devices d ON d.id = t.device_id`;

type TicketHitRow = { id: string; number: string; status: string; received_at: string; customer_name: string; device_label: string; fault: string };

const DEVICE_HIT = `
  SELECT d.id, d.category, d.brand, d.model, d.imei, d.serial, d.owner_customer_id, c.name AS owner_name
  FROM devices d LEFT JOIN customers c ON c.id = d.owner_customer_id`;

type DeviceHitRow = {
  id: string;
  category: string;
  brand: string;
  model: string;
  imei: string | null;
  serial: string | null;
  owner_customer_id: string | null;
  owner_name: string | null;
};

/** Collects hits in rank order, first match of an id wins (an exact hit keeps its place ahead of fuzzy ones). */
class Group<T extends { id: string }> {
  readonly items: T[] = [];
  private seen = new Set<string>();
  constructor(readonly limit: number) {}
  get full() {
    return this.items.length >= this.limit;
  }
  add(item: T) {
    if (this.full || this.seen.has(item.id)) return;
    this.seen.add(item.id);
    this.items.push(item);
  }
}

function ticketHits(sqlite: Database.Database, plan: SearchPlan, shopCode: string, g: Group<TicketHit>) {
  const push = (rows: TicketHitRow[], match: Match) =>
    rows.forEach((r) =>
      g.add({ id: r.id, number: r.number, status: r.status as TicketHit['status'], receivedAt: r.received_at, customerName: r.customer_name, deviceLabel: r.device_label, faultSummary: r.fault, match }),
    );
  const t = plan.ticket;
  if (t) {
    if (t.shopCode && t.yymm) push(statement<TicketHitRow>(sqlite, `${TICKET_HIT} WHERE t.number = ?`).all(formatTicketNumber(t.shopCode, t.yymm, t.seq)), 'ticket_number');
    else if (t.yymm) push(statement<TicketHitRow>(sqlite, `${TICKET_HIT} WHERE t.number = ?`).all(formatTicketNumber(shopCode, t.yymm, t.seq)), 'ticket_number');
    // The sequence alone: that number in each month, the latest month first.
    else push(statement<TicketHitRow>(sqlite, `${TICKET_HIT} WHERE t.seq = ? ORDER BY t.yymm DESC LIMIT ?`).all(t.seq, g.limit), 'ticket_number');
  }
  if (g.full) return;
  if (plan.fullText) {
    push(
      statement<TicketHitRow>(sqlite, `${TICKET_HIT} WHERE t.n IN (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ? ORDER BY rowid DESC LIMIT ?) ORDER BY t.n DESC`).all(ftsPhrase(plan.fullText), g.limit),
      'fault',
    );
  } else if (plan.short) {
    push(
      statement<TicketHitRow>(sqlite, `${TICKET_HIT} WHERE t.n > (SELECT coalesce(max(n), 0) FROM tickets) - ? AND t.fault_text LIKE ? ESCAPE '\\' ORDER BY t.n DESC LIMIT ?`).all(SHORT_FAULT_WINDOW, `%${plan.short.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, g.limit),
      'fault',
    );
  }
}

function deviceHits(sqlite: Database.Database, plan: SearchPlan, g: Group<DeviceHit>) {
  const push = (rows: DeviceHitRow[], match: Match) =>
    rows.forEach((r) =>
      g.add({
        id: r.id,
        category: r.category as DeviceHit['category'],
        brand: r.brand,
        model: r.model,
        imei: r.imei ?? '',
        serial: r.serial ?? '',
        ownerCustomerId: r.owner_customer_id,
        ownerName: r.owner_name,
        match,
      }),
    );
  const compact = plan.text.replace(/[\s-]/g, '').toUpperCase();
  if (/^\d{15}$/.test(compact) && isValidImei(compact)) {
    push(statement<DeviceHitRow>(sqlite, `${DEVICE_HIT} WHERE d.imei = ? UNION ALL ${DEVICE_HIT} WHERE d.imei2 = ?`).all(compact, compact), 'imei');
  }
  if (/^[A-Z0-9]{4,}$/.test(compact)) push(statement<DeviceHitRow>(sqlite, `${DEVICE_HIT} WHERE d.serial = ?`).all(compact), 'serial');
  if (g.full) return;
  if (plan.fullText) {
    const digits = /^\d+$/.test(compact);
    // Digits can only be part of an IMEI or serial; words are looked for in brand and model too.
    const match = digits ? `codes : ${ftsPhrase(compact)}` : ftsPhrase(plan.fullText);
    const rows = statement<DeviceHitRow>(sqlite, `${DEVICE_HIT} WHERE d.n IN (SELECT rowid FROM devices_fts WHERE devices_fts MATCH ? ORDER BY rowid DESC LIMIT ?) ORDER BY d.n DESC`).all(match, g.limit);
    push(rows, digits ? 'imei' : 'model');
  } else if (plan.short) {
    push(statement<DeviceHitRow>(sqlite, `${DEVICE_HIT} WHERE d.model >= ? COLLATE NOCASE AND d.model < ? COLLATE NOCASE LIMIT ?`).all(plan.short, prefixEnd(plan.short), g.limit), 'model');
    push(statement<DeviceHitRow>(sqlite, `${DEVICE_HIT} WHERE d.brand >= ? COLLATE NOCASE AND d.brand < ? COLLATE NOCASE LIMIT ?`).all(plan.short, prefixEnd(plan.short), g.limit), 'model');
  }
}

function customerHits(sqlite: Database.Database, plan: SearchPlan, g: Group<CustomerHit>) {
  const pushIds = (ids: string[], match: Match) => {
    for (const id of ids) {
      if (g.full) return;
      const [r] = summaries(sqlite, [id]);
      if (r) g.add({ ...r, match });
    }
  };
  if (plan.phoneSuffix) pushIds(customerIdsByPhoneSuffix(sqlite, plan.phoneSuffix, g.limit), 'phone');
  if (g.full) return;
  if (plan.fullText && !/^\d+$/.test(plan.text)) {
    const rows = statement<{ id: string }>(
      sqlite,
      `SELECT c.id FROM customers c WHERE c.n IN (SELECT rowid FROM customers_fts WHERE customers_fts MATCH ? ORDER BY rank LIMIT ?)`,
    ).all(ftsPhrase(plan.fullText), g.limit);
    pushIds(rows.map((r) => r.id), 'name');
  } else if (plan.short) {
    // Under three characters trigram cannot help: a two-character Chinese name is the start
    // of the name (张伟, 欧阳) or its end (小明 of 王小明); both are index ranges.
    const rev = [...plan.short].reverse().join('');
    const exact = statement<{ id: string }>(sqlite, `SELECT id FROM customers WHERE name = ? LIMIT ?`).all(plan.short, g.limit);
    const starts = statement<{ id: string }>(sqlite, `SELECT id FROM customers WHERE name >= ? AND name < ? LIMIT ?`).all(plan.short, prefixEnd(plan.short), g.limit);
    const ends = statement<{ id: string }>(sqlite, `SELECT id FROM customers WHERE name_rev >= ? AND name_rev < ? LIMIT ?`).all(rev, prefixEnd(rev), g.limit);
    pushIds([...exact, ...starts, ...ends].map((r) => r.id), 'name');
  }
}

/** search.query: every lookup the fragment allows, grouped, exact hits first. */
export function search(sqlite: Database.Database, shopCode: string, q: string, limit: number): SearchResult {
  const plan = planSearch(q);
  const out: SearchResult = { q, best: null, customers: [], devices: [], tickets: [] };
  if (!plan.text) return out;
  const tickets = new Group<TicketHit>(limit);
  const devices = new Group<DeviceHit>(limit);
  const customers = new Group<CustomerHit>(limit);
  ticketHits(sqlite, plan, shopCode, tickets);
  deviceHits(sqlite, plan, devices);
  customerHits(sqlite, plan, customers);
  out.tickets = tickets.items;
  out.devices = devices.items;
  out.customers = customers.items;
  const exactTicket = out.tickets.find((t) => t.match === 'ticket_number' && plan.ticket?.yymm);
  const exactDevice = out.devices.find((d) => (d.match === 'imei' || d.match === 'serial') && (d.imei === plan.text.replace(/[\s-]/g, '') || d.serial === plan.text.toUpperCase()));
  if (exactTicket) out.best = { kind: 'ticket', id: exactTicket.id };
  else if (exactDevice) out.best = { kind: 'device', id: exactDevice.id };
  else {
    const all = [...out.tickets.map((t) => ({ kind: 'ticket' as const, id: t.id })), ...out.devices.map((d) => ({ kind: 'device' as const, id: d.id })), ...out.customers.map((c) => ({ kind: 'customer' as const, id: c.id }))];
    if (all.length === 1) out.best = all[0]!;
  }
  return out;
}
