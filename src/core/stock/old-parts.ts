import type Database from 'better-sqlite3';
import type { Selectable } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type { OldPart, Shipment } from '../../shared/stock/schemas';
import type { StockCtx } from './ledger';
import { run, statement } from '../db/statements';
import type { OldPartsTable } from './tables';
import { resolveTicket, ticketNumbers } from './tickets';
import { requirePartRow } from './catalog';

/**
 * The old-parts bin (旧件返还). Lines enter it from a repair (the part taken out of the device,
 * never shop stock) or from faulty stock (its one ledger line was written on entry). From then
 * on only the line's status moves: in_bin → shipped → confirmed. Nothing here writes movements,
 * so no status change, repeated or not, can move stock again.
 */

type OldPartRowDb = Selectable<OldPartsTable> & { sku: string | null };

const OLD_SQL = `SELECT o.*, p.sku FROM old_parts o LEFT JOIN parts p ON p.id = o.part_id`;

function toOldParts(sqlite: Database.Database, rows: OldPartRowDb[]): OldPart[] {
  const numbers = ticketNumbers(sqlite, rows.map((r) => r.ticket_id));
  return rows.map((r) => ({
    id: r.id,
    partId: r.part_id,
    sku: r.sku,
    description: r.description,
    ticketId: r.ticket_id,
    ticketNumber: r.ticket_id ? (numbers.get(r.ticket_id) ?? null) : null,
    deviceId: r.device_id,
    serial: r.serial,
    replacedBySerial: r.replaced_by_serial,
    source: r.source,
    status: r.status,
    shipmentId: r.shipment_id,
    createdAt: r.created_at,
    confirmedAt: r.confirmed_at,
  }));
}

export function listOldParts(sqlite: Database.Database, by: { status?: string; shipmentId?: string; limit: number }): OldPart[] {
  const rows = by.shipmentId
    ? statement<OldPartRowDb>(sqlite, `${OLD_SQL} WHERE o.shipment_id = ? ORDER BY o.created_at LIMIT ?`).all(by.shipmentId, by.limit)
    : by.status
      ? statement<OldPartRowDb>(sqlite, `${OLD_SQL} WHERE o.status = ? ORDER BY o.created_at LIMIT ?`).all(by.status, by.limit)
      : statement<OldPartRowDb>(sqlite, `${OLD_SQL} ORDER BY o.created_at DESC LIMIT ?`).all(by.limit);
  return toOldParts(sqlite, rows);
}

export function addOldPart(ctx: StockCtx, input: { ticket: string; partId?: string; serial: string; description: string }): OldPart {
  const ticket = resolveTicket(ctx.sqlite, input.ticket);
  if (input.partId) requirePartRow(ctx.sqlite, input.partId);
  const id = ctx.newId();
  run(
    ctx.sqlite,
    `INSERT INTO old_parts (id, part_id, description, ticket_id, device_id, serial, replaced_by_serial, source, movement_id, status, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, NULL, 'device', NULL, 'in_bin', ?, ?)`,
    id,
    input.partId ?? null,
    input.description,
    ticket.id,
    ticket.deviceId,
    input.serial,
    ctx.nowIso(),
    ctx.session?.userId ?? null,
  );
  return toOldParts(ctx.sqlite, [statement<OldPartRowDb>(ctx.sqlite, `${OLD_SQL} WHERE o.id = ?`).get(id)!])[0]!;
}

export function getShipment(sqlite: Database.Database, id: string): Shipment {
  const r = statement<{ id: string; number: string; carrier: string; tracking_no: string; shipped_on: string; status: 'shipped' | 'closed'; created_at: string; closed_at: string | null; lines: number; confirmed: number }>(sqlite, `SELECT s.*, (SELECT count(*) FROM old_parts o WHERE o.shipment_id = s.id) AS lines,
            (SELECT count(*) FROM old_parts o WHERE o.shipment_id = s.id AND o.status = 'confirmed') AS confirmed
     FROM return_shipments s WHERE s.id = ?`).get(id);
  if (!r) throw new AppError('NOT_FOUND');
  return { id: r.id, number: r.number, carrier: r.carrier, trackingNo: r.tracking_no, shippedOn: r.shipped_on, status: r.status, lines: r.lines, confirmed: r.confirmed, createdAt: r.created_at, closedAt: r.closed_at };
}

