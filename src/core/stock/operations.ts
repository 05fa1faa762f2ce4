import { AppError } from '../../shared/api/errors';
import { issuableFor } from '../../shared/stock/availability';
import type { AdjustInput, FaultyReturnInput, IssueInput, ReceiveInput, ReturnInput, TransferInput } from '../../shared/stock/schemas';
import { requirePartRow, type PartRowDb } from './catalog';
import { balanceOf, checkSerialList, postMovement, requireSerials, serialsIn, setSerialStatus, type MovementRowDb, type StockCtx } from './ledger';
import { consumeReservations, reservedForTicket } from './reservations';
import { run, statement } from '../db/statements';
import { resolveTicket } from './tickets';

/**
 * The stock operations, one per movement kind. Each validates everything (part, ticket,
 * serials, quantities) and then writes, inside the caller's transaction: a refused operation
 * has written nothing once the transaction rolls back. The bench and collection call these
 * from their own handlers with their own ctx.
 */

function usablePart(ctx: StockCtx, partId: string, allowLoaner = false): PartRowDb {
  const part = requirePartRow(ctx.sqlite, partId);
  if (part.kind === 'loaner' && !allowLoaner) throw new AppError('RULE', { key: 'stock.errors.loanerIsNotPart', params: { sku: part.sku } });
  return part;
}

function assertOnHand(part: PartRowDb, qty: number): void {
  const bal = part.on_hand;
  if (bal - qty < 0) throw new AppError('RULE', { key: 'stock.errors.belowZero', params: { sku: part.sku, onHand: bal, qty }, details: { onHand: bal } });
}

/** Goods in from a supplier; serialized parts register one serial per unit. */
export function receive(ctx: StockCtx, input: ReceiveInput): MovementRowDb {
  const part = usablePart(ctx, input.partId, true);
  if (part.active !== 1) throw new AppError('RULE', { key: 'stock.errors.inactive', params: { sku: part.sku } });
  checkSerialList(part, input.qty, input.serials);
  const m = postMovement(ctx, {
    partId: part.id,
    kind: 'receive',
    qty: input.qty,
    unitCost: input.unitCost,
    supplier: input.supplier,
    deliveryNote: input.deliveryNote,
    serials: input.serials,
    note: input.note,
  });
  serialsIn(ctx, part, input.serials, m.id);
  return m;
}

/**
 * Issues parts to a ticket. A serialized part names the serials taken (each must be in stock);
 * they are then recorded against the ticket's device. More than the ticket may take (what is
 * free plus its own reservation) needs `override`, which only a manager may give (audited).
 * `removed` records the part taken out of the device; a warranty repair's goes to the old-parts bin.
 */
export async function issueToTicket(ctx: StockCtx, input: IssueInput): Promise<MovementRowDb> {
  const { sqlite } = ctx;
  const ticket = resolveTicket(sqlite, input.ticket);
  const part = usablePart(ctx, input.partId);
  checkSerialList(part, input.qty, input.serials);
  const serialIds = requireSerials(ctx, part, input.serials, ['in_stock']);
  const open = statement<{ ticketId: string; qty: number }>(sqlite, `SELECT ticket_id AS ticketId, qty - issued_qty AS qty FROM stock_reservations WHERE part_id = ? AND status = 'open' ORDER BY created_at, id`).all(part.id);
  const own = reservedForTicket(sqlite, part.id, ticket.id);
  const issuable = issuableFor(part.on_hand, open, ticket.id);
  const short = input.qty > issuable;
  if (short) {
    if (!input.override) {
      throw new AppError('RULE', {
        key: 'stock.errors.insufficient',
        params: { sku: part.sku, qty: input.qty, available: Math.max(0, issuable), onHand: part.on_hand, reserved: part.reserved - own },
        details: { onHand: part.on_hand, reserved: part.reserved, available: issuable },
      });
    }
    const role = ctx.session?.role;
    if (role !== 'manager' && role !== 'admin') throw new AppError('FORBIDDEN', { key: 'stock.errors.overrideManager', params: { role: role ?? '' } });
  }
  const removedSerial = input.removed?.serial || null;
  const m = postMovement(ctx, {
    partId: part.id,
    kind: 'issue',
    qty: -input.qty,
    ticketId: ticket.id,
    serials: input.serials,
    removedSerial,
    override: short,
    note: input.note,
  });
  setSerialStatus(ctx, serialIds, 'issued', m.id, ticket.id, ticket.deviceId);
  consumeReservations(ctx, part.id, ticket.id, input.qty);
  if (input.removed && input.removed.toOldPartsBin) {
    run(
      sqlite,
      `INSERT INTO old_parts (id, part_id, description, ticket_id, device_id, serial, replaced_by_serial, source, movement_id, status, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'device', NULL, 'in_bin', ?, ?)`,
      ctx.newId(),
      part.id,
      input.removed.description || part.name_zh,
      ticket.id,
      ticket.deviceId,
      input.removed.serial,
      input.serials[0] ?? null,
      ctx.nowIso(),
      ctx.session?.userId ?? null,
    );
  }
  if (short) {
    await ctx.audit('stock.issueOverride', 'part', part.id, { ticketId: ticket.id, qty: input.qty, available: issuable, movementId: m.id });
  }
  return m;
}

