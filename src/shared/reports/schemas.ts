import { z } from 'zod';
import { isCalendarDate, addDaysToDate } from '../time/local-date';
import { SERVICE_TYPES } from '../tickets/schemas';
import { STAGES } from './math';

/** Reports, follow-ups and complaints: the shop's policy (shop settings key `quality`). */
export const qualitySettingsSchema = z.object({
  /** A follow-up call (回访) is due this many days after collection. */
  followUpDays: z.number().int().min(0).max(90).default(3),
  /** First-time fix: no return of the device for the same fault within this many days. */
  ftfDays: z.number().int().min(1).max(365).default(90),
  /** The legal repair-time limit in days (三包: 30 days); beyond it a completion is a breach. */
  legalLimitDays: z.number().int().min(1).max(365).default(30),
  /** A complaint must be answered within this many hours and resolved within this many days. */
  complaintRespondHours: z.number().int().min(1).max(24 * 30).default(24),
  complaintResolveDays: z.number().int().min(1).max(365).default(7),
  /** After a missed deadline goes to the manager, head office is alerted this many hours later. */
  escalateToHqAfterHours: z.number().int().min(0).max(24 * 30).default(24),
  /** A follow-up score at or below this suggests a complaint. */
  lowScore: z.number().int().min(1).max(5).default(2),
});
export type QualitySettings = z.infer<typeof qualitySettingsSchema>;

export const calendarDateSchema = z.string().refine(isCalendarDate, { message: 'reports.error.date' });
const date = calendarDateSchema;

/** Five calendar years is the longest range; five years and a day is refused. */
export const MAX_RANGE_YEARS = 5;

export function addYearsToDate(d: string, years: number): string {
  const y = Number(d.slice(0, 4)) + years;
  const md = d.slice(5);
  // 29 February + n years on a common year: 28 February.
  const candidate = `${String(y).padStart(4, '0')}-${md}`;
  return isCalendarDate(candidate) ? candidate : `${String(y).padStart(4, '0')}-02-28`;
}

export const DIMENSIONS = ['technician', 'category', 'brand', 'serviceType'] as const;
export const dimensionSchema = z.enum(DIMENSIONS);
export type Dimension = z.infer<typeof dimensionSchema>;

export const reportFiltersSchema = z
  .object({
    technicianId: z.string().min(1).max(64).optional(),
    category: z.string().min(1).max(40).optional(),
    brand: z.string().min(1).max(60).optional(),
    serviceType: z.string().min(1).max(20).optional(),
    /** Head office only: one shop (id or code). */
    shop: z.string().min(1).max(64).optional(),
  })
  .strict();
export type ReportFilters = z.infer<typeof reportFiltersSchema>;

export function rangeCheck(v: { from?: unknown; to?: unknown }, ctx: z.RefinementCtx) {
  if (typeof v.from !== 'string' || typeof v.to !== 'string' || !isCalendarDate(v.from) || !isCalendarDate(v.to)) return;
  if (v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'reports.error.endBeforeStart' });
  else if (v.to >= addYearsToDate(v.from, MAX_RANGE_YEARS)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'reports.error.rangeTooLong' });
}

/** A date range (both days included, in the shop's time zone), filters, and a breakdown. */
export const reportInputSchema = z
  .object({
    from: date,
    to: date,
    filters: reportFiltersSchema.default({}),
    groupBy: dimensionSchema.optional(),
  })
  .strict()
  .superRefine(rangeCheck);
export type ReportInput = z.infer<typeof reportInputSchema>;
export type ReportInputRaw = z.input<typeof reportInputSchema>;

/** Figures whose tickets a person can open (drill-down). */
export const DRILL_FIGURES = [
  'received',
  'completed',
  'collected',
  'cancelled',
  'reopened',
  'ftfFailed',
  'repeat',
  'legalBreach',
  'promiseBreach',
  'claimedWarranty',
  'claimedPaid',
] as const;
export const drillFigureSchema = z.enum(DRILL_FIGURES);
export type DrillFigure = z.infer<typeof drillFigureSchema>;

export const drillInputSchema = z
  .object({
    from: date,
    to: date,
    filters: reportFiltersSchema.default({}),
    figure: drillFigureSchema,
    /** Only the tickets of one row of the breakdown. */
    groupBy: dimensionSchema.optional(),
    groupKey: z.string().max(80).optional(),
    offset: z.number().int().min(0).max(1_000_000).default(0),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict()
  .superRefine(rangeCheck);
export type DrillInput = z.infer<typeof drillInputSchema>;

/** A figure that needs a table another capability has not shipped yet says so, never a fake zero. */
export const notAvailableSchema = z.object({ available: z.literal(false), reasonKey: z.string() });
export function avail<T extends z.ZodType>(value: T) {
  return z.union([z.object({ available: z.literal(true), value }), notAvailableSchema]);
}
export type Avail<T> = { available: true; value: T } | { available: false; reasonKey: string };

export const spreadSchema = z.object({ n: z.number().int(), medianHours: z.number().nullable(), p90Hours: z.number().nullable() });

export const countRateSchema = z.object({ count: z.number().int(), of: z.number().int(), rate: z.number().nullable() });

export const amountRowSchema = z.object({ key: z.string(), count: z.number().int(), amountFen: z.number().int() });

export const groupRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  received: z.number().int(),
  completed: z.number().int(),
  collected: z.number().int(),
  turnaround: spreadSchema,
  ftfRate: z.number().nullable(),
});
export type GroupRow = z.infer<typeof groupRowSchema>;

