/**
 * Every event the backend sends, by name, with the shape of its payload. Core emits through
 * this map (only after the write committed), the Electron bridge and the HTTP host's event stream
 * carry it, and the renderer's client types its listeners from it — one list, no loose strings.
 */
import { z } from 'zod';
import { printJobSchema } from '../printing/schemas';
import { shopSettingsSchema } from '../shop/schemas';
import { ticketStatusSchema } from '../tickets/schemas';
import { outcomeSchema } from '../bench/schemas';

const ticketRef = z.object({ id: z.string(), number: z.string() });
const counted = z.object({ count: z.number().int() });

export const eventSchemas = {
  /** A ticket moved, was taken in or had work logged: lists, boards and its detail are stale. */
  'tickets.changed': z.object({
    id: z.string(),
    number: z.string().optional(),
    status: ticketStatusSchema.optional(),
    from: ticketStatusSchema.optional(),
  }),
  'bench.called': z.object({ id: z.string() }),
  'bench.needsApproval': ticketRef,
  'bench.ready': ticketRef.extend({ outcome: outcomeSchema.nullable().optional() }),
  'bench.authorized': ticketRef,
  'payments.changed': z.object({ ticketId: z.string(), number: z.string().nullable() }),
  'collection.done': ticketRef,
  'dailyClose.closed': z.object({ date: z.string(), scope: z.enum(['shop', 'user']) }),
  'dailyClose.cash': z.object({ date: z.string() }),
  'complaints.changed': z.object({ id: z.string() }),
  'complaints.escalated': z.array(z.object({ id: z.string(), number: z.string(), level: z.string(), reason: z.string() })),
  'print.job': printJobSchema,
  'shop.updated': z.object({ id: z.string(), settings: shopSettingsSchema }),
  'sync.status': z.object({ ok: z.boolean(), code: z.string().optional() }),
  'warranty.policies.changed': z.object({ id: z.string(), version: z.string() }),
  'warranty.programs.changed': counted,
  'recalls.changed': counted,
  'parts.changed': counted,
  'priceList.changed': counted,
  // backups (src/core/backup): a backup ended, or the scheduled full integrity check found damage
  'backup.done': z.object({ ok: z.boolean() }),
  'db.integrity': z.object({ ok: z.boolean(), reason: z.string() }),
} as const;

export type EventName = keyof typeof eventSchemas;
export type EventPayload<N extends EventName> = z.infer<(typeof eventSchemas)[N]>;
/** One event as it travels: its name and its payload, typed together. */
export type AppEvent = { [N in EventName]: { name: N; payload: EventPayload<N> } }[EventName];

export const EVENT_NAMES = Object.keys(eventSchemas) as EventName[];

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(eventSchemas, name);
}
