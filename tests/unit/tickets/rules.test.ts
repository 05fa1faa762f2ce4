import { describe, expect, it } from 'vitest';
import { formatTicketNumber, parseTicketNumber, yymmOf } from '../../../src/shared/tickets/number';
import { isValidPattern, isValidPin } from '../../../src/shared/tickets/passcode';
import { localDate, daysBetweenDates, isCalendarDate } from '../../../src/shared/time/local-date';
import { intakeInputSchema, passcodeSchema } from '../../../src/shared/tickets/schemas';

describe('ticket numbers', () => {
  it('formats {shop}-{yymm}-{seq} with a 4-digit sequence that can grow', () => {
    expect(formatTicketNumber('SZ01', '2611', 42)).toBe('SZ01-2611-0042');
    expect(formatTicketNumber('SZ01', '2611', 12345)).toBe('SZ01-2611-12345');
    expect(yymmOf('2026-11-01')).toBe('2611');
  });

  it('reads a number with or without its prefix, or the sequence alone', () => {
    expect(parseTicketNumber('SZ01-2611-0042')).toEqual({ shopCode: 'SZ01', yymm: '2611', seq: 42 });
    expect(parseTicketNumber('sz01-2611-0042')).toEqual({ shopCode: 'SZ01', yymm: '2611', seq: 42 });
    expect(parseTicketNumber('2611-0042')).toEqual({ shopCode: null, yymm: '2611', seq: 42 });
    expect(parseTicketNumber('0042')).toEqual({ shopCode: null, yymm: null, seq: 42 });
    expect(parseTicketNumber('2613-0042')).toBeNull(); // no 13th month
    expect(parseTicketNumber('张伟')).toBeNull();
  });
});

describe('the shop calendar', () => {
  it('rolls the day at the shop\'s midnight, not UTC\'s', () => {
    expect(localDate(new Date('2026-11-30T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-12-01');
    expect(localDate(new Date('2026-11-30T15:59:00Z'), 'Asia/Shanghai')).toBe('2026-11-30');
    expect(daysBetweenDates('2026-11-23', '2026-12-01')).toBe(8);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
  });
});

describe('passcodes', () => {
  it('accepts a pattern of 4+ distinct dots on the 3×3 grid', () => {
    expect(isValidPattern('1235')).toBe(true);
    expect(isValidPattern('147852369')).toBe(true);
    expect(isValidPattern('123')).toBe(false); // too short
    expect(isValidPattern('1231')).toBe(false); // a dot twice
    expect(isValidPattern('1230')).toBe(false); // no dot 0
    expect(isValidPin('0000')).toBe(true);
    expect(isValidPin('12a4')).toBe(false);
  });

  it('takes a secret, declined or none, with field messages', () => {
    expect(passcodeSchema.parse('declined')).toBe('declined');
    expect(passcodeSchema.safeParse({ kind: 'pattern', value: '11' }).error!.issues[0]).toMatchObject({ path: ['value'], message: 'tickets.error.pattern' });
  });
});

describe('intake input', () => {
  it('names each missing required field', () => {
    const r = intakeInputSchema.safeParse({});
    const paths = r.error!.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(expect.arrayContaining(['fault', 'passcode', 'dataLossAck', 'promisedDate']));
  });

  it('wants one customer and one device, the acknowledgement, and a deposit of whole fen ≥ 0', () => {
    const r = intakeInputSchema.safeParse({
      fault: { text: '' },
      passcode: 'none',
      dataLossAck: false,
      promisedDate: '2026-11-30',
      depositFen: -1,
    });
    const issues = r.error!.issues.map((i) => `${i.path.join('.')}:${i.message}`);
    expect(issues).toEqual(
      expect.arrayContaining([
        'fault.text:tickets.error.faultRequired',
        'dataLossAck:tickets.error.dataLossAck',
        'depositFen:tickets.error.depositNegative',
        'customer:tickets.error.customerOne',
        'device:tickets.error.deviceOne',
      ]),
    );
  });
});
