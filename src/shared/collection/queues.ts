import { z } from 'zod';
import { ticketStatusSchema } from '../tickets/schemas';
import { WORK_STATUSES, type TicketStatus } from '../tickets/statuses';

/** One device on the counter's queues: who to call, how long it has waited, whether they know. */
export const counterQueueRowSchema = z.object({
  ticketId: z.string(),
  number: z.string(),
  status: ticketStatusSchema,
  customerName: z.string(),
  phone: z.string().nullable(),
  device: z.string(),
  /** When the ticket entered its status (ready, awaiting approval). */
  since: z.string(),
  /** Whole shop-local days since then. */
  days: z.number().int(),
  promisedDate: z.string(),
  /** Days to the promised date; negative: overdue. */
  daysToPromise: z.number().int(),
  /** The customer was reached by phone since the ticket entered its status. */
  called: z.boolean(),
  calls: z.number().int(),
  lastCall: z.object({ at: z.string(), result: z.string(), note: z.string(), by: z.string().nullable() }).nullable(),
});
export type CounterQueueRow = z.infer<typeof counterQueueRowSchema>;

export const counterQueuesInputSchema = z.object({ uncollectedDays: z.number().int().min(1).max(3650).default(30) }).strict();

export const counterQueuesSchema = z.object({
  today: z.string(),
  uncollectedDays: z.number().int(),
  /** Ready now, waiting less than `uncollectedDays`: longest waiting first, those not yet reached first. */
  ready: z.array(counterQueueRowSchema),
  /** A quote waiting for the customer's yes or no, longest waiting first. */
  approval: z.array(counterQueueRowSchema),
  /** Still in work and promised for today or earlier, most overdue first. */
  due: z.array(counterQueueRowSchema),
  /** Ready for `uncollectedDays` or more (超期未取): storage fees and disposal notices. */
  uncollected: z.array(counterQueueRowSchema),
});
export type CounterQueues = z.infer<typeof counterQueuesSchema>;

/** Sorts open tickets into the counter's queues. Pure: the rows carry their days, computed from the shop's clock. */
export function splitQueues(rows: CounterQueueRow[], today: string, uncollectedDays: number): CounterQueues {
  const longest = (a: CounterQueueRow, b: CounterQueueRow) => b.days - a.days || a.number.localeCompare(b.number);
  const ready = rows.filter((r) => r.status === 'ready');
  return {
    today,
    uncollectedDays,
    ready: ready.filter((r) => r.days < uncollectedDays).sort((a, b) => Number(a.called) - Number(b.called) || longest(a, b)),
    approval: rows.filter((r) => r.status === 'awaiting_approval').sort(longest),
    due: rows.filter((r) => WORK_STATUSES.includes(r.status as TicketStatus) && r.daysToPromise <= 0).sort((a, b) => a.daysToPromise - b.daysToPromise || a.number.localeCompare(b.number)),
    uncollected: ready.filter((r) => r.days >= uncollectedDays).sort(longest),
  };
}
