import { z } from 'zod';
import { procedure } from '../api/contract';
import { ADMINS, ALL_STAFF, MANAGERS } from '../api/roles';
import {
  categoryPolicySchema,
  currentTicketSchema,
  decisionSchema,
  deviceSchema,
  fenSchema,
  findingSchema,
  holidayCalendarSchema,
  isoDateSchema,
  lineSchema,
  localNameSchema,
  programSchema,
  programTermsSchema,
  repairRecordSchema,
} from './schemas';

/** Where a policy or calendar version came from: built in, this shop's admin, or head office. */
export const dataSourceSchema = z.enum(['preset', 'local', 'hq']);
export type DataSource = z.infer<typeof dataSourceSchema>;

const policyIdSchema = z.string().min(1).max(64);

/** One stored version of a category policy. */
export const policyVersionSchema = z.object({
  /** The policy's id ('cn.phone.2001'); versions share it. */
  id: z.string(),
  category: z.string(),
  version: z.string(),
  versionNo: z.number().int(),
  source: dataSourceSchema,
  active: z.boolean(),
  /** The policy `warranty.evaluate` uses when given only a category. */
  categoryDefault: z.boolean(),
  /** A built-in preset with this id exists (so "reset to preset" is possible). */
  hasPreset: z.boolean(),
  note: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  policy: categoryPolicySchema,
});
export type PolicyVersion = z.infer<typeof policyVersionSchema>;

export const calendarVersionSchema = z.object({
  id: z.string(),
  versionNo: z.number().int(),
  source: dataSourceSchema,
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  calendar: holidayCalendarSchema,
});
export type CalendarVersion = z.infer<typeof calendarVersionSchema>;

