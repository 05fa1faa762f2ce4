import { describe, expect, it } from 'vitest';
import { t } from '../../../src/shared/i18n/translate';
import { formatPeriod } from '../../../src/shared/warranty/format';

describe('counts read as a person says them (ICU plurals)', () => {
  it('one day, two days; Chinese does not inflect', () => {
    expect(t('en', 'ui.tickets.badge.dueIn', { days: 1 })).toBe('Due in 1 day');
    expect(t('en', 'ui.tickets.badge.dueIn', { days: 2 })).toBe('Due in 2 days');
    expect(t('en', 'ui.tickets.badge.overdue', { days: 1 })).toBe('1 day overdue');
    expect(t('zh-CN', 'ui.tickets.badge.dueIn', { days: 1 })).toBe('1 天后到期');
  });

  it('one part, a thousand and two hundred units (the count is grouped as English numbers are)', () => {
    expect(t('en', 'ui.stock.valuation.skusN', { n: 1 })).toBe('1 part');
    expect(t('en', 'ui.stock.valuation.unitsN', { n: 1200 })).toBe('1,200 units');
    expect(t('en', 'ui.stock.reorder.waiting', { n: 0 })).toBe('0 tickets waiting');
  });

  it('a verb follows its count, and a sentence changes its shape for one', () => {
    expect(t('en', 'stock.errors.serialCount', { sku: 'BAT-1', qty: 1, given: 0 })).toBe('BAT-1 is tracked by serial: 1 unit needs 1 serial (0 given)');
    expect(t('en', 'stock.errors.serialCount', { sku: 'BAT-1', qty: 3, given: 1 })).toBe('BAT-1 is tracked by serial: 3 units need 3 serials (1 given)');
    expect(t('en', 'ui.counter.fixErrors', { n: 1 })).toBe('1 field to fill in or correct; it is marked.');
    expect(t('en', 'ui.counter.fixErrors', { n: 4 })).toBe('4 fields to fill in or correct; they are marked.');
  });

  it('warranty periods: 1 month, 12 months, 1 year (the old hack cut the last "s" off any word)', () => {
    expect(formatPeriod('1m', 'en')).toBe('1 month');
    expect(formatPeriod('12m', 'en')).toBe('12 months');
    expect(formatPeriod('1y', 'en')).toBe('1 year');
    expect(formatPeriod('7d', 'en')).toBe('7 days');
    expect(formatPeriod('6m', 'zh-CN')).toBe('6个月');
  });

  it("apostrophes and # outside a plural stay as written (ICU quotes only '{…}')", () => {
    expect(t('en', 'sync.lookup.offline.timeout', { detail: 'x' })).toBe("Head office did not answer within a few seconds (x); the intake continues on this shop's records");
    expect(t('en', 'devices.error.imeiCheckDigit')).toBe('The IMEI check digit is wrong; check it (dial *#06#)');
  });

  it('an unknown key shows itself; a value left out leaves the message visible, never crashes', () => {
    expect(t('en', 'ui.no.such.key')).toBe('ui.no.such.key');
    expect(t('en', 'ui.tickets.badge.dueIn')).toContain('Due in');
  });
});

describe('codes inside a sentence are selects: the role or status by its name', () => {
  it('a refusal names the role in words, 前台 not counter', () => {
    expect(t('zh-CN', 'errors.FORBIDDEN', { role: 'counter' })).toBe('您的角色（前台）无权执行此操作');
    expect(t('en', 'documents.errors.roleNotAllowed', { role: 'technician' })).toBe('Your role (technician) may not print this document');
  });

  it('a status reads as the screens say it', () => {
    expect(t('zh-CN', 'stock.errors.stocktakeClosed', { status: 'posted' })).toBe('该盘点已过账，不能再修改');
    expect(t('en', 'reports.error.complaintState', { status: 'resolved' })).toBe('Not possible while the complaint is awaiting the customer');
  });
});
