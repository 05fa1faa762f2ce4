/**
 * The intake screen's state and how it becomes a tickets.intake input. The server validates
 * everything again; the checks here only give the counter instant feedback at the field.
 */
import type { CustomerSummary } from '../../../shared/customers/schemas';
import type { Device } from '../../../shared/devices/schemas';
import type { DeviceCategory } from '../../../shared/devices/categories';
import { IMEI_CATEGORIES } from '../../../shared/devices/categories';
import { isImeiFormat, isValidImei, normalizeImei } from '../../../shared/devices/imei';
import { parseCnPhone } from '../../../shared/customers/phone';
import { CONDITION_ITEMS, type IntakeInputRaw } from '../../../shared/tickets/schemas';
import { isValidPattern, isValidPin } from '../../../shared/tickets/passcode';
import { addDaysToDate, isCalendarDate } from '../../../shared/time/local-date';
import type { Finding } from '../../../shared/warranty/schemas';
import { parseYuan } from '../../../shared/money';

export type ConditionItem = (typeof CONDITION_ITEMS)[number];
export type ConditionState = 'ok' | 'fault' | 'not_checked';
export type ServiceKind = 'carry_in' | 'mail_in' | 'on_site';
export type PassKind = 'none' | 'pin' | 'password' | 'pattern' | 'declined';
export type ProofKind = 'invoice' | 'receipt' | 'none';

export interface NewCustomerForm {
  name: string;
  phone: string;
  address: string;
  company: string;
}

export interface NewDeviceForm {
  category: DeviceCategory;
  brand: string;
  model: string;
  imei: string;
  serial: string;
  colour: string;
  purchaseDate: string;
  proofKind: ProofKind;
  invoiceNo: string;
  invoiceDate: string;
  factoryDate: string;
}

export interface PhotoForm {
  name: string;
  mime: 'image/jpeg' | 'image/png' | 'image/webp' | 'image/heic';
  dataBase64: string;
  /** The list thumbnail (JPEG, base64), when the browser could make one. */
  thumbBase64?: string;
  previewUrl: string;
}

export interface IntakeForm {
  customer: CustomerSummary | null;
  newCustomer: NewCustomerForm | null;
  /** Picked existing device (full record, for the warranty dates). */
  device: Device | null;
  newDevice: NewDeviceForm | null;
  service: ServiceKind;
  courier: string;
  trackingNo: string;
  address: string;
  /** datetime-local value (shop's wall clock). */
  appointment: string;
  faultText: string;
  faultCodes: string[];
  condition: Record<ConditionItem, ConditionState>;
  cosmeticNotes: string;
  accessories: string[];
  accessoryOther: string;
  passKind: PassKind | null;
  passValue: string;
  dataLossAck: boolean;
  /** Text messages about the repair: ticked only when the customer agrees (unticked records a refusal: nothing is sent). */
  messageConsent: boolean;
  /** The language of those messages. */
  messageLocale: 'zh-CN' | 'en';
  promisedDate: string;
  depositYuan: number | '';
  technicianId: string | null;
  findings: Finding[];
  /** null until staff have asked the customer: no answer is assumed. */
  warrantyClaimed: boolean | null;
  photos: PhotoForm[];
  /** Recall campaigns whose banner the counter accepted (kept only while they still cover the device). */
  recallIds: string[];
}

export const emptyNewCustomer = (seed = ''): NewCustomerForm => {
  const digits = /^[\d\s+-]+$/.test(seed);
  return { name: digits ? '' : seed, phone: digits ? seed : '', address: '', company: '' };
};

export const emptyNewDevice = (): NewDeviceForm => ({
  category: 'phone',
  brand: '',
  model: '',
  imei: '',
  serial: '',
  colour: '',
  purchaseDate: '',
  proofKind: 'invoice',
  invoiceNo: '',
  invoiceDate: '',
  factoryDate: '',
});

