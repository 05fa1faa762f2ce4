/**
 * Zod schemas of the warranty engine's data: category policies (head office's, editable as
 * data), service programs, the holiday calendar, and the evaluation input; its field shapes
 * (field-schemas.ts) and output (decision-schemas.ts) are exported from here too.
 * Types are inferred from these schemas so each shape is written once.
 *
 * Conventions stated once, used everywhere:
 * - money is an integer number of 分 (fen);
 * - rates are integers: depreciation in parts-per-million of the price per day (0.5 %/day =
 *   5000 ppm), shares and discounts in basis points (10000 = 100 %);
 * - dates are 'YYYY-MM-DD' calendar dates in the shop's time zone;
 * - a period of N months/years that starts on day S ends on the *corresponding day* N months
 *   later, clamped to the month's end, and that last day is included (民法典 第二百零一、二百零二
 *   条: the start day itself is not counted; "到期月的对应日为期间的最后一日；没有对应日的，月末日为
 *   期间的最后一日"). So an invoice of 2025-03-10 with a 1-year period is covered through
 *   2026-03-10, and 2024-02-29 + 1 year ends 2025-02-28. A period of N days ends on S + N.
 *   We follow the Civil Code rather than the common "S + N months − 1 day" shop habit because
 *   the 三包 texts give no rule of their own and the Civil Code governs every statutory period.
 */
import { z } from 'zod';
import { bpSchema, categorySchema, fenSchema, isoDateSchema, localNameSchema, partIdSchema, periodSchema } from './field-schemas';

export * from './field-schemas';
export * from './decision-schemas';


/**
 * How sure we are of a figure: `text` = read in the article text (a reprint of it);
 * `secondary` = only secondary sources agree on it; `unconfirmed` = best knowledge, verify
 * against the published text before relying on it.
 */
export const confidenceSchema = z.enum(['text', 'secondary', 'unconfirmed']);
export const REGULATION_IDS = [
  'cn.mobile_phone_2001',
  'cn.microcomputer_2002',
  'cn.household_1995',
  'cn.flat_tv_2011',
  'cn.civil_code_2020',
  'cn.consumer_law_2013',
  'brand',
] as const;
export const regulationSchema = z.enum(REGULATION_IDS);
export const sourceSchema = z.object({
  regulation: regulationSchema,
  /** As printed, e.g. '第十一条' or '附件'. */
  article: z.string(),
  confidence: confidenceSchema,
  note: z.string().optional(),
});
export type Source = z.infer<typeof sourceSchema>;

export const partRuleSchema = z.object({
  id: partIdSchema,
  name: localNameSchema,
  period: periodSchema,
  source: sourceSchema.optional(),
});
export type PartRule = z.infer<typeof partRuleSchema>;

export const FINDINGS = [
  'liquid',
  'impact',
  'tampered_seal',
  'unauthorized_repair',
  'rooted',
  'no_proof',
  'altered_proof',
  'serial_mismatch',
] as const;
export const findingSchema = z.enum(FINDINGS);
export type Finding = z.infer<typeof findingSchema>;

/** What a finding can void: a coverage kind, the statutory options, or a program kind. */
export const SCOPES = [
  'unit',
  'main_part',
  'accessory',
  'sanbao',
  'extended_warranty',
  'accidental_damage',
  'replace_program',
] as const;
export const scopeSchema = z.enum(SCOPES);
export type Scope = z.infer<typeof scopeSchema>;

export const SANBAO_OPTIONS = ['return', 'exchange', 'repair'] as const;
export const sanbaoOptionSchema = z.enum(SANBAO_OPTIONS);
export type SanbaoOption = z.infer<typeof sanbaoOptionSchema>;

/** Keys of the policy's rows that carry a source (parts carry their own). */
export const RULE_KEYS = [
  'periodStart',
  'unit',
  'returnDays',
  'exchangeDays',
  'depreciation',
  'repairerDelay',
  'partsWait',
  'loaner',
  'repairWarranty',
  'repeatRepair',
  'noInvoice',
  'exchangeRestart',
  'holiday',
  'exclusions',
  'exchangeFallback',
  'accessoryReturn',
  'windowCounting',
] as const;
export const ruleKeySchema = z.enum(RULE_KEYS);
export type RuleKey = z.infer<typeof ruleKeySchema>;

