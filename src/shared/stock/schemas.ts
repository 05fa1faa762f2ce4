import { z } from 'zod';
import { MAX_FEN, fenAmountSchema } from '../money/limits';

/** Stock's shapes, declared once; types come from z.infer. Money is integer fen, quantities integers. */

export const PART_KINDS = ['part', 'loaner'] as const;
export const PART_GRADES = ['original', 'certified'] as const;
export const PART_SOURCES = ['local', 'hq'] as const;
/** Every kind of ledger line. The sign of qty says in (+) or out (−); the kind says why. */
export const MOVEMENT_KINDS = [
  'receive',
  'issue',
  'return',
  'adjust',
  'stocktake',
  'transfer_out',
  'transfer_in',
  'faulty_return',
  'loan_out',
  'loan_in',
] as const;
export const SERIAL_STATUSES = ['in_stock', 'issued', 'on_loan', 'faulty', 'transferred', 'written_off'] as const;
export const RESERVATION_STATUSES = ['open', 'issued', 'released'] as const;
export const STOCKTAKE_STATUSES = ['counting', 'posted', 'cancelled'] as const;
export const OLD_PART_STATUSES = ['in_bin', 'shipped', 'confirmed'] as const;
export const SHIPMENT_STATUSES = ['shipped', 'closed'] as const;
export const LOAN_STATUSES = ['out', 'returned'] as const;

export const partKindSchema = z.enum(PART_KINDS);
export const partGradeSchema = z.enum(PART_GRADES);
export const movementKindSchema = z.enum(MOVEMENT_KINDS);
export const serialStatusSchema = z.enum(SERIAL_STATUSES);

export const skuSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, { message: 'stock.validation.sku' });
export const serialSchema = z.string().trim().min(1).max(64);
export const qtySchema = z
  .number({ message: 'stock.validation.qtyWhole' })
  .int({ message: 'stock.validation.qtyWhole' })
  .min(1, { message: 'stock.validation.qtyPositive' })
  .max(100_000);
export const fenSchema = fenAmountSchema({ whole: 'stock.validation.fenWhole', negative: 'stock.validation.fenNegative', tooLarge: 'stock.validation.fenTooLarge' });
export const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'stock.validation.date' });
const idSchema = z.string().min(1).max(100);
const text = (max: number) => z.string().trim().max(max).default('');

/** What an admin types (or a CSV row holds) for one catalog part. */
export const partInputSchema = z
  .object({
    sku: skuSchema,
    barcode: text(64),
    nameZh: z.string().trim().min(1).max(120),
    nameEn: text(120),
    category: z.string().trim().min(1).max(40),
    models: z.array(z.string().trim().min(1).max(80)).max(200).default([]),
    grade: partGradeSchema.default('original'),
    kind: partKindSchema.default('part'),
    serialized: z.boolean().default(false),
    /** The part's own warranty once fitted (a replaced part's period, see DESIGN warranty). */
    warrantyDays: z.number().int().min(0).max(3650).default(90),
    listPrice: fenSchema,
    /** Head office's standard cost; the shop's real cost is the moving average of its receipts. */
    cost: fenSchema.default(0),
    active: z.boolean().default(true),
  })
  .strict()
  .refine((p) => p.kind !== 'loaner' || p.serialized, { path: ['serialized'], message: 'stock.validation.loanerSerialized' });
export type PartInput = z.infer<typeof partInputSchema>;

export const stockFiguresSchema = z.object({
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
  avgCost: z.number().int(),
  value: z.number().int(),
  bin: z.string(),
  reorderPoint: z.number().int(),
  reorderQty: z.number().int(),
});
export type StockFigures = z.infer<typeof stockFiguresSchema>;

export const partSchema = z.object({
  id: z.string(),
  sku: z.string(),
  barcode: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  category: z.string(),
  models: z.array(z.string()),
  grade: partGradeSchema,
  kind: partKindSchema,
  serialized: z.boolean(),
  warrantyDays: z.number().int(),
  listPrice: z.number().int(),
  cost: z.number().int(),
  active: z.boolean(),
  source: z.enum(PART_SOURCES),
  updatedAt: z.string(),
});
export type Part = z.infer<typeof partSchema>;

/** A part as every picker shows it: catalog data and this shop's figures. */
export const partRowSchema = partSchema.extend({ stock: stockFiguresSchema, matchedSerial: z.string().nullable() });
export type PartRow = z.infer<typeof partRowSchema>;

export const serialRowSchema = z.object({
  id: z.string(),
  serial: z.string(),
  status: serialStatusSchema,
  ticketId: z.string().nullable(),
  ticketNumber: z.string().nullable(),
  deviceId: z.string().nullable(),
  receivedAt: z.string(),
  updatedAt: z.string(),
});
export type SerialRow = z.infer<typeof serialRowSchema>;

