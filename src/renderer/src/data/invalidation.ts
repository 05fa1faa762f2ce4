import type { EventName } from '../../../shared/api/events';

/**
 * What goes stale when something changes: query-key prefixes (a procedure name or a family
 * of them, `tickets.` = every tickets.* procedure). One table for events from the backend and
 * one for this window's own writes; `ALL` means every query (shop settings touch every screen).
 */
export const ALL = ['*'] as const;
type Prefixes = readonly string[];

/** Anything about a ticket: its lists, its bench, its money, the reports and searches that show it. */
const TICKETS: Prefixes = [
  'tickets.',
  'bench.',
  'collection.',
  'payments.',
  'claims.',
  'search.',
  'reports.',
  'dailyClose.',
  'followUps.',
  'complaints.',
  'customers.',
  'devices.',
  'warranty.forTicket',
  'warranty.evaluate',
  'warranty.refund',
  'warranty.programs.offered',
  'attachments.',
  'loaners.',
  'print.queue',
  'recalls.',
];
/** Parts and their stock, and the bench that issues them. */
const STOCK: Prefixes = ['stock.', 'parts.', 'stocktake.', 'shipments.', 'oldParts.', 'loaners.', 'reports.', 'bench.workbench', 'priceList.'];

export const EVENT_INVALIDATES: Record<EventName, Prefixes> = {
  'tickets.changed': TICKETS,
  'bench.called': ['bench.', 'collection.queues'],
  'bench.needsApproval': TICKETS,
  'bench.ready': TICKETS,
  'bench.authorized': TICKETS,
  'payments.changed': TICKETS,
  'collection.done': [...TICKETS, ...STOCK],
  'dailyClose.closed': ['dailyClose.', 'reports.'],
  'dailyClose.cash': ['dailyClose.'],
  'complaints.changed': ['complaints.', 'reports.', 'tickets.'],
  'complaints.escalated': ['complaints.', 'reports.'],
  'print.job': ['print.'],
  'shop.updated': ALL,
  'sync.status': ['sync.'],
  'warranty.policies.changed': ['warranty.', ...TICKETS],
  'warranty.programs.changed': ['warranty.', ...TICKETS],
  'recalls.changed': ['recalls.'],
  'parts.changed': STOCK,
  'priceList.changed': ['priceList.', 'bench.'],
  'backup.done': ['backup.'],
  'db.integrity': ['backup.'],
};

/** A write of this window, by the domain of its procedure (`stock.receive` → `stock`). */
const MUTATION_INVALIDATES: Record<string, Prefixes> = {
  tickets: TICKETS,
  bench: [...TICKETS, ...STOCK],
  collection: [...TICKETS, ...STOCK],
  payments: TICKETS,
  claims: TICKETS,
  complaints: TICKETS,
  followUps: TICKETS,
  customers: TICKETS,
  devices: TICKETS,
  dailyClose: ['dailyClose.', 'reports.'],
  stock: STOCK,
  parts: STOCK,
  stocktake: STOCK,
  shipments: STOCK,
  oldParts: STOCK,
  loaners: [...STOCK, ...TICKETS],
  priceList: ['priceList.', 'bench.'],
  warranty: ['warranty.', ...TICKETS],
  print: ['print.'],
  users: ['users.', 'tickets.technicians', 'auth.switchList', 'audit.'],
  auth: ['auth.', 'users.'],
  attachments: TICKETS,
  backup: ['backup.'],
  status: ['status.'],
};

export function mutationInvalidates(procedure: string): Prefixes {
  return MUTATION_INVALIDATES[procedure.split('.')[0]!] ?? ALL;
}

/** Answers that never change once given (a ticket number's id): refetched only when named exactly. */
const STABLE = new Set(['tickets.byBarcode']);

/** Whether a query key (`[procedure, input]`) is covered by these prefixes. */
export function keyMatches(prefixes: Prefixes, key: readonly unknown[]): boolean {
  const name = String(key[0]);
  if (STABLE.has(name)) return prefixes.includes(name);
  if (prefixes === ALL || prefixes.includes('*')) return true;
  return prefixes.some((p) => (p.endsWith('.') ? name.startsWith(p) : name === p || name.startsWith(`${p}.`)));
}
