/**
 * The bench's shapes (diagnosis, price list, quotes, authorizations, time, QC, 三包 outcomes),
 * declared once; types come from z.infer. Money is integer fen, quantities whole numbers. Field
 * shapes are in fields.ts, time/parts/QC in work-schemas.ts, 三包 in sanbao-schemas.ts (all
 * exported from here too).
 */
import { z } from 'zod';
import { findingSchema, payerAmountsSchema, categorySchema } from '../warranty/schemas';
import { photoInputSchema, ticketStatusSchema, ticketRowSchema, ATTACHMENT_MIMES } from '../tickets/schemas';
import { dateSchema } from '../devices/schemas';
import { benchFenSchema, benchQtySchema, id, managerApprovalSchema, outcomeSchema, text } from './fields';
import { qcRecordSchema, timeLogSchema } from './work-schemas';
import { sanbaoRecordSchema } from './sanbao-schemas';
import { asReceivedSchema } from './received-schema';

export { benchFenSchema, benchQtySchema, outcomeSchema, managerApprovalSchema, type ManagerApproval } from './fields';
export * from './work-schemas';
export * from './sanbao-schemas';
export * from './received-schema';

// ---- shop settings of the bench ----

export const benchSettingsSchema = z.object({
  /** A quote discount above this share of the customer's total needs a manager's PIN (basis points; 500 = 5 %). */
  discountManagerAboveBp: z.number().int().min(0).max(10_000).default(500),
  /** QC must be done by someone other than the technician who did the work, or by a manager. */
  qcSecondPerson: z.boolean().default(false),
});
export type BenchSettings = z.infer<typeof benchSettingsSchema>;

// ---- price list ----

export const PRICE_KINDS = ['labor', 'fee'] as const;
export const priceKindSchema = z.enum(PRICE_KINDS);

export const priceItemInputSchema = z
  .object({
    id: id.optional(),
    code: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'bench.validation.code' }),
    kind: priceKindSchema,
    nameZh: z.string().trim().min(1).max(120),
    nameEn: text(120),
    /** A device category, or '' for every category. */
    category: z.union([categorySchema, z.literal('')]).default(''),
    priceFen: benchFenSchema,
    /** The fee a declined quote carries (检测费); one per category at most. */
    diagnosisFee: z.boolean().default(false),
    active: z.boolean().default(true),
  })
  .strict();
export type PriceItemInput = z.infer<typeof priceItemInputSchema>;

export const priceItemSchema = z.object({
  id: z.string(),
  code: z.string(),
  kind: priceKindSchema,
  nameZh: z.string(),
  nameEn: z.string(),
  category: z.string(),
  priceFen: z.number().int(),
  diagnosisFee: z.boolean(),
  active: z.boolean(),
  source: z.enum(['local', 'hq']),
  updatedAt: z.string(),
});
export type PriceItem = z.infer<typeof priceItemSchema>;

// ---- diagnosis ----

export const partNeededSchema = z.object({ partId: id.nullable().default(null), description: text(200), qty: benchQtySchema.default(1) }).strict();

export const diagnosisInputSchema = z
  .object({
    ticketId: id,
    cause: z.string().trim().min(1, { message: 'bench.validation.causeRequired' }).max(2000),
    notes: text(2000),
    /** Findings made on opening the device (liquid inside, impact): they add exclusions for the warranty engine. */
    findings: z.array(findingSchema).max(10).default([]),
    /** The fault is one of the regulation's listed performance faults (性能故障表). */
    performanceFault: z.boolean().default(false),
    partsNeeded: z.array(partNeededSchema).max(30).default([]),
    photos: z.array(photoInputSchema).max(8).default([]),
  })
  .strict();
export type DiagnosisInput = z.infer<typeof diagnosisInputSchema>;

