/**
 * The customer's decision on a quote, recorded with who, when, how and for what total: an
 * on-screen signature (PNG attachment, drawn onto the printed form), a phone approval logged by
 * the staff member who called, or a signed paper form scanned. A decline carries the diagnosis
 * fee of the price list unless a manager waives it, and sends the device back with the diagnosis.
 */
import { AppError, fieldError } from '../../shared/api/errors';
import type { AuthorizeInput, DeclineInput } from '../../shared/bench/schemas';
import { MAX_ATTACHMENT_BYTES } from '../../shared/tickets/schemas';
import type { Ctx } from '../api/context';
import { prepared, statement } from '../db/statements';
import type { RemoteDecisionData } from '../../shared/status/approval';
import { issuedToTicket, releaseTicketReservations, reserve, reservedForTicket } from '../stock';
import { insertAttachment } from '../tickets/attachments';
import { appendEvent } from '../tickets/events';
import { requireStatus, ticketBasics, updateBenchRow } from './common';
import { requireManager } from '../auth/manager-approval';
import { diagnosisFeeFor } from './pricelist';
import { latestQuoteRow, loadQuote } from './quotes';
import { transition } from './transition';

function requireLatest(ctx: Ctx, ticketId: string, quoteId: string) {
  const latest = latestQuoteRow(ctx, ticketId);
  if (!latest) throw new AppError('RULE', { key: 'bench.error.noQuote' });
  if (latest.id !== quoteId) throw new AppError('CONFLICT', { key: 'bench.error.quoteOutdated', params: { version: latest.version }, details: { latestQuoteId: latest.id } });
  return latest;
}

