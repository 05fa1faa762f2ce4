/** Follow-ups (回访) and complaints (投诉): schemas shared by core and the screens. */
import { z } from 'zod';

export const FOLLOW_UP_STATUSES = ['open', 'done', 'unreachable'] as const;
export const followUpStatusSchema = z.enum(FOLLOW_UP_STATUSES);
/** Unanswered calls before a follow-up is closed as unreachable. */
export const MAX_FOLLOW_UP_ATTEMPTS = 3;

export const followUpRowSchema = z.object({
  id: z.string(),
  ticketId: z.string(),
  ticketNumber: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  phone: z.string(),
  preferredContact: z.string(),
  device: z.string(),
  collectedAt: z.string(),
  dueDate: z.string(),
  status: followUpStatusSchema,
  overdue: z.boolean(),
  attempts: z.number().int(),
  reached: z.boolean().nullable(),
  score: z.number().int().nullable(),
  comments: z.string(),
  problemReported: z.boolean(),
  outcomeAt: z.string().nullable(),
  outcomeBy: z.string().nullable(),
  complaintId: z.string().nullable(),
  /** The score or a reported problem suggests opening a complaint. */
  suggestComplaint: z.boolean(),
});
export type FollowUpRow = z.infer<typeof followUpRowSchema>;

export const followUpListInputSchema = z
  .object({
    view: z.enum(['due', 'overdue', 'upcoming', 'done', 'all']).default('due'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

export const followUpRecordSchema = z
  .object({
    id: z.string().min(1),
    reached: z.boolean(),
    score: z.number().int({ message: 'reports.error.score' }).min(1, { message: 'reports.error.score' }).max(5, { message: 'reports.error.score' }).nullish(),
    comments: z.string().trim().max(1000).default(''),
    problemReported: z.boolean().default(false),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.reached && (v.score === null || v.score === undefined)) ctx.addIssue({ code: 'custom', path: ['score'], message: 'reports.error.scoreRequired' });
  });

export const COMPLAINT_CHANNELS = ['phone', 'in_person', 'wechat', 'hotline', 'follow_up', 'head_office', 'online', 'other'] as const;
export const COMPLAINT_CATEGORIES = ['repair_quality', 'delay', 'price', 'attitude', 'parts', 'data_loss', 'damage', 'other'] as const;
export const COMPLAINT_SEVERITIES = ['low', 'normal', 'high', 'critical'] as const;
export const COMPLAINT_STATUSES = ['open', 'responded', 'resolved', 'closed'] as const;
export const ESCALATION_LEVELS = ['none', 'manager', 'head_office'] as const;
export const COMPLAINT_EVENT_KINDS = ['opened', 'responded', 'escalated', 'resolved', 'accepted', 'rejected', 'ticket_reopened', 'note', 'closed'] as const;

export const complaintEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  userName: z.string().nullable(),
  kind: z.enum(COMPLAINT_EVENT_KINDS),
  note: z.string(),
  data: z.record(z.string(), z.unknown()),
});

export const complaintSchema = z.object({
  id: z.string(),
  number: z.string(),
  ticketId: z.string().nullable(),
  ticketNumber: z.string().nullable(),
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  phone: z.string().nullable(),
  followUpId: z.string().nullable(),
  channel: z.enum(COMPLAINT_CHANNELS),
  category: z.enum(COMPLAINT_CATEGORIES),
  severity: z.enum(COMPLAINT_SEVERITIES),
  description: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  openedAt: z.string(),
  respondBy: z.string(),
  resolveBy: z.string(),
  respondedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolution: z.string(),
  accepted: z.boolean().nullable(),
  escalation: z.enum(ESCALATION_LEVELS),
  escalatedAt: z.string().nullable(),
  /** A deadline has passed with the step still not done. */
  overdue: z.boolean(),
  /** Head office's latest response to a complaint escalated to it, and the date by which the shop must settle it (pulled: complaints.hqResponse). */
  headOffice: z.object({ response: z.string(), deadline: z.string(), respondedAt: z.string(), responder: z.string(), pastDeadline: z.boolean() }).nullable(),
  events: z.array(complaintEventSchema),
});
export type Complaint = z.infer<typeof complaintSchema>;

export const complaintOpenSchema = z
  .object({
    ticketId: z.string().min(1).optional(),
    followUpId: z.string().min(1).optional(),
    customerId: z.string().min(1).optional(),
    channel: z.enum(COMPLAINT_CHANNELS),
    category: z.enum(COMPLAINT_CATEGORIES),
    severity: z.enum(COMPLAINT_SEVERITIES).default('normal'),
    description: z.string().trim().min(1, { message: 'validation.required' }).max(4000),
  })
  .strict();

export const complaintListInputSchema = z
  .object({
    view: z.enum(['open', 'overdue', 'escalated', 'closed', 'all']).default('open'),
    ticketId: z.string().min(1).optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

export const complaintStepSchema = z.object({ id: z.string().min(1), note: z.string().trim().min(1, { message: 'validation.required' }).max(4000) }).strict();
export const complaintAcceptSchema = z.object({ id: z.string().min(1), accepted: z.boolean(), note: z.string().trim().max(4000).default('') }).strict();

/** The respond-by and resolve-by instants of a complaint opened at `openedAt`. */
export function complaintDeadlines(openedAt: string, respondHours: number, resolveDays: number): { respondBy: string; resolveBy: string } {
  const t = Date.parse(openedAt);
  return { respondBy: new Date(t + respondHours * 3_600_000).toISOString(), resolveBy: new Date(t + resolveDays * 86_400_000).toISOString() };
}

/**
 * Which escalation a complaint needs now: a missed deadline goes to the manager; still missed
 * `hqAfterHours` after that, to head office. Null = nothing to do.
 */
export function escalationDue(
  c: { status: string; respondBy: string; resolveBy: string; respondedAt: string | null; resolvedAt: string | null; escalation: string; escalatedAt: string | null },
  nowIso: string,
  hqAfterHours: number,
): { level: 'manager' | 'head_office'; reason: 'response' | 'resolution' } | null {
  if (c.status === 'resolved' || c.status === 'closed') return null;
  const missedResponse = !c.respondedAt && nowIso > c.respondBy;
  const missedResolution = !c.resolvedAt && nowIso > c.resolveBy;
  if (!missedResponse && !missedResolution) return null;
  const reason = missedResolution ? 'resolution' : 'response';
  if (c.escalation === 'none') return { level: 'manager', reason };
  if (c.escalation === 'manager' && c.escalatedAt && Date.parse(nowIso) - Date.parse(c.escalatedAt) >= hqAfterHours * 3_600_000) return { level: 'head_office', reason };
  return null;
}
