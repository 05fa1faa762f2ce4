/**
 * Models of the intake receipt and the device label, read from the intake tables
 * (customers, devices, tickets; migration 3). Codes become words here, in the document's
 * language; the builders only lay them out.
 */
import { hasKey, t } from '../../shared/i18n/translate';
import type { Locale } from '../../shared/i18n/types';
import { tr } from '../../shared/documents/translate';
import { shopTerms } from '../../shared/documents/terms';
import type { IntakeReceiptModel, IntakeReceiptInput } from '../../shared/documents/intake-receipt';
import { intakeReceiptModelSchema } from '../../shared/documents/intake-receipt';
import type { DeviceLabelModel } from '../../shared/documents/device-label';
import { formatDateTime } from '../../shared/documents/format';
import type { Ctx } from '../api/context';
import type { LoadOptions } from './registry';

/**
 * The warranty engine's decision for a ticket, as sentences in `locale`. The ticket capability
 * sets it (the decision is computed there); until it does, the receipt says "to be decided".
 */
export type WarrantySummary = (ctx: Ctx, ticketId: string, locale: Locale) => Promise<string[]> | string[];
let warrantySummary: WarrantySummary = () => [];

/** The ticket's status page link (the status capability sets it; none before: the QR is the ticket number). */
export type StatusLinkProvider = (ctx: Ctx, ticketId: string) => string | null;
let statusLinkOf: StatusLinkProvider = () => null;
export function setStatusLinkProvider(fn: StatusLinkProvider): void {
  statusLinkOf = fn;
}
/** The recall campaigns recorded on the ticket, as sentences in `locale` (the recalls capability sets it). */
export type RecallLinesProvider = (ctx: Ctx, ticketId: string, locale: Locale) => string[];
let recallLinesOf: RecallLinesProvider = () => [];
export function setRecallLinesProvider(fn: RecallLinesProvider): void {
  recallLinesOf = fn;
}
export function setWarrantySummaryProvider(fn: WarrantySummary): void {
  warrantySummary = fn;
}

const CHECK_ITEMS = ['powers_on', 'display', 'touch', 'cameras', 'buttons', 'ports', 'liquid_indicator', 'cosmetic'] as const;

function label(locale: Locale, key: string, fallback: string): string {
  return hasKey(key) ? t(locale, key) : fallback;
}

function parse<T>(json: string | null | undefined, fallback: T): T {
  try {
    return json ? (JSON.parse(json) as T) : fallback;
  } catch {
    return fallback;
  }
}

async function ticketRow(ctx: Ctx, ticketId: string) {
  return ctx.db
    .selectFrom('tickets as t')
    .innerJoin('customers as c', 'c.id', 't.customer_id')
    .innerJoin('devices as d', 'd.id', 't.device_id')
    .leftJoin('users as tech', 'tech.id', 't.technician_id')
    .leftJoin('users as rcv', 'rcv.id', 't.received_by')
    .select([
      't.id', 't.number', 't.received_at', 't.service_type', 't.service_json', 't.fault_text', 't.fault_codes_json',
      't.condition_json', 't.accessories_json', 't.passcode_state', 't.passcode_erased_at', 't.data_loss_ack', 't.deposit_fen', 't.promised_date',
      'c.id as customer_id', 'c.name as customer_name',
      'd.category', 'd.brand', 'd.model', 'd.imei', 'd.imei2', 'd.serial', 'd.colour', 'd.purchase_date', 'd.invoice_date',
      'tech.display_name as technician', 'rcv.display_name as received_by',
    ])
    // Scanners and people hand us either the id or the printed number.
    .where((eb) => eb.or([eb('t.id', '=', ticketId), eb('t.number', '=', ticketId)]))
    .executeTakeFirst();
}

async function firstPhone(ctx: Ctx, customerId: string): Promise<string> {
  const p = await ctx.db.selectFrom('customer_phones').select('display').where('customer_id', '=', customerId).orderBy('position').limit(1).executeTakeFirst();
  return p?.display ?? '';
}

