/** The device as it came in, as the bench reads it: what the customer said and the counter checked and photographed. */
import { z } from 'zod';
import { findingSchema } from '../warranty/schemas';
import { ticketCoverageSchema } from '../tickets/coverage';
import { ACCESSORIES, attachmentMetaSchema, conditionSchema } from '../tickets/schemas';

export const asReceivedSchema = z.object({
  fault: z.object({ text: z.string(), codes: z.array(z.string()) }),
  condition: conditionSchema,
  accessories: z.object({ items: z.array(z.enum(ACCESSORIES)), other: z.string() }),
  /** The intake's photos (metadata and thumbnails only; not the diagnosis photos or signed papers). */
  photos: z.array(attachmentMetaSchema),
  /** The customer asked for warranty at intake (a claim, not a decision). */
  warrantyClaimed: z.boolean(),
  /** What was decided: the latest quote's split and any 三包 outcome (the claim alone before a quote). */
  coverage: ticketCoverageSchema,
  findings: z.array(findingSchema),
  customer: z.object({ name: z.string(), phones: z.array(z.string()) }),
});
export type AsReceived = z.infer<typeof asReceivedSchema>;
