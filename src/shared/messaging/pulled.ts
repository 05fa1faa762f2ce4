import { z } from 'zod';
import { MESSAGE_KINDS } from './rules';

/**
 * A customer message head office sent for an enrolled shop (issue 20 point 3), published to the
 * ticket's shop once its result is final (id = the message's id): the shop puts it on the ticket's
 * timeline with the text, the number it went to and whether it was delivered.
 */
export const CUSTOMER_MESSAGE_KIND = 'customer.message';

export const customerMessageDataSchema = z
  .object({
    ticketId: z.string().min(1).max(64),
    kind: z.enum(MESSAGE_KINDS),
    text: z.string().max(1000),
    to: z.string().max(20),
    result: z.enum(['sent', 'not_delivered']),
    attempts: z.number().int().min(1),
    at: z.string().datetime(),
    error: z.string().max(300).nullable(),
  })
  .strict();
export type CustomerMessageData = z.infer<typeof customerMessageDataSchema>;
