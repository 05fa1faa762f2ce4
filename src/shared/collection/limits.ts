/** The largest amount of one collection line, payment or till movement: ¥1,000,000.00. */
export const MAX_FEN = 100_000_000;
