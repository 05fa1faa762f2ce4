import { AppError } from '../../shared/api/errors';
import type { stockProcedures } from '../../shared/stock/procedures';
import type { SerialRow } from '../../shared/stock/schemas';
import type { Handlers } from '../api/context';
import { assertCatalogEditable, partByCode, partRow, requirePartRow, searchParts, upsertPart } from './catalog';
import { registerStockDocuments } from './documents';
import { registerPartsCatalogKind } from './pulled';
import { registerOldPartReceiptKind } from './hq-receipts';
import { shopSettingsView } from '../shop/settings';
import { importCatalog, importTemplate } from './import';
import { toMovement, type MovementRowDb } from './ledger';
import { getLoan, issueLoaner, listLoans, returnLoaner } from './loaners';
import { addOldPart, confirmShipment, createShipment, getShipment, listOldParts, listShipments } from './old-parts';
import { adjust, faultyReturn, issueToTicket, receive, returnFromTicket, transferIn, transferOut } from './operations';
import { checkBalances, reorderList, valuation } from './reports';
import { listReservations, releaseReservation, reserve } from './reservations';
import { run, statement } from '../db/statements';
import { cancelStocktake, countStocktake, getStocktake, listStocktakes, postStocktake, startStocktake, stocktakeLines } from './stocktake';
import { resolveTicket, ticketNumbers } from './tickets';

registerStockDocuments();
registerPartsCatalogKind();
registerOldPartReceiptKind();

type P = typeof stockProcedures;

const withPart = (ctx: { sqlite: import('better-sqlite3').Database }, m: MovementRowDb) => ({ movement: toMovement(ctx.sqlite, m), part: partRow(ctx.sqlite, m.part_id) });

