/**
 * The returned-parts section of the console: the shops' old-part return shipments from the rows
 * they synced (return_shipments, old_parts), what head office received of each (hq_part_receipts),
 * and receiving lines — audited, and published to the line's shop as `stock.oldPartReceipt` in
 * the same transaction. The deadline and the views are shared/hq-console/returns.ts.
 *
 * Whether the shop applied a receipt is an identity, never a comparison of clocks: its synced line
 * is confirmed with confirmed_at equal to head office's instant of the receipt.
 */
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { HqError } from '../errors';
import { jsonField, type HqDB } from '../db';
import type { HqService } from '../service';
import { writeItems } from '../publish';
import { audit, actorIds, type Actor } from './audit';
import { rowsById, shopsById } from './claims';
import { uuidv7Generator, type IdGenerator } from '../../shared/util/ids';
import { daysBetweenDates, localDate } from '../../shared/time/local-date';
import { HQ_TIME_ZONE } from '../../shared/hq-console/complaints';
import {
  OLD_PART_RECEIPT_KIND,
  isLateReturn,
  returnDueOn,
  type HqShipmentDetail,
  type HqShipmentLine,
  type HqShipmentRow,
  type OldPartReceiptData,
  type ShopReturns,
  type ReturnView,
  type receiveLinesSchema,
} from '../../shared/hq-console/returns';

type Row = Record<string, unknown>;
type Db = Kysely<HqDB> | Transaction<HqDB>;

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const strOrNull = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
const parse = (data: string | null): Row => (data ? (JSON.parse(data) as Row) : {});

const generators = new WeakMap<HqService, IdGenerator>();
function newId(s: HqService): string {
  let g = generators.get(s);
  if (!g) generators.set(s, (g = uuidv7Generator({ now: () => s.now() })));
  return g();
}

interface Receipt {
  oldPartId: string;
  receivedAt: string;
  by: string;
  note: string;
}

interface Shipment {
  shopId: string;
  id: string;
  data: Row;
  lines: { id: string; data: Row }[];
  receipts: Map<string, Receipt>;
}

/**
 * Shipments with their synced lines and head office's receipts, for one shop or all; `open`: only
 * those the shop still has open (status shipped) — every shipment with a line not yet received is
 * among them, since a shipment closes only when its last line is confirmed.
 */
async function loadShipments(s: HqService, db: Db, f: { shopId?: string | undefined; shipmentId?: string | undefined; open?: boolean }): Promise<Shipment[]> {
  let q = db.selectFrom('hq_rows').select(['shop_id', 'row_id', 'data']).where('table_name', '=', 'return_shipments').where('deleted', '=', 0);
  if (f.shopId) q = q.where('shop_id', '=', f.shopId);
  if (f.shipmentId) q = q.where('row_id', '=', f.shipmentId);
  if (f.open) q = q.where(jsonField(s.store.dialect, 'status'), '=', 'shipped');
  const rows = await q.execute();
  const out = rows.map((r): Shipment => ({ shopId: r.shop_id, id: r.row_id, data: parse(r.data), lines: [], receipts: new Map() }));
  const byKey = new Map(out.map((x) => [`${x.shopId}/${x.id}`, x]));
  const ids = [...new Set(out.map((x) => x.id))];
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    const lines = await db
      .selectFrom('hq_rows')
      .select(['shop_id', 'row_id', 'data'])
      .where('table_name', '=', 'old_parts')
      .where('deleted', '=', 0)
      .where(jsonField(s.store.dialect, 'shipment_id'), 'in', part)
      .orderBy('row_id')
      .execute();
    for (const l of lines) {
      const d = parse(l.data);
      byKey.get(`${l.shop_id}/${str(d.shipment_id)}`)?.lines.push({ id: l.row_id, data: d });
    }
    const receipts = await db.selectFrom('hq_part_receipts').selectAll().where('shipment_id', 'in', part).execute();
    for (const r of receipts) byKey.get(`${r.shop_id}/${r.shipment_id}`)?.receipts.set(r.old_part_id, { oldPartId: r.old_part_id, receivedAt: r.received_at, by: r.received_by_name, note: r.note });
  }
  return out;
}

