import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isValidImei, luhnCheckDigit, normalizeImei, withCheckDigit } from '../../../src/shared/devices/imei';
import { newDeviceSchema } from '../../../src/shared/devices/schemas';
import { DEVICE_CATEGORIES, COMMON_FAULTS } from '../../../src/shared/devices/categories';
import { CATEGORY_IDS, type CategoryId } from '../../../src/shared/warranty/schemas';
import type { DeviceCategory } from '../../../src/shared/devices/categories';
import { deviceDateIssues } from '../../../src/shared/devices/dates';

describe('IMEI check digit (Luhn)', () => {
  it('accepts known-good IMEIs and rejects a changed digit', () => {
    expect(isValidImei('490154203237518')).toBe(true);
    expect(isValidImei('356938035643809')).toBe(true);
    expect(isValidImei('490154203237517')).toBe(false);
    expect(isValidImei('49015420323751')).toBe(false); // 14 digits
    expect(isValidImei('49015420323751A')).toBe(false);
  });

  it('detects every single-digit typo', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{14}$/), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 1, max: 9 }), (body, pos, delta) => {
        const good = withCheckDigit(body);
        expect(isValidImei(good)).toBe(true);
        const d = (Number(good[pos]) + delta) % 10;
        const bad = good.slice(0, pos) + d + good.slice(pos + 1);
        expect(isValidImei(bad)).toBe(false);
      }),
    );
  });

  it('computes the digit the standard example gives', () => {
    expect(luhnCheckDigit('49015420323751')).toBe(8);
    expect(normalizeImei('49-015420 323751/8')).toBe('490154203237518');
  });
});

describe('device input', () => {
  const base = { category: 'phone', brand: 'Apple', model: 'iPhone 15' } as const;
  const paths = (r: ReturnType<typeof newDeviceSchema.safeParse>) => (r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`));

  it('refuses a wrong check digit with its own message, and a short IMEI with another', () => {
    expect(paths(newDeviceSchema.safeParse({ ...base, imei: '490154203237517' }))).toEqual(['imei:devices.error.imeiCheckDigit']);
    expect(paths(newDeviceSchema.safeParse({ ...base, imei: '4901542032' }))).toEqual(['imei:devices.error.imeiFormat']);
  });

  it('needs an IMEI or a serial; a second IMEI needs the first', () => {
    expect(paths(newDeviceSchema.safeParse(base))).toEqual(['imei:devices.error.identityRequired']);
    expect(paths(newDeviceSchema.safeParse({ ...base, category: 'tv' }))).toEqual(['serial:devices.error.identityRequired']);
    expect(paths(newDeviceSchema.safeParse({ ...base, serial: 'F2LXK0AAHG7F', imei2: '490154203237518' }))).toContain('imei:devices.error.imei2WithoutImei');
    expect(newDeviceSchema.safeParse({ ...base, imei: '490 154 203 237 518', imei2: '356938035643809' }).success).toBe(true);
  });

  it('refuses impossible dates and dates after today', () => {
    expect(paths(newDeviceSchema.safeParse({ ...base, serial: 'ABC123', purchaseDate: '2026-02-30' }))).toEqual(['purchaseDate:devices.error.date']);
    expect(deviceDateIssues({ purchaseDate: '2026-11-24', proof: { kind: 'invoice', invoiceDate: '2026-12-01' } }, '2026-11-23', 'device')).toEqual([
      { path: 'device.purchaseDate', key: 'devices.error.purchaseInFuture' },
      { path: 'device.proof.invoiceDate', key: 'devices.error.invoiceInFuture' },
    ]);
    expect(deviceDateIssues({ purchaseDate: '2026-11-23' }, '2026-11-23', '')).toEqual([]);
  });
});

describe('device categories', () => {
  it('are the warranty engine\'s category ids, and every category has common faults', () => {
    const same: [DeviceCategory] extends [CategoryId] ? ([CategoryId] extends [DeviceCategory] ? true : false) : false = true;
    expect(same).toBe(true);
    expect([...DEVICE_CATEGORIES].sort()).toEqual([...CATEGORY_IDS].sort());
    for (const c of DEVICE_CATEGORIES) expect(COMMON_FAULTS[c].length).toBeGreaterThan(0);
  });
});
