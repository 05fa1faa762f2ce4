/** Stock figures shown wherever a part is picked. */
export interface Availability {
  onHand: number;
  reserved: number;
  available: number;
}

/** Available = on hand − reserved for other tickets. May be negative: a reservation beyond stock is a shortage. */
export function availability(onHand: number, reserved: number): Availability {
  return { onHand, reserved, available: onHand - reserved };
}

/**
 * How many a ticket may take: what no reservation holds, plus the part of the stock its own
 * reservations hold. Stock goes to reservations oldest first, so a later reservation that ran
 * short never takes units promised to an earlier ticket.
 */
export function issuableFor(onHand: number, openReservations: readonly { ticketId: string; qty: number }[], ticketId: string): number {
  let left = Math.max(0, onHand);
  let own = 0;
  let total = 0;
  for (const r of openReservations) {
    const take = Math.min(left, r.qty);
    left -= take;
    total += r.qty;
    if (r.ticketId === ticketId) own += take;
  }
  return own + Math.max(0, onHand - total);
}