/** How many of a part a ticket holds now (issued minus returned). */
export function issuedToTicket(ctx: Pick<StockCtx, 'sqlite'>, partId: string, ticketId: string): number {
  return -statement<{ n: number }>(ctx.sqlite, `SELECT COALESCE(SUM(qty), 0) AS n FROM stock_movements WHERE ticket_id = ? AND part_id = ? AND kind IN ('issue', 'return')`).get(ticketId, partId)!.n;
}

/** A part comes back from a ticket unused (or the repair changed): only what the ticket holds. */
export function returnFromTicket(ctx: StockCtx, input: ReturnInput): MovementRowDb {
  const ticket = resolveTicket(ctx.sqlite, input.ticket);
  const part = usablePart(ctx, input.partId);
  checkSerialList(part, input.qty, input.serials);
  const held = issuedToTicket(ctx, part.id, ticket.id);
  if (held < input.qty) throw new AppError('RULE', { key: 'stock.errors.notIssuedToTicket', params: { sku: part.sku, issued: held, qty: input.qty } });
  const serialIds = requireSerials(ctx, part, input.serials, ['issued'], ticket.id);
  const m = postMovement(ctx, { partId: part.id, kind: 'return', qty: input.qty, ticketId: ticket.id, serials: input.serials, reason: input.reason });
  setSerialStatus(ctx, serialIds, 'in_stock', m.id);
  return m;
}

/** A manager's correction with a reason: found (+) or lost/damaged (−). Audited. */
export async function adjust(ctx: StockCtx, input: AdjustInput): Promise<MovementRowDb> {
  const part = usablePart(ctx, input.partId, true);
  checkSerialList(part, input.delta, input.serials);
  let serialIds: string[] = [];
  if (input.delta < 0) {
    assertOnHand(part, -input.delta);
    serialIds = requireSerials(ctx, part, input.serials, ['in_stock']);
  }
  const m = postMovement(ctx, { partId: part.id, kind: 'adjust', qty: input.delta, reason: input.reason, serials: input.serials });
  if (input.delta < 0) setSerialStatus(ctx, serialIds, 'written_off', m.id);
  else serialsIn(ctx, part, input.serials, m.id, ['written_off']);
  await ctx.audit('stock.adjust', 'part', part.id, { delta: input.delta, reason: input.reason, movementId: m.id });
  return m;
}

/** Sends stock to another shop: only what is not reserved for a ticket here. */
export function transferOut(ctx: StockCtx, input: TransferInput): MovementRowDb {
  const part = usablePart(ctx, input.partId, true);
  checkSerialList(part, input.qty, input.serials);
  const bal = balanceOf(ctx.sqlite, part.id);
  const available = bal.on_hand - bal.reserved;
  if (input.qty > available) {
    throw new AppError('RULE', {
      key: 'stock.errors.insufficient',
      params: { sku: part.sku, qty: input.qty, available: Math.max(0, available), onHand: bal.on_hand, reserved: bal.reserved },
    });
  }
  const serialIds = requireSerials(ctx, part, input.serials, ['in_stock']);
  const m = postMovement(ctx, { partId: part.id, kind: 'transfer_out', qty: -input.qty, counterparty: input.counterparty, deliveryNote: input.reference, serials: input.serials });
  setSerialStatus(ctx, serialIds, 'transferred', m.id);
  return m;
}

/** Stock from another shop, at that shop's cost (it joins the moving average like a receipt). */
export function transferIn(ctx: StockCtx, input: TransferInput): MovementRowDb {
  const part = usablePart(ctx, input.partId, true);
  checkSerialList(part, input.qty, input.serials);
  const m = postMovement(ctx, {
    partId: part.id,
    kind: 'transfer_in',
    qty: input.qty,
    unitCost: input.unitCost,
    counterparty: input.counterparty,
    deliveryNote: input.reference,
    serials: input.serials,
  });
  serialsIn(ctx, part, input.serials, m.id, ['transferred']);
  return m;
}

/**
 * Faulty stock (dead on arrival, failed at fitting) leaves sellable stock once, here, and
 * enters the old-parts bin, one line per unit. Shipping and head office's confirmation later
 * change those lines' status only; they never touch the ledger again.
 */
export function faultyReturn(ctx: StockCtx, input: FaultyReturnInput): MovementRowDb {
  const part = usablePart(ctx, input.partId);
  checkSerialList(part, input.qty, input.serials);
  assertOnHand(part, input.qty);
  const serialIds = requireSerials(ctx, part, input.serials, ['in_stock']);
  const m = postMovement(ctx, { partId: part.id, kind: 'faulty_return', qty: -input.qty, reason: input.reason, serials: input.serials });
  setSerialStatus(ctx, serialIds, 'faulty', m.id);
  const now = ctx.nowIso();
  for (let i = 0; i < input.qty; i++) {
    run(
      ctx.sqlite,
      `INSERT INTO old_parts (id, part_id, description, ticket_id, device_id, serial, replaced_by_serial, source, movement_id, status, created_at, created_by)
       VALUES (?, ?, ?, NULL, NULL, ?, NULL, 'stock', ?, 'in_bin', ?, ?)`,
      ctx.newId(),
      part.id,
      input.reason,
      input.serials[i] ?? '',
      m.id,
      now,
      ctx.session?.userId ?? null,
    );
  }
  return m;
}
