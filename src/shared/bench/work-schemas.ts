/** The bench's work records: time logs, parts issued and awaited, QC. */
import { z } from 'zod';
import { dateSchema } from '../devices/schemas';
import { benchQtySchema, id, outcomeSchema, text } from './fields';

// ---- time ----

export const timeLogSchema = z.object({
  id: z.string(),
  ticketId: z.string(),
  ticketNumber: z.string().nullable(),
  userId: z.string(),
  userName: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  minutes: z.number().int(),
  entered: z.boolean(),
  note: z.string(),
});
export type TimeLog = z.infer<typeof timeLogSchema>;

export const timeEnterInputSchema = z
  .object({
    ticketId: id,
    minutes: z.number().int({ message: 'bench.validation.minutesWhole' }).min(1, { message: 'bench.validation.minutesPositive' }).max(24 * 60, { message: 'bench.validation.minutesTooMany' }),
    /** Who did the work (default: the caller); crediting someone else is a manager's call. */
    userId: id.optional(),
    /** When the work started (default: now less the minutes). */
    startedAt: z.iso.datetime({ offset: true, message: 'bench.validation.instant' }).optional(),
    note: text(300),
  })
  .strict();

// ---- repair work ----

export const issuePartInputSchema = z
  .object({
    ticketId: id,
    partId: id,
    qty: benchQtySchema.default(1),
    serials: z.array(z.string().trim().min(1).max(64)).max(100).default([]),
    /** Beyond what is available: a manager only (stock audits it). */
    override: z.boolean().default(false),
    /** The part taken out of the device; a warranty repair sends it to the old-parts bin. */
    removed: z.object({ serial: text(64), description: text(200) }).strict().optional(),
    note: text(500),
  })
  .strict();
export type IssuePartInput = z.infer<typeof issuePartInputSchema>;

export const awaitPartsInputSchema = z
  .object({
    ticketId: id,
    /** The part that is short: reserved for the ticket so it shows on the reorder list. */
    partId: id.optional(),
    qty: benchQtySchema.default(1),
    expectedDate: dateSchema,
    note: text(500),
  })
  .strict();

// ---- QC ----

export const QC_RESULTS = ['pass', 'fail', 'na'] as const;
export const qcResultSchema = z.enum(QC_RESULTS);
export const qcInputSchema = z
  .object({
    ticketId: id,
    /** One answer per item of the category's checklist; every item must be answered. */
    items: z.record(z.string().regex(/^[a-z_]{1,40}$/), qcResultSchema),
    /** What was done with the customer's data, as agreed at intake. */
    data: z.enum(['preserved', 'wiped']),
    /** The customer asked for the passcode to be erased now (it is erased at collection anyway). */
    erasePasscode: z.boolean().default(false),
    failReason: text(500),
    /** The outcome recorded at `ready` on a pass (default repaired; 三包 outcomes set their own). */
    outcome: outcomeSchema.optional(),
    note: text(500),
  })
  .strict();
export type QcInput = z.infer<typeof qcInputSchema>;

export const qcRecordSchema = z.object({
  id: z.string(),
  ticketId: z.string(),
  passed: z.boolean(),
  items: z.record(z.string(), qcResultSchema),
  data: z.enum(['preserved', 'wiped']),
  passcodeErased: z.boolean(),
  failReason: z.string(),
  checkedBy: z.string().nullable(),
  checkedByName: z.string().nullable(),
  at: z.string(),
});
export type QcRecord = z.infer<typeof qcRecordSchema>;
