import { AppError } from '../../shared/api/errors';
import { recordMessageConsent } from '../customers/consent';
import type { IntakeInput } from '../../shared/tickets/schemas';
import { MAX_ATTACHMENT_BYTES } from '../../shared/tickets/schemas';
import { yymmOf } from '../../shared/tickets/number';
import { deviceDateIssues, type FieldIssue } from '../../shared/devices/dates';
import type { CustomerSummary } from '../../shared/customers/schemas';
import type { Ctx } from '../api/context';
import { customerExists, customersWithPhones, insertCustomer, parsePhones } from '../customers/store';
import { identityClash, insertDevice, recordOwner } from '../devices/store';
import { shopClock, type ShopClock } from '../shop/clock';
import { exists, prepared, statement } from '../db/statements';
import { insertAttachment, thumbOf } from './attachments';
import { appendEvent } from './events';
import { nextTicketNumber } from './numbering';
import { passcodeColumns } from './passcode';
import { recordRecallsAtIntake } from '../recalls/store';

/** Checks that need the database or today's date; all of them, so the screen marks every field at once. */
function checkIntake(ctx: Ctx, input: IntakeInput, clock: ShopClock): { issues: FieldIssue[]; photos: { bytes: Buffer; thumb: Buffer | null }[]; existingDeviceId: string | null } {
  const issues: FieldIssue[] = [];
  let existingDeviceId: string | null = null;
  if (input.promisedDate < clock.today) issues.push({ path: 'promisedDate', key: 'tickets.error.promisedPast' });
  if (input.customerId && !customerExists(ctx.sqlite, input.customerId)) issues.push({ path: 'customerId', key: 'errors.NOT_FOUND' });
  if (input.deviceId) {
    if (!exists(ctx.sqlite, `SELECT 1 FROM devices WHERE id = ?`, input.deviceId)) issues.push({ path: 'deviceId', key: 'errors.NOT_FOUND' });
  } else if (input.device) {
    issues.push(...deviceDateIssues(input.device, clock.today, 'device'));
    const clash = identityClash(ctx.sqlite, input.device, null);
    if (clash) {
      issues.push({ path: `device.${clash.field}`, key: 'devices.error.alreadyRegistered' });
      existingDeviceId = clash.deviceId;
    }
  }
  if (input.technicianId) {
    const tech = statement<{ role: string; disabled: number }>(ctx.sqlite, `SELECT role, disabled FROM users WHERE id = ?`).get(input.technicianId);
    if (!tech || tech.disabled || tech.role === 'counter') issues.push({ path: 'technicianId', key: 'tickets.error.technician' });
  }
  const photos = input.photos.map((p, i) => {
    const bytes = Buffer.from(p.dataBase64, 'base64');
    if (bytes.length > MAX_ATTACHMENT_BYTES) issues.push({ path: `photos.${i}.dataBase64`, key: 'tickets.error.photoTooLarge' });
    const thumb = thumbOf(p.thumbBase64);
    if (thumb === 'invalid') issues.push({ path: `photos.${i}.thumbBase64`, key: 'tickets.error.thumbInvalid' });
    return { bytes, thumb: thumb === 'invalid' ? null : thumb };
  });
  return { issues, photos, existingDeviceId };
}

/**
 * One intake, all or nothing (the caller's transaction): customer and device found or
 * created, the ticket numbered from the month's counter, its first event, the photos.
 * Returns the new ticket's id, or the customers a new customer's phone already belongs to.
 */
export function runIntake(ctx: Ctx, input: IntakeInput): { ticketId: string | null; duplicateOf: CustomerSummary[] } {
  const clock = shopClock(ctx.sqlite, ctx.clock.now());
  const { issues, photos, existingDeviceId } = checkIntake(ctx, input, clock);
  if (issues.length > 0) {
    throw new AppError('VALIDATION', { fields: issues, details: existingDeviceId ? { existingDeviceId } : {} });
  }

  let customerId = input.customerId ?? null;
  if (!customerId) {
    const c = input.customer!;
    const dup = customersWithPhones(ctx.sqlite, parsePhones(c.phones).map((p) => p.e164), null);
    if (dup.length > 0 && !input.confirmDuplicate) return { ticketId: null, duplicateOf: dup };
    customerId = insertCustomer(ctx, c);
  }

  const ticketId = ctx.newId();
  let deviceId = input.deviceId ?? null;
  if (!deviceId) {
    deviceId = insertDevice(ctx, input.device!, customerId);
  } else {
    const { owner_customer_id } = statement<{ owner_customer_id: string | null }>(ctx.sqlite, `SELECT owner_customer_id FROM devices WHERE id = ?`).get(deviceId)!;
    // A known device brought in by someone else has changed hands: its history keeps both owners.
    if (owner_customer_id !== customerId) recordOwner(ctx, deviceId, customerId, ticketId);
  }

  const yymm = yymmOf(clock.today);
  const { number, seq } = nextTicketNumber(ctx.sqlite, clock.code, yymm);
  const pass = passcodeColumns(ctx, ticketId, input.passcode);
  const now = ctx.nowIso();
  const service = input.service;
  prepared(
    ctx.sqlite,
    `INSERT INTO tickets (id, number, yymm, seq, customer_id, device_id, status, status_at, received_at, received_by, promised_date,
       service_type, service_json, fault_text, fault_codes_json, condition_json, accessories_json, passcode_state, passcode_kind, passcode_cipher,
       data_loss_ack, deposit_fen, deposit_note, technician_id, findings_json, warranty_claimed, note, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 'received', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    ticketId,
    number,
    yymm,
    seq,
    customerId,
    deviceId,
    now,
    now,
    ctx.session?.userId ?? null,
    input.promisedDate,
    service.kind,
    JSON.stringify(service),
    input.fault.text,
    JSON.stringify(input.fault.codes),
    JSON.stringify(input.condition),
    JSON.stringify(input.accessories),
    pass.state,
    pass.kind,
    pass.cipher,
    input.depositFen,
    // The deposit is a payment row written in the same transaction (collection's ticket-event hook); the note column stays empty.
    '',
    input.technicianId ?? null,
    JSON.stringify(input.findings),
    input.warrantyClaimed ? 1 : 0,
    input.note,
    now,
  );
  appendEvent(ctx, {
    ticketId,
    kind: 'created',
    fromStatus: null,
    toStatus: 'received',
    note: input.note,
    data: { number, depositFen: input.depositFen, technicianId: input.technicianId ?? null, serviceType: service.kind },
  });
  recordRecallsAtIntake(ctx, ticketId, deviceId, input.recallIds, clock.today);
  input.photos.forEach((p, i) => insertAttachment(ctx, ticketId, { name: p.name, mime: p.mime, bytes: photos[i]!.bytes, thumb: photos[i]!.thumb, caption: p.caption }));
  // asked at this intake: the answer is the customer's from now on (a returning customer may change it)
  if (input.messageConsent !== undefined) recordMessageConsent(ctx, { customerId, ticketId, consent: input.messageConsent, source: 'intake', ...(input.messageLocale ? { locale: input.messageLocale } : {}) });
  return { ticketId, duplicateOf: [] };
}
