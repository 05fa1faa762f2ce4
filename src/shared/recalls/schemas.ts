/**
 * Recall campaigns (召回, issue 21 point 8): head office defines which devices a campaign covers
 * (a brand, models, IMEI or serial ranges), what the shop does and how, and from when to when;
 * it publishes the campaign to every shop as the pulled kind `recall.campaign` (id = campaign id).
 */
import { z } from 'zod';
import { isCalendarDate } from '../time/local-date';
import { normalizeImei, normalizeSerial } from '../devices/imei';

export const RECALL_KIND = 'recall.campaign';

/** What the shop does for a covered device. */
export const RECALL_ACTIONS = ['inspect', 'repair', 'replace_part', 'replace_unit', 'software_update'] as const;
export const recallActionSchema = z.enum(RECALL_ACTIONS);
export type RecallAction = z.infer<typeof recallActionSchema>;

const date = z.string().refine(isCalendarDate, { message: 'recalls.error.date' });
const text = (max: number) => z.string().trim().min(1, { message: 'recalls.error.required' }).max(max, { message: 'recalls.error.tooLong' });

/**
 * A range of IMEIs (15 digits) or serials, both ends included. Serials compare as upper-case
 * text of the same length as the ends, so `SN0100`–`SN0199` holds `SN0150` and not `SN150`.
 */
export const recallRangeSchema = z
  .object({
    field: z.enum(['imei', 'serial']),
    from: z.string().trim().min(1).max(60),
    to: z.string().trim().min(1).max(60),
  })
  .strict()
  .transform((r) => (r.field === 'imei' ? { ...r, from: normalizeImei(r.from), to: normalizeImei(r.to) } : { ...r, from: normalizeSerial(r.from), to: normalizeSerial(r.to) }))
  .superRefine((r, ctx) => {
    if (r.field === 'imei' && !/^\d{15}$/.test(r.from)) ctx.addIssue({ code: 'custom', path: ['from'], message: 'recalls.error.imeiEnd' });
    if (r.field === 'imei' && !/^\d{15}$/.test(r.to)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'recalls.error.imeiEnd' });
    if (r.from.length !== r.to.length) ctx.addIssue({ code: 'custom', path: ['to'], message: 'recalls.error.rangeLength' });
    else if (r.from > r.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'recalls.error.rangeOrder' });
  });
export type RecallRange = z.infer<typeof recallRangeSchema>;

/** The campaign as head office publishes it and the shop keeps it. */
export const recallCampaignSchema = z
  .object({
    /** The people's name of the campaign, e.g. RC-2026-07 (the ticket shows it, and keeps it after a withdrawal). */
    code: z.string().trim().toUpperCase().regex(/^[A-Z0-9][A-Z0-9-]{1,23}$/, { message: 'recalls.error.code' }),
    titleZh: text(80),
    titleEn: text(80),
    /** Empty: any brand. */
    brand: z.string().trim().max(40).default(''),
    /** Models the campaign covers (empty: any model of the brand, the ranges decide). */
    models: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
    ranges: z.array(recallRangeSchema).max(50).default([]),
    action: recallActionSchema,
    instructionsZh: text(2000),
    instructionsEn: text(2000),
    startDate: date,
    endDate: date,
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.models.length === 0 && c.ranges.length === 0) ctx.addIssue({ code: 'custom', path: ['models'], message: 'recalls.error.nothingCovered' });
    if (isCalendarDate(c.startDate) && isCalendarDate(c.endDate) && c.endDate < c.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'recalls.error.endBeforeStart' });
  });
export type RecallCampaign = z.infer<typeof recallCampaignSchema>;
export type RecallCampaignInput = z.input<typeof recallCampaignSchema>;

/** A campaign with its id, as the shop lists it. */
export const recallSchema = z.object({
  id: z.string(),
  code: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  brand: z.string(),
  models: z.array(z.string()),
  ranges: z.array(z.object({ field: z.enum(['imei', 'serial']), from: z.string(), to: z.string() })),
  action: recallActionSchema,
  instructionsZh: z.string(),
  instructionsEn: z.string(),
  startDate: z.string(),
  endDate: z.string(),
});
export type Recall = z.infer<typeof recallSchema>;
