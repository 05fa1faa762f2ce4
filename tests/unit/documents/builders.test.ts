import { describe, expect, it } from 'vitest';
import { buildDeviceLabel, buildIntakeReceipt, type BuildOptions } from '../../../src/shared/documents';
import { sampleDeviceLabel, sampleIntakeReceipt, SAMPLE_TICKET_NUMBER } from '../../../src/shared/documents/samples';
import { intakeReceiptModelSchema } from '../../../src/shared/documents/intake-receipt';

const opts = (o: Partial<BuildOptions> = {}): BuildOptions => ({
  locale: 'zh-CN',
  format: 'a5',
  reprint: false,
  printedAt: '2026-11-23T03:00:00Z',
  timeZone: 'Asia/Shanghai',
  currency: 'CNY',
  barcode: (text) => `<svg viewBox="0 0 10 10" data-text="${text}"></svg>`,
  ...o,
});

/** Every string the definition would print (functions such as the footer called for page 1 of 1). */
function texts(node: unknown): string {
  if (typeof node === 'string') return node;
  if (typeof node === 'function') return texts((node as (p: number, n: number) => unknown)(1, 1));
  if (Array.isArray(node)) return node.map(texts).join(' ');
  if (node && typeof node === 'object') return Object.values(node).map(texts).join(' ');
  return '';
}

describe('intake receipt builder (pure)', () => {
  it('lays out the required fields in Chinese, masking the phone', () => {
    const doc = buildIntakeReceipt(sampleIntakeReceipt('zh-CN'), opts());
    const all = texts(doc);
    for (const s of ['华强北授权服务中心', '400-800-1234', SAMPLE_TICKET_NUMBER, '138****8000', '屏幕碎裂', '867530012345674', '保护壳', '¥100.00', '客户签名', '服务条款', '2026-11-23 10:35', '第 1 / 1 页'])
      expect(all).toContain(s);
    expect(all).not.toContain('13800138000');
    expect(all).not.toContain('重印');
    expect(doc.pageSize).toBe('A5');
  });

  it('speaks English and marks a reprint', () => {
    const doc = buildIntakeReceipt(sampleIntakeReceipt('en'), opts({ locale: 'en', reprint: true }));
    const all = texts(doc);
    for (const s of ['Intake Receipt', 'Huaqiangbei Authorized Service Centre', '138****8000', 'Cracked screen', 'REPRINT', 'Customer signature', 'Page 1 of 1'])
      expect(all).toContain(s);
    expect(doc.watermark).toMatchObject({ text: 'REPRINT' });
  });

  it('takes the roll width and grows with the content on 80 mm', () => {
    const doc = buildIntakeReceipt(sampleIntakeReceipt('zh-CN'), opts({ format: 'receipt80' }));
    expect(doc.pageSize).toEqual({ width: expect.closeTo(226.77, 1), height: 'auto' });
    expect(doc.footer).toBeUndefined(); // printed-at is inline at the end of the roll
    expect(texts(doc)).toContain('打印时间');
  });

  it('never carries a passcode: the model has no place for one', () => {
    const parsed = intakeReceiptModelSchema.safeParse({ ...sampleIntakeReceipt('zh-CN'), passcode: '1234' });
    expect(parsed.success).toBe(false);
  });

  it('says "to be decided" when there is no warranty decision yet', () => {
    const doc = buildIntakeReceipt({ ...sampleIntakeReceipt('en'), warrantyLines: [] }, opts({ locale: 'en' }));
    expect(texts(doc)).toContain('To be decided after diagnosis');
  });
});

describe('device label builder (pure)', () => {
  it('puts one label per device on a 50×30 mm page', () => {
    const model = { ...sampleDeviceLabel('zh-CN'), devices: [{ brand: 'Apple', model: 'iPhone 15' }, { brand: 'Apple', model: 'Watch' }] };
    const doc = buildDeviceLabel(model, opts({ format: 'label50x30' }));
    expect(doc.pageSize).toEqual({ width: expect.closeTo(141.73, 1), height: expect.closeTo(85.04, 1) });
    const content = doc.content as { pageBreak?: string }[];
    expect(content).toHaveLength(2);
    expect(content[1]!.pageBreak).toBe('before');
    expect(texts(doc)).toContain('2026-11-23');
  });
});
