import { splitQueues, type CounterQueueRow, type CounterQueues } from '../../shared/collection/queues';
import type { TicketStatus } from '../../shared/tickets/statuses';
import { daysBetweenDates, localDate } from '../../shared/time/local-date';
import type { Ctx } from '../api/context';
import { statement } from '../db/statements';
import { shopClock } from '../shop/clock';
import { callsSince } from '../bench/common';

/** The counter's queues: ready for pickup, awaiting approval, promised today or overdue, long uncollected. */
export function counterQueues(ctx: Ctx, uncollectedDays: number): CounterQueues {
  const clock = shopClock(ctx.sqlite, ctx.clock.now());
  const rows = statement<{ id: string; number: string; status: TicketStatus; status_at: string; promised_date: string; name: string; phone: string | null; brand: string; model: string }>(
    ctx.sqlite,
    `SELECT t.id, t.number, t.status, t.status_at, t.promised_date, c.name, d.brand, d.model,
            (SELECT display FROM customer_phones p WHERE p.customer_id = c.id ORDER BY p.position LIMIT 1) AS phone
     FROM tickets t JOIN customers c ON c.id = t.customer_id JOIN devices d ON d.id = t.device_id
     WHERE t.status IN ('ready', 'awaiting_approval')
        OR (t.status IN ('received', 'diagnosing', 'repairing', 'awaiting_parts', 'qc') AND t.promised_date <= ?)`,
  ).all(clock.today);
  const out = rows.map((r): CounterQueueRow => {
    const calls = callsSince(ctx, r.id, r.status_at);
    return {
      ticketId: r.id,
      number: r.number,
      status: r.status,
      customerName: r.name,
      phone: r.phone,
      device: `${r.brand} ${r.model}`.trim(),
      since: r.status_at,
      days: daysBetweenDates(localDate(new Date(r.status_at), clock.timeZone), clock.today),
      promisedDate: r.promised_date,
      daysToPromise: daysBetweenDates(clock.today, r.promised_date),
      called: calls.some((c) => c.result === 'reached'),
      calls: calls.length,
      lastCall: calls[0] ?? null,
    };
  });
  return splitQueues(out, clock.today, uncollectedDays);
}
