/**
 * The nationwide service (全国联保): a device found by IMEI (either slot) or serial across every
 * shop's synced rows, with the purchase data each shop recorded and every visit at every shop —
 * dates, fault, diagnosis, what was done, outcome and who paid. Device and repair facts only: no
 * customer, phone, passcode, note or payment of another shop leaves head office, and personal
 * data typed into free text (a phone in the fault description) is masked (personal-data.ts).
 *
 * The same kysely queries on SQLite and PostgreSQL, each on a partial expression index of
 * hq_rows (src/hq/db.ts, migration 002-device-lookup), so a lookup never scans a table.
 */
import { sql, type RawBuilder } from 'kysely';
import {
  LOOKUP_MAX_DEVICES,
  LOOKUP_MAX_TICKETS,
  lookupRequestSchema,
  type LookupDevice,
  type LookupResponse,
  type LookupTicket,
} from '../shared/sync/protocol';
import { TICKET_CHILD_IN, jsonField } from './db';
import { malformed } from './errors';
import type { HqService, RequestMeta } from './service';
import { maskPersonalData } from './personal-data';

type Row = Record<string, unknown>;
interface Hit {
  shopId: string;
  table: string;
  data: Row;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
/** Free text people typed, personal data masked, cut to `max` (masked first: a cut never leaves half a phone). */
const text = (v: unknown, max: number): string => maskPersonalData(str(v).slice(0, max + 40)).slice(0, max);
const strOrNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const int = (v: unknown): number => (typeof v === 'number' && Number.isSafeInteger(v) ? v : 0);
const intOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);
function strings(json: unknown): string[] {
  try {
    const v = JSON.parse(str(json)) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, 40).map((x) => text(x, 200)) : [];
  } catch {
    return [];
  }
}
/** Newest by a timestamp column, then by id (UUIDv7: creation order). */
function newest(rows: Row[], at: string): Row | undefined {
  let best: Row | undefined;
  for (const r of rows) if (!best || `${str(r[at])}|${str(r.id)}` > `${str(best[at])}|${str(best.id)}`) best = r;
  return best;
}
const key = (shopId: string, id: unknown) => `${shopId}\u0000${str(id)}`;

/**
 * Answers a lookup for `askingShopId` (null: the admin API). `meta` carries the shop's protocol
 * and schema headers (checked like every shop request).
 */
