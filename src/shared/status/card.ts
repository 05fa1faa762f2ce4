import type { TicketStatus } from '../tickets/statuses';
import { maskPhone } from '../documents/format';
import { STATUS_LINK_DAYS_AFTER_CLOSE } from './link';

/**
 * What the public status page shows of one ticket (issue 20 point 1), worked out from the rows
 * head office holds. Pure: the page and its tests share it. Nothing personal beyond a masked
 * name and phone; nothing of other tickets.
 */
export const STATUS_STEPS = ['received', 'diagnosed', 'awaiting_approval', 'repairing', 'awaiting_parts', 'ready', 'collected'] as const;
export type StatusStep = (typeof STATUS_STEPS)[number];
/** Steps a ticket may skip: shown only once it has been there. */
const OPTIONAL: readonly StatusStep[] = ['awaiting_approval', 'awaiting_parts'];

export interface StatusFacts {
  ticket: { number: string; status: TicketStatus; receivedAt: string; promisedDate: string };
  /** The ticket's status events, oldest first. */
  events: { at: string; fromStatus: TicketStatus | null; toStatus: TicketStatus | null }[];
  partsExpected: string | null;
  customer: { name: string; phone: string };
  shop: { name: string; address: string; phone: string; hotline: string; hours: string; timeZone: string };
  link: { revokedAt: string | null };
  /** When the shop last pushed to head office (null: never). */
  lastSyncAt: string | null;
}

export interface StatusCard {
  ticketNumber: string;
  status: TicketStatus;
  steps: { step: StatusStep; at: string | null; state: 'done' | 'current' | 'todo' }[];
  promisedDate: string | null;
  partsExpected: string | null;
  customer: { name: string; phone: string };
  shop: StatusFacts['shop'];
  /** What to bring: keys of the page's messages. */
  bring: string[];
  lastSyncAt: string | null;
}

/** The step a status shows as current; cancelled ends where it was (the card says so apart). */
function stepOf(status: TicketStatus): StatusStep | null {
  switch (status) {
    case 'received':
    case 'diagnosing':
      return 'received';
    case 'awaiting_approval':
      return 'awaiting_approval';
    case 'repairing':
    case 'qc':
      return 'repairing';
    case 'awaiting_parts':
      return 'awaiting_parts';
    case 'ready':
      return 'ready';
    case 'collected':
      return 'collected';
    case 'cancelled':
      return null;
  }
}

/** When the ticket closed (collected or cancelled), or null while open. */
export function closedAt(facts: Pick<StatusFacts, 'ticket' | 'events'>): string | null {
  if (facts.ticket.status !== 'collected' && facts.ticket.status !== 'cancelled') return null;
  const last = [...facts.events].reverse().find((e) => e.toStatus === facts.ticket.status);
  return last?.at ?? facts.ticket.receivedAt;
}

/** Whether the link still opens a page: not revoked, and not past its days after the ticket closed. */
export function linkOpen(facts: Pick<StatusFacts, 'ticket' | 'events' | 'link'>, now: Date): boolean {
  if (facts.link.revokedAt) return false;
  const closed = closedAt(facts);
  return !closed || now.getTime() < Date.parse(closed) + STATUS_LINK_DAYS_AFTER_CLOSE * 86_400_000;
}

/** 张三 → 张*, Wang Fang → W*** F***: enough for the customer to know it is theirs. */
export function maskName(name: string): string {
  const n = name.trim();
  if (!n) return '';
  if (/[\u3400-\u9fff]/.test(n)) return `${[...n][0]}${'*'.repeat(Math.max(1, [...n].length - 1))}`;
  return n
    .split(/\s+/)
    .map((w) => `${w[0]}***`)
    .join(' ');
}

function firstAt(events: StatusFacts['events'], test: (e: StatusFacts['events'][number]) => boolean): string | null {
  return events.find(test)?.at ?? null;
}

export function statusCard(facts: StatusFacts): StatusCard {
  const { ticket, events } = facts;
  const reached: Record<StatusStep, string | null> = {
    received: ticket.receivedAt,
    // diagnosed: the first time the ticket left diagnosis (or skipped it) for anything further on
    diagnosed: firstAt(events, (e) => e.toStatus !== null && !['received', 'diagnosing', 'cancelled'].includes(e.toStatus)),
    awaiting_approval: firstAt(events, (e) => e.toStatus === 'awaiting_approval'),
    repairing: firstAt(events, (e) => e.toStatus === 'repairing'),
    awaiting_parts: firstAt(events, (e) => e.toStatus === 'awaiting_parts'),
    ready: firstAt(events, (e) => e.toStatus === 'ready'),
    collected: firstAt(events, (e) => e.toStatus === 'collected'),
  };
  const current = stepOf(ticket.status);
  const currentIndex = current ? STATUS_STEPS.indexOf(current) : -1;
  const steps = STATUS_STEPS.filter((s) => !OPTIONAL.includes(s) || reached[s] || s === current).map((step) => {
    const i = STATUS_STEPS.indexOf(step);
    const state: 'done' | 'current' | 'todo' =
      step === current ? (step === 'collected' ? 'done' : 'current') : reached[step] && (currentIndex < 0 || i < currentIndex || ticket.status === 'collected') ? 'done' : 'todo';
    // a step reached and later left behind (back from ready to repair) shows its first date only while done
    return { step, at: state === 'todo' ? null : reached[step], state };
  });
  const open = ticket.status !== 'collected' && ticket.status !== 'cancelled';
  return {
    ticketNumber: ticket.number,
    status: ticket.status,
    steps,
    promisedDate: open && ticket.promisedDate ? ticket.promisedDate : null,
    partsExpected: ticket.status === 'awaiting_parts' ? facts.partsExpected : null,
    customer: { name: maskName(facts.customer.name), phone: facts.customer.phone ? maskPhone(facts.customer.phone.replace(/\s+/g, '')) : '' },
    shop: facts.shop,
    bring: ticket.status === 'ready' || ticket.status === 'cancelled' ? ['status.bring.receipt', 'status.bring.id'] : open ? ['status.bring.keepReceipt'] : [],
    lastSyncAt: facts.lastSyncAt,
  };
}
