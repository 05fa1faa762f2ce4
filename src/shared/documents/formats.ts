/**
 * Page formats and the layout metrics each one implies. Builders read these instead of
 * hard-coding sizes, so one builder serves A4, A5 and the 80 mm roll.
 */
import type { PageSize } from 'pdfmake/interfaces';
import type { PageFormat } from './settings';

export interface FormatMetrics {
  format: PageFormat;
  pageSize: PageSize;
  /** [left, top, right, bottom] in pt. */
  margins: [number, number, number, number];
  /** Usable width in pt. */
  contentWidth: number;
  fontSize: number;
  small: number;
  title: number;
  shopName: number;
  /** Single column, no side-by-side fields (80 mm roll, labels). */
  narrow: boolean;
  /** Fixed-height pages get a running footer with page numbers; the roll ends with an inline one. */
  runningFooter: boolean;
  qrSize: number;
  barcodeHeight: number;
}

const MM = 72 / 25.4;

function metrics(
  format: PageFormat,
  pageSize: PageSize,
  width: number,
  margins: [number, number, number, number],
  rest: Omit<FormatMetrics, 'format' | 'pageSize' | 'margins' | 'contentWidth'>,
): FormatMetrics {
  return { format, pageSize, margins, contentWidth: width - margins[0] - margins[2], ...rest };
}

export const FORMATS: Record<PageFormat, FormatMetrics> = {
  a4: metrics('a4', 'A4', 595.28, [42, 36, 42, 40], {
    fontSize: 10, small: 8.5, title: 17, shopName: 16, narrow: false, runningFooter: true, qrSize: 72, barcodeHeight: 38,
  }),
  a5: metrics('a5', 'A5', 419.53, [28, 20, 28, 28], {
    fontSize: 8, small: 6.8, title: 14, shopName: 13, narrow: false, runningFooter: true, qrSize: 54, barcodeHeight: 28,
  }),
  // 80 mm paper prints about 72 mm wide; 4 mm margins keep text off the unprintable edge.
  receipt80: metrics('receipt80', { width: 80 * MM, height: 'auto' }, 80 * MM, [12, 10, 12, 14], {
    fontSize: 8, small: 7, title: 12, shopName: 11, narrow: true, runningFooter: false, qrSize: 70, barcodeHeight: 34,
  }),
  label50x30: metrics('label50x30', { width: 50 * MM, height: 30 * MM }, 50 * MM, [5, 4, 5, 2], {
    fontSize: 6.5, small: 5.5, title: 8, shopName: 6.5, narrow: true, runningFooter: false, qrSize: 0, barcodeHeight: 36,
  }),
};

export function formatMetrics(format: PageFormat): FormatMetrics {
  return FORMATS[format];
}
