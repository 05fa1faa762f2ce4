/**
 * One limit for every amount (issue 18: no constant written twice): the largest sum a person can
 * type, ¥100,000,000.00, is taken by every amount field of every capability, and one fen more is
 * refused by each with its own words.
 */
import { describe, expect, it } from 'vitest';
import { parseYuanInput } from '../../../src/shared/money';
import { benchFenSchema } from '../../../src/shared/bench/schemas';
import { fenSchema as stockFen } from '../../../src/shared/stock/schemas';
import { fenSchema as warrantyFen } from '../../../src/shared/warranty/field-schemas';
import { cashMovementInputSchema } from '../../../src/shared/collection/till';

// ¥100,000,000.00 written out by hand: 100 million yuan × 100 fen.
const LARGEST = 100_000_000 * 100;

const fields = [
  ['bench quote line', (fen: number) => benchFenSchema.safeParse(fen), 'bench.validation.fenTooLarge'],
  ['stock price', (fen: number) => stockFen.safeParse(fen), 'stock.validation.fenTooLarge'],
  ['warranty amount', (fen: number) => warrantyFen.safeParse(fen), 'warranty.error.invalidAmount'],
  ['till movement', (fen: number) => cashMovementInputSchema.safeParse({ kind: 'float', amountFen: fen, reason: '备用金' }), 'collection.validation.fenTooLarge'],
] as const;

describe('the one amount limit', () => {
  it('a person can type ¥100,000,000.00 and not a fen more', () => {
    expect(parseYuanInput('100,000,000.00')).toEqual({ kind: 'fen', fen: LARGEST });
    expect(parseYuanInput('100000000.01')).toEqual({ kind: 'invalid', key: 'money.error.tooLarge' });
  });
  for (const [name, parse, key] of fields) {
    it(`${name}: takes what can be typed, refuses one fen more with its own words`, () => {
      expect(parse(LARGEST).success).toBe(true);
      const over = parse(LARGEST + 1);
      expect(over.success).toBe(false);
      expect(over.error?.issues[0]?.message).toBe(key);
    });
  }
});