export const movementSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  partId: z.string(),
  kind: movementKindSchema,
  qty: z.number().int(),
  unitCost: z.number().int(),
  avgCostAfter: z.number().int(),
  onHandAfter: z.number().int(),
  ticketId: z.string().nullable(),
  ticketNumber: z.string().nullable(),
  serials: z.array(z.string()),
  removedSerial: z.string().nullable(),
  reason: z.string(),
  supplier: z.string(),
  deliveryNote: z.string(),
  counterparty: z.string(),
  refId: z.string().nullable(),
  override: z.boolean(),
  note: z.string(),
  at: z.string(),
  byName: z.string().nullable(),
});
export type Movement = z.infer<typeof movementSchema>;

export const partDetailSchema = z.object({
  part: partRowSchema,
  serials: z.array(serialRowSchema),
  reservations: z.array(z.lazy(() => reservationSchema)),
});
export type PartDetail = z.infer<typeof partDetailSchema>;

/** A ticket named by its id or the number printed on its paperwork (typed or scanned). */
export const ticketRefSchema = z.string().trim().min(1).max(100);

export const receiveInputSchema = z
  .object({
    partId: idSchema,
    qty: qtySchema,
    unitCost: fenSchema,
    supplier: z.string().trim().min(1).max(80),
    deliveryNote: text(60),
    /** One per unit for a serialized part; none otherwise. */
    serials: z.array(serialSchema).max(1000).default([]),
    note: text(500),
  })
  .strict();
export type ReceiveInput = z.infer<typeof receiveInputSchema>;

export const issueInputSchema = z
  .object({
    partId: idSchema,
    ticket: ticketRefSchema,
    qty: qtySchema,
    serials: z.array(serialSchema).max(100).default([]),
    /** Issue beyond what is available (a manager only; audited). */
    override: z.boolean().default(false),
    /** The part taken out of the device: its serial, and whether it goes back to the brand (warranty repair). */
    removed: z
      .object({ serial: text(64), description: text(200), toOldPartsBin: z.boolean().default(true) })
      .strict()
      .optional(),
    note: text(500),
  })
  .strict();
export type IssueInput = z.infer<typeof issueInputSchema>;

export const returnInputSchema = z
  .object({ partId: idSchema, ticket: ticketRefSchema, qty: qtySchema, serials: z.array(serialSchema).max(100).default([]), reason: text(200) })
  .strict();
export type ReturnInput = z.infer<typeof returnInputSchema>;

export const adjustInputSchema = z
  .object({
    partId: idSchema,
    /** Signed: +found, −lost/damaged. */
    delta: z.number().int({ message: 'stock.validation.qtyWhole' }).min(-100_000).max(100_000).refine((d) => d !== 0, { message: 'stock.validation.deltaZero' }),
    reason: z.string().trim().min(2, { message: 'stock.validation.reasonRequired' }).max(200),
    serials: z.array(serialSchema).max(100).default([]),
  })
  .strict();
export type AdjustInput = z.infer<typeof adjustInputSchema>;

export const transferInputSchema = z
  .object({
    partId: idSchema,
    qty: qtySchema,
    /** The other shop's code. */
    counterparty: z.string().trim().min(1).max(40),
    reference: text(60),
    /** Cost of a transfer in (the sending shop's average); ignored going out. */
    unitCost: fenSchema.default(0),
    serials: z.array(serialSchema).max(1000).default([]),
  })
  .strict();
export type TransferInput = z.infer<typeof transferInputSchema>;

export const faultyReturnInputSchema = z
  .object({ partId: idSchema, qty: qtySchema, serials: z.array(serialSchema).max(100).default([]), reason: z.string().trim().min(2, { message: 'stock.validation.reasonRequired' }).max(200) })
  .strict();
export type FaultyReturnInput = z.infer<typeof faultyReturnInputSchema>;

export const stockSettingsInputSchema = z
  .object({
    partId: idSchema,
    bin: z.string().trim().max(20).default(''),
    reorderPoint: z.number().int().min(0).max(100_000).default(0),
    reorderQty: z.number().int().min(0).max(100_000).default(0),
  })
  .strict();
export type StockSettingsInput = z.infer<typeof stockSettingsInputSchema>;

export const reservationSchema = z.object({
  id: z.string(),
  partId: z.string(),
  sku: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  ticketId: z.string(),
  ticketNumber: z.string().nullable(),
  quoteId: z.string().nullable(),
  qty: z.number().int(),
  status: z.enum(RESERVATION_STATUSES),
  createdAt: z.string(),
});
export type Reservation = z.infer<typeof reservationSchema>;

export const reserveInputSchema = z
  .object({ partId: idSchema, ticket: ticketRefSchema, qty: qtySchema, quoteId: z.string().trim().max(100).optional() })
  .strict();
export type ReserveInput = z.infer<typeof reserveInputSchema>;

