/**
 * Stocktake variance: the count against the figure frozen when the session started
 * (counting happens against that snapshot, so sales during the count do not show as loss).
 * An uncounted line has no variance: it was not counted, not found empty.
 */
export interface VarianceLine {
  expected: number;
  counted: number | null;
  unitCost: number;
}

export function variance(line: VarianceLine): { qty: number; value: number } {
  if (line.counted === null) return { qty: 0, value: 0 };
  const qty = line.counted - line.expected;
  return { qty, value: qty * line.unitCost };
}

export function varianceTotals(lines: VarianceLine[]): { counted: number; uncounted: number; shortQty: number; overQty: number; value: number } {
  let counted = 0;
  let shortQty = 0;
  let overQty = 0;
  let value = 0;
  for (const l of lines) {
    if (l.counted === null) continue;
    counted++;
    const v = variance(l);
    if (v.qty < 0) shortQty -= v.qty;
    else overQty += v.qty;
    value += v.value;
  }
  return { counted, uncounted: lines.length - counted, shortQty, overQty, value };
}