export function listShipments(sqlite: Database.Database, limit: number): Shipment[] {
  return statement<{ id: string }>(sqlite, `SELECT id FROM return_shipments ORDER BY created_at DESC LIMIT ?`).all(limit).map((r) => getShipment(sqlite, r.id));
}

/** Batches lines from the bin into a shipment; a line already shipped is refused, not shipped twice. */
export function createShipment(ctx: StockCtx, input: { oldPartIds: string[]; carrier: string; trackingNo: string; shippedOn: string }): Shipment {
  const { sqlite } = ctx;
  for (const id of new Set(input.oldPartIds)) {
    const row = statement<{ status: string }>(sqlite, `SELECT status FROM old_parts WHERE id = ?`).get(id);
    if (!row || row.status !== 'in_bin') throw new AppError('RULE', { key: 'stock.errors.oldPartNotInBin', params: { id } });
  }
  const id = ctx.newId();
  const now = ctx.nowIso();
  const day = input.shippedOn.replace(/-/g, '').slice(2);
  const seq = statement<{ n: number }>(sqlite, `SELECT count(*) AS n FROM return_shipments WHERE number LIKE ?`).get(`RS${day}-%`)!.n + 1;
  run(
    sqlite,
    `INSERT INTO return_shipments (id, number, carrier, tracking_no, shipped_on, status, created_at, created_by) VALUES (?, ?, ?, ?, ?, 'shipped', ?, ?)`,
    id,
    `RS${day}-${String(seq).padStart(2, '0')}`,
    input.carrier,
    input.trackingNo,
    input.shippedOn,
    now,
    ctx.session?.userId ?? null,
  );
  for (const oid of new Set(input.oldPartIds)) run(sqlite, `UPDATE old_parts SET status = 'shipped', shipment_id = ? WHERE id = ?`, id, oid);
  return getShipment(sqlite, id);
}

/**
 * Head office confirmed receipt of some lines (default: all). A line already confirmed stays as
 * it is; the shipment closes when its last line is confirmed. Idempotent by construction.
 */
export function confirmShipment(ctx: StockCtx, shipmentId: string, oldPartIds?: string[]): Shipment {
  const { sqlite } = ctx;
  getShipment(sqlite, shipmentId);
  const ids = oldPartIds ?? statement<{ id: string }>(sqlite, `SELECT id FROM old_parts WHERE shipment_id = ?`).all(shipmentId).map((r) => r.id);
  const now = ctx.nowIso();
  for (const id of ids) {
    const row = statement<{ shipment_id: string | null; status: string }>(sqlite, `SELECT shipment_id, status FROM old_parts WHERE id = ?`).get(id);
    if (!row || row.shipment_id !== shipmentId) throw new AppError('RULE', { key: 'stock.errors.notInShipment', params: { id } });
    if (row.status === 'shipped') run(sqlite, `UPDATE old_parts SET status = 'confirmed', confirmed_at = ? WHERE id = ?`, now, id);
  }
  const open = statement<{ n: number }>(sqlite, `SELECT count(*) AS n FROM old_parts WHERE shipment_id = ? AND status <> 'confirmed'`).get(shipmentId)!.n;
  if (open === 0) run(sqlite, `UPDATE return_shipments SET status = 'closed', closed_at = COALESCE(closed_at, ?) WHERE id = ? AND status <> 'closed'`, now, shipmentId);
  return getShipment(sqlite, shipmentId);
}