export async function lookupDevice(service: HqService, askingShopId: string | null, body: unknown, meta: RequestMeta | null, now: Date): Promise<LookupResponse> {
  if (meta) service.checkVersions(meta);
  const req = lookupRequestSchema.safeParse(body);
  if (!req.success) throw malformed(req.error);
  const { imei, serial } = req.data;
  const { db } = service;
  const f = (field: string) => jsonField(service.store.dialect, field);
  const rows = async (table: RawBuilder<unknown>, where: RawBuilder<unknown>, limit: number): Promise<Hit[]> => {
    const out = await db
      .selectFrom('hq_rows')
      .select(['shop_id', 'table_name', 'data'])
      .where('deleted', '=', 0)
      .where(sql<boolean>`${table}`)
      .where(sql<boolean>`${where}`)
      .limit(limit)
      .execute();
    return out.map((r) => ({ shopId: r.shop_id, table: r.table_name, data: JSON.parse(r.data ?? '{}') as Row }));
  };
  const inList = (values: string[]) => sql.join(values.map((v) => sql`${v}`));
  let truncated = false;

  // Devices: each shop's record, by IMEI (both slots) and/or serial.
  const devices = new Map<string, Hit & { matchedBy: LookupDevice['matchedBy'] }>();
  const probes: [string, string, LookupDevice['matchedBy']][] = [];
  if (imei) probes.push(['imei', imei, 'imei'], ['imei2', imei, 'imei2']);
  if (serial) probes.push(['serial', serial, 'serial']);
  for (const [field, value, matchedBy] of probes) {
    const hits = await rows(sql`table_name = 'devices'`, sql`${f(field)} = ${value}`, LOOKUP_MAX_DEVICES + 1);
    if (hits.length > LOOKUP_MAX_DEVICES) truncated = true;
    for (const h of hits) {
      const k = key(h.shopId, h.data.id);
      if (!devices.has(k) && devices.size < LOOKUP_MAX_DEVICES) devices.set(k, { ...h, matchedBy });
    }
  }
  const shopIds = [...new Set([...devices.values()].map((d) => d.shopId))];
  const shops = new Map(
    shopIds.length === 0
      ? []
      : (await db.selectFrom('hq_shops').select(['id', 'code', 'name']).where('id', 'in', shopIds).execute()).map((s) => [
          s.id,
          { code: s.code, name: s.name, own: s.id === askingShopId },
        ]),
  );
  const shopOf = (id: string) => shops.get(id) ?? { code: '?', name: '?', own: id === askingShopId };

  // Tickets of those devices (a ticket counts only under its own shop's device).
  let tickets: Hit[] = [];
  if (devices.size > 0) {
    const ids = [...new Set([...devices.values()].map((d) => str(d.data.id)))];
    const hits = await rows(sql`table_name = 'tickets'`, sql`${f('device_id')} IN (${inList(ids)})`, LOOKUP_MAX_TICKETS * 4);
    tickets = hits.filter((t) => devices.has(key(t.shopId, t.data.device_id)));
    tickets.sort((a, b) => (str(a.data.received_at) < str(b.data.received_at) ? -1 : str(a.data.received_at) > str(b.data.received_at) ? 1 : 0));
    if (tickets.length > LOOKUP_MAX_TICKETS) {
      truncated = true;
      tickets = tickets.slice(-LOOKUP_MAX_TICKETS); // the latest visits
    }
  }

  // What happened on each visit: bench state, collections, diagnoses, quotes (and the last quote's lines), 三包 outcomes.
  const children = new Map<string, Map<string, Row[]>>();
  if (tickets.length > 0) {
    const ids = [...new Set(tickets.map((t) => str(t.data.id)))];
    const own = new Set(tickets.map((t) => key(t.shopId, t.data.id)));
    for (const h of await rows(TICKET_CHILD_IN, sql`${f('ticket_id')} IN (${inList(ids)})`, 20_000)) {
      const k = key(h.shopId, h.data.ticket_id);
      if (!own.has(k)) continue; // a row of another shop naming this ticket is not this ticket's
      let byTable = children.get(k);
      if (!byTable) children.set(k, (byTable = new Map()));
      const list = byTable.get(h.table) ?? [];
      list.push(h.data);
      byTable.set(h.table, list);
    }
  }
  const lastQuote = new Map<string, Row>();
  for (const [k, byTable] of children) {
    let best: Row | undefined;
    for (const q of byTable.get('quotes') ?? []) if (!best || int(q.version) > int(best.version)) best = q;
    if (best) lastQuote.set(k, best);
  }
  const lines = new Map<string, Row[]>();
  if (lastQuote.size > 0) {
    const quoteShop = new Map([...lastQuote.entries()].map(([k, q]) => [str(q.id), k.split('\u0000')[0]!]));
    for (const h of await rows(sql`table_name = 'quote_lines'`, sql`${f('quote_id')} IN (${inList([...quoteShop.keys()])})`, 5_000)) {
      if (quoteShop.get(str(h.data.quote_id)) !== h.shopId) continue;
      const list = lines.get(str(h.data.quote_id)) ?? [];
      list.push(h.data);
      lines.set(str(h.data.quote_id), list);
    }
  }

  const deviceList: LookupDevice[] = [...devices.values()]
    .map(({ shopId, data: d, matchedBy }) => ({
      shop: shopOf(shopId),
      id: str(d.id),
      matchedBy,
      category: str(d.category),
      brand: str(d.brand),
      model: str(d.model),
      colour: str(d.colour),
      imei: str(d.imei),
      imei2: str(d.imei2),
      serial: str(d.serial),
      purchaseDate: strOrNull(d.purchase_date),
      proofKind: str(d.proof_kind) || 'none',
      invoiceNo: str(d.invoice_no),
      invoiceDate: strOrNull(d.invoice_date),
      seller: text(d.seller, 200),
      invoicePriceFen: intOrNull(d.purchase_price_fen),
      factoryDate: strOrNull(d.factory_date),
      exchangeDate: strOrNull(d.exchange_date),
      recordedAt: str(d.created_at),
    }))
    .sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0));
  const hasPurchase = (d: LookupDevice) => d.proofKind !== 'none' || d.purchaseDate !== null || d.invoicePriceFen !== null;
  const registration = deviceList.find(hasPurchase) ?? deviceList[0] ?? null;

  const ticketList: LookupTicket[] = tickets.map(({ shopId, data: t }) => {
    const k = key(shopId, t.id);
    const byTable = children.get(k) ?? new Map<string, Row[]>();
    const status = str(t.status);
    const collection = newest(byTable.get('collections') ?? [], 'collected_at');
    const diagnosis = newest(byTable.get('diagnoses') ?? [], 'created_at');
    const sanbao = newest(byTable.get('sanbao_outcomes') ?? [], 'at');
    const bench = (byTable.get('bench_tickets') ?? [])[0];
    const q = lastQuote.get(k);
    const customerFen = q ? int(q.customer_total_fen) : null;
    const coveredFen = q ? int(q.maker_fen) + int(q.shop_fen) + int(q.extended_warranty_fen) + int(q.insurer_fen) : null;
    const payment: LookupTicket['payment'] = !q ? 'none' : customerFen! > 0 && coveredFen! > 0 ? 'mixed' : customerFen! > 0 ? 'paid' : coveredFen! > 0 ? 'warranty' : 'none';
    const work = q
      ? (lines.get(str(q.id)) ?? [])
          .sort((a, b) => int(a.position) - int(b.position))
          .slice(0, 30)
          .map((l) => ({ description: text(l.description, 200), qty: int(l.qty), status: str(l.status), customerFen: int(l.customer_fen) }))
      : [];
    return {
      shop: shopOf(shopId),
      deviceId: str(t.device_id),
      number: str(t.number),
      status,
      receivedAt: str(t.received_at),
      collectedAt: collection ? str(collection.collected_at) : status === 'collected' ? strOrNull(t.status_at) : null,
      cancelledAt: status === 'cancelled' ? strOrNull(t.status_at) : null,
      serviceType: str(t.service_type),
      faultText: text(t.fault_text, 500),
      faultCodes: strings(t.fault_codes_json),
      findings: strings(t.findings_json),
      diagnosis: diagnosis ? text(diagnosis.cause, 500) || null : null,
      outcome: bench ? strOrNull(bench.outcome) : null,
      sanbao: sanbao ? strOrNull(sanbao.option) : null,
      warrantyClaimed: int(t.warranty_claimed) === 1,
      payment,
      customerFen,
      coveredFen,
      work,
    };
  });

  return { devices: deviceList, registration, tickets: ticketList, truncated, at: now.toISOString() };
}