export const diagnosisSchema = z.object({
  id: z.string(),
  ticketId: z.string(),
  cause: z.string(),
  notes: z.string(),
  findings: z.array(findingSchema),
  performanceFault: z.boolean(),
  partsNeeded: z.array(z.object({ partId: z.string().nullable(), description: z.string(), qty: z.number().int() })),
  photoIds: z.array(z.string()),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type Diagnosis = z.infer<typeof diagnosisSchema>;

// ---- quotes ----

export const LINE_KINDS = ['labor', 'fee', 'part', 'custom'] as const;
export const lineKindSchema = z.enum(LINE_KINDS);

export const quoteLineInputSchema = z
  .object({
    kind: lineKindSchema,
    /** labor/fee: the price-list item. */
    priceItemId: id.optional(),
    /** part: the catalog part. */
    partId: id.optional(),
    /** custom lines: what it is, its price and why it is not on the list. */
    description: text(200),
    unitPriceFen: benchFenSchema.optional(),
    reason: text(200),
    qty: benchQtySchema.default(1),
    /** The policy part the line works on ('battery'); null = the unit as a whole. */
    warrantyPart: z.string().regex(/^[a-z][a-z0-9_]{0,47}$/).nullable().default(null),
    /**
     * Custom lines: the technician marks the work as covered by the ticket's 三包 decision (the
     * part named by `warrantyPart`, or labour on the unit) and says why. Core asks the engine and
     * refuses the mark when the decision does not cover it.
     */
    covered: z.boolean().default(false),
    coverReason: text(200),
  })
  .strict()
  .superRefine((l, ctx) => {
    if (l.covered && l.kind !== 'custom') ctx.addIssue({ code: 'custom', path: ['covered'], message: 'bench.validation.coverCustomOnly' });
    if (l.covered && !l.coverReason) ctx.addIssue({ code: 'custom', path: ['coverReason'], message: 'bench.validation.coverReasonRequired' });
    if ((l.kind === 'labor' || l.kind === 'fee') && !l.priceItemId) ctx.addIssue({ code: 'custom', path: ['priceItemId'], message: 'bench.validation.priceItemRequired' });
    if (l.kind === 'part' && !l.partId) ctx.addIssue({ code: 'custom', path: ['partId'], message: 'bench.validation.partRequired' });
    if (l.kind === 'custom') {
      if (!l.description) ctx.addIssue({ code: 'custom', path: ['description'], message: 'bench.validation.descriptionRequired' });
      if (l.unitPriceFen === undefined) ctx.addIssue({ code: 'custom', path: ['unitPriceFen'], message: 'bench.validation.priceRequired' });
      if (!l.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'bench.validation.reasonRequired' });
    }
  });
export type QuoteLineInput = z.infer<typeof quoteLineInputSchema>;
export type QuoteLineInputRaw = z.input<typeof quoteLineInputSchema>;

export const quoteSaveInputSchema = z
  .object({
    ticketId: id,
    lines: z.array(quoteLineInputSchema).min(1, { message: 'bench.validation.linesRequired' }).max(60),
    discountFen: benchFenSchema.default(0),
    discountReason: text(200),
    estimatedCompletion: dateSchema.nullish(),
    note: text(1000),
    /** A manager's PIN, when the discount is above the shop's threshold and the caller is not a manager. */
    approval: managerApprovalSchema.optional(),
    /** Diagnosing: send the quote to the counter for the customer's approval (awaiting_approval) right away. */
    submit: z.boolean().default(false),
  })
  .strict();
export type QuoteSaveInput = z.infer<typeof quoteSaveInputSchema>;

export const lineDecisionViewSchema = z.object({
  status: z.enum(['covered', 'not_covered', 'partly_covered']),
  coverage: z.enum(['unit', 'main_part', 'accessory']),
  endDate: z.string().nullable(),
  reasons: z.array(z.string()),
});

export const quoteLineSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  kind: lineKindSchema,
  priceItemId: z.string().nullable(),
  partId: z.string().nullable(),
  sku: z.string().nullable(),
  description: z.string(),
  reason: z.string(),
  qty: z.number().int(),
  unitPriceFen: z.number().int(),
  amountFen: z.number().int(),
  warrantyPart: z.string().nullable(),
  /** A custom line the technician marked as covered: why (null = not marked). */
  coverReason: z.string().nullable(),
  payers: payerAmountsSchema,
  decision: lineDecisionViewSchema,
  /** Live stock of a part line (null for other lines). */
  availability: z.object({ onHand: z.number().int(), reserved: z.number().int(), available: z.number().int() }).nullable(),
});
export type QuoteLine = z.infer<typeof quoteLineSchema>;

