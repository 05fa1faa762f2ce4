import { describe, expect, it } from 'vitest';
import { emptyValues, fieldOf, parseRanges, toInput, valuesOf } from '../../../src/hq-console/src/recalls/values';
import { recallSaveSchema } from '../../../src/shared/hq-console/recalls';
import { lookupInput } from '../../../src/hq-console/src/devices/query';

/** The campaign editor's text fields as people type them, and where the contract's issues land. */
describe('recall editor values', () => {
  it('reads one range a line, in the separators people use, and one value as one unit', () => {
    expect(parseRanges('SN0100 SN0199\nSN0200~SN0299\n  SN0300 – SN0399 \n\nSN0500', 'serial')).toEqual([
      { field: 'serial', from: 'SN0100', to: 'SN0199' },
      { field: 'serial', from: 'SN0200', to: 'SN0299' },
      { field: 'serial', from: 'SN0300', to: 'SN0399' },
      { field: 'serial', from: 'SN0500', to: 'SN0500' },
    ]);
    // three parts: kept for the schema to refuse at the field
    expect(parseRanges('A1 A2 A3', 'serial')).toEqual([{ field: 'serial', from: 'A1', to: 'A2 A3' }]);
  });

  it('an issue of a range lands on the IMEI or the serial field by its place', () => {
    const v = { ...emptyValues('2026-11-23'), code: 'RC-1', titleZh: '甲', titleEn: 'A', imeiRanges: '861234500001000 861234500001999', serialRanges: 'SN0199 SN0100', instructionsZh: '乙', instructionsEn: 'B', endDate: '2026-12-31' };
    const { imeiCount, ...input } = toInput(v, null);
    expect(imeiCount).toBe(1);
    const r = recallSaveSchema.safeParse(input);
    expect(r.success).toBe(false);
    const paths = r.success ? [] : r.error.issues.map((i) => fieldOf(i.path.join('.'), imeiCount));
    expect(paths).toEqual(['serialRanges']);
    expect(fieldOf('campaign.ranges.0.from', 1)).toBe('imeiRanges');
    expect(fieldOf('campaign.models', 1)).toBe('models');
    expect(fieldOf('campaign.code', 0)).toBe('code');
  });

  it('a saved campaign comes back into the same fields', () => {
    const back = valuesOf({ id: 'x', code: 'RC-1', titleZh: '甲', titleEn: 'A', brand: '', models: ['Mate 60', 'P70'], ranges: [{ field: 'imei', from: '1', to: '2' }, { field: 'serial', from: 'S1', to: 'S2' }], action: 'inspect', instructionsZh: '乙', instructionsEn: 'B', startDate: '2026-11-01', endDate: '2026-12-31' });
    expect([back.models, back.imeiRanges, back.serialRanges]).toEqual(['Mate 60\nP70', '1 2', 'S1 S2']);
  });

  it('the device lookup asks 15 digits as an IMEI, anything else as a serial', () => {
    expect(lookupInput(' 8612 3450 0001 506 ')).toEqual({ imei: '861234500001506' });
    expect(lookupInput('sn-0150')).toEqual({ serial: 'sn-0150' });
    expect(lookupInput('   ')).toBeNull();
  });
});