/** Promise: three days from today by default (the counter usually keeps it). */
export function emptyIntake(today: string): IntakeForm {
  return {
    customer: null,
    newCustomer: null,
    device: null,
    newDevice: null,
    service: 'carry_in',
    courier: '',
    trackingNo: '',
    address: '',
    appointment: '',
    faultText: '',
    faultCodes: [],
    condition: Object.fromEntries(CONDITION_ITEMS.map((i) => [i, 'not_checked'])) as Record<ConditionItem, ConditionState>,
    cosmeticNotes: '',
    accessories: [],
    accessoryOther: '',
    passKind: null,
    passValue: '',
    dataLossAck: false,
    messageConsent: false,
    messageLocale: 'zh-CN',
    promisedDate: addDaysToDate(today, 3),
    depositYuan: '',
    technicianId: null,
    findings: [],
    warrantyClaimed: null,
    photos: [],
    recallIds: [],
  };
}

export const categoryOf = (f: IntakeForm): DeviceCategory => f.newDevice?.category ?? f.device?.category ?? 'phone';

/** Live state of an IMEI field: nothing typed, still typing, wrong check digit, good. */
export function imeiState(raw: string): 'empty' | 'partial' | 'bad' | 'ok' {
  const v = normalizeImei(raw);
  if (!v) return 'empty';
  if (!/^\d*$/.test(v) || v.length > 15) return 'bad';
  if (!isImeiFormat(v)) return 'partial';
  return isValidImei(v) ? 'ok' : 'bad';
}

export const phoneOk = (raw: string) => parseCnPhone(raw) !== null;

/** An ISO instant from a datetime-local value read in the shop's zone (offset from Intl). */
export function zonedInstant(local: string, timeZone: string): string {
  if (!local) return '';
  const guess = new Date(`${local}:00Z`);
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(guess);
  const off = parts.find((p) => p.type === 'timeZoneName')?.value.replace('GMT', '') || '+00:00';
  return `${local}:00${off === '' ? '+00:00' : off}`;
}

/** Field errors the screen can tell before asking the server (catalog keys by input path). */
export function localIssues(f: IntakeForm, today: string): Record<string, string> {
  const e: Record<string, string> = {};
  if (!f.customer && !f.newCustomer) e.customer = 'ui.counter.error.pickCustomer';
  if (f.newCustomer) {
    if (!f.newCustomer.name.trim()) e['customer.name'] = 'validation.required';
    if (!f.newCustomer.phone.trim()) e['customer.phones.0'] = 'customers.error.phoneRequired';
    else if (!phoneOk(f.newCustomer.phone)) e['customer.phones.0'] = 'customers.error.phoneInvalid';
  }
  if (!f.device && !f.newDevice) e.device = 'ui.counter.error.pickDevice';
  if (f.newDevice) {
    const d = f.newDevice;
    if (!d.brand.trim()) e['device.brand'] = 'validation.required';
    if (!d.model.trim()) e['device.model'] = 'validation.required';
    const s = imeiState(d.imei);
    if (s === 'bad') e['device.imei'] = isImeiFormat(normalizeImei(d.imei)) ? 'devices.error.imeiCheckDigit' : 'devices.error.imeiFormat';
    if (s === 'partial') e['device.imei'] = 'devices.error.imeiFormat';
    if (s === 'empty' && !d.serial.trim()) e[IMEI_CATEGORIES.includes(d.category) ? 'device.imei' : 'device.serial'] = 'devices.error.identityRequired';
    if (d.purchaseDate && d.purchaseDate > today) e['device.purchaseDate'] = 'devices.error.purchaseInFuture';
    if (d.proofKind !== 'none' && !d.invoiceDate) e['device.proof.invoiceDate'] = 'validation.required';
  }
  if (!f.faultText.trim() && f.faultCodes.length === 0) e['fault.text'] = 'tickets.error.faultRequired';
  if (f.accessories.includes('other') && !f.accessoryOther.trim()) e['accessories.other'] = 'tickets.error.accessoryOther';
  if (!f.passKind) e.passcode = 'ui.counter.error.passcodeChoice';
  if (f.passKind === 'pin' && !isValidPin(f.passValue)) e['passcode.value'] = 'tickets.error.pin';
  if (f.passKind === 'pattern' && !isValidPattern(f.passValue)) e['passcode.value'] = 'tickets.error.pattern';
  if (f.passKind === 'password' && !f.passValue) e['passcode.value'] = 'validation.required';
  if (!f.dataLossAck) e.dataLossAck = 'tickets.error.dataLossAck';
  if (f.warrantyClaimed === null) e.warrantyClaimed = 'ui.counter.error.warrantyClaim';
  if (!isCalendarDate(f.promisedDate)) e.promisedDate = 'devices.error.date';
  else if (f.promisedDate < today) e.promisedDate = 'tickets.error.promisedPast';
  if (f.depositYuan !== '' && f.depositYuan < 0) e.depositFen = 'tickets.error.depositNegative';
  if (f.service === 'mail_in') {
    if (!f.courier.trim()) e['service.courier'] = 'validation.required';
    if (!f.trackingNo.trim()) e['service.trackingNo'] = 'validation.required';
  }
  if (f.service === 'on_site') {
    if (!f.address.trim()) e['service.address'] = 'validation.required';
    if (!f.appointment) e['service.appointmentAt'] = 'validation.required';
  }
  return e;
}

