/** The ticket lifecycle of the design (../shared/DESIGN.md, "The ticket lifecycle"). */
export const TICKET_STATUSES = [
  'received',
  'diagnosing',
  'awaiting_approval',
  'repairing',
  'awaiting_parts',
  'qc',
  'ready',
  'collected',
  'cancelled',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses in which the shop still has work to do (a promise can be overdue). */
export const WORK_STATUSES: readonly TicketStatus[] = ['received', 'diagnosing', 'awaiting_approval', 'repairing', 'awaiting_parts', 'qc'];
/** Statuses in which the device is still in the shop. */
export const OPEN_STATUSES: readonly TicketStatus[] = [...WORK_STATUSES, 'ready'];
export const CLOSED_STATUSES: readonly TicketStatus[] = ['collected', 'cancelled'];

export const EVENT_KINDS = ['created', 'status', 'note', 'assigned', 'passcode_erased', 'message'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
