/**
 * Head office's review of the shops' warranty claims (保修索赔审核): the queue, a claim's detail,
 * the three decisions (approve with an amount, reject with a reason, send back for correction
 * with a reason and a date), payment batches and the reconciliation of claimed, approved and paid.
 * Decisions reach the claim's shop as the pulled kind `warranty.claimDecision` (src/shared/sync/kinds.ts).
 */
import { z } from 'zod';
import { CLAIM_PAYERS } from '../collection/schemas';

const id = z.string().min(1).max(100);
const period = z.string().regex(/^\d{4}-\d{2}$/, { message: 'collection.validation.period' });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'collection.validation.date' });
const fen = z.number().int({ message: 'collection.validation.fenWhole' }).min(0, { message: 'collection.validation.fenNegative' }).max(1e12, { message: 'collection.validation.fenTooLarge' });
const reason = z.string().trim().min(1, { message: 'collection.validation.reasonRequired' }).max(300);

/**
 * Where a claim stands, seen from head office: `draft` (the shop has not submitted it),
 * `submitted` (waiting for review), `resubmitted` (corrected by the shop after a rejection or a
 * return), `approved`, `rejected`, `returned` (sent back for correction), `paid`; `shop_decided`
 * for a claim the shop settled itself before it was enrolled.
 */
export const REVIEW_STATES = ['submitted', 'resubmitted', 'returned', 'rejected', 'approved', 'paid', 'draft', 'shop_decided'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
/** Head office's decisions; `paid` is recorded by a payment batch. */
export const CLAIM_DECISIONS = ['approved', 'rejected', 'returned', 'paid'] as const;
export type ClaimDecisionKind = (typeof CLAIM_DECISIONS)[number];

export const claimsQueueSchema = z
  .object({
    shopId: id.optional(),
    state: z.enum(REVIEW_STATES).optional(),
    payer: z.enum(CLAIM_PAYERS).optional(),
    period: period.optional(),
    limit: z.number().int().min(1).max(1000).default(300),
  })
  .strict();
export const claimRefSchema = z.object({ shopId: id, claimId: id }).strict();
export const claimDecideSchema = z.discriminatedUnion('decision', [
  z.object({ shopId: id, claimId: id, decision: z.literal('approved'), approvedFen: fen.optional(), reason: z.string().trim().max(300).default('') }).strict(),
  z.object({ shopId: id, claimId: id, decision: z.literal('rejected'), reason }).strict(),
  z.object({ shopId: id, claimId: id, decision: z.literal('returned'), reason, correctBy: date }).strict(),
]);
export const paymentBatchSchema = z
  .object({
    shopId: id,
    period,
    reference: z.string().trim().min(1, { message: 'collection.validation.reasonRequired' }).max(100),
    payments: z.array(z.object({ claimId: id, paidFen: fen }).strict()).min(1).max(1000),
  })
  .strict();
export const reconciliationSchema = z.object({ period: period.optional(), shopId: id.optional() }).strict();

/** What head office publishes to the claim's shop (kind warranty.claimDecision, id = the claim's id). */
export const claimDecisionDataSchema = z
  .object({
    decision: z.enum(CLAIM_DECISIONS),
    reason: z.string().max(300).default(''),
    correctBy: date.nullable().default(null),
    approvedFen: fen.nullable().default(null),
    paidFen: fen.nullable().default(null),
    /** Head office's instant of the decision; the shop keeps it as the claim's decided_at (or paid_at), so head office knows the shop applied it. */
    decidedAt: z.string().min(1).max(40),
    reviewer: z.string().max(60).default(''),
    reference: z.string().max(100).default(''),
  })
  .strict();
export type ClaimDecisionData = z.infer<typeof claimDecisionDataSchema>;

// Outputs ---------------------------------------------------------------------------------------

export interface HqClaimDecision {
  id: string;
  decision: ClaimDecisionKind;
  reason: string;
  correctBy: string | null;
  approvedFen: number | null;
  paidFen: number | null;
  reference: string;
  at: string;
  by: string;
}

export interface HqClaimRow {
  shopId: string;
  shopCode: string;
  shopName: string;
  claimId: string;
  number: string;
  ticketNumber: string;
  device: string;
  payer: string;
  period: string;
  /** The status in the shop's own record, as last synced. */
  shopStatus: string;
  state: ReviewState;
  claimedFen: number;
  approvedFen: number | null;
  paidFen: number | null;
  submittedAt: string | null;
  /** The last decision has reached the shop (its synced record carries it); false: not pulled yet. */
  shopApplied: boolean;
  correctBy: string | null;
  lastDecision: HqClaimDecision | null;
}

export interface HqClaimLine {
  position: number;
  kind: string;
  sku: string | null;
  description: string;
  qty: number;
  unitPriceFen: number;
  amountFen: number;
  newSerials: string[];
  removedSerial: string | null;
  /** The quote line's warranty decision (三包), when the claim line came from one. */
  coverage: string | null;
  warrantyStatus: string | null;
  warrantyPart: string | null;
  endDate: string | null;
  reasons: string[];
}

export interface HqClaimDetail extends HqClaimRow {
  note: string;
  rejectReason: string;
  lines: HqClaimLine[];
  ticket: { number: string; receivedAt: string | null; fault: string; serviceType: string | null } | null;
  deviceInfo: { category: string; brand: string; model: string; imei: string | null; imei2: string | null; serial: string | null; purchaseDate: string | null; invoiceDate: string | null } | null;
  diagnosis: string | null;
  /** 三包 return or exchange decided for the ticket. */
  sanbao: { option: string; purchasePriceFen: number; daysUsed: number; depreciationFen: number; refundFen: number; oldSerial: string | null; newSerial: string | null; note: string }[];
  /** The ticket's photos: captions, and the small thumbnail the shop made (the full pictures are synced too, not shown here). */
  photos: { id: string; name: string; caption: string; thumb: string | null }[];
  decisions: HqClaimDecision[];
}

export interface ReconciliationRow {
  shopId: string;
  shopCode: string;
  shopName: string;
  period: string;
  claims: number;
  claimedFen: number;
  approvedFen: number;
  paidFen: number;
  /** approved − paid: what head office still owes or did not pay. */
  unpaidFen: number;
  /** claimed − paid. */
  differenceFen: number;
}
export interface PaymentBatch {
  id: string;
  shopId: string;
  period: string;
  reference: string;
  totalFen: number;
  claims: number;
  at: string;
  by: string;
}
