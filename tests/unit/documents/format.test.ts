import { describe, expect, it } from 'vitest';
import { fitLine, emWidth, formatDate, formatDateTime, formatMoney, maskPhone, shortName } from '../../../src/shared/documents/format';
import { documentsSettingsSchema, docPrintSettings } from '../../../src/shared/documents/settings';
import { shopTerms } from '../../../src/shared/documents/terms';

describe('formatting for paper', () => {
  it('masks the middle digits of phones', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskPhone('+86 138 0013 8000')).toBe('138 **** 8000');
    expect(maskPhone('0755-86001234')).toBe('0755-****1234');
    expect(maskPhone('010-12345678')).toBe('010-****5678');
    expect(maskPhone('12345')).toBe('***45');
  });

  it('formats fen per locale with the yuan sign', () => {
    expect(formatMoney(1250, 'zh-CN')).toBe('¥12.50');
    expect(formatMoney(1250, 'en')).toBe('¥12.50');
    expect(formatMoney(123456789, 'en')).toBe('¥1,234,567.89');
    expect(formatMoney(0, 'zh-CN')).toBe('¥0.00');
  });

  it('shows instants in the shop time zone', () => {
    expect(formatDateTime('2026-11-23T17:30:00Z', 'Asia/Shanghai')).toBe('2026-11-24 01:30');
    expect(formatDateTime('2026-11-23T17:30:00Z', 'Europe/London')).toBe('2026-11-23 17:30');
    expect(formatDate('2026-11-23T17:30:00Z', 'Asia/Shanghai')).toBe('2026-11-24');
    expect(formatDate('2026-11-26', 'Asia/Shanghai')).toBe('2026-11-26');
  });

  it('shortens names and cuts lines to fit a label', () => {
    expect(shortName('张伟')).toBe('张伟');
    expect(shortName('欧阳娜娜娜')).toBe('欧阳娜娜…');
    expect(shortName('Zhang Wei')).toBe('Zhang W.');
    const cut = fitLine('Samsung Galaxy Z Fold6 Enterprise Edition 1TB', 120, 6.5);
    expect(cut.endsWith('…')).toBe(true);
    expect(emWidth(cut) * 6.5).toBeLessThanOrEqual(120);
    expect(fitLine('Mate 60', 120, 6.5)).toBe('Mate 60');
  });
});

describe('document settings', () => {
  it('defaults per type and lets the shop override one type', () => {
    const defaults = documentsSettingsSchema.parse({});
    expect(docPrintSettings(defaults, 'intake_receipt')).toMatchObject({ format: 'a5', autoPrint: true, copies: 2 });
    expect(docPrintSettings(defaults, 'device_label')).toMatchObject({ format: 'label50x30', autoPrint: true, copies: 1 });
    expect(docPrintSettings(defaults, 'something_new')).toMatchObject({ format: 'a4', autoPrint: false, copies: 1 });
    const own = documentsSettingsSchema.parse({ types: { intake_receipt: { format: 'receipt80', autoPrint: false, copies: 1 } } });
    expect(docPrintSettings(own, 'intake_receipt')).toEqual({ format: 'receipt80', autoPrint: false, copies: 1, printer: '' });
  });

  it('prints the default terms with the storage fee, or the shop’s own text', () => {
    const zh = shopTerms(documentsSettingsSchema.parse({}), 'zh-CN');
    expect(zh.join('\n')).toMatch(/数据/);
    expect(zh.join('\n')).toContain('30 天');
    expect(zh.join('\n')).toContain('¥2.00');
    const noFee = shopTerms(documentsSettingsSchema.parse({ storageFeeFenPerDay: 0, disposalAfterDays: 60 }), 'en');
    expect(noFee.join('\n')).toContain('60 days');
    expect(noFee.join('\n')).not.toContain('¥');
    const own = shopTerms(documentsSettingsSchema.parse({ terms: { 'zh-CN': '第一条\n\n第二条' } }), 'zh-CN');
    expect(own).toEqual(['第一条', '第二条']);
  });
});
