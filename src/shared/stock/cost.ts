/**
 * Moving-average cost (移动加权平均). Integer fen throughout: a receipt of `qty` at
 * `unitCost` blends with what is on hand; everything leaving stock leaves at the current
 * average, so the average only changes on a costed inflow.
 */
export function nextAverageCost(onHand: number, avgCost: number, qty: number, unitCost: number): number {
  if (qty <= 0) return avgCost;
  // Nothing (or less than nothing) on hand: the old average describes no real units.
  if (onHand <= 0) return unitCost;
  return Math.round((onHand * avgCost + qty * unitCost) / (onHand + qty));
}

/** Value of a stock line: never negative (a negative on-hand is a shortage, not a credit). */
export function stockValue(onHand: number, avgCost: number): number {
  return Math.max(0, onHand) * avgCost;
}
