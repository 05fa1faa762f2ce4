import { z } from 'zod';
import { procedure } from '../api/contract';
import { ALL_STAFF } from '../api/roles';
import { recallSchema } from './schemas';

export const ticketRecallSchema = z.object({
  campaignId: z.string(),
  code: z.string(),
  matchedBy: z.enum(['imei', 'serial', 'model']),
  recordedAt: z.string(),
  /** The campaign as the shop still has it; null once head office withdrew it. */
  campaign: recallSchema.nullable(),
});
export type TicketRecall = z.infer<typeof ticketRecallSchema>;

/** Recall campaigns at the shop (issue 21 point 8): head office defines them; the counter sees and records them. */
export const recallProcedures = {
  'recalls.active': procedure({
    summary:
      "The recall campaigns head office published that run today (the shop's date): brand, models, IMEI and serial ranges, the action and its instructions. The counter matches a device against them (shared/recalls/match) for the intake banner and in search; an intake records the accepted ones (tickets.intake recallIds).",
    input: z.object({}).strict(),
    output: z.object({ today: z.string(), recalls: z.array(recallSchema) }),
    access: ALL_STAFF,
    kind: 'query',
  }),
  'recalls.forTicket': procedure({
    summary: 'The recall work recorded on a ticket at intake: the campaign, its code, how the device matched and when.',
    input: z.object({ ticketId: z.string().min(1).max(100) }).strict(),
    output: z.array(ticketRecallSchema),
    access: ALL_STAFF,
    kind: 'query',
  }),
};