export const reorderRowSchema = z.object({
  partId: z.string(),
  sku: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  bin: z.string(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
  reorderPoint: z.number().int(),
  reorderQty: z.number().int(),
  suggested: z.number().int(),
  avgCost: z.number().int(),
  /** Tickets waiting for this part (reserved beyond stock). */
  waitingTickets: z.number().int(),
});
export type ReorderRow = z.infer<typeof reorderRowSchema>;

export const valuationSchema = z.object({
  totals: z.object({ skus: z.number().int(), units: z.number().int(), value: z.number().int() }),
  byCategory: z.array(z.object({ category: z.string(), skus: z.number().int(), units: z.number().int(), value: z.number().int() })),
  rows: z.array(z.object({ partId: z.string(), sku: z.string(), nameZh: z.string(), nameEn: z.string(), category: z.string(), onHand: z.number().int(), avgCost: z.number().int(), value: z.number().int() })),
  /** Rows are the most valuable first, at most `limit`; totals cover everything. */
  truncated: z.boolean(),
});
export type Valuation = z.infer<typeof valuationSchema>;

export const balanceCheckSchema = z.object({
  ok: z.boolean(),
  parts: z.number().int(),
  movements: z.number().int(),
  mismatches: z.array(
    z.object({ partId: z.string(), sku: z.string(), field: z.enum(['onHand', 'reserved', 'avgCost', 'serials']), ledger: z.number().int(), balance: z.number().int() }),
  ),
});
export type BalanceCheck = z.infer<typeof balanceCheckSchema>;

export const stocktakeSchema = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(STOCKTAKE_STATUSES),
  bins: z.array(z.string()).nullable(),
  note: z.string(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  postedAt: z.string().nullable(),
  postedByName: z.string().nullable(),
  totals: z.object({ lines: z.number().int(), counted: z.number().int(), uncounted: z.number().int(), shortQty: z.number().int(), overQty: z.number().int(), value: z.number().int() }),
});
export type Stocktake = z.infer<typeof stocktakeSchema>;

export const stocktakeLineSchema = z.object({
  partId: z.string(),
  sku: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  bin: z.string(),
  expected: z.number().int(),
  counted: z.number().int().nullable(),
  unitCost: z.number().int(),
  varianceQty: z.number().int(),
  varianceValue: z.number().int(),
  countedAt: z.string().nullable(),
});
export type StocktakeLine = z.infer<typeof stocktakeLineSchema>;

export const stocktakeCountInputSchema = z
  .object({
    stocktakeId: idSchema,
    /** The part by id, or a scanned SKU/barcode. */
    partId: idSchema.optional(),
    code: z.string().trim().min(1).max(64).optional(),
    /** 'add' for each scan (one more), 'set' for a typed count. */
    mode: z.enum(['add', 'set']).default('set'),
    qty: z.number().int().min(0, { message: 'stock.validation.countNegative' }).max(100_000).default(1),
  })
  .strict()
  .refine((v) => !!v.partId !== !!v.code, { path: ['code'], message: 'stock.validation.partOrCode' });

export const oldPartSchema = z.object({
  id: z.string(),
  partId: z.string().nullable(),
  sku: z.string().nullable(),
  description: z.string(),
  ticketId: z.string().nullable(),
  ticketNumber: z.string().nullable(),
  deviceId: z.string().nullable(),
  serial: z.string(),
  /** The new part that replaced it (serial), when there was one. */
  replacedBySerial: z.string().nullable(),
  source: z.enum(['device', 'stock']),
  status: z.enum(OLD_PART_STATUSES),
  shipmentId: z.string().nullable(),
  createdAt: z.string(),
  confirmedAt: z.string().nullable(),
});
export type OldPart = z.infer<typeof oldPartSchema>;

export const shipmentSchema = z.object({
  id: z.string(),
  number: z.string(),
  carrier: z.string(),
  trackingNo: z.string(),
  shippedOn: z.string(),
  status: z.enum(SHIPMENT_STATUSES),
  lines: z.number().int(),
  confirmed: z.number().int(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});
export type Shipment = z.infer<typeof shipmentSchema>;

export const loanSchema = z.object({
  id: z.string(),
  partId: z.string(),
  sku: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  serial: z.string(),
  ticketId: z.string(),
  ticketNumber: z.string().nullable(),
  depositFen: z.number().int(),
  status: z.enum(LOAN_STATUSES),
  outAt: z.string(),
  returnedAt: z.string().nullable(),
  /** Whole days out (to today, or to the return), in the shop's time zone. */
  days: z.number().int(),
  note: z.string(),
});
export type Loan = z.infer<typeof loanSchema>;

export const importReportSchema = z.object({
  totalRows: z.number().int(),
  goodRows: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), sku: z.string(), field: z.string(), message: z.string() })),
  /** False when the file had errors and the good rows were not accepted: nothing was written. */
  committed: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
});
export type ImportReport = z.infer<typeof importReportSchema>;
