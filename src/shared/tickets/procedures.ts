import { z } from 'zod';
import { procedure } from '../api/contract';
import { ALL_STAFF, MANAGERS } from '../api/roles';
import { FRONT_DESK, PASSCODE_READERS } from './roles';
import {
  attachmentMetaSchema,
  intakeInputSchema,
  intakeResultSchema,
  passcodeKindSchema,
  ticketDetailSchema,
  ticketEventSchema,
  ticketListInputSchema,
  ticketPageSchema,
  ticketRowSchema,
  ticketStatusSchema,
} from './schemas';

const byId = z.object({ id: z.string().min(1) }).strict();
const ticketId = z.object({ ticketId: z.string().min(1) }).strict();

export const ticketProcedures = {
  'tickets.intake': procedure({
    summary:
      'One-call intake: customer (id or new), device (id or new), service, fault, condition, accessories, passcode, photos, promise, deposit. All or nothing; a duplicate phone answers duplicateOf unless confirmDuplicate.',
    input: intakeInputSchema,
    output: intakeResultSchema,
    access: FRONT_DESK,
    kind: 'mutation',
  }),
  'tickets.get': procedure({
    summary: 'Ticket detail: customer, device, every event, attachment metadata, passcode presence (never the secret), badges.',
    input: byId,
    output: ticketDetailSchema,
    access: ALL_STAFF,
    kind: 'query',
  }),
  'tickets.list': procedure({
    summary: 'A page of tickets, newest first, filtered by status, technician, warranty/paid, overdue, age, customer, device or text.',
    input: ticketListInputSchema,
    output: ticketPageSchema,
    access: ALL_STAFF,
    kind: 'query',
  }),
  'tickets.statusCounts': procedure({
    summary: 'How many tickets are in each status (board column headers), optionally for one technician.',
    input: z.object({ technicianId: z.string().min(1).optional() }).strict(),
    output: z.record(ticketStatusSchema, z.number().int()),
    access: ALL_STAFF,
    kind: 'query',
  }),
  'tickets.events': procedure({
    summary: 'A ticket\'s event timeline, oldest first.',
    input: ticketId,
    output: z.array(ticketEventSchema),
    access: ALL_STAFF,
    kind: 'query',
  }),
  'tickets.uncollected': procedure({
    summary: 'Tickets ready for collection for at least `days` days, longest waiting first.',
    input: z.object({ days: z.number().int().min(0).max(3650).default(30), limit: z.number().int().min(1).max(100).default(100), cursor: z.string().min(1).optional() }).strict(),
    output: z.object({ rows: z.array(ticketRowSchema.extend({ readyDays: z.number().int() })), nextCursor: z.string().nullable() }),
    access: ALL_STAFF,
    kind: 'query',
  }),
  'tickets.byBarcode': procedure({
    summary: 'The ticket a scanned barcode names (exact ticket number).',
    input: z.object({ code: z.string().trim().min(1).max(40) }).strict(),
    output: z.object({ id: z.string(), number: z.string() }),
    access: ALL_STAFF,
    kind: 'query',
  }),
  'tickets.revealPasscode': procedure({
    summary: 'Shows a ticket\'s device passcode to its assigned technician or a manager. Audited.',
    input: ticketId,
    output: z.object({ kind: passcodeKindSchema, value: z.string() }),
    access: PASSCODE_READERS,
    kind: 'mutation',
  }),
  'tickets.erasePasscode': procedure({
    summary: 'Erases a ticket\'s passcode (collection does this itself). Recorded as a ticket event.',
    input: ticketId,
    output: z.object({ erased: z.boolean() }),
    access: MANAGERS,
    kind: 'mutation',
  }),
  'tickets.technicians': procedure({
    summary: 'Who a ticket can be assigned to (active technicians and managers): the intake screen\'s picker, for counter staff too.',
    input: z.object({}).strict(),
    output: z.array(z.object({ id: z.string(), displayName: z.string(), role: z.string() })),
    access: ALL_STAFF,
    kind: 'query',
  }),
  'attachments.get': procedure({
    summary: 'An attachment\'s bytes (base64) and metadata.',
    input: byId,
    output: attachmentMetaSchema.extend({ dataBase64: z.string() }),
    access: ALL_STAFF,
    kind: 'query',
  }),
};
