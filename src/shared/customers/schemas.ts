import { z } from 'zod';
import { parseCnPhone } from './phone';

export const PREFERRED_CONTACTS = ['phone', 'sms', 'wechat', 'any'] as const;
export const preferredContactSchema = z.enum(PREFERRED_CONTACTS);

/** One phone as typed; must parse as a CN mobile or landline. */
export const phoneInputSchema = z
  .string()
  .trim()
  .min(1, { message: 'validation.required' })
  .max(30, { message: 'customers.error.phoneInvalid' })
  .refine((v) => parseCnPhone(v) !== null, { message: 'customers.error.phoneInvalid' });

const text = (max: number) => z.string().trim().max(max);

export const newCustomerSchema = z
  .object({
    name: z.string().trim().min(1, { message: 'validation.required' }).max(60),
    phones: z.array(phoneInputSchema).min(1, { message: 'customers.error.phoneRequired' }).max(5),
    address: text(200).default(''),
    company: text(100).default(''),
    note: text(1000).default(''),
    preferredContact: preferredContactSchema.default('phone'),
  })
  .strict();
export type NewCustomer = z.infer<typeof newCustomerSchema>;
export type NewCustomerInput = z.input<typeof newCustomerSchema>;

export const customerPatchSchema = z
  .object({
    id: z.string().min(1),
    name: newCustomerSchema.shape.name.optional(),
    phones: newCustomerSchema.shape.phones.optional(),
    address: text(200).optional(),
    company: text(100).optional(),
    note: text(1000).optional(),
    preferredContact: preferredContactSchema.optional(),
    /** A phone another customer already has is saved only when confirmed. */
    confirmDuplicate: z.boolean().default(false),
  })
  .strict();

export const phoneSchema = z.object({
  e164: z.string(),
  display: z.string(),
  kind: z.enum(['mobile', 'landline']),
});
export type Phone = z.infer<typeof phoneSchema>;

export const customerSchema = z.object({
  id: z.string(),
  name: z.string(),
  phones: z.array(phoneSchema),
  address: z.string(),
  company: z.string(),
  note: z.string(),
  preferredContact: preferredContactSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Customer = z.infer<typeof customerSchema>;

/** What lists and warnings show of a customer. */
export const customerSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  phones: z.array(z.string()),
  company: z.string(),
});
export type CustomerSummary = z.infer<typeof customerSummarySchema>;

/** A save that would give a second customer an existing phone answers with the owners instead. */
export const customerSaveResultSchema = z.object({
  customer: customerSchema.nullable(),
  duplicateOf: z.array(customerSummarySchema),
});
