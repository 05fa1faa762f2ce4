/**
 * The device label (50×30 mm): stuck on the device at intake so the bench can scan it.
 * One page per device; every line is cut to fit so a label never spills onto a second one.
 */
import { z } from 'zod';
import type { Content } from 'pdfmake/interfaces';
import { frame } from './blocks';
import { fitLine, formatDate, shortName } from './format';
import { formatMetrics } from './formats';
import { tr } from './translate';
import type { BuildOptions, DocumentBuilder } from './types';

export const deviceLabelModelSchema = z.object({
  ticketNumber: z.string().min(1).max(40),
  customerName: z.string().max(80),
  /** ISO instant of intake. */
  intakeAt: z.string().min(1),
  devices: z.array(z.object({ brand: z.string().max(60).default(''), model: z.string().max(80).default('') })).min(1),
});
export type DeviceLabelModel = z.output<typeof deviceLabelModelSchema>;

export const buildDeviceLabel: DocumentBuilder<DeviceLabelModel> = (model, opts: BuildOptions) => {
  // Whatever the setting says, a label is a label: other formats get the label laid out centred on them.
  const m = formatMetrics(opts.format === 'label50x30' ? 'label50x30' : opts.format);
  const w = m.format === 'label50x30' ? m.contentWidth : Math.min(m.contentWidth, 134);
  const size = m.format === 'label50x30' ? m.fontSize : m.fontSize;
  const date = formatDate(model.intakeAt, opts.timeZone);
  const reprint = opts.reprint ? ` ${tr(opts.locale, 'documents.reprint')}` : '';
  const right = `${date}${reprint}`;
  const body: Content[] = [];
  model.devices.forEach((d, i) => {
    const rightWidth = (right.length * 0.56 + (opts.reprint ? 1.2 : 0)) * size + 2;
    const name = fitLine(shortName(model.customerName), w - rightWidth, size + 0.5);
    const deviceText = fitLine([d.brand, d.model].filter(Boolean).join(' '), w, size);
    body.push({
      stack: [
        {
          columns: [
            { text: name, fontSize: size + 0.5, bold: true, width: '*' },
            { text: right, fontSize: size, alignment: 'right', width: 'auto' },
          ],
        },
        { text: deviceText || ' ', fontSize: size, margin: [0, 0, 0, 1] },
        // Narrower than the label by a few mm: the quiet zone a scanner needs either side of the bars.
        { svg: opts.barcode(model.ticketNumber), width: w - 8, height: m.barcodeHeight, alignment: 'center' },
        { text: model.ticketNumber, fontSize: size + 1.5, alignment: 'center', bold: true },
      ],
      width: w,
      lineHeight: 1.05,
      ...(i > 0 ? { pageBreak: 'before' as const } : {}),
    } as Content);
  });
  return frame(body, m, opts, { title: `${tr(opts.locale, 'documents.title.device_label')} ${model.ticketNumber}`, footer: false });
};
