import { describe, expect, it } from 'vitest';
import { inRange, isRecallActive, matchingRecalls, normalizeName, recallCovers, type RecallRules } from '../../../src/shared/recalls/match';
import { recallCampaignSchema } from '../../../src/shared/recalls/schemas';

/** Hand-worked cases of the recall rules: brand, models, IMEI (either slot) and serial ranges, dates. */
const base: RecallRules = { brand: '', models: [], ranges: [], startDate: '2026-03-01', endDate: '2026-06-30' };
const phone = { brand: 'Huawei', model: 'Mate 60', imei: '860000000000150', imei2: '', serial: 'SN0150' };

describe('recall matching', () => {
  it('dates: start and end days are included, the day before and after are not', () => {
    expect(isRecallActive(base, '2026-02-28')).toBe(false);
    expect(isRecallActive(base, '2026-03-01')).toBe(true);
    expect(isRecallActive(base, '2026-06-30')).toBe(true);
    expect(isRecallActive(base, '2026-07-01')).toBe(false);
  });

  it('models compare without case, runs of spaces are one space, and a missing space is another model', () => {
    expect(normalizeName('  mate   60 ')).toBe('MATE 60');
    const c = { ...base, models: ['MATE 60'] };
    expect(recallCovers(c, { ...phone, model: 'mate  60' })).toBe('model');
    expect(recallCovers(c, { ...phone, model: 'Mate60' })).toBeNull();
    expect(recallCovers(c, { ...phone, model: 'Mate 60 Pro' })).toBeNull();
  });

  it('a brand, when named, must be the device’s', () => {
    const c = { ...base, brand: 'huawei', models: ['Mate 60'] };
    expect(recallCovers(c, phone)).toBe('model');
    expect(recallCovers(c, { ...phone, brand: 'Honor' })).toBeNull();
  });

  it('ranges include both ends and compare at the same length only', () => {
    const r = { from: 'SN0100', to: 'SN0199' };
    expect(inRange('SN0100', r)).toBe(true);
    expect(inRange('SN0199', r)).toBe(true);
    expect(inRange('SN0150', r)).toBe(true);
    expect(inRange('SN0200', r)).toBe(false);
    expect(inRange('SN0099', r)).toBe(false);
    expect(inRange('SN150', r)).toBe(false); // shorter: "SN150" > "SN0100" as text, yet another series
    expect(inRange('SN01500', r)).toBe(false);
    expect(inRange('', r)).toBe(false);
  });

  it('an IMEI range matches either slot; a range names the unit, so it beats the model', () => {
    const c = { ...base, models: ['Mate 60'], ranges: [{ field: 'imei' as const, from: '860000000000100', to: '860000000000199' }] };
    expect(recallCovers(c, phone)).toBe('imei');
    expect(recallCovers(c, { ...phone, imei: '860000000000200', imei2: '860000000000101' })).toBe('imei');
    expect(recallCovers(c, { ...phone, imei: '860000000000200' })).toBeNull(); // the model alone is not enough when ranges are given
    expect(recallCovers(c, { ...phone, model: 'P70' })).toBeNull(); // in range, but another model
  });

  it('a serial range matches the serial as typed (spaces, lower case)', () => {
    const c = { ...base, ranges: [{ field: 'serial' as const, from: 'SN0100', to: 'SN0199' }] };
    expect(recallCovers(c, { ...phone, serial: ' sn0150 ' })).toBe('serial');
    expect(recallCovers(c, { ...phone, serial: '' })).toBeNull();
  });

  it('matchingRecalls keeps the campaigns running today that cover the device, in order', () => {
    const a = { ...base, id: 'a', models: ['Mate 60'] };
    const b = { ...base, id: 'b', models: ['P70'] };
    const later = { ...base, id: 'c', models: ['Mate 60'], startDate: '2026-07-01', endDate: '2026-12-31' };
    expect(matchingRecalls([a, b, later], phone, '2026-04-01').map((h) => [h.campaign.id, h.by])).toEqual([['a', 'model']]);
    expect(matchingRecalls([a, b, later], phone, '2026-07-01').map((h) => h.campaign.id)).toEqual(['c']);
  });
});

describe('recall campaign schema', () => {
  const valid = {
    code: 'rc-2026-07',
    titleZh: '电池鼓包召回',
    titleEn: 'Battery swelling recall',
    models: ['Mate 60'],
    ranges: [{ field: 'imei', from: '860000 000000100', to: '860000000000199' }],
    action: 'replace_part',
    instructionsZh: '更换电池',
    instructionsEn: 'Replace the battery',
    startDate: '2026-03-01',
    endDate: '2026-06-30',
  };
  it('normalizes the code and the range ends', () => {
    const c = recallCampaignSchema.parse(valid);
    expect(c.code).toBe('RC-2026-07');
    expect(c.ranges[0]).toEqual({ field: 'imei', from: '860000000000100', to: '860000000000199' });
    expect(c.brand).toBe('');
  });
  it('refuses what cannot be matched, with a catalog key at the field', () => {
    const issues = (v: object) => {
      const r = recallCampaignSchema.safeParse({ ...valid, ...v });
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
    };
    expect(issues({ models: [], ranges: [] })).toEqual(['models:recalls.error.nothingCovered']);
    expect(issues({ endDate: '2026-02-28' })).toEqual(['endDate:recalls.error.endBeforeStart']);
    expect(issues({ ranges: [{ field: 'imei', from: '86000000000010', to: '860000000000199' }] })).toEqual(['ranges.0.from:recalls.error.imeiEnd', 'ranges.0.to:recalls.error.rangeLength']);
    expect(issues({ ranges: [{ field: 'serial', from: 'SN0199', to: 'SN0100' }] })).toEqual(['ranges.0.to:recalls.error.rangeOrder']);
    expect(issues({ code: 'R' })).toEqual(['code:recalls.error.code']);
  });
});