export const categoryPolicySchema = z.object({
  id: z.string().min(1).max(64),
  /** Recorded in every decision, so a claim can be checked against the rules of its day. */
  version: z.string().min(1).max(64),
  name: localNameSchema,
  category: categorySchema,
  regulation: regulationSchema,
  unitPeriod: periodSchema,
  mainParts: z.array(partRuleSchema),
  accessories: z.array(partRuleSchema),
  /** Labor on a main part after the whole-unit period: free (微机 第十条 "包括工时费") or charged. */
  mainPartLaborCovered: z.boolean(),
  /** Flat TVs: the period starts at completed delivery/installation when there is one. */
  startsAtInstallation: z.boolean().default(false),
  /** Days after the sale day (sale day = day 0) during which a listed fault allows return. */
  returnDays: z.number().int().min(0).max(90),
  exchangeDays: z.number().int().min(0).max(180),
  depreciationPpmPerDay: z.number().int().min(0).max(1_000_000),
  /** Repairer's own delay beyond this many days → exchange; null = no such rule. */
  repairerDelayDays: z.number().int().min(1).max(365).nullable(),
  /** Not repaired this many days after send-in for lack of parts → exchange; null = no such rule. */
  partsWaitDays: z.number().int().min(1).max(365).nullable(),
  /** Not repaired within this many days → a loaner is due; null = no such rule. */
  loanerDays: z.number().int().min(1).max(365).nullable(),
  /** The shop's guarantee on a repair for the same fault; the law requires at least 30 days. */
  repairWarrantyDays: z.number().int().min(30).max(3650).default(90),
  repeatRepair: z.object({
    threshold: z.number().int().min(1).max(10),
    options: z.array(sanbaoOptionSchema),
    /** Phone 第十三条 counts only faults of the 性能故障表; the household rule any failed repair. */
    requiresListedFault: z.boolean(),
  }),
  noInvoice: z.object({
    /** Phone rule: no invoice and no evidence → period starts factory date + this many days. */
    factoryOffsetDays: z.number().int().min(0).max(3650).nullable(),
    factoryOptions: z.array(sanbaoOptionSchema),
    /** Lost invoice but other evidence of the sale date (invoice stub, copy): what stays open. */
    otherProofOptions: z.array(sanbaoOptionSchema),
  }),
  /** Whether the 7/15-day windows also move to the next working day (民法典 第二百零三条 says all periods do). */
  holidayExtendsWindows: z.boolean().default(true),
  /**
   * How "自售出之日起7日内" is counted, a choice the 三包 texts leave: `day_after_sale` (the law's
   * default, 民法典 第二百零一条: the sale day is day 0, so a sale on 03-01 can be returned
   * through 03-08) or `sale_day_first` (the sale day is day 1, through 03-07: stricter, some
   * brands' reading). A policy may only choose it knowingly; the presets keep the law's.
   */
  windowCounting: z.enum(['day_after_sale', 'sale_day_first']).default('day_after_sale'),
  /**
   * Phone 第十九条 / household 第十三条: where an exchange is due but the seller has no unit of the
   * same model and specification (and the customer will not take another), or the customer
   * refuses the exchange, the customer may return the unit instead. A refusal pays depreciation
   * (折旧费, days in repair excluded); whether a return for want of a unit does too is the
   * policy's `depreciateWhenUnavailable` (the texts attach 折旧费 to the refusal; default no).
   */
  exchangeFallback: z
    .object({ returnWhenRefused: z.boolean(), returnWhenUnavailable: z.boolean(), depreciateWhenUnavailable: z.boolean() })
    .default({ returnWhenRefused: false, returnWhenUnavailable: false, depreciateWhenUnavailable: false }),
  /**
   * Phone 第十四条: an accessory replaced this many times inside its period that still fails is
   * returned (sold alone: at its invoice price; sold with the unit: at its separate price at the
   * time). null = no such rule.
   */
  accessoryReturnAfter: z.number().int().min(1).max(10).nullable().default(null),
  exclusions: z.record(findingSchema, z.array(scopeSchema)),
  sources: z.partialRecord(ruleKeySchema, sourceSchema).default({}),
});
export type CategoryPolicy = z.infer<typeof categoryPolicySchema>;
export type CategoryPolicyInput = z.input<typeof categoryPolicySchema>;

const programBase = {
  id: z.string().min(1).max(64),
  name: localNameSchema.optional(),
};

/** 延保: starts the day after the maker's whole-unit warranty ends, runs 1–3 years. */
export const extendedWarrantySchema = z.object({
  ...programBase,
  kind: z.literal('extended_warranty'),
  years: z.number().int().min(1).max(3),
  coversAccessories: z.boolean().default(false),
});

/** 碎屏/意外保: the insurer pays a share of an accident's repair, after a deductible, within caps. */
export const accidentalDamageSchema = z.object({
  ...programBase,
  kind: z.literal('accidental_damage'),
  validFrom: isoDateSchema,
  validTo: isoDateSchema,
  discountBp: bpSchema,
  /** 免赔额, per claim. */
  deductible: fenSchema,
  capPerClaim: fenSchema,
  capPerTerm: fenSchema,
  /** Already paid out in this term (from earlier claims). */
  usedThisTerm: fenSchema.default(0),
  /** The findings that make a repair an accident this program pays for. */
  covers: z.array(findingSchema).default(['impact', 'liquid']),
});

/** 以换代修: the device is replaced for a fee instead of repaired. */
export const replaceProgramSchema = z.object({
  ...programBase,
  kind: z.literal('replace_instead_of_repair'),
  validFrom: isoDateSchema,
  validTo: isoDateSchema,
  fee: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('fixed'), amount: fenSchema }),
    z.object({ kind: z.literal('share'), shareBp: bpSchema, cap: fenSchema }),
  ]),
});

