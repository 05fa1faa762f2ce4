/** The warranty engine's output: reasons, payers, a decision per line and per 三包 option (conventions in schemas.ts). */
import { z } from 'zod';
import { categorySchema, fenSchema, isoDateSchema, partIdSchema } from './field-schemas';

export const REASON_CODES = [
  'covered',
  'mainPartCovered',
  'accessoryCovered',
  'partExpired',
  'mainPartLaborNotCovered',
  'excluded',
  'noStartDate',
  'replacedPart',
  'repairWarranty',
  'extendedWarranty',
  'extendedWarrantyExpired',
  'accidentalDamage',
  'accidentalCapped',
  'accidentalTermExhausted',
  'customerPays',
  'startInvoice',
  'startInstallation',
  'startExchange',
  'startOtherProof',
  'startFactoryOffset',
  'periodExtended',
  'holidayExtended',
  'calendarYearMissing',
  'returnWindow',
  'exchangeWindow',
  'inWarrantyRepair',
  'repeatRepair',
  'partsWaitExceeded',
  'repairerDelayExceeded',
  'noInvoiceRepairOnly',
  'noListedFault',
  'sanbaoVoided',
  'sanbaoExpired',
  'replaceProgram',
  'loanerDue',
  'refundFullPrice',
  'refundDepreciated',
  'exchangeUnavailableReturn',
  'exchangeRefusedReturn',
  'accessoryReplacedTwice',
] as const;
export const reasonCodeSchema = z.enum(REASON_CODES);
export type ReasonCode = z.infer<typeof reasonCodeSchema>;

export const reasonSchema = z.object({
  code: reasonCodeSchema,
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type Reason = z.infer<typeof reasonSchema>;

export const PAYERS = ['customer', 'maker', 'shop', 'extended_warranty', 'insurer'] as const;
export const payerSchema = z.enum(PAYERS);
export type Payer = z.infer<typeof payerSchema>;
export const payerAmountsSchema = z.object({
  customer: fenSchema,
  maker: fenSchema,
  /** The shop's own repair warranty (维修保修) on an earlier repair of the same fault. */
  shop: fenSchema,
  extended_warranty: fenSchema,
  insurer: fenSchema,
});
export type PayerAmounts = z.infer<typeof payerAmountsSchema>;

export const LINE_STATUSES = ['covered', 'not_covered', 'partly_covered'] as const;
export const COVERAGE_KINDS = ['unit', 'main_part', 'accessory'] as const;

export const lineDecisionSchema = z.object({
  id: z.string(),
  status: z.enum(LINE_STATUSES),
  coverage: z.enum(COVERAGE_KINDS),
  payers: payerAmountsSchema,
  /** The coverage end date the decision used (null when there is no coverage start). */
  endDate: isoDateSchema.nullable(),
  reasons: z.array(reasonSchema),
});
export type LineDecision = z.infer<typeof lineDecisionSchema>;

export const OPTION_KINDS = ['return', 'exchange', 'repair', 'replace'] as const;
export const optionDecisionSchema = z.object({
  option: z.enum(OPTION_KINDS),
  reasons: z.array(reasonSchema),
  /** For `return`: what the customer gets back. */
  refundAmount: fenSchema.optional(),
  /** For `replace`: the 以换代修 fee. */
  fee: fenSchema.optional(),
  /** For a `return` of one accessory (phone 第十四条): which one; the unit's return has none. */
  part: partIdSchema.optional(),
  programId: z.string().optional(),
});
export type OptionDecision = z.infer<typeof optionDecisionSchema>;

export const START_BASES = ['invoice', 'installation', 'exchange', 'other_proof', 'factory_offset', 'none'] as const;
export const decisionSchema = z.object({
  policyId: z.string(),
  policyVersion: z.string(),
  calendarId: z.string(),
  category: categorySchema,
  start: isoDateSchema.nullable(),
  startBasis: z.enum(START_BASES),
  /** Whole-unit coverage end, after repair days and the holiday rule. */
  unitEnd: isoDateSchema.nullable(),
  /** Days in repair/waiting for parts that extended the whole-unit period. */
  excludedDays: z.number().int().min(0),
  lines: z.array(lineDecisionSchema),
  options: z.array(optionDecisionSchema),
  loaner: z.object({ due: z.boolean(), reasons: z.array(reasonSchema) }),
  /** Device-level reasons: start basis, exclusions, calendar gaps. */
  reasons: z.array(reasonSchema),
});
export type Decision = z.infer<typeof decisionSchema>;
