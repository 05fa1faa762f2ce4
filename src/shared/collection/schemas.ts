/**
 * Collection's shapes: hand-back with identity check and settlement, payments (append-only:
 * deposits, settlements, refunds, voids), warranty claims to the payers, the daily close.
 * Types come from z.infer; money is integer fen.
 */
import { z } from 'zod';
import { managerApprovalSchema, sanbaoRefundPaidSchema } from '../bench/schemas';
import { payerAmountsSchema } from '../warranty/schemas';
import { cashMovementSchema } from './till';

export const TENDERS = ['cash', 'card', 'wechat', 'alipay', 'transfer'] as const;
export const tenderSchema = z.enum(TENDERS);
export type Tender = z.infer<typeof tenderSchema>;

/** deposit: taken at intake; settlement: paid at collection; refund / void: money given back (negative amounts). */
export const PAYMENT_KINDS = ['deposit', 'settlement', 'refund', 'void'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

export const CLAIM_PAYERS = ['maker', 'extended_warranty', 'insurer'] as const;
export const claimPayerSchema = z.enum(CLAIM_PAYERS);
export type ClaimPayer = z.infer<typeof claimPayerSchema>;
export const CLAIM_STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'paid'] as const;
export const claimStatusSchema = z.enum(CLAIM_STATUSES);
export type ClaimStatus = z.infer<typeof claimStatusSchema>;

import { MAX_FEN, fenAmountSchema } from '../money/limits';
const fen = fenAmountSchema({ whole: 'collection.validation.fenWhole', negative: 'collection.validation.fenNegative', tooLarge: 'collection.validation.fenTooLarge' });
const id = z.string().min(1).max(100);
const text = (max: number) => z.string().trim().max(max).default('');
export const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'collection.validation.date' });

export const tenderLineSchema = z
  .object({
    tender: tenderSchema,
    amountFen: fen,
    /** Cash only: what the customer handed over; the change is the difference. */
    receivedFen: fen.optional(),
    /** Slip, transaction or transfer number (required for every tender but cash). */
    reference: text(60),
  })
  .strict();
export type TenderLineInput = z.infer<typeof tenderLineSchema>;

export const identitySchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('phone_last4'), last4: z.string().regex(/^\d{4}$/, { message: 'collection.validation.last4' }) }).strict(),
  z
    .object({
      method: z.literal('id_document'),
      /** A third party picking up: their name, ID type and number (only its last four are kept) and relation. */
      name: z.string().trim().min(1, { message: 'collection.validation.nameRequired' }).max(60),
      idType: z.enum(['resident_id', 'passport', 'other']).default('resident_id'),
      idNumber: z.string().trim().min(4, { message: 'collection.validation.idNumber' }).max(30, { message: 'collection.validation.idNumber' }),
      relation: text(40),
    })
    .strict(),
]);
export type IdentityInput = z.infer<typeof identitySchema>;

const discountBp = z
  .number({ message: 'collection.validation.discountPercent' })
  .int({ message: 'collection.validation.discountPercent' })
  .min(0, { message: 'collection.validation.discountNegative' })
  .max(10_000, { message: 'collection.validation.discountOver100' });
const discountFen = z
  .number({ message: 'collection.validation.fenWhole' })
  .int({ message: 'collection.validation.fenWhole' })
  .min(0, { message: 'collection.validation.discountNegative' })
  .max(MAX_FEN, { message: 'collection.validation.discountOver100' });