export const programSchema = z.discriminatedUnion('kind', [
  extendedWarrantySchema,
  accidentalDamageSchema,
  replaceProgramSchema,
]);
export type Program = z.infer<typeof programSchema>;

/**
 * A program as head office publishes it (pulled kind 'warranty.program'): its terms, without
 * what belongs to one device's contract (its dates, what earlier claims used).
 */
export const programTermsSchema = z.discriminatedUnion('kind', [
  extendedWarrantySchema.strict(),
  accidentalDamageSchema.omit({ validFrom: true, validTo: true, usedThisTerm: true }).strict(),
  replaceProgramSchema.omit({ validFrom: true, validTo: true }).strict(),
]);
export type ProgramTerms = z.infer<typeof programTermsSchema>;
/** The fields of a device's program that are that device's, not the program's terms. */
export const PROGRAM_DEVICE_FIELDS = ['validFrom', 'validTo', 'usedThisTerm'] as const;
export type ExtendedWarranty = z.infer<typeof extendedWarrantySchema>;
export type AccidentalDamage = z.infer<typeof accidentalDamageSchema>;
export type ReplaceProgram = z.infer<typeof replaceProgramSchema>;

export const holidayCalendarSchema = z.object({
  id: z.string().min(1),
  years: z.array(
    z.object({
      year: z.number().int().min(1900).max(2999),
      source: z.string(),
      /** Inclusive ranges of days off (放假), weekends inside included. */
      holidays: z.array(z.tuple([isoDateSchema, isoDateSchema])),
      /** Weekend days that are working days (调休上班). */
      workdays: z.array(isoDateSchema),
    }),
  ),
});
export type HolidayCalendar = z.infer<typeof holidayCalendarSchema>;

export const deviceSchema = z.object({
  category: categorySchema,
  purchasePrice: fenSchema,
  hasInvoice: z.boolean(),
  invoiceDate: isoDateSchema.optional(),
  /** The sale date shown by other evidence (invoice stub or copy) when the invoice is lost. */
  otherProofDate: isoDateSchema.optional(),
  /** From the IMEI/serial. */
  factoryDate: isoDateSchema.optional(),
  /** Completed delivery/installation (flat TVs). */
  installDate: isoDateSchema.optional(),
  /** Last 三包 exchange: the warranty restarts from this date. */
  exchangeDate: isoDateSchema.optional(),
});
export type Device = z.infer<typeof deviceSchema>;

export const replacedPartSchema = z.object({
  part: partIdSchema,
  completedOn: isoDateSchema,
  /** The part's own warranty (from the parts catalog). */
  period: periodSchema,
});

export const REPAIR_OUTCOMES = ['fixed', 'not_fixed', 'exchanged', 'refunded'] as const;
export const repairRecordSchema = z.object({
  faultCode: z.string().min(1).max(64),
  sentIn: isoDateSchema,
  returnedOn: isoDateSchema,
  /** Days of this visit spent waiting for parts (inside sentIn..returnedOn, not added twice). */
  partsWaitDays: z.number().int().min(0).default(0),
  outcome: z.enum(REPAIR_OUTCOMES),
  /** A paid, non-warranty repair: neither extends the period nor counts as a 三包 repair. */
  chargeable: z.boolean().default(false),
  partsReplaced: z.array(replacedPartSchema).default([]),
});
export type RepairRecord = z.infer<typeof repairRecordSchema>;

export const currentTicketSchema = z.object({
  faultCode: z.string().min(1).max(64),
  sentIn: isoDateSchema,
  partsWaitDays: z.number().int().min(0).default(0),
  /** The fault is one of the regulation's listed performance faults (性能故障表). */
  performanceFault: z.boolean(),
  /**
   * When an exchange is due: `unavailable` = no unit of the same model and specification (and
   * the customer will not take another), `refused` = the customer does not want an exchange.
   */
  exchange: z.enum(['unavailable', 'refused']).optional(),
});
export type CurrentTicket = z.infer<typeof currentTicketSchema>;

export const lineSchema = z.object({
  id: z.string().min(1).max(64),
  type: z.enum(['labor', 'part']),
  /** The part worked on or supplied; null = the unit as a whole (e.g. general labor). */
  part: partIdSchema.nullable(),
  price: fenSchema,
  /** Defaults to the current ticket's fault. */
  faultCode: z.string().min(1).max(64).optional(),
});
export type Line = z.infer<typeof lineSchema>;

export const evaluationInputSchema = z.object({
  policy: categoryPolicySchema,
  device: deviceSchema,
  programs: z.array(programSchema).default([]),
  findings: z.array(findingSchema).default([]),
  history: z.array(repairRecordSchema).default([]),
  current: currentTicketSchema.optional(),
  today: isoDateSchema,
  lines: z.array(lineSchema).default([]),
});
export type EvaluationInput = z.infer<typeof evaluationInputSchema>;
export type EvaluationInputRaw = z.input<typeof evaluationInputSchema>;