const applied = (line: Row, r: Receipt | undefined) => !r || (str(line.status) === 'confirmed' && str(line.confirmed_at) === r.receivedAt);
/** A line the shop confirmed itself, with no receipt at head office: confirmed before the shop was enrolled. */
const byShop = (line: Row, r: Receipt | undefined) => !r && str(line.status) === 'confirmed';
const isReceived = (x: Shipment, l: { id: string; data: Row }) => x.receipts.has(l.id) || byShop(l.data, undefined);

function toRow(x: Shipment, shops: Map<string, { code: string; name: string }>, today: string): HqShipmentRow {
  const shippedOn = str(x.data.shipped_on);
  const received = x.lines.filter((l) => isReceived(x, l)).length;
  const open = x.lines.length - received;
  const late = isLateReturn(shippedOn, today, open);
  const dueOn = returnDueOn(shippedOn);
  const shop = shops.get(x.shopId);
  return {
    shopId: x.shopId,
    shopCode: shop?.code ?? '',
    shopName: shop?.name ?? '',
    shipmentId: x.id,
    number: str(x.data.number),
    carrier: str(x.data.carrier),
    trackingNo: str(x.data.tracking_no),
    shippedOn,
    dueOn,
    shopStatus: str(x.data.status),
    lines: x.lines.length,
    received,
    late,
    daysLate: late ? daysBetweenDates(dueOn, today) : 0,
    shopApplied: x.lines.every((l) => applied(l.data, x.receipts.get(l.id))),
  };
}

const inView = (r: HqShipmentRow, view: ReturnView) =>
  view === 'all' ? true : view === 'received' ? r.lines > 0 && r.received === r.lines : view === 'late' ? r.late : r.received < r.lines || r.lines === 0;

/**
 * Every shop with shipments still open at head office: how many in transit, how many of them late,
 * and old parts still to receive — the network at a glance, whatever the view's shop filter.
 */
export async function openByShop(s: HqService): Promise<ShopReturns[]> {
  const today = localDate(s.now(), HQ_TIME_ZONE);
  const shops = await shopsById(s.db);
  const out = new Map<string, ShopReturns>();
  for (const r of (await loadShipments(s, s.db, { open: true })).map((x) => toRow(x, shops, today))) {
    if (!inView(r, 'transit')) continue;
    const g = out.get(r.shopId) ?? { shopId: r.shopId, shopCode: r.shopCode, shopName: r.shopName, transit: 0, late: 0, openLines: 0 };
    g.transit++;
    if (r.late) g.late++;
    g.openLines += r.lines - r.received;
    out.set(r.shopId, g);
  }
  return [...out.values()].sort((a, b) => b.late - a.late || a.shopCode.localeCompare(b.shopCode));
}

export async function listShipments(s: HqService, input: { view: ReturnView; shopId?: string | undefined; limit: number }): Promise<HqShipmentRow[]> {
  const today = localDate(s.now(), HQ_TIME_ZONE);
  const shops = await shopsById(s.db);
  const open = input.view === 'transit' || input.view === 'late';
  const rows = (await loadShipments(s, s.db, { shopId: input.shopId, open })).map((x) => toRow(x, shops, today)).filter((r) => inView(r, input.view));
  // Open ones: the latest first among the late, then the oldest shipment first (what has waited
  // longest on top). Received and all: the newest shipment first.
  const order = open
    ? (a: HqShipmentRow, b: HqShipmentRow) => b.daysLate - a.daysLate || a.shippedOn.localeCompare(b.shippedOn) || a.number.localeCompare(b.number)
    : (a: HqShipmentRow, b: HqShipmentRow) => b.shippedOn.localeCompare(a.shippedOn) || b.number.localeCompare(a.number);
  return rows.sort(order).slice(0, input.limit);
}