export const stockHandlers: Handlers<P> = {
  'parts.search': (input, ctx) => searchParts(ctx.sqlite, input),

  'parts.get'(input, ctx) {
    const part = partRow(ctx.sqlite, input.id);
    const rows = statement<{ id: string; serial: string; status: SerialRow['status']; ticket_id: string | null; device_id: string | null; received_at: string; updated_at: string }>(ctx.sqlite, `SELECT id, serial, status, ticket_id, device_id, received_at, updated_at FROM stock_serials WHERE part_id = ?
       ORDER BY status <> 'in_stock', status <> 'on_loan', updated_at DESC LIMIT 300`).all(input.id);
    const numbers = ticketNumbers(ctx.sqlite, rows.map((r) => r.ticket_id));
    const serials = rows.map((r) => ({
      id: r.id,
      serial: r.serial,
      status: r.status,
      ticketId: r.ticket_id,
      ticketNumber: r.ticket_id ? (numbers.get(r.ticket_id) ?? null) : null,
      deviceId: r.device_id,
      receivedAt: r.received_at,
      updatedAt: r.updated_at,
    }));
    return { part, serials, reservations: listReservations(ctx.sqlite, { partId: input.id }) };
  },

  'parts.byCode'(input, ctx) {
    const hit = partByCode(ctx.sqlite, input.code);
    if (!hit) throw new AppError('NOT_FOUND', { key: 'stock.errors.unknownCode', params: { code: input.code } });
    return hit;
  },

  'parts.categories': (_input, ctx) => statement<{ category: string; parts: number }>(ctx.sqlite, `SELECT category, count(*) AS parts FROM parts GROUP BY category ORDER BY category`).all(),

  async 'parts.save'(input, ctx) {
    assertCatalogEditable(ctx.sqlite);
    const { id, created } = upsertPart(ctx, input.part, input.id);
    await ctx.audit(created ? 'parts.create' : 'parts.update', 'part', id, { sku: input.part.sku });
    return partRow(ctx.sqlite, id);
  },

  'parts.importTemplate': (input, ctx) => importTemplate(input.format, input.language ?? ctx.locale),
  async 'parts.import'(input, ctx) {
    assertCatalogEditable(ctx.sqlite);
    return importCatalog(ctx, input);
  },

  async 'stock.setSettings'(input, ctx) {
    requirePartRow(ctx.sqlite, input.partId);
    run(
      ctx.sqlite,
      `INSERT INTO stock_settings (part_id, bin, reorder_point, reorder_qty, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(part_id) DO UPDATE SET bin = excluded.bin, reorder_point = excluded.reorder_point, reorder_qty = excluded.reorder_qty,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      input.partId,
      input.bin,
      input.reorderPoint,
      input.reorderQty,
      ctx.nowIso(),
      ctx.me().userId,
    );
    return partRow(ctx.sqlite, input.partId);
  },

  'stock.movements'(input, ctx) {
    const rows = statement<MovementRowDb>(ctx.sqlite, `SELECT m.*, u.display_name AS by_name FROM stock_movements m LEFT JOIN users u ON u.id = m.user_id
       WHERE m.part_id = @partId AND m.n < @before AND (@kind IS NULL OR m.kind = @kind) ORDER BY m.n DESC LIMIT @limit`).all({ partId: input.partId, before: input.before ?? Number.MAX_SAFE_INTEGER, kind: input.kind ?? null, limit: input.limit });
    const numbers = ticketNumbers(ctx.sqlite, rows.map((r) => r.ticket_id));
    return rows.map((r) => toMovement(ctx.sqlite, r, numbers));
  },

  'stock.receive': (input, ctx) => withPart(ctx, receive(ctx, input)),
  'stock.issue': async (input, ctx) => withPart(ctx, await issueToTicket(ctx, input)),
  'stock.returnFromTicket': (input, ctx) => withPart(ctx, returnFromTicket(ctx, input)),
  'stock.adjust': async (input, ctx) => withPart(ctx, await adjust(ctx, input)),
  'stock.transferOut': (input, ctx) => withPart(ctx, transferOut(ctx, input)),
  'stock.transferIn': (input, ctx) => withPart(ctx, transferIn(ctx, input)),
  'stock.faultyReturn': (input, ctx) => withPart(ctx, faultyReturn(ctx, input)),

  'stock.reserve'(input, ctx) {
    const r = reserve(ctx, input);
    return { ...r, part: partRow(ctx.sqlite, input.partId) };
  },
  'stock.release': (input, ctx) => releaseReservation(ctx, input.id),
  'stock.reservations'(input, ctx) {
    const ticketId = input.ticket ? resolveTicket(ctx.sqlite, input.ticket).id : undefined;
    return listReservations(ctx.sqlite, { ticketId, partId: input.partId });
  },
  'stock.reorderList': (input, ctx) => reorderList(ctx.sqlite, input.limit),
  'stock.valuation': (input, ctx) => valuation(ctx.sqlite, input.limit),
  'stock.checkBalances': (_input, ctx) => checkBalances(ctx.sqlite),

  'stocktake.start': (input, ctx) => startStocktake(ctx, input),
  'stocktake.list': (input, ctx) => listStocktakes(ctx.sqlite, input.limit),
  'stocktake.get'(input, ctx) {
    const stocktake = getStocktake(ctx.sqlite, input.id);
    return { stocktake, ...stocktakeLines(ctx.sqlite, input.id, input) };
  },
  'stocktake.count': (input, ctx) => countStocktake(ctx, input),
  'stocktake.post': async (input, ctx) => (await postStocktake(ctx, input.id)).stocktake,
  'stocktake.cancel': (input, ctx) => cancelStocktake(ctx, input.id),

  'oldParts.list': (input, ctx) => listOldParts(ctx.sqlite, input),
  'oldParts.add': (input, ctx) => addOldPart(ctx, input),
  'shipments.create': (input, ctx) => createShipment(ctx, input),
  'shipments.list': (input, ctx) => listShipments(ctx.sqlite, input.limit),
  async 'shipments.confirm'(input, ctx) {
    // An enrolled shop's returns are received at head office; its receipts arrive by pull (stock.oldPartReceipt).
    if (shopSettingsView(ctx.sqlite)?.enrolled) throw new AppError('RULE', { key: 'stock.errors.shipmentReceivedByHq' });
    const before = getShipment(ctx.sqlite, input.shipmentId);
    const after = confirmShipment(ctx, input.shipmentId, input.oldPartIds);
    if (after.confirmed !== before.confirmed) await ctx.audit('stock.shipmentConfirmed', 'return_shipment', after.id, { confirmed: after.confirmed - before.confirmed });
    return after;
  },

  'loaners.issue': (input, ctx) => issueLoaner(ctx, input),
  'loaners.return': (input, ctx) => returnLoaner(ctx, input.loanId, input.note),
  'loaners.list'(input, ctx) {
    const ticketId = input.ticket ? resolveTicket(ctx.sqlite, input.ticket).id : undefined;
    return listLoans(ctx, { status: input.status, ticketId, limit: input.limit });
  },
};

export { getLoan };
