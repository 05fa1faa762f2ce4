import { z } from 'zod';
import { procedure } from '../api/contract';
import { ALL_STAFF } from '../api/roles';
import { FRONT_DESK } from '../tickets/roles';
import { customerPatchSchema, customerSaveResultSchema, customerSchema, customerSummarySchema, newCustomerSchema } from './schemas';
import { deviceSummarySchema } from '../devices/schemas';
import { ticketRowSchema } from '../tickets/schemas';

const byId = z.object({ id: z.string().min(1) }).strict();

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
  'customers.findByPhone': procedure({
    summary: 'Customers whose phone ends with the digits given (4+), or equals a whole number typed any way.',
    input: z.object({ phone: z.string().trim().min(4).max(30), limit: z.number().int().min(1).max(50).default(10) }).strict(),
    output: z.array(customerSummarySchema),
    access: ALL_STAFF,
    kind: 'query',
  }),
};
