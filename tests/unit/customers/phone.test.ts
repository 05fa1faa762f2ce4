import { describe, expect, it } from 'vitest';
import { displayPhone, maskPhone, parseCnPhone, reverseDigits } from '../../../src/shared/customers/phone';
import { newCustomerSchema } from '../../../src/shared/customers/schemas';

describe('CN phone numbers', () => {
  it('normalizes a mobile typed any way to one E.164 number, shown 3-4-4', () => {
    for (const raw of ['13800138000', '138 0013 8000', '138-0013-8000', '+86 138 0013 8000', '008613800138000']) {
      expect(parseCnPhone(raw)).toEqual({ e164: '+8613800138000', kind: 'mobile', digits: '13800138000', display: '138 0013 8000' });
    }
  });

  it('reads landlines with their area code, shown with a dash', () => {
    expect(parseCnPhone('0755-83216688')).toEqual({ e164: '+8675583216688', kind: 'landline', digits: '075583216688', display: '0755-8321 6688' });
    expect(parseCnPhone('010 6552 9988')?.display).toBe('010-6552 9988');
    expect(displayPhone('+8675583216688')).toBe('0755-8321 6688');
  });

  it('refuses malformed and foreign numbers', () => {
    for (const bad of ['12345', '1380013800', '138001380001', '10086000000', 'abc', '+1 415 555 2671', '0755-12']) expect(parseCnPhone(bad), bad).toBeNull();
  });

  it('stores reversed digits for suffix search and masks for receipts', () => {
    expect(reverseDigits('13800138000')).toBe('00083100831');
    expect(maskPhone('138 0013 8000')).toBe('138****8000');
  });

  it('gates a customer on a valid phone with a field message', () => {
    const r = newCustomerSchema.safeParse({ name: '张伟', phones: ['138001'] });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['phones.0', 'customers.error.phoneInvalid']]);
    expect(newCustomerSchema.safeParse({ name: '张伟', phones: [] }).error!.issues[0]!.message).toBe('customers.error.phoneRequired');
  });
});