export const collectInputSchema = z
  .object({
    ticketId: id,
    identity: identitySchema,
    /** A counter discount: a share (basis points, 1000 = 10 %) or an amount; above the shop's threshold a manager's PIN. */
    discountBp: discountBp.optional(),
    discountFen: discountFen.optional(),
    discountReason: text(200),
    tenders: z.array(tenderLineSchema).max(6).default([]),
    /** Where a credit (deposit above the total) goes back to the customer. */
    refundTender: tenderSchema.default('cash'),
    /**
     * A 三包 return: how the refund the manager approved (purchase price less depreciation) is
     * paid to the customer at hand-back: cash, card (back to the card paid with), WeChat Pay,
     * Alipay or transfer, with its reference (every tender but cash). Required while it is due.
     */
    sanbaoRefund: z.object({ tender: tenderSchema, reference: text(60) }).strict().optional(),
    /** An unpaid balance: only with a manager's recorded decision and its reason. */
    balance: z.object({ reason: z.string().trim().min(1, { message: 'collection.validation.reasonRequired' }).max(300) }).strict().optional(),
    /** Hand back although the loaner is still out: a manager (or a manager's PIN), audited. */
    loanerOverride: z.boolean().default(false),
    approval: managerApprovalSchema.optional(),
    note: text(500),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.discountBp !== undefined && v.discountFen !== undefined) ctx.addIssue({ code: 'custom', path: ['discountFen'], message: 'collection.validation.discountOne' });
    if (((v.discountBp ?? 0) > 0 || (v.discountFen ?? 0) > 0) && !v.discountReason) ctx.addIssue({ code: 'custom', path: ['discountReason'], message: 'collection.validation.reasonRequired' });
  });
export type CollectInput = z.infer<typeof collectInputSchema>;
export type CollectInputRaw = z.input<typeof collectInputSchema>;

export const paymentSchema = z.object({
  id: z.string(),
  ticketId: z.string(),
  ticketNumber: z.string().nullable(),
  collectionId: z.string().nullable(),
  kind: z.enum(PAYMENT_KINDS),
  tender: tenderSchema,
  /** Signed: money in is positive, money given back negative. */
  amountFen: z.number().int(),
  receivedFen: z.number().int(),
  changeFen: z.number().int(),
  reference: z.string(),
  reversesId: z.string().nullable(),
  reason: z.string(),
  approvedBy: z.string().nullable(),
  businessDate: z.string(),
  at: z.string(),
  byUserId: z.string().nullable(),
  byName: z.string().nullable(),
  /** A void was recorded against it. */
  voided: z.boolean(),
});
export type Payment = z.infer<typeof paymentSchema>;

export const settlementSchema = z.object({
  customerDueFen: z.number().int(),
  discountFen: z.number().int(),
  chargeFen: z.number().int(),
  tax: z.object({ grossFen: z.number().int(), netFen: z.number().int(), taxFen: z.number().int(), rateBp: z.number().int(), pricesIncludeTax: z.boolean() }),
  totalFen: z.number().int(),
  depositFen: z.number().int(),
  paidFen: z.number().int(),
  dueNowFen: z.number().int(),
});

export const workLineSchema = z.object({
  kind: z.string(),
  sku: z.string().nullable(),
  description: z.string(),
  qty: z.number().int(),
  unitPriceFen: z.number().int(),
  amountFen: z.number().int(),
  payers: payerAmountsSchema,
});
export type WorkLine = z.infer<typeof workLineSchema>;

export const replacedPartSchema = z.object({
  partId: z.string(),
  sku: z.string(),
  name: z.string(),
  qty: z.number().int(),
  serials: z.array(z.string()),
  removedSerial: z.string().nullable(),
  /** The part's own warranty in days (catalog). */
  partDays: z.number().int(),
  /** The engine's replaced-part rule: later of the original coverage end and completion + the part's period. */
  warrantyEnd: z.string(),
  warrantyPaid: z.boolean(),
});
export type ReplacedPart = z.infer<typeof replacedPartSchema>;

export const collectionRecordSchema = z.object({
  id: z.string(),
  ticketId: z.string(),
  identityMethod: z.enum(['phone_last4', 'id_document']),
  pickupName: z.string(),
  pickupIdType: z.string(),
  pickupIdMasked: z.string(),
  pickupRelation: z.string(),
  customerDueFen: z.number().int(),
  discountFen: z.number().int(),
  discountReason: z.string(),
  totalFen: z.number().int(),
  taxFen: z.number().int(),
  depositAppliedFen: z.number().int(),
  paidNowFen: z.number().int(),
  changeFen: z.number().int(),
  refundedFen: z.number().int(),
  balanceFen: z.number().int(),
  balanceReason: z.string(),
  approvedBy: z.string().nullable(),
  loanerOverride: z.boolean(),
  passcodeErased: z.boolean(),
  collectedAt: z.string(),
  collectedBy: z.string().nullable(),
  collectedByName: z.string().nullable(),
});
export type CollectionRecord = z.infer<typeof collectionRecordSchema>;

