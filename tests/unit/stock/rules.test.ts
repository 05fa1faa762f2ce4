import { describe, expect, it } from 'vitest';
import { nextAverageCost, stockValue } from '../../../src/shared/stock/cost';
import { availability, issuableFor } from '../../../src/shared/stock/availability';
import { variance, varianceTotals } from '../../../src/shared/stock/stocktake';
import { reorderSuggestion } from '../../../src/shared/stock/reorder';
import { fenToYuanText, parseYuan } from '../../../src/shared/money/yuan';
import { parseCsv } from '../../../src/shared/stock/csv';
import { checkImportRows, mapHeader } from '../../../src/shared/stock/import-rows';

describe('moving-average cost', () => {
  it('blends receipts by quantity and rounds to the fen', () => {
    expect(nextAverageCost(10, 100, 10, 200)).toBe(150);
    expect(nextAverageCost(15, 150, 5, 300)).toBe(188);
    expect(nextAverageCost(3, 333, 0, 999)).toBe(333);
  });
  it('starts afresh when nothing (or less than nothing) is on hand', () => {
    expect(nextAverageCost(0, 500, 4, 120)).toBe(120);
    expect(nextAverageCost(-2, 500, 4, 120)).toBe(120);
  });
  it('values only what is there', () => {
    expect(stockValue(4, 250)).toBe(1000);
    expect(stockValue(-1, 250)).toBe(0);
  });
});

describe('availability', () => {
  it('is on hand minus reserved, negative when reservations exceed stock', () => {
    expect(availability(5, 2)).toEqual({ onHand: 5, reserved: 2, available: 3 });
    expect(availability(1, 3).available).toBe(-2);
  });
  it('gives stock to reservations oldest first', () => {
    const res = [
      { ticketId: 'a', qty: 2 },
      { ticketId: 'b', qty: 1 },
    ];
    expect(issuableFor(2, res, 'a')).toBe(2);
    expect(issuableFor(2, res, 'b')).toBe(0);
    expect(issuableFor(2, res, 'c')).toBe(0);
    expect(issuableFor(5, res, 'c')).toBe(2);
    expect(issuableFor(5, res, 'b')).toBe(3);
    expect(issuableFor(0, [], 'x')).toBe(0);
  });
});

describe('stocktake variance', () => {
  it('is the count against the frozen figure, valued at the frozen cost; uncounted lines have none', () => {
    expect(variance({ expected: 5, counted: 4, unitCost: 2000 })).toEqual({ qty: -1, value: -2000 });
    expect(variance({ expected: 5, counted: null, unitCost: 2000 })).toEqual({ qty: 0, value: 0 });
    expect(
      varianceTotals([
        { expected: 5, counted: 4, unitCost: 2000 },
        { expected: 3, counted: 4, unitCost: 10000 },
        { expected: 1, counted: null, unitCost: 1 },
      ]),
    ).toEqual({ counted: 2, uncounted: 1, shortQty: 1, overQty: 1, value: 8000 });
  });
});

describe('reorder suggestion', () => {
  it('is nothing above the reorder point, else at least the reorder quantity and the shortage', () => {
    expect(reorderSuggestion(5, 2, 10)).toBe(0);
    expect(reorderSuggestion(2, 2, 10)).toBe(10);
    expect(reorderSuggestion(-4, 2, 3)).toBe(7);
    expect(reorderSuggestion(-1, 0, 0)).toBe(1);
  });
});

describe('money and CSV', () => {
  it('parses yuan text into fen without floats', () => {
    expect(parseYuan('1299')).toBe(129900);
    expect(parseYuan('¥1,299.5')).toBe(129950);
    expect(parseYuan('0.07')).toBe(7);
    expect(parseYuan('12.345')).toBeNull();
    expect(parseYuan('-1')).toBeNull();
    expect(fenToYuanText(-705)).toBe('-7.05');
  });
  it('reads quoted fields, doubled quotes, CRLF, a BOM and semicolon files', () => {
    expect(parseCsv('\ufeffa,b\r\n"x, y","say ""hi"""\r\n\r\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
    ]);
    expect(parseCsv('a;b\n1;2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
  it('maps Chinese or English headers and checks each row on its own', () => {
    expect(mapHeader(['SKU', '名称', '类别']).missing).toEqual(['listPrice']);
    const { good, issues } = checkImportRows(
      ['sku', 'name', 'category', 'price', 'serialized', 'kind'],
      [
        ['A-1', '屏幕', 'screen', '10', 'yes', ''],
        ['A-2', '', 'screen', '10', 'maybe', ''],
        ['A-3', '备用机', 'loaner', '0', 'no', '备用机'],
      ],
    );
    expect(good.map((g) => g.part.sku)).toEqual(['A-1']);
    expect(issues.map((i) => [i.row, i.field, i.key])).toEqual([
      [3, 'serialized', 'stock.import.badBool'],
      [3, 'nameZh', 'validation.required'],
      [4, 'serialized', 'stock.validation.loanerSerialized'],
    ]);
  });
});
