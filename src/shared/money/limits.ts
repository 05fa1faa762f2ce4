import { z } from 'zod';

/**
 * The largest amount Fixpoint stores anywhere, in fen: ten billion fen (¥100,000,000). Far above any
 * device, repair or payment, and low enough that fen × ppm × days (the depreciation arithmetic) stays
 * exact in a double. One limit for every amount, so what a person can type is what every schema takes.
 */
export const MAX_FEN = 10_000_000_000;

/** The message keys a capability gives its amount fields (its own words for the same three faults). */
export interface FenMessages {
  whole: string;
  negative: string;
  tooLarge: string;
}

/** A whole, non-negative amount in fen up to MAX_FEN, refused with the capability's own keys. */
export function fenAmountSchema(keys: FenMessages) {
  return z
    .number({ message: keys.whole })
    .int({ message: keys.whole })
    .min(0, { message: keys.negative })
    .max(MAX_FEN, { message: keys.tooLarge });
}