export async function loadIntakeReceipt(ctx: Ctx, ticketId: string, { locale, settings }: LoadOptions): Promise<IntakeReceiptModel | null> {
  const r = await ticketRow(ctx, ticketId);
  if (!r) return null;
  const service = parse<Record<string, string>>(r.service_json, {});
  let serviceDetail = '';
  if (r.service_type === 'mail_in') serviceDetail = tr(locale, 'documents.service.mailIn', { courier: service.courier ?? '', trackingNo: service.trackingNo ?? '' });
  if (r.service_type === 'on_site')
    serviceDetail = tr(locale, 'documents.service.onSite', { address: service.address ?? '', at: service.appointmentAt ? formatDateTime(service.appointmentAt, settings.timeZone) : '' });

  const codes = parse<string[]>(r.fault_codes_json, []).map((c) => label(locale, `devices.fault.${c}`, c));
  const sep = locale === 'zh-CN' ? '；' : '; ';
  const fault = [codes.join(locale === 'zh-CN' ? '、' : ', '), r.fault_text].filter(Boolean).join(sep);

  const condition = parse<Record<string, string>>(r.condition_json, {});
  const accessories = parse<{ items?: string[]; other?: string }>(r.accessories_json, {});
  const accessoryNames = (accessories.items ?? []).map((a) =>
    a === 'other' && accessories.other ? accessories.other : tr(locale, `documents.accessory.${a}`),
  );

  const model: IntakeReceiptInput = {
    shop: { name: settings.name, address: settings.address, phone: settings.phone, hotline: settings.hotline },
    ticketNumber: r.number,
    intakeAt: r.received_at,
    serviceType: (['carry_in', 'mail_in', 'on_site'].includes(r.service_type) ? r.service_type : 'carry_in') as IntakeReceiptModel['serviceType'],
    serviceDetail,
    customer: { name: r.customer_name, phone: await firstPhone(ctx, r.customer_id) },
    device: {
      category: label(locale, `warranty.category.${r.category}`, r.category),
      brand: r.brand,
      model: r.model,
      imei: r.imei,
      imei2: r.imei2,
      serial: r.serial,
      colour: r.colour,
      purchaseDate: r.purchase_date ?? null,
      invoiceDate: r.invoice_date ?? null,
    },
    fault,
    condition: CHECK_ITEMS.filter((i) => condition[i] !== undefined).map((i) => ({
      label: tr(locale, `documents.check.${i}`),
      state: (['ok', 'fault', 'not_checked'].includes(condition[i]!) ? condition[i] : 'not_checked') as 'ok',
    })),
    conditionNote: condition.cosmeticNotes ?? '',
    accessories: accessoryNames,
    // A reprint after the ticket ended says the passcode is gone, and since when.
    passcode: r.passcode_state as 'given' | 'declined' | 'none' | 'erased',
    passcodeErasedAt: r.passcode_erased_at ?? null,
    dataLossAcknowledged: r.data_loss_ack === 1,
    depositFen: r.deposit_fen,
    promisedDate: r.promised_date || null,
    statusUrl: statusLinkOf(ctx, r.id),
    warrantyLines: await warrantySummary(ctx, r.id, locale),
    recallLines: recallLinesOf(ctx, r.id, locale),
    technician: r.technician ?? null,
    counterStaff: r.received_by ?? '',
    terms: shopTerms(settings.documents, locale, settings.currency),
  };
  return intakeReceiptModelSchema.parse(model);
}

export async function loadDeviceLabel(ctx: Ctx, ticketId: string): Promise<DeviceLabelModel | null> {
  const r = await ticketRow(ctx, ticketId);
  if (!r) return null;
  // One ticket, one device today; the label model takes a list so a multi-device ticket prints one label each.
  return { ticketNumber: r.number, customerName: r.customer_name, intakeAt: r.received_at, devices: [{ brand: r.brand, model: r.model }] };
}