export const technicianRowSchema = z.object({
  userId: z.string(),
  name: z.string(),
  completed: z.number().int(),
  collected: z.number().int(),
  ftfRate: z.number().nullable(),
  repairHours: spreadSchema,
  /** Hours from the bench's time logs; null when the time-log table is absent. */
  hoursLogged: z.number().nullable(),
});
export type TechnicianRow = z.infer<typeof technicianRowSchema>;

export const reportResultSchema = z.object({
  from: z.string(),
  to: z.string(),
  startIso: z.string(),
  endIso: z.string(),
  generatedAt: z.string(),
  timeZone: z.string(),
  filters: reportFiltersSchema,
  groupBy: dimensionSchema.nullable(),
  settings: z.object({ ftfDays: z.number().int(), legalLimitDays: z.number().int() }),
  volume: z.object({
    received: z.number().int(),
    completed: z.number().int(),
    collected: z.number().int(),
    cancelled: z.number().int(),
    reopened: z.number().int(),
  }),
  turnaround: z.object({
    /** Received → first collection, tickets first collected in the range. */
    endToEnd: spreadSchema,
    /** Received → first ready, tickets first ready in the range. */
    toReady: spreadSchema,
    /** Time in each stage over the ticket's life, tickets first collected in the range that went through it. */
    stages: z.record(z.enum(STAGES), spreadSchema),
  }),
  quality: z.object({
    /** Tickets first collected in the range not returned for the same fault within ftfDays (nor reopened). */
    firstTimeFix: countRateSchema.extend({ windowOpen: z.number().int() }),
    /** Tickets received in the range that are a return of the same device for the same fault. */
    repeatRepair: countRateSchema,
    legalBreaches: countRateSchema.extend({ openNow: z.number().int() }),
    promiseBreaches: countRateSchema.extend({ openNow: z.number().int() }),
  }),
  mix: z.object({
    /** What the customer claimed at intake, tickets received in the range. */
    claimedAtIntake: z.object({ warranty: z.number().int(), paid: z.number().int() }),
    /** From the latest quote of tickets completed in the range. */
    quotes: avail(z.object({ warranty: z.number().int(), paid: z.number().int(), mixed: z.number().int(), noQuote: z.number().int() })),
  }),
  revenue: z.object({
    byTender: avail(z.array(amountRowSchema)),
    byCategory: avail(z.array(amountRowSchema)),
  }),
  parts: z.object({ lines: z.number().int(), qty: z.number().int(), costFen: z.number().int(), byCategory: z.array(amountRowSchema.extend({ qty: z.number().int() })) }),
  technicians: z.array(technicianRowSchema),
  hoursLogged: avail(z.number()),
  loaners: z.object({ outNow: z.number().int(), lentInRange: z.number().int(), returnedInRange: z.number().int() }),
  claims: avail(z.array(amountRowSchema)),
  satisfaction: z.object({
    due: z.number().int(),
    done: z.number().int(),
    reached: z.number().int(),
    scored: z.number().int(),
    averageScore: z.number().nullable(),
    scores: z.array(z.number().int()),
    problems: z.number().int(),
    overdueNow: z.number().int(),
  }),
  complaints: z.object({
    opened: z.number().int(),
    closed: z.number().int(),
    respondedInTime: countRateSchema,
    resolvedInTime: countRateSchema,
    escalated: z.number().int(),
    openNow: z.number().int(),
  }),
  groups: z.array(groupRowSchema),
});
export type ReportResult = z.infer<typeof reportResultSchema>;

export const drillRowSchema = z.object({
  id: z.string(),
  number: z.string(),
  status: z.string(),
  receivedAt: z.string(),
  firstReadyAt: z.string().nullable(),
  firstCollectedAt: z.string().nullable(),
  category: z.string(),
  brand: z.string(),
  model: z.string(),
  technician: z.string().nullable(),
  customer: z.string(),
  hours: z.number().nullable(),
});
export const drillResultSchema = z.object({ total: z.number().int(), rows: z.array(drillRowSchema) });
export type DrillRow = z.infer<typeof drillRowSchema>;

export const dashboardSchema = z.object({
  today: z.string(),
  weekFrom: z.string(),
  generatedAt: z.string(),
  today_: z.object({ received: z.number().int(), completed: z.number().int(), collected: z.number().int() }),
  week: z.object({ received: z.number().int(), completed: z.number().int(), collected: z.number().int(), turnaround: spreadSchema, ftfRate: z.number().nullable() }),
  /** Per day of the last seven: received / completed / collected (the chart). */
  days: z.array(z.object({ date: z.string(), received: z.number().int(), completed: z.number().int(), collected: z.number().int() })),
  openByStatus: z.record(z.string(), z.number().int()),
  overduePromises: z.number().int(),
  followUps: z.object({ dueToday: z.number().int(), overdue: z.number().int() }),
  complaints: z.object({ open: z.number().int(), overdue: z.number().int(), escalated: z.number().int() }),
  loanersOut: z.number().int(),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const exportInputSchema = z
  .object({ report: reportInputSchema, format: z.enum(['csv', 'xlsx']) })
  .strict();
export const exportResultSchema = z.object({ fileName: z.string(), mime: z.string(), base64: z.string() });

export { SERVICE_TYPES, addDaysToDate };
