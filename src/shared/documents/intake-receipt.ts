/**
 * The intake receipt (受理单): what the shop took in, in what state, on what terms. The
 * customer signs the shop's copy. The passcode itself never reaches this model.
 */
import { z } from 'zod';
import type { Content } from 'pdfmake/interfaces';
import { withProps, checkGrid, sideBySide, fields, frame, paragraph, sectionTitle, shopHeaderSchema, signatureBlock, termsBlock, ticketHeader, ticketQr, type Field } from './blocks';
import { formatDate, formatDateTime, formatMoney, maskPhone } from './format';
import { formatMetrics } from './formats';
import { tr } from './translate';
import type { BuildOptions, DocumentBuilder } from './types';

export const SERVICE_TYPES = ['carry_in', 'mail_in', 'on_site'] as const;
export const CONDITION_STATES = ['ok', 'fault', 'not_checked'] as const;
/** `erased`: given at intake, erased since (the ticket ended); a reprint says so and when. */
export const PASSCODE_STATES = ['given', 'declined', 'none', 'erased'] as const;

/** Display texts (category, check and accessory names) come translated from the loader, codes stay codes. */
export const intakeReceiptModelSchema = z.object({
  shop: shopHeaderSchema,
  ticketNumber: z.string().min(1).max(40),
  /** ISO instant. */
  intakeAt: z.string().min(1),
  serviceType: z.enum(SERVICE_TYPES),
  /** Courier and tracking number (mail-in), address and appointment (on-site); empty for carry-in. */
  serviceDetail: z.string().max(300).default(''),
  customer: z.object({ name: z.string().min(1).max(80), phone: z.string().max(40) }),
  device: z.object({
    category: z.string().max(40),
    brand: z.string().max(60).default(''),
    model: z.string().max(80).default(''),
    imei: z.string().max(20).nullable().default(null),
    imei2: z.string().max(20).nullable().default(null),
    serial: z.string().max(60).nullable().default(null),
    colour: z.string().max(30).default(''),
    /** The dates the warranty runs from (三包凭证: 销售日期, 发票): calendar dates, or null. */
    purchaseDate: z.string().nullable().default(null),
    invoiceDate: z.string().nullable().default(null),
  }),
  fault: z.string().max(2000),
  condition: z
    .array(z.object({ label: z.string().max(40), state: z.enum(CONDITION_STATES), note: z.string().max(200).default('') }))
    .default([]),
  conditionNote: z.string().max(1000).default(''),
  accessories: z.array(z.string().max(40)).default([]),
  /** Whether a passcode was handed over — never the passcode. */
  passcode: z.enum(PASSCODE_STATES),
  /** ISO instant of the erasure, with `erased`. */
  passcodeErasedAt: z.string().nullable().default(null),
  dataLossAcknowledged: z.boolean(),
  depositFen: z.number().int().min(0),
  /** Calendar date in the shop's zone, or null. */
  promisedDate: z.string().nullable().default(null),
  /** The status page's link (an enrolled shop): the QR code leads there; without it the QR is the ticket number and the receipt says how to ask. */
  statusUrl: z.string().max(300).nullable().default(null),
  /** The warranty engine's decision as sentences; empty before a decision. */
  warrantyLines: z.array(z.string().max(300)).default([]),
  /** Recall campaigns the ticket does the work of (accepted at intake), as sentences; printed only when there are any. */
  recallLines: z.array(z.string().max(400)).max(10).default([]),
  technician: z.string().max(60).nullable().default(null),
  counterStaff: z.string().max(60),
  terms: z.array(z.string().max(2000)).default([]),
});
export type IntakeReceiptModel = z.output<typeof intakeReceiptModelSchema>;
export type IntakeReceiptInput = z.input<typeof intakeReceiptModelSchema>;

