import { z } from 'zod';
import { procedure } from '../api/contract';
import { ALL_STAFF } from '../api/roles';
import { FRONT_DESK } from '../tickets/roles';
import { customerPatchSchema, customerSaveResultSchema, customerSchema, customerSummarySchema, newCustomerSchema } from './schemas';
import { deviceSummarySchema } from '../devices/schemas';
import { ticketRowSchema } from '../tickets/schemas';

const byId = z.object({ id: z.string().min(1) }).strict();
/** The customer's answer about text messages: null when never asked (nothing is sent). */
/** The languages a customer's text messages go out in (the status page offers the same two). */
export const messageLocaleSchema = z.enum(['zh-CN', 'en']);
export const messageConsentSchema = z.object({
  consent: z.boolean().nullable(),
  source: z.enum(['intake', 'counter', 'status_page']).nullable(),
  at: z.string().nullable(),
  /** The language of the messages (the latest answer's; Chinese when never asked). */
  locale: messageLocaleSchema,
});

export const customerProcedures = {
  'customers.create': procedure({
    summary: 'Creates a customer. A phone another customer has answers `duplicateOf` (nothing saved) unless confirmDuplicate.',
    input: newCustomerSchema.extend({ confirmDuplicate: z.boolean().default(false) }).strict(),
    output: customerSaveResultSchema,
    access: FRONT_DESK,
    kind: 'mutation',
  }),
  'customers.update': procedure({
    summary: 'Changes a customer (phones replace the list). Same duplicate-phone warning as create. Audited with before/after.',
    input: customerPatchSchema,
    output: customerSaveResultSchema,
    access: FRONT_DESK,
    kind: 'mutation',
  }),
  'customers.get': procedure({
    summary: 'A customer with the devices they own and their latest tickets (for picking the device at intake).',
    input: byId,
    output: z.object({ customer: customerSchema, devices: z.array(deviceSummarySchema), tickets: z.array(ticketRowSchema) }),
    access: ALL_STAFF,
    kind: 'query',
  }),
  'customers.messageConsent': procedure({
    summary: 'Whether the customer receives text messages about their repairs (个人信息保护法): the latest answer — at intake, at the counter or an opt-out on the status page — or null when never asked.',
    input: byId,
    output: messageConsentSchema,
    access: ALL_STAFF,
    kind: 'query',
  }),
  'customers.setMessageConsent': procedure({
    summary: "Records the customer's answer at the counter: agrees to text messages (in Chinese or English; the language stays as it was when not given), or withdraws (an opt-out is honoured from the next message on). Every answer is kept with who and when.",
    input: z.object({ id: z.string().min(1), consent: z.boolean(), locale: messageLocaleSchema.optional() }).strict(),
    output: messageConsentSchema,
    access: FRONT_DESK,
    kind: 'mutation',
  }),
  'customers.findByPhone': procedure({
    summary: 'Customers whose phone ends with the digits given (4+), or equals a whole number typed any way.',
    input: z.object({ phone: z.string().trim().min(4).max(30), limit: z.number().int().min(1).max(50).default(10) }).strict(),
    output: z.array(customerSummarySchema),
    access: ALL_STAFF,
    kind: 'query',
  }),
};
