/**
 * The reorder rule: a part is due when what is available has fallen to its reorder point,
 * or reservations exceed stock (a ticket waits for it). The suggestion covers the shortage
 * and brings availability back above the reorder point, in multiples of nothing fancier
 * than the configured reorder quantity.
 */
export function reorderSuggestion(available: number, reorderPoint: number, reorderQty: number): number {
  const shortage = Math.max(0, -available);
  if (available > reorderPoint && shortage === 0) return 0;
  const toPoint = reorderPoint - available + 1;
  return Math.max(reorderQty, shortage, toPoint > 0 && reorderPoint > 0 ? toPoint : 0, 1);
}
