import { z } from 'zod';
import { procedure } from '../api/contract';
import { CATALOG_EDITORS, COUNTER_DESK, PARTS_ISSUERS, STOCK_MANAGERS, STOCK_STAFF } from './roles';
import {
  adjustInputSchema,
  balanceCheckSchema,
  dateSchema,
  faultyReturnInputSchema,
  fenSchema,
  importReportSchema,
  issueInputSchema,
  loanSchema,
  movementKindSchema,
  movementSchema,
  oldPartSchema,
  partDetailSchema,
  partInputSchema,
  partKindSchema,
  partRowSchema,
  receiveInputSchema,
  reorderRowSchema,
  reservationSchema,
  reserveInputSchema,
  returnInputSchema,
  serialSchema,
  shipmentSchema,
  stockSettingsInputSchema,
  stocktakeCountInputSchema,
  stocktakeLineSchema,
  stocktakeSchema,
  ticketRefSchema,
  transferInputSchema,
  valuationSchema,
} from './schemas';

const id = z.string().min(1).max(100);
const movementResult = z.object({ movement: movementSchema, part: partRowSchema });

/** Parts stock: catalog, per-shop stock, the movement ledger, reservations, stocktake, old parts, loaners. */
export const stockProcedures = {
  'parts.search': procedure({
    summary: 'Catalog search by SKU, barcode, serial (exact), name or compatible model, with this shop\'s on-hand / reserved / available.',
    input: z
      .object({
        q: z.string().trim().max(80).default(''),
        kind: partKindSchema.optional(),
        category: z.string().trim().max(40).optional(),
        inStockOnly: z.boolean().default(false),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    output: z.array(partRowSchema),
    access: STOCK_STAFF,
    kind: 'query',
  }),
  'parts.get': procedure({
    summary: 'One part with its stock figures, serials on hand or out, and open reservations.',
    input: z.object({ id }).strict(),
    output: partDetailSchema,
    access: STOCK_STAFF,
    kind: 'query',
  }),
  'parts.byCode': procedure({
    summary: 'The part a scanned code names: barcode, SKU or a serial (exact).',
    input: z.object({ code: z.string().trim().min(1).max(64) }).strict(),
    output: partRowSchema,
    access: STOCK_STAFF,
    kind: 'query',
  }),
  'parts.categories': procedure({
    summary: 'The catalog\'s categories with their part counts.',
    input: z.object({}).strict(),
    output: z.array(z.object({ category: z.string(), parts: z.number().int() })),
    access: STOCK_STAFF,
    kind: 'query',
  }),
  'parts.save': procedure({
    summary: 'Creates or updates a catalog part (by id, or by SKU for a new one). Admin only, and only while the shop is not enrolled with head office.',
    input: z.object({ id: id.optional(), part: partInputSchema }).strict(),
    output: partRowSchema,
    access: CATALOG_EDITORS,
    kind: 'mutation',
  }),
  'parts.import': procedure({
    summary:
      'Imports catalog parts from CSV or XLSX (base64). Answers a per-row error report; a file with errors imports nothing unless acceptGoodRows. Admin, not enrolled.',
    input: z
      .object({
        fileName: z.string().trim().min(1).max(200),
        contentBase64: z.string().min(1).max(20_000_000),
        acceptGoodRows: z.boolean().default(false),
      })
      .strict(),
    output: importReportSchema,
    access: CATALOG_EDITORS,
    kind: 'mutation',
  }),
  'stock.setSettings': procedure({
    summary: 'Bin location, reorder point and reorder quantity of a part in this shop.',
    input: stockSettingsInputSchema,
    output: partRowSchema,
    access: STOCK_MANAGERS,
    kind: 'mutation',
  }),
  'stock.movements': procedure({
    summary: 'The stock card: a part\'s movements, newest first, paged by sequence.',
    input: z
      .object({ partId: id, kind: movementKindSchema.optional(), before: z.number().int().optional(), limit: z.number().int().min(1).max(500).default(100) })
      .strict(),
    output: z.array(movementSchema),
    access: STOCK_STAFF,
    kind: 'query',
  }),
  'stock.receive': procedure({
    summary: 'Goods in: supplier, delivery note, unit cost (moving-average cost updated), one serial per unit for a serialized part.',
    input: receiveInputSchema,
    output: movementResult,
    access: STOCK_STAFF,
    kind: 'mutation',
  }),
  'stock.issue': procedure({
    summary:
      'Issues a part to a ticket (id or number). A serialized part names its serials; the removed part can be recorded (and put in the old-parts bin). More than available needs override by a manager.',
    input: issueInputSchema,
    output: movementResult,
    access: PARTS_ISSUERS,
    kind: 'mutation',
  }),
  'stock.returnFromTicket': procedure({
    summary: 'Takes an issued part back from a ticket into stock (at the cost it left with).',
    input: returnInputSchema,
    output: movementResult,
    access: PARTS_ISSUERS,
    kind: 'mutation',
  }),
  'stock.adjust': procedure({
    summary: 'A signed correction with a reason. Manager only; audited.',
    input: adjustInputSchema,
    output: movementResult,
    access: STOCK_MANAGERS,
    kind: 'mutation',
  }),
  'stock.transferOut': procedure({
    summary: 'Sends stock to another shop (its code and the transfer note).',
    input: transferInputSchema,
    output: movementResult,
    access: STOCK_MANAGERS,
    kind: 'mutation',
  }),
  'stock.transferIn': procedure({
    summary: 'Receives stock from another shop at the sending shop\'s cost.',
    input: transferInputSchema,
    output: movementResult,
    access: STOCK_MANAGERS,
    kind: 'mutation',
  }),
  'stock.faultyReturn': procedure({
    summary: 'Takes faulty stock (dead on arrival, failed at fitting) out of sellable stock into the old-parts bin, to go back to the brand.',
    input: faultyReturnInputSchema,
    output: movementResult,
    access: STOCK_STAFF,
    kind: 'mutation',
  }),
  'stock.reserve': procedure({
    summary: 'Reserves parts for a ticket\'s approved quote. Answers the shortage (reserved beyond stock), which puts the part on the reorder list.',
    input: reserveInputSchema,
    output: z.object({ reservation: reservationSchema, shortage: z.number().int(), part: partRowSchema }),
    access: STOCK_STAFF,
    kind: 'mutation',
  }),
  'stock.release': procedure({
    summary: 'Releases an open reservation (quote declined or revised).',
    input: z.object({ id }).strict(),
    output: reservationSchema,
    access: STOCK_STAFF,
    kind: 'mutation',
  }),
  'stock.reservations': procedure({
    summary: 'Open reservations, of one ticket (id or number) or of one part.',
    input: z.object({ ticket: ticketRefSchema.optional(), partId: id.optional() }).strict(),
    output: z.array(reservationSchema),
    access: STOCK_STAFF,
    kind: 'query',
  }),
  'stock.reorderList': procedure({
    summary: 'Parts at or below their reorder point, or reserved beyond stock, with a suggested order quantity.',
    input: z.object({ limit: z.number().int().min(1).max(5000).default(500) }).strict(),
    output: z.array(reorderRowSchema),
    access: STOCK_STAFF,
    kind: 'query',
  }),
  'stock.valuation': procedure({
    summary: 'Stock value at moving-average cost: totals, by category, and the most valuable lines.',
    input: z.object({ limit: z.number().int().min(0).max(50_000).default(200) }).strict(),
    output: valuationSchema,
    access: STOCK_MANAGERS,
    kind: 'query',
  }),
  'stock.checkBalances': procedure({
    summary: 'Proves the derived balances (on hand, reserved, average cost, serials in stock) equal what the ledger says.',
    input: z.object({}).strict(),
    output: balanceCheckSchema,
    access: STOCK_MANAGERS,
    kind: 'query',
  }),
  'stocktake.start': procedure({
    summary: 'Opens a stocktake (盘点) over some bins or all, freezing each part\'s expected count and cost.',
    input: z.object({ bins: z.array(z.string().trim().max(20)).max(200).optional(), note: z.string().trim().max(200).default('') }).strict(),
    output: stocktakeSchema,
    access: STOCK_STAFF,
    kind: 'mutation',
  }),
  'stocktake.list': procedure({
    summary: 'Stocktakes, newest first.',
    input: z.object({ limit: z.number().int().min(1).max(100).default(20) }).strict(),
    output: z.array(stocktakeSchema),
    access: STOCK_STAFF,
    kind: 'query',
  }),
  'stocktake.get': procedure({
    summary: 'A stocktake with its lines (optionally one bin, or only variances).',
    input: z.object({ id, bin: z.string().trim().max(20).optional(), onlyVariances: z.boolean().default(false) }).strict(),
    output: z.object({ stocktake: stocktakeSchema, lines: z.array(stocktakeLineSchema), bins: z.array(z.string()) }),
    access: STOCK_STAFF,
    kind: 'query',
  }),
  'stocktake.count': procedure({
    summary: 'Records a count: a scan adds one, a typed figure sets it.',
    input: stocktakeCountInputSchema,
    output: stocktakeLineSchema,
    access: STOCK_STAFF,
    kind: 'mutation',
  }),
  'stocktake.post': procedure({
    summary: 'A manager approves the stocktake: each counted variance is posted as a stocktake movement, once.',
    input: z.object({ id }).strict(),
    output: stocktakeSchema,
    access: STOCK_MANAGERS,
    kind: 'mutation',
  }),
  'stocktake.cancel': procedure({
    summary: 'Abandons a stocktake still counting; nothing is posted.',
    input: z.object({ id }).strict(),
    output: stocktakeSchema,
    access: STOCK_MANAGERS,
    kind: 'mutation',
  }),
  'oldParts.list': procedure({
    summary: 'The old-parts bin (旧件): parts removed in warranty repairs and faulty stock, by status.',
    input: z.object({ status: z.enum(['in_bin', 'shipped', 'confirmed']).optional(), shipmentId: id.optional(), limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    output: z.array(oldPartSchema),
    access: STOCK_STAFF,
    kind: 'query',
  }),
  'oldParts.add': procedure({
    summary: 'Puts a removed part into the old-parts bin by hand (ticket, serial, description).',
    input: z
      .object({ ticket: ticketRefSchema, partId: id.optional(), serial: z.string().trim().max(64).default(''), description: z.string().trim().min(1).max(200) })
      .strict(),
    output: oldPartSchema,
    access: STOCK_STAFF,
    kind: 'mutation',
  }),
  'shipments.create': procedure({
    summary: 'Batches old parts from the bin into a return shipment to head office (carrier, tracking number, date).',
    input: z
      .object({
        oldPartIds: z.array(id).min(1).max(1000),
        carrier: z.string().trim().min(1).max(40),
        trackingNo: z.string().trim().min(1).max(60),
        shippedOn: dateSchema,
      })
      .strict(),
    output: shipmentSchema,
    access: COUNTER_DESK,
    kind: 'mutation',
  }),
  'shipments.list': procedure({
    summary: 'Return shipments, newest first.',
    input: z.object({ limit: z.number().int().min(1).max(200).default(50) }).strict(),
    output: z.array(shipmentSchema),
    access: STOCK_STAFF,
    kind: 'query',
  }),
  'shipments.confirm': procedure({
    summary: 'Head office confirmed receipt of some lines (or all): they close; the shipment closes with its last line. Repeating it changes nothing.',
    input: z.object({ shipmentId: id, oldPartIds: z.array(id).max(1000).optional() }).strict(),
    output: shipmentSchema,
    access: COUNTER_DESK,
    kind: 'mutation',
  }),
  'loaners.issue': procedure({
    summary: 'Lends a loaner device (备用机) to a ticket\'s customer against a deposit.',
    input: z.object({ partId: id, serial: serialSchema, ticket: ticketRefSchema, depositFen: fenSchema, note: z.string().trim().max(200).default('') }).strict(),
    output: loanSchema,
    access: COUNTER_DESK,
    kind: 'mutation',
  }),
  'loaners.return': procedure({
    summary: 'The loaner comes back (before or at collection); it is in stock again.',
    input: z.object({ loanId: id, note: z.string().trim().max(200).default('') }).strict(),
    output: loanSchema,
    access: COUNTER_DESK,
    kind: 'mutation',
  }),
  'loaners.list': procedure({
    summary: 'Loans: those out (with days out, longest first), or recent ones of a ticket.',
    input: z.object({ status: z.enum(['out', 'returned']).optional(), ticket: ticketRefSchema.optional(), limit: z.number().int().min(1).max(500).default(200) }).strict(),
    output: z.array(loanSchema),
    access: STOCK_STAFF,
    kind: 'query',
  }),
};
