import { z } from 'zod';
import { procedure } from '../api/contract';
import { ALL_STAFF } from '../api/roles';
import { FRONT_DESK } from '../tickets/roles';
import { devicePatchSchema, deviceSchema, newOwnedDeviceSchema, ownershipSchema } from './schemas';
import { ticketRowSchema } from '../tickets/schemas';

const byId = z.object({ id: z.string().min(1) }).strict();

export const deviceProcedures = {
  'devices.create': procedure({
    summary: 'Registers a device for its owner. An IMEI or serial already registered is a field error naming the device.',
    input: newOwnedDeviceSchema,
    output: deviceSchema,
    access: FRONT_DESK,
    kind: 'mutation',
  }),
  'devices.update': procedure({
    summary: 'Changes a device; a new ownerCustomerId records an ownership change. Audited with before/after.',
    input: devicePatchSchema,
    output: deviceSchema,
    access: FRONT_DESK,
    kind: 'mutation',
  }),
  'devices.get': procedure({
    summary: 'One device.',
    input: byId,
    output: deviceSchema,
    access: ALL_STAFF,
    kind: 'query',
  }),
  'devices.history': procedure({
    summary: 'A device\'s whole repair history: every ticket (any owner), newest first, and its owners over time.',
    input: byId,
    output: z.object({ device: deviceSchema, owners: z.array(ownershipSchema), tickets: z.array(ticketRowSchema) }),
    access: ALL_STAFF,
    kind: 'query',
  }),
};