export const buildIntakeReceipt: DocumentBuilder<IntakeReceiptModel> = (model, opts: BuildOptions) => {
  const m = formatMetrics(opts.format);
  const L = opts.locale;
  const t = (key: string, params?: Record<string, string | number>) => tr(L, key, params);
  const title = t('documents.title.intake_receipt');
  const qr = { payload: model.statusUrl ?? model.ticketNumber, caption: model.statusUrl ? t('status.receipt.scan') : null };
  // Not enrolled: no page to scan to, so the receipt says how to ask (in the header, where it costs no height).
  const headerNote = model.statusUrl ? null : t('status.receipt.ask');
  const body: Content[] = ticketHeader({ ...model, qr, headerNote }, title, m, opts);

  const service = t(`documents.serviceType.${model.serviceType}`);
  const ticketRows: Field[] = [
    [t('documents.field.ticketNumber'), model.ticketNumber],
    [t('documents.field.intakeAt'), formatDateTime(model.intakeAt, opts.timeZone)],
    [t('documents.field.serviceType'), service],
    [t('documents.field.promisedDate'), model.promisedDate ? formatDate(model.promisedDate, opts.timeZone) : '—'],
    [t('documents.field.counterStaff'), model.counterStaff],
    [t('documents.field.technician'), model.technician ?? t('documents.field.unassigned')],
  ];
  if (model.serviceDetail) ticketRows.push([t('documents.field.serviceDetail'), model.serviceDetail]);
  body.push(withProps(fields(ticketRows, m), { margin: [0, 4, 0, 0] }));

  const customer: Content[] = [
    sectionTitle(t('documents.section.customer'), m),
    fields(
      [
        [t('documents.field.customerName'), model.customer.name],
        [t('documents.field.phone'), maskPhone(model.customer.phone)],
        // What was handed over with the device sits with the customer: it is what they get back.
        [t('documents.section.accessories'), model.accessories.length ? model.accessories.join(L === 'zh-CN' ? '、' : ', ') : t('documents.accessories.none')],
        [
          t('documents.field.passcode'),
          model.passcode === 'erased'
            ? t('documents.passcode.erased', { date: model.passcodeErasedAt ? formatDateTime(model.passcodeErasedAt, opts.timeZone) : '—' })
            : t(`documents.passcode.${model.passcode}`),
        ],
        [t('documents.field.deposit'), formatMoney(model.depositFen, L, opts.currency)],
        [t('documents.field.dataLoss'), t(model.dataLossAcknowledged ? 'documents.dataLoss.acknowledged' : 'documents.dataLoss.notAcknowledged')],
      ],
      m,
      { single: true },
    ),
  ];
  const d = model.device;
  const deviceRows: Field[] = [
    [t('documents.field.category'), d.category],
    [t('documents.field.brandModel'), [d.brand, d.model].filter(Boolean).join(' ')],
  ];
  if (d.imei) deviceRows.push([t('documents.field.imei'), d.imei]);
  if (d.imei2) deviceRows.push([t('documents.field.imei2'), d.imei2]);
  if (d.serial) deviceRows.push([t('documents.field.serial'), d.serial]);
  deviceRows.push([t('documents.field.colour'), d.colour]);
  deviceRows.push([t('documents.field.purchaseDate'), d.purchaseDate ? formatDate(d.purchaseDate, opts.timeZone) : '—']);
  deviceRows.push([t('documents.field.invoiceDate'), d.invoiceDate ? formatDate(d.invoiceDate, opts.timeZone) : t('documents.field.proofNone')]);
  const device: Content[] = [sectionTitle(t('documents.section.device'), m), fields(deviceRows, m, { single: true })];
  body.push(...sideBySide(customer, device, m));

  body.push(sectionTitle(t('documents.section.fault'), m));
  body.push(paragraph(model.fault, m));

  body.push(sectionTitle(t('documents.section.condition'), m));
  const checks: Field[] = model.condition.map((c) => [
    c.label,
    t(`documents.condition.${c.state}`) + (c.note ? (L === 'zh-CN' ? `（${c.note}）` : ` (${c.note})`) : ''),
  ]);
  if (checks.length) body.push(checkGrid(checks, m, L === 'zh-CN' ? '：' : ': '));
  if (model.conditionNote) body.push(paragraph(`${t('documents.field.conditionNote')}${L === 'zh-CN' ? '：' : ': '}${model.conditionNote}`, m));


  body.push(sectionTitle(t('documents.section.warranty'), m));
  body.push(
    model.warrantyLines.length
      ? { ul: model.warrantyLines.map((l) => ({ text: l })), fontSize: m.fontSize }
      : paragraph(t('documents.warranty.pending'), m),
  );
  if (model.recallLines.length) {
    body.push(sectionTitle(t('documents.section.recall'), m));
    body.push({ ul: model.recallLines.map((l) => ({ text: l })), fontSize: m.fontSize });
  }

  body.push(termsBlock(model.terms, m, L));
  body.push(signatureBlock(m, L, model.counterStaff));
  if (m.narrow) body.push(withProps(ticketQr(qr.payload, m, 'center', qr.caption), { margin: [0, 8, 0, 0] }));

  return frame(body, m, opts, { title: `${title} ${model.ticketNumber}` });
};
