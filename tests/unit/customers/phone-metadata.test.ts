import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { cnMetadata as cn } from '../../../src/shared/customers/phone-metadata.cn';
import { displayPhone, parseCnPhone } from '../../../src/shared/customers/phone';

const max = createRequire(import.meta.url)('libphonenumber-js/metadata.max.json');

describe('the China slice of the phone metadata', () => {
  it('is the installed libphonenumber-js full metadata for +86 (rerun scripts/gen-phone-metadata.mjs after an upgrade)', () => {
    expect(cn).toEqual({ version: max.version, country_calling_codes: { 86: ['CN'] }, countries: { CN: max.countries.CN }, nonGeographic: {} });
  });

  it('validates, types and shows every number as the full metadata does', () => {
    // Numbers shaped like what a counter types: mobiles (1xx), landlines with a trunk 0, +86.
    const typed = fc.oneof(
      fc.stringMatching(/^1[3-9]\d{9}$/),
      fc.stringMatching(/^0[1-9]\d{1,2}-?\d{7,8}$/),
      fc.stringMatching(/^\+86 ?1\d{10}$/),
      fc.stringMatching(/^\+[1-9]\d{7,12}$/),
    );
    fc.assert(
      fc.property(typed, (raw) => {
        const full = parsePhoneNumberFromString(raw.replace(/^0086/, '+86'), 'CN');
        const ok = !!full && full.isValid() && full.country === 'CN' && ['MOBILE', 'FIXED_LINE', 'FIXED_LINE_OR_MOBILE'].includes(full.getType() ?? '');
        const ours = parseCnPhone(raw);
        expect(ours !== null).toBe(ok);
        if (ours && full) {
          expect(ours.e164).toBe(full.number);
          expect(ours.kind).toBe(full.getType() === 'FIXED_LINE' ? 'landline' : 'mobile');
          expect(displayPhone(ours.e164)).toBe(ours.display);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