function service(f: IntakeForm, timeZone: string): IntakeInputRaw['service'] {
  if (f.service === 'mail_in') return { kind: 'mail_in', courier: f.courier, trackingNo: f.trackingNo };
  if (f.service === 'on_site') return { kind: 'on_site', address: f.address, appointmentAt: zonedInstant(f.appointment, timeZone) };
  return { kind: 'carry_in' };
}

function passcode(f: IntakeForm): IntakeInputRaw['passcode'] {
  if (f.passKind === 'pin' || f.passKind === 'password' || f.passKind === 'pattern') return { kind: f.passKind, value: f.passValue };
  return f.passKind ?? ('' as never);
}

export function toIntakeInput(f: IntakeForm, timeZone: string, confirmDuplicate = false): IntakeInputRaw {
  const d = f.newDevice;
  return {
    ...(f.customer ? { customerId: f.customer.id } : {}),
    ...(f.newCustomer
      ? { customer: { name: f.newCustomer.name, phones: [f.newCustomer.phone], address: f.newCustomer.address, company: f.newCustomer.company } }
      : {}),
    confirmDuplicate,
    ...(f.device ? { deviceId: f.device.id } : {}),
    ...(d
      ? {
          device: {
            category: d.category,
            brand: d.brand,
            model: d.model,
            imei: d.imei,
            serial: d.serial,
            colour: d.colour,
            purchaseDate: d.purchaseDate || null,
            proof: d.proofKind === 'none' ? { kind: 'none' } : { kind: d.proofKind, invoiceNo: d.invoiceNo, invoiceDate: d.invoiceDate, seller: '' },
            factoryDate: d.factoryDate || null,
          },
        }
      : {}),
    service: service(f, timeZone),
    fault: { text: f.faultText, codes: f.faultCodes },
    condition: { ...f.condition, cosmeticNotes: f.cosmeticNotes },
    accessories: { items: f.accessories as never, other: f.accessoryOther },
    passcode: passcode(f),
    dataLossAck: f.dataLossAck as true,
    messageConsent: f.messageConsent,
    ...(f.messageConsent ? { messageLocale: f.messageLocale } : {}),
    promisedDate: f.promisedDate,
    depositFen: parseYuan(f.depositYuan) ?? 0,
    technicianId: f.technicianId,
    findings: f.findings,
    warrantyClaimed: f.warrantyClaimed === true,
    photos: f.photos.map((p) => ({ name: p.name, mime: p.mime, dataBase64: p.dataBase64, ...(p.thumbBase64 ? { thumbBase64: p.thumbBase64 } : {}), caption: '' })),
    recallIds: f.recallIds,
  };
}