export async function shipmentDetail(s: HqService, shopId: string, shipmentId: string, db: Db = s.db): Promise<HqShipmentDetail> {
  const [x] = await loadShipments(s, db, { shopId, shipmentId });
  if (!x) throw new HqError('NO_SHIPMENT', 404, `no shipment ${shipmentId} at shop ${shopId}`, { shipmentId: shipmentId.slice(0, 60) });
  const today = localDate(s.now(), HQ_TIME_ZONE);
  const row = toRow(x, await shopsById(db), today);
  const tickets = await rowsById(db, shopId, 'tickets', x.lines.map((l) => str(l.data.ticket_id)));
  const parts = await rowsById(db, shopId, 'parts', x.lines.map((l) => str(l.data.part_id)));
  const items = x.lines.map((l): HqShipmentLine => {
    const r = x.receipts.get(l.id);
    const own = byShop(l.data, r);
    return {
      oldPartId: l.id,
      sku: strOrNull(parts.get(str(l.data.part_id))?.sku),
      description: str(l.data.description),
      serial: str(l.data.serial),
      replacedBySerial: strOrNull(l.data.replaced_by_serial),
      ticketNumber: strOrNull(tickets.get(str(l.data.ticket_id))?.number),
      source: str(l.data.source),
      shopStatus: str(l.data.status),
      receivedAt: r?.receivedAt ?? (own ? strOrNull(l.data.confirmed_at) : null),
      receivedBy: r?.by ?? null,
      byShop: own,
      note: r?.note ?? '',
      shopApplied: applied(l.data, r),
    };
  });
  return { ...row, items };
}

/**
 * Receives lines of a shipment: each new one is recorded, audited and published to the shop. A
 * line already received stays as it is (receiving it again changes nothing); a line of another
 * shipment is refused, and so is the whole call with it.
 */
export async function receiveLines(s: HqService, actor: Actor, input: z.output<typeof receiveLinesSchema>): Promise<HqShipmentDetail> {
  await s.db.transaction().execute(async (trx) => {
    const x = await shipmentDetail(s, input.shopId, input.shipmentId, trx);
    const byId = new Map(x.items.map((l) => [l.oldPartId, l]));
    const fresh = [...new Set(input.oldPartIds)].filter((id) => {
      const line = byId.get(id);
      if (!line) throw new HqError('NOT_IN_SHIPMENT', 409, `old part ${id} is not in shipment ${x.number}`, { number: x.number, oldPartId: id.slice(0, 60) });
      return line.receivedAt === null && !line.byShop;
    });
    if (!fresh.length) return;
    const at = s.nowIso();
    const ids = actorIds(actor);
    // Two people receiving the same line at once (two head-office processes on PostgreSQL): the
    // unique line index keeps the first receipt; the second skips it instead of failing.
    const recorded: string[] = [];
    for (const id of fresh) {
      const r = await trx
        .insertInto('hq_part_receipts')
        .values({ id: newId(s), shop_id: input.shopId, shipment_id: input.shipmentId, old_part_id: id, note: input.note, received_at: at, received_by: ids.actor, received_by_name: ids.actor_name })
        .onConflict((oc) => oc.columns(['shop_id', 'old_part_id']).doNothing())
        .returning('old_part_id')
        .executeTakeFirst();
      if (r) recorded.push(id);
    }
    if (!recorded.length) return;
    const data: OldPartReceiptData = { shipmentId: input.shipmentId, receivedAt: at, receiver: ids.actor_name.slice(0, 60), note: input.note };
    await writeItems(trx, OLD_PART_RECEIPT_KIND, input.shopId, recorded.map((id) => ({ id, data: JSON.stringify(data) })), at);
    await audit(s, actor, 'returns.receive', x.number, { shop: x.shopCode, lines: recorded.length, of: x.lines, note: input.note }, trx);
  });
  return shipmentDetail(s, input.shopId, input.shipmentId);
}
