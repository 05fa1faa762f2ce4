/**
 * Integer money arithmetic: rounding of fen × rate, splitting, discount and tax. Products of
 * fen × rate can pass 2^53 for large prices, so an exact BigInt path takes over when a double
 * could no longer hold the product exactly.
 */

/** floor(a × b / c) for non-negative integers, exact. */
export function mulDivFloor(a: number, b: number, c: number): number {
  const p = a * b;
  if (p <= Number.MAX_SAFE_INTEGER) return Math.floor(p / c);
  return Number((BigInt(a) * BigInt(b)) / BigInt(c));
}

/** round-half-up(a × b / c) for non-negative integers, exact. */
export function mulDivRoundHalfUp(a: number, b: number, c: number): number {
  const p = a * b;
  if (p <= Number.MAX_SAFE_INTEGER) {
    const q = Math.floor(p / c);
    return (p - q * c) * 2 >= c ? q + 1 : q;
  }
  const bp = BigInt(a) * BigInt(b);
  const bc = BigInt(c);
  const q = bp / bc;
  return Number((bp - q * bc) * 2n >= bc ? q + 1n : q);
}

/** a × num / den, rounded half away from zero (signed a); exact integer arithmetic for any safe fen. */
export function mulDivHalfUp(a: number, num: number, den: number): number {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(num) || !Number.isSafeInteger(den) || den <= 0) throw new RangeError('integers only');
  const sign = a < 0 ? -1n : 1n;
  const p = BigInt(Math.abs(a)) * BigInt(num);
  const d = BigInt(den);
  const q = (p * 2n + d) / (2n * d);
  return Number(sign * q);
}

/**
 * Splits `total` over `weights` in proportion, in whole fen, summing exactly to `total`
 * (largest remainder; ties go to the earlier line so the result is deterministic).
 * Requires total ≤ Σ weights; each share is then ≤ its weight.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  let sum = 0;
  for (const w of weights) sum += w;
  const out = new Array<number>(weights.length).fill(0);
  if (total <= 0 || sum <= 0) return out;
  const rems: { i: number; r: number }[] = [];
  let given = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    const share = mulDivFloor(total, w, sum);
    out[i] = share;
    given += share;
    // remainder of total × w / sum, compared across lines; only the order of remainders matters
    rems.push({ i, r: total * w - share * sum });
  }
  rems.sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; given < total && k < rems.length; k++) {
    const idx = rems[k]!.i;
    if (out[idx]! < weights[idx]!) {
      out[idx]! += 1;
      given += 1;
    }
  }
  return out;
}

/** A discount in basis points of the amount before discount, as fen (half up). */
export function discountFromBp(beforeFen: number, bp: number): number {
  return mulDivHalfUp(beforeFen, bp, 10_000);
}

export interface TaxSplit {
  /** What the customer pays (tax included). */
  grossFen: number;
  netFen: number;
  taxFen: number;
  rateBp: number;
  pricesIncludeTax: boolean;
}

/**
 * Splits an amount into net and tax. Prices that include tax: tax = gross × r / (1 + r), net =
 * gross − tax. Prices without tax: tax = amount × r, gross = amount + tax.
 */
export function taxSplit(amountFen: number, rateBp: number, pricesIncludeTax: boolean): TaxSplit {
  if (pricesIncludeTax) {
    const taxFen = mulDivHalfUp(amountFen, rateBp, 10_000 + rateBp);
    return { grossFen: amountFen, netFen: amountFen - taxFen, taxFen, rateBp, pricesIncludeTax };
  }
  const taxFen = mulDivHalfUp(amountFen, rateBp, 10_000);
  return { grossFen: amountFen + taxFen, netFen: amountFen, taxFen, rateBp, pricesIncludeTax };
}