export const quoteTotalsSchema = z.object({
  subtotalFen: z.number().int(),
  payers: payerAmountsSchema,
  discountFen: z.number().int(),
  /** What the customer pays: their share of the lines less the discount. */
  customerTotalFen: z.number().int(),
});
export type QuoteTotals = z.infer<typeof quoteTotalsSchema>;

export const AUTH_METHODS = ['signature', 'phone', 'paper', 'intake_consent', 'remote'] as const;
export const authMethodSchema = z.enum(AUTH_METHODS);

export const authorizationSchema = z.object({
  id: z.string(),
  ticketId: z.string(),
  quoteId: z.string(),
  quoteVersion: z.number().int(),
  decision: z.enum(['approved', 'declined']),
  method: authMethodSchema,
  /** The customer total the customer agreed to (the quote's at the time). */
  totalFen: z.number().int(),
  /** Pre-approved ceiling: revisions up to it need no new call. */
  capFen: z.number().int().nullable(),
  signerName: z.string(),
  attachmentId: z.string().nullable(),
  phoneNumber: z.string(),
  calledAt: z.string().nullable(),
  customerWords: z.string(),
  /** Remote (the status page): the phone's address head office saw; '' otherwise. */
  clientAddress: z.string(),
  /** Declined: the diagnosis fee charged (0 when waived) and who waived it. */
  feeFen: z.number().int(),
  feeWaivedBy: z.string().nullable(),
  note: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
  recordedByName: z.string().nullable(),
});
export type Authorization = z.infer<typeof authorizationSchema>;

export const quoteSchema = z.object({
  id: z.string(),
  ticketId: z.string(),
  version: z.number().int(),
  lines: z.array(quoteLineSchema),
  totals: quoteTotalsSchema,
  discountReason: z.string(),
  discountApprovedBy: z.string().nullable(),
  estimatedCompletion: z.string().nullable(),
  note: z.string(),
  policy: z.object({ id: z.string(), version: z.string() }).nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
});
export type Quote = z.infer<typeof quoteSchema>;

/** The ticket's quote state as the bench and the counter see it. */
export const quoteStateSchema = z.object({
  current: quoteSchema.nullable(),
  versions: z.array(quoteSchema.pick({ id: true, version: true, totals: true, createdAt: true, createdByName: true })),
  authorization: authorizationSchema.nullable(),
  authorizations: z.array(authorizationSchema),
  /** What the latest authorization allows (max of its total and cap); null without one. */
  authorizedLimitFen: z.number().int().nullable(),
  /** The latest quote's customer total minus the authorized limit (positive: a new approval is needed). */
  overLimitFen: z.number().int(),
  fullyCovered: z.boolean(),
  authorizationCovers: z.boolean(),
  /** The diagnosis fee a decline would carry (price list). */
  diagnosisFeeFen: z.number().int(),
});
export type QuoteState = z.infer<typeof quoteStateSchema>;

export const authorizeInputSchema = z
  .object({
    ticketId: id,
    /** The quote version being agreed to: refused when a newer one exists (the customer must see the latest). */
    quoteId: id,
    method: z.enum(['signature', 'phone', 'paper']),
    signerName: text(60),
    capFen: benchFenSchema.nullish(),
    /** signature: the canvas as PNG, base64. */
    signaturePng: z.string().max(2_000_000).regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: 'bench.validation.imageData' }).optional(),
    /** paper: the signed form, scanned or photographed. */
    scan: z.object({ mime: z.enum(ATTACHMENT_MIMES), dataBase64: z.string().max(6_000_000).regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: 'bench.validation.imageData' }) }).strict().optional(),
    /** phone: the number called, when, and the customer's words. */
    phone: z
      .object({
        number: z.string().trim().min(3, { message: 'bench.validation.phoneRequired' }).max(40),
        calledAt: z.iso.datetime({ offset: true, message: 'bench.validation.instant' }).optional(),
        words: z.string().trim().min(1, { message: 'bench.validation.wordsRequired' }).max(1000),
      })
      .strict()
      .optional(),
    note: text(500),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.method === 'signature' && !v.signaturePng) ctx.addIssue({ code: 'custom', path: ['signaturePng'], message: 'bench.validation.signatureRequired' });
    if (v.method === 'paper' && !v.scan) ctx.addIssue({ code: 'custom', path: ['scan'], message: 'bench.validation.scanRequired' });
    if (v.method === 'phone' && !v.phone) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'bench.validation.phoneRequired' });
  });
