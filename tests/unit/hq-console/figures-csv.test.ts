import { describe, expect, it } from 'vitest';
import { figuresCsv, type FigureRow } from '../../../src/hq-console/src/figures/rows';

describe('the network figures as CSV', () => {
  it('money in yuan, rates in percent, the total named, commas and quotes in names kept intact, a BOM for Excel', () => {
    const rows: FigureRow[] = [
      { code: 'SZ01', name: '福田店, "旗舰"', received: 12, completed: 10, collected: 9, ftfRate: 8 / 9, medianHours: 26.5, revenueFen: 123456, complaints: 1 },
      { code: '', name: '', received: 12, completed: 10, collected: 9, ftfRate: null, medianHours: null, revenueFen: null, complaints: 1 },
    ];
    const csv = figuresCsv(rows, ['门店', '名称', 'a', 'b', 'c', 'd', 'e', 'f', 'g'], '全网合计');
    expect(csv).toBe('\uFEFF门店,名称,a,b,c,d,e,f,g\r\nSZ01,"福田店, ""旗舰""",12,10,9,88.9,26.5,1234.56,1\r\n全网合计,,12,10,9,,,,1\r\n');
  });
});
