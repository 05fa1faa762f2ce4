/**
 * Integer money helpers. Products of fen × rate can pass 2^53 for large prices, so the exact
 * BigInt path takes over when a double could no longer hold the product exactly.
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
    // remainder of total × w / sum, compared across lines; exact enough as a ratio of doubles
    // only for ordering ties — equal remainders resolve by index.
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