export type AuthorizeInput = z.infer<typeof authorizeInputSchema>;

export const declineInputSchema = z
  .object({
    ticketId: id,
    quoteId: id,
    method: z.enum(['signature', 'phone', 'paper']).default('phone'),
    signerName: text(60),
    /** Waive the diagnosis fee: a manager, or a manager's PIN. */
    waiveFee: z.boolean().default(false),
    approval: managerApprovalSchema.optional(),
    note: text(500),
  })
  .strict();
export type DeclineInput = z.infer<typeof declineInputSchema>;

// ---- queue, workbench, call list ----

export const benchRowSchema = ticketRowSchema.extend({
  priority: z.number().int(),
  /** Days left of the policy's repair-time limit (negative: past it); null without such a rule. */
  legalDaysLeft: z.number().int().nullable(),
  legalLimitDays: z.number().int().nullable(),
  /** The policy's loaner threshold is passed on a warranty repair. */
  loanerDue: z.boolean(),
  customerTotalFen: z.number().int().nullable(),
  partsExpected: z.string().nullable(),
  /** Someone's timer runs on it. */
  timerRunning: z.boolean(),
});
export type BenchRow = z.infer<typeof benchRowSchema>;

export const benchQueueInputSchema = z
  .object({
    /** 'me', 'unassigned', 'all' or a technician's id. */
    who: z.string().min(1).max(100).default('me'),
    status: z.array(ticketStatusSchema).max(9).optional(),
    limit: z.number().int().min(1).max(200).default(100),
  })
  .strict();

export const workbenchSchema = z.object({
  ticketId: z.string(),
  status: ticketStatusSchema,
  priority: z.number().int(),
  outcome: outcomeSchema.nullable(),
  partsExpected: z.string().nullable(),
  category: z.string(),
  /** The device as it came in: fault, condition, accessories, intake photos, the claim and the decision. */
  received: asReceivedSchema,
  diagnosis: diagnosisSchema.nullable(),
  quote: quoteStateSchema,
  timeLogs: z.array(timeLogSchema),
  minutesByUser: z.array(z.object({ userId: z.string(), userName: z.string(), minutes: z.number().int() })),
  issuedParts: z.array(
    z.object({ movementId: z.string(), partId: z.string(), sku: z.string(), name: z.string(), qty: z.number().int(), serials: z.array(z.string()), removedSerial: z.string().nullable(), at: z.string() }),
  ),
  qc: z.array(qcRecordSchema),
  qcChecklist: z.array(z.string()),
  sanbao: sanbaoRecordSchema.nullable(),
  loaner: z.object({ due: z.boolean(), thresholdDays: z.number().int().nullable(), daysOpen: z.number().int() }),
  legal: z.object({ limitDays: z.number().int().nullable(), daysLeft: z.number().int().nullable() }),
  /** Moves the caller could try now (edges from the status; the server still checks guards). */
  next: z.array(z.object({ to: ticketStatusSchema, action: z.string(), allowed: z.boolean(), reason: z.string().nullable() })),
  warrantyParts: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type Workbench = z.infer<typeof workbenchSchema>;

export const callListRowSchema = z.object({
  ticketId: z.string(),
  number: z.string(),
  status: ticketStatusSchema,
  reason: z.enum(['approval', 'ready']),
  since: z.string(),
  customerName: z.string(),
  phones: z.array(z.string()),
  device: z.string(),
  customerTotalFen: z.number().int().nullable(),
  overLimitFen: z.number().int(),
  lastCall: z.object({ at: z.string(), result: z.string(), note: z.string(), by: z.string().nullable() }).nullable(),
  calls: z.number().int(),
});
export type CallListRow = z.infer<typeof callListRowSchema>;