export const deviceProgramSchema = z.object({
  id: z.string(),
  deviceId: z.string(),
  program: programSchema,
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type DeviceProgram = z.infer<typeof deviceProgramSchema>;

/** Which policy to use: a category (its default policy) or a policy id, optionally an exact older version. */
const policyChoice = {
  category: z.string().max(64).optional(),
  policyId: policyIdSchema.optional(),
  policyVersion: z.string().min(1).max(80).optional(),
};

export const evaluateRequestSchema = z
  .object({
    ...policyChoice,
    /** Adds the programs recorded for this device (device_programs) to `programs`. */
    deviceId: z.string().min(1).max(64).optional(),
    device: deviceSchema.omit({ category: true }).strict(),
    programs: z.array(programSchema).max(20).default([]),
    findings: z.array(findingSchema).max(20).default([]),
    history: z.array(repairRecordSchema).max(200).default([]),
    current: currentTicketSchema.optional(),
    /** Defaults to the shop's local date. */
    today: isoDateSchema.optional(),
    lines: z.array(lineSchema).max(200).default([]),
  })
  .strict();
export type EvaluateRequest = z.input<typeof evaluateRequestSchema>;

/** The decision's reasons as sentences in the caller's language, aligned with the decision's arrays. */
export const decisionTextSchema = z.object({
  reasons: z.array(z.string()),
  lines: z.array(z.array(z.string())),
  options: z.array(z.array(z.string())),
  loaner: z.array(z.string()),
});
export type DecisionText = z.infer<typeof decisionTextSchema>;

export const evaluateResultSchema = z.object({
  today: z.string(),
  policy: z.object({ id: z.string(), version: z.string(), name: localNameSchema, source: dataSourceSchema }),
  decision: decisionSchema,
  text: decisionTextSchema,
});
export type EvaluateResult = z.infer<typeof evaluateResultSchema>;

const ok = z.object({ ok: z.literal(true) });

export const warrantyProcedures = {
  'warranty.policies.list': procedure({
    summary: 'The active version of every category policy (presets, local edits, head office), with its sources.',
    input: z.object({ category: z.string().max(64).optional() }).strict(),
    output: z.array(policyVersionSchema),
    access: ALL_STAFF,
    kind: 'query',
  }),
  'warranty.policies.get': procedure({
    summary: 'One policy: its active version (or the version asked for) and the history of its versions.',
    input: z.object({ id: policyIdSchema, version: z.string().min(1).max(80).optional() }).strict(),
    output: z.object({
      current: policyVersionSchema,
      history: z.array(policyVersionSchema.omit({ policy: true })),
      preset: categoryPolicySchema.nullable(),
    }),
    access: ALL_STAFF,
    kind: 'query',
  }),
  'warranty.policies.save': procedure({
    summary:
      'Saves a category policy as a new version (history kept; the new one becomes active). Admin; refused while the shop is enrolled with head office.',
    input: z
      .object({
        policy: categoryPolicySchema.extend({ version: z.string().max(80).optional() }),
        /** The version the editor started from: refused with CONFLICT when another save came first. */
        baseVersion: z.string().max(80).optional(),
        note: z.string().trim().max(200).default(''),
      })
      .strict(),
    output: policyVersionSchema,
    access: ADMINS,
    kind: 'mutation',
  }),
  'warranty.policies.resetToPreset': procedure({
    summary: 'Makes the built-in preset the active version of a policy again (as a new version). Admin.',
    input: z.object({ id: policyIdSchema }).strict(),
    output: policyVersionSchema,
    access: ADMINS,
    kind: 'mutation',
  }),
  'warranty.calendar.get': procedure({
    summary: 'The public-holiday calendar the engine uses (active version) and its version history.',
    input: z.object({}).strict(),
    output: z.object({ current: calendarVersionSchema, history: z.array(calendarVersionSchema.omit({ calendar: true })) }),
    access: ALL_STAFF,
    kind: 'query',
  }),
  'warranty.calendar.save': procedure({
    summary: 'Saves the holiday calendar as a new version. Admin; refused while enrolled with head office.',
    input: z.object({ calendar: holidayCalendarSchema, baseVersionNo: z.number().int().min(1).optional() }).strict(),
    output: calendarVersionSchema,
    access: ADMINS,
    kind: 'mutation',
  }),
  'warranty.evaluate': procedure({
    summary:
      'Evaluates a device now: per line covered/not covered/partly, amounts per payer, end dates, the 三包 options open today, and the reasons as sentences in the caller\'s language.',
    input: evaluateRequestSchema,
    output: evaluateResultSchema,
    access: ALL_STAFF,
    kind: 'query',
  }),
  'warranty.forTicket': procedure({
    summary:
      'The decision for a ticket as it stands: its device and proof, this visit (findings, days waiting for parts) and every earlier visit of the device; optional quote lines to price.',
    input: z.object({ ticketId: z.string().min(1).max(64), lines: z.array(lineSchema).max(200).default([]), today: isoDateSchema.optional() }).strict(),
    output: evaluateResultSchema,
    access: ALL_STAFF,
    kind: 'query',
  }),
  'warranty.refund': procedure({
    summary: 'Refund after use: price − price × the policy\'s daily depreciation × days used (days in repair excluded).',
    input: z
      .object({
        ...policyChoice,
        price: fenSchema,
        invoiceDate: isoDateSchema,
        /** Defaults to the shop's local date. */
        returnDate: isoDateSchema.optional(),
        repairDays: z.number().int().min(0, { error: 'warranty.error.negativeDays' }).max(36500).default(0),
      })
      .strict(),
    output: z.object({
      policyId: z.string(),
      policyVersion: z.string(),
      depreciationPpmPerDay: z.number().int(),
      returnDate: z.string(),
      daysUsed: z.number().int(),
      depreciation: z.number().int(),
      refund: z.number().int(),
      text: z.string(),
    }),
    access: ALL_STAFF,
    kind: 'query',
  }),
  'warranty.programs.list': procedure({
    summary: 'The service programs (extended warranty, accidental damage, replace-instead-of-repair) a device holds.',
    input: z.object({ deviceId: z.string().min(1).max(64) }).strict(),
    output: z.array(deviceProgramSchema),
    access: ALL_STAFF,
    kind: 'query',
  }),
  'warranty.programs.offered': procedure({
    summary: "The service programs head office offers (their terms). Once enrolled, a device is recorded only with one of these, on head office's terms; empty while not enrolled.",
    input: z.object({}).strict(),
    output: z.array(programTermsSchema),
    access: ALL_STAFF,
    kind: 'query',
  }),
  'warranty.programs.add': procedure({
    summary: "Records a service program a device holds. Manager. Once enrolled, only a program head office offers, on its terms.",
    input: z.object({ deviceId: z.string().min(1).max(64), program: programSchema }).strict(),
    output: deviceProgramSchema,
    access: MANAGERS,
    kind: 'mutation',
  }),
  'warranty.programs.remove': procedure({
    summary: 'Removes a service program from a device. Manager.',
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: ok,
    access: MANAGERS,
    kind: 'mutation',
  }),
};