export const collectionViewSchema = z.object({
  ticket: z.object({
    id: z.string(),
    number: z.string(),
    status: z.string(),
    outcome: z.string().nullable(),
    receivedAt: z.string(),
    readyAt: z.string().nullable(),
    fault: z.string(),
    cause: z.string(),
    technician: z.string().nullable(),
    customerName: z.string(),
    phonesMasked: z.array(z.string()),
    device: z.object({ category: z.string(), brand: z.string(), model: z.string(), imei: z.string().nullable(), serial: z.string().nullable(), colour: z.string() }),
    passcodeGiven: z.boolean(),
    accessories: z.array(z.string()),
  }),
  lines: z.array(workLineSchema),
  quote: z.object({ version: z.number().int(), declined: z.boolean(), covered: z.boolean(), payers: payerAmountsSchema }).nullable(),
  parts: z.array(replacedPartSchema),
  warranty: z.object({
    unitEnd: z.string().nullable(),
    repairWarrantyDays: z.number().int(),
    repairWarrantyUntil: z.string(),
    reasons: z.array(z.string()),
  }),
  sanbao: z
    .object({
      option: z.string(),
      oldImei: z.string().nullable(),
      oldSerial: z.string().nullable(),
      newImei: z.string().nullable(),
      newSerial: z.string().nullable(),
      exchangeDate: z.string().nullable(),
      /** A return: what the customer gets back (purchase price − depreciation), as approved. */
      refundFen: z.number().int(),
      purchasePriceFen: z.number().int(),
      depreciationFen: z.number().int(),
      daysUsed: z.number().int(),
      approvedByName: z.string().nullable(),
      /** The refund as paid; null while due (a return with refundFen > 0 pays it at hand-back). */
      refundPaid: sanbaoRefundPaidSchema.nullable(),
    })
    .nullable(),
  loaner: z.object({ out: z.boolean(), sku: z.string().nullable(), serial: z.string().nullable(), depositFen: z.number().int() }),
  payments: z.array(paymentSchema),
  settlement: settlementSchema,
  discountManagerAboveBp: z.number().int(),
  today: z.string(),
  dayClosed: z.boolean(),
  /** Why it cannot be handed back now (translated), empty when it can. */
  blockers: z.array(z.string()),
  collection: collectionRecordSchema.nullable(),
});
export type CollectionView = z.infer<typeof collectionViewSchema>;

export const refundInputSchema = z
  .object({
    ticketId: id,
    amountFen: fen.refine((n) => n > 0, { message: 'collection.validation.tenderPositive' }),
    tender: tenderSchema,
    reference: text(60),
    reason: z.string().trim().min(1, { message: 'collection.validation.reasonRequired' }).max(300),
    approval: managerApprovalSchema.optional(),
  })
  .strict();

export const voidInputSchema = z
  .object({
    paymentId: id,
    reason: z.string().trim().min(1, { message: 'collection.validation.reasonRequired' }).max(300),
    approval: managerApprovalSchema.optional(),
  })
  .strict();

export const claimLineSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  kind: z.string(),
  sku: z.string().nullable(),
  description: z.string(),
  qty: z.number().int(),
  unitPriceFen: z.number().int(),
  amountFen: z.number().int(),
  newSerials: z.array(z.string()),
  removedSerial: z.string().nullable(),
  oldPartId: z.string().nullable(),
  oldPartStatus: z.string().nullable(),
});

