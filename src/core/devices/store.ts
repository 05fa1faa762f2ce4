import type Database from 'better-sqlite3';
import type { Selectable } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type { Device, DeviceSummary, NewDevice } from '../../shared/devices/schemas';
import type { Ctx } from '../api/context';
import { prepared, statement } from '../db/statements';
import type { DevicesTable } from '../db/intake-tables';

/** Every column but the sync sequence `n` (the list COLUMNS below). */
type DeviceRow = Omit<Selectable<DevicesTable>, 'n'>;

const COLUMNS = `id, category, brand, model, imei, imei2, serial, colour, purchase_date, proof_kind, invoice_no, invoice_date, seller,
  factory_date, purchase_price_fen, owner_customer_id, created_at, updated_at`;

export function toDevice(r: DeviceRow): Device {
  return {
    id: r.id,
    category: r.category as Device['category'],
    brand: r.brand,
    model: r.model,
    imei: r.imei ?? '',
    imei2: r.imei2 ?? '',
    serial: r.serial ?? '',
    colour: r.colour,
    purchaseDate: r.purchase_date,
    proof: { kind: r.proof_kind as Device['proof']['kind'], invoiceNo: r.invoice_no, invoiceDate: r.invoice_date, seller: r.seller },
    factoryDate: r.factory_date,
    purchasePriceFen: r.purchase_price_fen,
    ownerCustomerId: r.owner_customer_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function toSummary(d: Device | DeviceRow): DeviceSummary {
  const dev = 'createdAt' in d ? d : toDevice(d);
  return {
    id: dev.id,
    category: dev.category,
    brand: dev.brand,
    model: dev.model,
    imei: dev.imei,
    serial: dev.serial,
    colour: dev.colour,
    ownerCustomerId: dev.ownerCustomerId,
  };
}

export function loadDevice(sqlite: Database.Database, id: string): Device {
  const r = statement<DeviceRow>(sqlite, `SELECT ${COLUMNS} FROM devices WHERE id = ?`).get(id);
  if (!r) throw new AppError('NOT_FOUND', { details: { entity: 'device', id } });
  return toDevice(r);
}

export function devicesOwnedBy(sqlite: Database.Database, customerId: string): DeviceSummary[] {
  return statement<DeviceRow>(sqlite, `SELECT ${COLUMNS} FROM devices WHERE owner_customer_id = ? ORDER BY id DESC LIMIT 100`).all(customerId).map(
    toSummary,
  );
}

const blank = (s: string | undefined | null) => (s ? s : null);

/** Another device already carrying one of these identifiers: which field collides, and with whom. */
export function identityClash(
  sqlite: Database.Database,
  d: { imei?: string | null; imei2?: string | null; serial?: string | null },
  exceptId: string | null,
): { field: 'imei' | 'imei2' | 'serial'; deviceId: string } | null {
  const byImei = statement<{ id: string }>(sqlite, `SELECT id FROM devices WHERE (imei = ? OR imei2 = ?) AND id IS NOT ? LIMIT 1`);
  const bySerial = statement<{ id: string }>(sqlite, `SELECT id FROM devices WHERE serial = ? AND id IS NOT ? LIMIT 1`);
  for (const field of ['imei', 'imei2'] as const) {
    const v = blank(d[field]);
    if (!v) continue;
    const hit = byImei.get(v, v, exceptId);
    if (hit) return { field, deviceId: hit.id };
  }
  const s = blank(d.serial);
  if (s) {
    const hit = bySerial.get(s, exceptId);
    if (hit) return { field: 'serial', deviceId: hit.id };
  }
  return null;
}

export function insertDevice(ctx: Ctx, d: NewDevice, ownerId: string): string {
  const id = ctx.newId();
  const now = ctx.nowIso();
  const proof = d.proof.kind === 'none' ? { kind: 'none', invoiceNo: '', invoiceDate: null, seller: '' } : d.proof;
  prepared(
    ctx.sqlite,
    `INSERT INTO devices (id, category, brand, model, imei, imei2, serial, colour, purchase_date, proof_kind, invoice_no, invoice_date, seller,
       factory_date, purchase_price_fen, owner_customer_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    d.category,
    d.brand,
    d.model,
    blank(d.imei),
    blank(d.imei2),
    blank(d.serial),
    d.colour,
    d.purchaseDate ?? null,
    proof.kind,
    proof.invoiceNo,
    proof.invoiceDate,
    proof.seller,
    d.factoryDate ?? null,
    d.purchasePriceFen ?? null,
    ownerId,
    now,
    now,
  );
  recordOwner(ctx, id, ownerId, null);
  return id;
}

/** Appends an ownership row and points the device at its new owner. */
export function recordOwner(ctx: Ctx, deviceId: string, customerId: string, ticketId: string | null) {
  prepared(ctx.sqlite, `INSERT INTO device_owners (id, device_id, customer_id, at, ticket_id) VALUES (?, ?, ?, ?, ?)`).run(
    ctx.newId(),
    deviceId,
    customerId,
    ctx.nowIso(),
    ticketId,
  );
  prepared(ctx.sqlite, `UPDATE devices SET owner_customer_id = ?, updated_at = ? WHERE id = ? AND owner_customer_id IS NOT ?`).run(
    customerId,
    ctx.nowIso(),
    deviceId,
    customerId,
  );
}

export function ownersOf(sqlite: Database.Database, deviceId: string) {
  const rows = statement<{ customer_id: string; name: string; at: string; ticket_id: string | null }>(
    sqlite,
    `SELECT o.customer_id, c.name, o.at, o.ticket_id FROM device_owners o JOIN customers c ON c.id = o.customer_id WHERE o.device_id = ? ORDER BY o.at, o.id`,
  ).all(deviceId);
  return rows.map((r, i) => ({ customerId: r.customer_id, customerName: r.name, from: r.at, to: rows[i + 1]?.at ?? null, ticketId: r.ticket_id }));
}