function insertAuthorization(
  ctx: Ctx,
  a: {
    ticketId: string;
    quoteId: string;
    decision: 'approved' | 'declined';
    method: string;
    totalFen: number;
    capFen: number | null;
    signerName?: string;
    attachmentId?: string | null;
    phoneNumber?: string;
    calledAt?: string | null;
    words?: string;
    feeFen?: number;
    feeWaivedBy?: string | null;
    note?: string;
    remoteId?: string;
    clientAddress?: string;
  },
): string {
  const id = ctx.newId();
  prepared(
    ctx.sqlite,
    `INSERT INTO authorizations (id, ticket_id, quote_id, decision, method, total_fen, cap_fen, signer_name, attachment_id, phone_number, called_at,
       customer_words, fee_fen, fee_waived_by, note, recorded_at, recorded_by, remote_id, client_address)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    a.ticketId,
    a.quoteId,
    a.decision,
    a.method,
    a.totalFen,
    a.capFen,
    a.signerName ?? '',
    a.attachmentId ?? null,
    a.phoneNumber ?? '',
    a.calledAt ?? null,
    a.words ?? '',
    a.feeFen ?? 0,
    a.feeWaivedBy ?? null,
    a.note ?? '',
    ctx.nowIso(),
    ctx.session?.userId ?? null,
    a.remoteId ?? null,
    a.clientAddress ?? '',
  );
  appendEvent(ctx, {
    ticketId: a.ticketId,
    kind: 'note',
    note: a.note ?? '',
    data: { kind: 'authorization', authorizationId: id, decision: a.decision, method: a.method, totalFen: a.totalFen, capFen: a.capFen, feeFen: a.feeFen ?? 0 },
  });
  return id;
}

/** A covered repair needs no price approval; the consent to repair given on the signed intake receipt is recorded against the quote. */
export function recordIntakeConsent(ctx: Ctx, ticketId: string, quoteId: string): string {
  return insertAuthorization(ctx, { ticketId, quoteId, decision: 'approved', method: 'intake_consent', totalFen: 0, capFen: null, note: '' });
}

/** Reserves the approved quote's parts the ticket does not hold yet (a shortage shows on the reorder list). */
function reserveQuoteParts(ctx: Ctx, ticketId: string, quoteId: string): void {
  const q = loadQuote(ctx, quoteId);
  const need = new Map<string, number>();
  for (const l of q.lines) if (l.partId) need.set(l.partId, (need.get(l.partId) ?? 0) + l.qty);
  for (const [partId, qty] of need) {
    const missing = qty - reservedForTicket(ctx.sqlite, partId, ticketId) - issuedToTicket(ctx, partId, ticketId);
    if (missing > 0) reserve(ctx, { partId, ticket: ticketId, qty: missing, quoteId });
  }
}

function decodeImage(b64: string, path: string): Buffer {
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.length === 0) throw fieldError(path, 'bench.validation.imageData');
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw fieldError(path, 'tickets.error.photoTooLarge');
  return bytes;
}

export function authorize(ctx: Ctx, input: AuthorizeInput): string {
  const t = ticketBasics(ctx, input.ticketId);
  requireStatus(t, ['diagnosing', 'awaiting_approval', 'repairing', 'awaiting_parts'], 'bench.error.authorizeStatus');
  const q = requireLatest(ctx, t.id, input.quoteId);
  if (input.capFen != null && input.capFen < q.customer_total_fen) throw fieldError('capFen', 'bench.validation.capBelowTotal');
  let attachmentId: string | null = null;
  if (input.method === 'signature') {
    const bytes = decodeImage(input.signaturePng!, 'signaturePng');
    if (bytes.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw fieldError('signaturePng', 'bench.validation.imageData');
    attachmentId = insertAttachment(ctx, t.id, { name: `signature-${t.number}-v${q.version}.png`, mime: 'image/png', bytes, caption: 'signature' });
  } else if (input.method === 'paper') {
    attachmentId = insertAttachment(ctx, t.id, { name: `quote-signed-${t.number}-v${q.version}`, mime: input.scan!.mime, bytes: decodeImage(input.scan!.dataBase64, 'scan.dataBase64'), caption: 'signed_quote' });
  }
  const id = insertAuthorization(ctx, {
    ticketId: t.id,
    quoteId: q.id,
    decision: 'approved',
    method: input.method,
    totalFen: q.customer_total_fen,
    capFen: input.capFen ?? null,
    signerName: input.signerName,
    attachmentId,
    phoneNumber: input.phone?.number ?? '',
    calledAt: input.method === 'phone' ? (input.phone?.calledAt ?? ctx.nowIso()) : null,
    words: input.phone?.words ?? '',
    note: input.note,
  });
  reserveQuoteParts(ctx, t.id, q.id);
  if (t.status === 'awaiting_approval') transition(ctx, t.id, 'repairing', { data: { authorizationId: id } });
  ctx.emit({ name: 'bench.authorized', payload: { id: t.id, number: t.number } });
  return id;
}

/** The customer declines: diagnosis fee (or a manager's waiver), reservations released, outcome not repaired, ticket ready with the diagnosis. */
export async function decline(ctx: Ctx, input: DeclineInput): Promise<string> {
  const t = ticketBasics(ctx, input.ticketId);
  requireStatus(t, ['awaiting_approval'], 'bench.error.declineStatus');
  const q = requireLatest(ctx, t.id, input.quoteId);
  const fee = diagnosisFeeFor(ctx.sqlite, t.category).fen;
  let waivedBy: string | null = null;
  if (input.waiveFee && fee > 0) waivedBy = await requireManager(ctx, input.approval, 'bench.feeWaived', { ticketId: t.id, feeFen: fee });
  const id = insertAuthorization(ctx, {
    ticketId: t.id,
    quoteId: q.id,
    decision: 'declined',
    method: input.method,
    totalFen: q.customer_total_fen,
    capFen: null,
    signerName: input.signerName,
    feeFen: waivedBy ? 0 : fee,
    feeWaivedBy: waivedBy,
    note: input.note,
  });
  releaseTicketReservations(ctx, t.id);
  updateBenchRow(ctx, t.id, { outcome: 'not_repaired' });
  transition(ctx, t.id, 'ready', { outcome: 'not_repaired', note: input.note, data: { authorizationId: id, feeFen: waivedBy ? 0 : fee } });
  return id;
}

export type RemoteOutcome = 'recorded' | 'duplicate' | 'outdated';

/**
 * A decision the customer made on head office's status page (pulled as status.remoteDecision),
 * recorded like a counter signature: approved reserves the parts and starts the work, declined
 * charges the diagnosis fee and sends the device back. A decision on a version that is not the
 * latest any more, or on a ticket no longer awaiting approval (the counter got there first), is
 * kept on the ticket's timeline as outdated and changes nothing: a revised quote needs a new
 * approval. It never throws for that, so one stale decision cannot stop the shop's pull.
 */
export function recordRemoteDecision(ctx: Ctx, remoteId: string, d: RemoteDecisionData): RemoteOutcome {
  if (statement<{ id: string }>(ctx.sqlite, `SELECT id FROM authorizations WHERE remote_id = ?`).get(remoteId)) return 'duplicate';
  const t = ticketBasics(ctx, d.ticketId);
  const latest = latestQuoteRow(ctx, t.id);
  if (!latest || latest.id !== d.quoteId || latest.customer_total_fen !== d.totalFen || t.status !== 'awaiting_approval') {
    appendEvent(ctx, { ticketId: t.id, kind: 'note', note: 'status.remote.timeline.outdated', data: { kind: 'remote_outdated', remoteId, decision: d.decision, quoteVersion: d.quoteVersion, latestVersion: latest?.version ?? null, decidedAt: d.decidedAt } });
    return 'outdated';
  }
  const common = { ticketId: t.id, quoteId: latest.id, method: 'remote', totalFen: latest.customer_total_fen, phoneNumber: d.phone, calledAt: d.decidedAt, remoteId, clientAddress: d.clientAddress };
  if (d.decision === 'approved') {
    const capFen = d.capFen !== null && d.capFen >= latest.customer_total_fen ? d.capFen : null;
    const id = insertAuthorization(ctx, { ...common, decision: 'approved', capFen, note: 'status.remote.timeline.approved' });
    reserveQuoteParts(ctx, t.id, latest.id);
    transition(ctx, t.id, 'repairing', { data: { authorizationId: id } });
    ctx.emit({ name: 'bench.authorized', payload: { id: t.id, number: t.number } });
    return 'recorded';
  }
  const fee = diagnosisFeeFor(ctx.sqlite, t.category).fen;
  const id = insertAuthorization(ctx, { ...common, decision: 'declined', capFen: null, feeFen: fee, note: 'status.remote.timeline.declined' });
  releaseTicketReservations(ctx, t.id);
  updateBenchRow(ctx, t.id, { outcome: 'not_repaired' });
  transition(ctx, t.id, 'ready', { outcome: 'not_repaired', data: { authorizationId: id, feeFen: fee } });
  return 'recorded';
}
