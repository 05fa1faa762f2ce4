import { describe, it, expect } from 'vitest';
import { PRESETS, categoryPolicySchema, evaluate, findPreset, type CategoryPolicy } from '../../../src/shared/warranty';
import { input } from './helpers';

/** Invoice 2025-03-10; these last days are all working days, so no holiday shift. */
const LAST_DAY: Record<string, [string, string]> = {
  '3m': ['2025-06-10', '2025-06-11'],
  '6m': ['2025-09-10', '2025-09-11'],
  '1y': ['2026-03-10', '2026-03-11'],
  '2y': ['2027-03-10', '2027-03-11'],
  '3y': ['2028-03-10', '2028-03-11'],
};
const code = (p: { n: number; unit: string }) => `${p.n}${p.unit[0]}`;

function statusOn(policy: CategoryPolicy, part: string | null, today: string) {
  const dev = { category: policy.category, purchasePrice: 100000, hasInvoice: true, invoiceDate: '2025-03-10' };
  return evaluate(input({ device: dev, today, lines: [{ id: 'x', type: 'part', part, price: 100 }] }, policy)).lines[0]!.status;
}

describe('national presets', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))('%s is valid policy data with sources', (_id, p) => {
    expect(categoryPolicySchema.parse(p)).toBeTruthy();
    expect(p.repairWarrantyDays).toBeGreaterThanOrEqual(30);
    expect(p.sources.returnDays).toBeDefined();
    for (const row of [...p.mainParts, ...p.accessories]) expect(row.source).toBeDefined();
  });

  const rows = PRESETS.flatMap((p) => [
    [p.id, 'unit', null, p.unitPeriod, p] as const,
    ...[...p.mainParts, ...p.accessories].map((r) => [p.id, r.id, r.id, r.period, p] as const),
  ]);
  it.each(rows)('%s %s: covered on its last day, not the day after', (_id, _name, part, period, p) => {
    const [last, after] = LAST_DAY[code(period)]!;
    expect(statusOn(p, part, last)).toBe('covered');
    expect(statusOn(p, part, after)).toBe('not_covered');
  });

  it('phone figures as published', () => {
    const p = findPreset('cn.phone.2001')!;
    const acc = Object.fromEntries(p.accessories.map((a) => [a.id, code(a.period)]));
    expect(code(p.unitPeriod)).toBe('1y');
    expect(acc).toEqual({ battery: '6m', charger: '1y', wired_headset: '3m', data_card: '1y', terminal_card: '1y' });
    expect([p.returnDays, p.exchangeDays, p.depreciationPpmPerDay, p.partsWaitDays, p.repairerDelayDays, p.loanerDays]).toEqual([7, 15, 5000, 60, 30, 7]);
    expect(p.repeatRepair).toEqual({ threshold: 2, options: ['exchange'], requiresListedFault: true });
    expect(p.noInvoice.factoryOffsetDays).toBe(90);
    expect(p.noInvoice.factoryOptions).toEqual(['repair']);
    expect(p.sources.depreciation!.confidence).toBe('secondary');
  });
  it('notebook: whole unit 1 year, the seven main parts 2 years', () => {
    const p = findPreset('cn.laptop.2002')!;
    expect(p.mainParts.map((m) => m.id)).toEqual(['mainboard', 'cpu', 'memory', 'display', 'hard_disk', 'keyboard', 'power_adapter']);
    expect(p.mainParts.every((m) => code(m.period) === '2y')).toBe(true);
    expect(p.sources.depreciation!.confidence).toBe('unconfirmed');
  });
  it('household table rates and main parts', () => {
    const rate = (id: string) => findPreset(id)!.depreciationPpmPerDay;
    expect(rate('cn.tv.colour.1995')).toBe(1000);
    expect(rate('cn.tv.bw.1995')).toBe(500);
    expect(rate('cn.vcr.1995')).toBe(1000);
    expect(rate('cn.tv.lcd.2011')).toBe(1000);
    expect(rate('cn.tv.plasma.2011')).toBe(1000);
    expect(rate('cn.refrigerator.1995')).toBe(500);
    expect(rate('cn.air_conditioner.1995')).toBe(1000);
    expect(findPreset('cn.tv.colour.1995')!.mainParts.map((m) => m.name['zh-CN'])).toEqual(['显像管', '行输出变压器', '高频头', '集成电路']);
    expect(findPreset('cn.tv.lcd.2011')!.mainParts.map((m) => m.name['zh-CN'])).toEqual(['显示屏', '背光组件', '逻辑组件', '高频调谐器']);
    expect(findPreset('cn.tv.plasma.2011')!.mainParts.map((m) => m.name['zh-CN'])).toEqual(['显示屏', '驱动组件', '逻辑组件', '高频调谐器']);
    expect(findPreset('cn.vcr.1995')!.mainParts.every((m) => code(m.period) === '1y')).toBe(true);
    expect(findPreset('cn.microwave.1995')!.mainParts[0]!.source!.confidence).toBe('unconfirmed');
    expect(findPreset('cn.refrigerator.1995')!.partsWaitDays).toBe(90);
    expect(findPreset('cn.refrigerator.1995')!.repeatRepair.options).toEqual(['exchange', 'return']);
  });
  it('a policy below the statutory 30-day repair warranty is rejected', () => {
    expect(categoryPolicySchema.safeParse({ ...findPreset('cn.phone.2001')!, repairWarrantyDays: 29 }).success).toBe(false);
  });
});
