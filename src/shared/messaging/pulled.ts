import { z } from 'zod';
import { MESSAGE_KINDS, checkTemplate } from './rules';

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

/**
 * A message template head office publishes for every shop (id = the message kind): the text in
 * both languages, its variables checked against the kind's when saved, so a template can never
 * name a variable that is not there. Head office sends with it instead of the default.
 */
export const MESSAGE_TEMPLATE_KIND = 'messages.template';

export const messageTemplateDataSchema = z
  .object({
    kind: z.enum(MESSAGE_KINDS),
    zh: z.string().trim().min(1).max(300),
    en: z.string().trim().min(1).max(300),
  })
  .strict()
  .superRefine((v, ctx) => {
    for (const lang of ['zh', 'en'] as const) {
      const check = checkTemplate(v.kind, v[lang]);
      if (!check.ok) ctx.addIssue({ code: 'custom', path: [lang], message: `${check.code}: ${check.variables.join(', ')}` });
    }
  });
export type MessageTemplateData = z.infer<typeof messageTemplateDataSchema>;

/**
 * The customer stopped text messages on the status page (id = the customer's id at the shop): head
 * office stops at once; the shop records it as the customer's latest answer (source status_page).
 */
export const OPT_OUT_KIND = 'status.optOut';

export const optOutDataSchema = z.object({ customerId: z.string().min(1).max(64), ticketId: z.string().min(1).max(64), at: z.string().datetime() }).strict();
export type OptOutData = z.infer<typeof optOutDataSchema>;
