import { describe, expect, it } from 'vitest';
import { fenToYuanText, formatFen, parsePercentBp, parseYuan, parseYuanInput, taxSplit } from '../../../src/shared/money';
import { t } from '../../../src/shared/i18n/translate';

describe('yuan typed by a person → fen', () => {
  it.each([
    ['1299', 129900],
    ['1299.5', 129950],
    ['1299.50元', 129950],
    ['¥1,299.5', 129950],
    ['￥1,299.50', 129950],
    ['１２９９．５０', 129950],
    ['￥１，２９９．５', 129950],
    ['  12.30  ', 1230],
    ['0.1', 10],
    ['0.07', 7],
    ['1.230', 123],
    ['RMB 88', 8800],
    ['5 元', 500],
  ])('%s → %i fen', (typed, fen) => {
    expect(parseYuan(typed)).toBe(fen);
  });

  it('numbers from a numeric input are read by their decimal text, never multiplied as floats', () => {
    // 1.15 × 100 = 114.99999999999999 in binary floating point; the typed 1.15 is 115 fen.
    expect(Math.round(1.005 * 100)).toBe(100); // what the old code did with ¥1.005: a silent wrong fen
    expect(parseYuan(1.15)).toBe(115);
    expect(parseYuan(19.99)).toBe(1999);
    expect(parseYuanInput(1.005)).toEqual({ kind: 'invalid', key: 'money.error.tooManyDecimals' });
  });

  it('empty is empty, not zero; what is not an amount says why, in both languages', () => {
    expect(parseYuanInput('')).toEqual({ kind: 'empty' });
    expect(parseYuanInput('   ')).toEqual({ kind: 'empty' });
    expect(parseYuan('')).toBeNull();
    for (const [typed, key] of [
      ['12.345', 'money.error.tooManyDecimals'],
      ['-5', 'money.error.negative'],
      ['−5', 'money.error.negative'],
      ['12,34', 'money.error.notAmount'],
      ['1,2345', 'money.error.notAmount'],
      ['abc', 'money.error.notAmount'],
      ['1.2.3', 'money.error.notAmount'],
      ['999999999999999', 'money.error.tooLarge'],
    ] as const) {
      const r = parseYuanInput(typed);
      expect(r, typed).toEqual({ kind: 'invalid', key });
      if (r.kind === 'invalid') {
        expect(t('zh-CN', r.key)).not.toBe(r.key);
        expect(t('en', r.key)).not.toBe(r.key);
      }
    }
    expect(t('zh-CN', 'money.error.tooManyDecimals')).toBe('金额最多两位小数（到分）');
  });

  it('percentages → basis points', () => {
    expect(parsePercentBp('13')).toBe(1300);
    expect(parsePercentBp('12.5%')).toBe(1250);
    expect(parsePercentBp('１５％')).toBe(1500);
    expect(parsePercentBp(9.99)).toBe(999);
    expect(parsePercentBp('')).toBeNull();
  });
});

describe('fen → text, tax', () => {
  it('formats in the reader\'s locale with the narrow symbol', () => {
    expect(formatFen(129950, 'zh-CN')).toBe('¥1,299.50');
    expect(formatFen(129950, 'en')).toBe('¥1,299.50');
    expect(formatFen(0, 'en')).toBe('¥0.00');
    expect(fenToYuanText(129905)).toBe('1299.05');
  });
  it('13 % included in ¥1,580.00: tax = 158000 × 13 / 113 = 18176.99… → ¥181.77', () => {
    expect(taxSplit(158000, 1300, true)).toMatchObject({ taxFen: 18177, netFen: 139823, grossFen: 158000 });
    // without tax in the price: ¥100.00 + 13 % = ¥113.00
    expect(taxSplit(10000, 1300, false)).toMatchObject({ taxFen: 1300, grossFen: 11300 });
  });
});