export const claimSchema = z.object({
  id: z.string(),
  number: z.string(),
  payer: claimPayerSchema,
  ticketId: z.string(),
  ticketNumber: z.string(),
  period: z.string(),
  status: claimStatusSchema,
  claimedFen: z.number().int(),
  approvedFen: z.number().int().nullable(),
  paidFen: z.number().int().nullable(),
  /** claimed − paid once paid (or approved − paid): what did not come back. */
  differenceFen: z.number().int().nullable(),
  rejectReason: z.string(),
  note: z.string(),
  device: z.string(),
  imei: z.string().nullable(),
  serial: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lines: z.array(claimLineSchema),
  /** Head office's last decision on the claim (an enrolled shop): returned = sent back to be corrected by `correctBy`. */
  review: z
    .object({
      decision: z.enum(['approved', 'rejected', 'returned', 'paid']),
      reason: z.string(),
      correctBy: z.string().nullable(),
      decidedAt: z.string(),
      reviewer: z.string(),
      reference: z.string(),
    })
    .nullable(),
});
export type Claim = z.infer<typeof claimSchema>;

export const claimStatusInputSchema = z
  .object({
    claimId: id,
    status: z.enum(['submitted', 'approved', 'rejected', 'paid']),
    /** approved: what the payer accepted (default the claimed amount). */
    approvedFen: fen.optional(),
    /** paid: what arrived (default the approved amount). */
    paidFen: fen.optional(),
    reason: text(300),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.status === 'rejected' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'collection.validation.reasonRequired' });
  });

export const claimsFilterSchema = z
  .object({
    payer: claimPayerSchema.optional(),
    status: claimStatusSchema.optional(),
    /** YYYY-MM of the collection. */
    period: z.string().regex(/^\d{4}-\d{2}$/, { message: 'collection.validation.period' }).optional(),
    ticketId: id.optional(),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();

export const closeFiguresSchema = z.object({
  byTender: z.array(z.object({ tender: tenderSchema, count: z.number().int(), inFen: z.number().int(), outFen: z.number().int(), netFen: z.number().int() })),
  salesFen: z.number().int(),
  depositsTakenFen: z.number().int(),
  refundsFen: z.number().int(),
  voidsFen: z.number().int(),
  netFen: z.number().int(),
  expectedCashFen: z.number().int(),
  payments: z.number().int(),
});

export const dailyCloseViewSchema = z.object({
  date: z.string(),
  scope: z.enum(['shop', 'user']),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  figures: closeFiguresSchema,
  /** Deposits of tickets collected that day, applied against their totals. */
  depositsAppliedFen: z.number().int(),
  tickets: z.object({ received: z.number().int(), ready: z.number().int(), collected: z.number().int() }),
  byUser: z.array(z.object({ userId: z.string().nullable(), name: z.string(), netFen: z.number().int(), cashFen: z.number().int(), payments: z.number().int() })),
  close: z
    .object({
      id: z.string(),
      countedCashFen: z.number().int(),
      expectedCashFen: z.number().int(),
      differenceFen: z.number().int(),
      reason: z.string(),
      closedAt: z.string(),
      closedBy: z.string().nullable(),
      closedByName: z.string().nullable(),
    })
    .nullable(),
  /** The shop's day is closed: no payment can be recorded on it. */
  locked: z.boolean(),
  /** The drawer: float, paid-outs and drops beside the cash taken; expectedFen is what the close counts against. */
  cash: z.object({
    takenFen: z.number().int(),
    floatFen: z.number().int(),
    payoutsFen: z.number().int(),
    dropsFen: z.number().int(),
    expectedFen: z.number().int(),
  }),
  cashMovements: z.array(cashMovementSchema),
});
export type DailyCloseView = z.infer<typeof dailyCloseViewSchema>;

export const dailyCloseInputSchema = z
  .object({
    date: dateSchema,
    /** shop: the manager's close of the whole day (locks it); user: one person's drawer. */
    scope: z.enum(['shop', 'user']).default('shop'),
    userId: id.optional(),
    countedCashFen: fen,
    reason: text(300),
  })
  .strict();
