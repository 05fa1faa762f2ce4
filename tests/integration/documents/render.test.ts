import { describe, expect, it } from 'vitest';
import { buildDeviceLabel, buildIntakeReceipt, type BuildOptions } from '../../../src/shared/documents';
import type { Locale } from '../../../src/shared/i18n/types';
import type { PageFormat } from '../../../src/shared/documents/settings';
import { sampleDeviceLabel, sampleIntakeReceipt, SAMPLE_TICKET_NUMBER } from '../../../src/shared/documents/samples';
import { renderPdf } from '../../../src/core/documents/render';
import { code128Svg } from '../../../src/core/documents/barcode';
import { pdfPages, pdfText, scan, squash, writePdf } from './pdf-tools';

const opts = (locale: Locale, format: PageFormat, reprint = false): BuildOptions => ({
  locale,
  format,
  reprint,
  printedAt: '2026-11-23T03:00:00Z',
  timeZone: 'Asia/Shanghai',
  currency: 'CNY',
  barcode: code128Svg,
});

const expected: Record<Locale, string[]> = {
  'zh-CN': ['华强北授权服务中心', '维修受理单', SAMPLE_TICKET_NUMBER, '138****8000', '屏幕碎裂、触摸失灵', '维修过程中设备数据可能丢失', '客户签名', '¥100.00', '2026-11-2310:35'],
  en: ['Huaqiangbei Authorized Service Centre', 'Intake Receipt', SAMPLE_TICKET_NUMBER, '138****8000', 'Cracked screen', 'Data on the device may be lost during repair', 'Customer signature', '¥100.00'],
};

describe('intake receipt rendered to PDF with the embedded font', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    for (const format of ['a5', 'receipt80', 'a4'] as const) {
      it(`${locale} on ${format}: required texts, one page, barcode and QR decode to the ticket number`, async () => {
        const file = writePdf(await renderPdf(buildIntakeReceipt(sampleIntakeReceipt(locale), opts(locale, format))));
        const text = squash(pdfText(file));
        for (const s of expected[locale]) expect(text).toContain(squash(s));
        expect(text).not.toContain('13800138000');
        expect(text).not.toContain(squash(locale === 'zh-CN' ? '重印' : 'REPRINT'));
        const info = pdfPages(file);
        expect(info.pages).toBe(1);
        if (format === 'receipt80') expect(info.width).toBeCloseTo(226.77, 1);
        if (format === 'a5') expect([info.width, info.height].map(Math.round)).toEqual([420, 595]);
        expect(scan(file)).toEqual([`CODE-128:${SAMPLE_TICKET_NUMBER}`, `QR-Code:${SAMPLE_TICKET_NUMBER}`]);
      });
    }
  }

  it('marks a reprint on the paper (zh-CN and en)', async () => {
    for (const [locale, mark] of [['zh-CN', '重印'], ['en', 'REPRINT']] as const) {
      const file = writePdf(await renderPdf(buildIntakeReceipt(sampleIntakeReceipt(locale), opts(locale, 'a5', true))));
      expect(squash(pdfText(file))).toContain(mark);
    }
  });

  it('keeps a long fault on A5 readable: it flows to a second page with page numbers, never clipped', async () => {
    const model = { ...sampleIntakeReceipt('zh-CN'), fault: '反复死机。'.repeat(400) };
    const file = writePdf(await renderPdf(buildIntakeReceipt(model, opts('zh-CN', 'a5'))));
    const info = pdfPages(file);
    expect(info.pages).toBeGreaterThan(1);
    expect(squash(pdfText(file))).toContain(`第${info.pages}/${info.pages}页`);
  });
});

describe('device label rendered to PDF', () => {
  it('is one 50×30 mm page whose barcode decodes at 300 dpi and at 203 dpi (thermal head)', async () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const model = { ...sampleDeviceLabel(locale), devices: [{ brand: 'Samsung', model: 'Galaxy Z Fold6 Enterprise Edition 1TB Phantom Black' }] };
      const file = writePdf(await renderPdf(buildDeviceLabel(model, opts(locale, 'label50x30'))));
      const info = pdfPages(file);
      expect(info.pages).toBe(1);
      expect([info.width, info.height].map((x) => Math.round(x * 10) / 10)).toEqual([141.7, 85]);
      expect(scan(file, 300)).toEqual([`CODE-128:${SAMPLE_TICKET_NUMBER}`]);
      expect(scan(file, 203)).toEqual([`CODE-128:${SAMPLE_TICKET_NUMBER}`]);
      expect(squash(pdfText(file))).toContain(locale === 'zh-CN' ? '张伟' : 'ZhangW.');
    }
  });
});
