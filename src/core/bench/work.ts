/**
 * The technician's side: claim/assign, priority, diagnosis, time, parts issued with serials
 * (and the removed part to the old-parts bin on warranty work), awaiting parts, notes, QC and
 * the 三包 outcomes. Every status move goes through `transition`.
 */
import { AppError, fieldError } from '../../shared/api/errors';
import type { DiagnosisInput, IssuePartInput, QcInput, SanbaoInput } from '../../shared/bench/schemas';
import { judgeQc, qcChecklist } from '../../shared/bench/rules';
import { MAX_ATTACHMENT_BYTES } from '../../shared/tickets/schemas';
import type { Ctx } from '../api/context';
import { exists, prepared, statement } from '../db/statements';
import { issueToTicket, reserve } from '../stock';
import { insertAttachment, thumbOf } from '../tickets/attachments';
import { appendEvent } from '../tickets/events';
import { erasePasscode } from '../tickets/passcode';
import { evaluateTicket } from '../warranty/ticket';
import { partName } from '../../shared/warranty/format';
import { resolvePolicy } from '../warranty/store';
import { benchSettings, ensureBenchRow, requireStatus, ticketBasics, today, updateBenchRow } from './common';
import { isManager, requireManager } from '../auth/manager-approval';
import { latestQuoteRow, loadQuote, sanbaoExists } from './quotes';
import { transition, ticketFacts } from './transition';
import { workAllowed } from '../../shared/tickets/lifecycle';

const WORK_OPEN = ['received', 'diagnosing', 'awaiting_approval', 'repairing', 'awaiting_parts', 'qc'] as const;

function requireAssignable(ctx: Ctx, userId: string): { display_name: string } {
  const u = statement<{ role: string; disabled: number; display_name: string }>(ctx.sqlite, `SELECT role, disabled, display_name FROM users WHERE id = ?`).get(userId);
  if (!u || u.disabled || u.role === 'counter') throw fieldError('technicianId', 'tickets.error.technician');
  return u;
}

function setTechnician(ctx: Ctx, ticketId: string, techId: string | null, from: string | null, how: 'claim' | 'assign') {
  prepared(ctx.sqlite, `UPDATE tickets SET technician_id = ?, updated_at = ? WHERE id = ?`).run(techId, ctx.nowIso(), ticketId);
  ensureBenchRow(ctx, ticketId);
  appendEvent(ctx, { ticketId, kind: 'assigned', data: { technicianId: techId, previous: from, how } });
  ctx.emit({ name: 'tickets.changed', payload: { id: ticketId } });
}

/** A technician takes an unassigned ticket (or one already theirs); a manager takes any. */
export function claim(ctx: Ctx, ticketId: string): void {
  const t = ticketBasics(ctx, ticketId);
  requireStatus(t, WORK_OPEN);
  const me = ctx.me();
  if (t.technician_id === me.userId) return;
  if (t.technician_id && !isManager(me.role)) throw new AppError('RULE', { key: 'bench.error.alreadyAssigned', params: { number: t.number } });
  setTechnician(ctx, t.id, me.userId, t.technician_id, 'claim');
}

export function assign(ctx: Ctx, ticketId: string, technicianId: string | null): void {
  const t = ticketBasics(ctx, ticketId);
  requireStatus(t, WORK_OPEN);
  if (technicianId) requireAssignable(ctx, technicianId);
  if (t.technician_id === technicianId) return;
  setTechnician(ctx, t.id, technicianId, t.technician_id, 'assign');
}

export function setPriority(ctx: Ctx, ticketId: string, priority: number): void {
  const t = ticketBasics(ctx, ticketId);
  updateBenchRow(ctx, t.id, { priority });
  appendEvent(ctx, { ticketId: t.id, kind: 'note', data: { kind: 'priority', priority } });
}

// ---- diagnosis ----

export function recordDiagnosis(ctx: Ctx, input: DiagnosisInput): string {
  const t = ticketBasics(ctx, input.ticketId);
  requireStatus(t, ['received', 'diagnosing', 'awaiting_approval', 'repairing', 'awaiting_parts'], 'bench.error.diagnosisStatus');
  const photos = input.photos.map((p, i) => {
    const bytes = Buffer.from(p.dataBase64, 'base64');
    if (bytes.length > MAX_ATTACHMENT_BYTES) throw fieldError(`photos.${i}.dataBase64`, 'tickets.error.photoTooLarge');
    const thumb = thumbOf(p.thumbBase64);
    if (thumb === 'invalid') throw fieldError(`photos.${i}.thumbBase64`, 'tickets.error.thumbInvalid');
    return { ...p, bytes, thumb };
  });
  for (const [i, p] of input.partsNeeded.entries()) {
    if (p.partId && !exists(ctx.sqlite, `SELECT 1 FROM parts WHERE id = ?`, p.partId)) throw fieldError(`partsNeeded.${i}.partId`, 'bench.validation.unknownPart');
  }
  if (!t.technician_id) setTechnician(ctx, t.id, ctx.me().role === 'counter' ? null : ctx.me().userId, null, 'claim');
  if (t.status === 'received') transition(ctx, t.id, 'diagnosing');
  const photoIds = photos.map((p) => insertAttachment(ctx, t.id, { name: p.name, mime: p.mime, bytes: p.bytes, thumb: p.thumb, caption: p.caption || 'diagnosis' }));
  const id = ctx.newId();
  prepared(
    ctx.sqlite,
    `INSERT INTO diagnoses (id, ticket_id, cause, notes, findings_json, performance_fault, parts_needed_json, photo_ids_json, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, t.id, input.cause, input.notes, JSON.stringify(input.findings), input.performanceFault ? 1 : 0, JSON.stringify(input.partsNeeded), JSON.stringify(photoIds), ctx.nowIso(), ctx.session?.userId ?? null);
  // Findings made inside the device join the intake's: the warranty engine reads them from the ticket.
  if (input.findings.length > 0) {
    const cur = JSON.parse((statement<{ findings_json: string }>(ctx.sqlite, `SELECT findings_json FROM tickets WHERE id = ?`).get(t.id)!).findings_json) as string[];
    const merged = [...new Set([...cur, ...input.findings])];
    if (merged.length !== cur.length) prepared(ctx.sqlite, `UPDATE tickets SET findings_json = ?, updated_at = ? WHERE id = ?`).run(JSON.stringify(merged), ctx.nowIso(), t.id);
  }
  updateBenchRow(ctx, t.id, { performance_fault: input.performanceFault ? 1 : 0 });
  appendEvent(ctx, { ticketId: t.id, kind: 'note', note: input.cause, data: { kind: 'diagnosis', diagnosisId: id, findings: input.findings, photos: photoIds.length } });
  return id;
}

// ---- time ----

function stopRunning(ctx: Ctx, userId: string): string | null {
  const run = statement<{ id: string; ticket_id: string; started_at: string }>(ctx.sqlite, `SELECT id, ticket_id, started_at FROM time_logs WHERE user_id = ? AND ended_at IS NULL`).get(userId);
  if (!run) return null;
  const end = ctx.clock.now();
  const minutes = Math.max(0, Math.round((end.getTime() - Date.parse(run.started_at)) / 60_000));
  prepared(ctx.sqlite, `UPDATE time_logs SET ended_at = ?, minutes = ? WHERE id = ?`).run(end.toISOString(), minutes, run.id);
  return run.ticket_id;
}

/** Starts the caller's timer on a ticket; a timer running elsewhere stops first (one person, one bench). */
export function startTimer(ctx: Ctx, ticketId: string): void {
  const t = ticketBasics(ctx, ticketId);
  requireStatus(t, WORK_OPEN, 'bench.error.timerStatus');
  const me = ctx.me();
  stopRunning(ctx, me.userId);
  prepared(
    ctx.sqlite,
    `INSERT INTO time_logs (id, ticket_id, user_id, started_at, ended_at, minutes, entered, note, created_at, created_by) VALUES (?, ?, ?, ?, NULL, 0, 0, '', ?, ?)`,
  ).run(ctx.newId(), t.id, me.userId, ctx.nowIso(), ctx.nowIso(), me.userId);
}

export function stopTimer(ctx: Ctx): string | null {
  return stopRunning(ctx, ctx.me().userId);
}

/** Time entered afterwards. The credit goes to who did the work; crediting someone else is a manager's call. */
export function enterTime(ctx: Ctx, input: { ticketId: string; minutes: number; userId?: string | undefined; startedAt?: string | undefined; note: string }): void {
  const t = ticketBasics(ctx, input.ticketId);
  const me = ctx.me();
  const who = input.userId ?? me.userId;
  if (who !== me.userId) {
    if (!isManager(me.role)) throw new AppError('FORBIDDEN', { key: 'bench.error.creditOthers' });
    requireAssignable(ctx, who);
  }
  const start = input.startedAt ? new Date(input.startedAt) : new Date(ctx.clock.now().getTime() - input.minutes * 60_000);
  if (start.getTime() > ctx.clock.now().getTime()) throw fieldError('startedAt', 'bench.validation.future');
  const end = new Date(start.getTime() + input.minutes * 60_000);
  prepared(
    ctx.sqlite,
    `INSERT INTO time_logs (id, ticket_id, user_id, started_at, ended_at, minutes, entered, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
  ).run(ctx.newId(), t.id, who, start.toISOString(), end.toISOString(), input.minutes, input.note, ctx.nowIso(), me.userId);
}

// ---- repair work ----

/** Whether the ticket's repair is warranty work (someone other than the customer pays a part line, or a 三包 outcome). */
function warrantyWork(ctx: Ctx, ticketId: string, partId: string): boolean {
  if (sanbaoExists(ctx, ticketId)) return true;
  const q = latestQuoteRow(ctx, ticketId);
  if (!q) return false;
  const lines = loadQuote(ctx, q.id).lines.filter((l) => l.partId === partId);
  return lines.some((l) => l.payers.maker + l.payers.extended_warranty + l.payers.shop > 0);
}

/** Refuses chargeable work without an authorization covering the current total (the API, not only the UI). */
function assertWorkAllowed(ctx: Ctx, t: { id: string; number: string }): void {
  const refused = workAllowed(ticketFacts(ctx, t.id));
  if (refused) throw new AppError('RULE', { key: refused, params: { number: t.number } });
}

export async function issuePart(ctx: Ctx, input: IssuePartInput): Promise<string> {
  const t = ticketBasics(ctx, input.ticketId);
  requireStatus(t, ['repairing'], 'bench.error.issueStatus');
  assertWorkAllowed(ctx, t);
  const warranty = warrantyWork(ctx, t.id, input.partId);
  const m = await issueToTicket(ctx, {
    partId: input.partId,
    ticket: t.id,
    qty: input.qty,
    serials: input.serials,
    override: input.override,
    removed: input.removed ? { serial: input.removed.serial, description: input.removed.description, toOldPartsBin: warranty } : undefined,
    note: input.note,
  });
  appendEvent(ctx, {
    ticketId: t.id,
    kind: 'note',
    note: input.note,
    data: { kind: 'part_issued', movementId: m.id, partId: input.partId, qty: input.qty, serials: input.serials, removedSerial: input.removed?.serial ?? null, oldPartsBin: warranty && !!input.removed },
  });
  return m.id;
}

/** A part is short: reserve it (it shows on the reorder list) and wait, with the expected date. */
export function awaitParts(ctx: Ctx, input: { ticketId: string; partId?: string | undefined; qty: number; expectedDate: string; note: string }): void {
  const t = ticketBasics(ctx, input.ticketId);
  requireStatus(t, ['repairing'], 'bench.error.awaitStatus');
  if (input.expectedDate < today(ctx)) throw fieldError('expectedDate', 'bench.validation.dateInPast');
  if (input.partId) reserve(ctx, { partId: input.partId, ticket: t.id, qty: input.qty });
  updateBenchRow(ctx, t.id, { parts_expected: input.expectedDate });
  transition(ctx, t.id, 'awaiting_parts', { note: input.note, data: { expectedDate: input.expectedDate, partId: input.partId ?? null } });
}

export function resumeRepair(ctx: Ctx, ticketId: string, note: string): void {
  const t = ticketBasics(ctx, ticketId);
  transition(ctx, t.id, 'repairing', { note });
  updateBenchRow(ctx, t.id, { parts_expected: null });
}

export function addNote(ctx: Ctx, ticketId: string, note: string): void {
  const t = ticketBasics(ctx, ticketId);
  appendEvent(ctx, { ticketId: t.id, kind: 'note', note, data: { kind: 'work_note' } });
}

// ---- QC ----

/** Users credited with work on the ticket (time) and its technician: they may not QC it when a second person is required. */
function workers(ctx: Ctx, ticketId: string, technicianId: string | null): Set<string> {
  const ids = statement<{ user_id: string }>(ctx.sqlite, `SELECT DISTINCT user_id FROM time_logs WHERE ticket_id = ?`).all(ticketId).map((r) => r.user_id);
  return new Set([...ids, ...(technicianId ? [technicianId] : [])]);
}

export async function submitQc(ctx: Ctx, input: QcInput): Promise<{ passed: boolean }> {
  const t = ticketBasics(ctx, input.ticketId);
  requireStatus(t, ['qc'], 'bench.error.qcStatus');
  const me = ctx.me();
  if (benchSettings(ctx).qcSecondPerson && !isManager(me.role) && workers(ctx, t.id, t.technician_id).has(me.userId)) {
    throw new AppError('FORBIDDEN', { key: 'bench.error.qcSecondPerson' });
  }
  const checklist = qcChecklist(t.category);
  const judged = judgeQc(checklist, input.items, input.failReason);
  if (!judged.ok) {
    const fields = [...judged.missing.map((k) => ({ path: `items.${k}`, key: judged.key })), ...judged.unknown.map((k) => ({ path: `items.${k}`, key: 'bench.qc.unknownItem' }))];
    throw new AppError('VALIDATION', { key: judged.key, fields: fields.length ? fields : [{ path: 'failReason', key: judged.key }] });
  }
  let passcodeErased = false;
  if (judged.passed && input.erasePasscode && t.passcode_state === 'given') passcodeErased = await erasePasscode(ctx, t.id);
  prepared(
    ctx.sqlite,
    `INSERT INTO qc_results (id, ticket_id, passed, items_json, data_handling, passcode_erased, fail_reason, checked_by, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(ctx.newId(), t.id, judged.passed ? 1 : 0, JSON.stringify(input.items), input.data, passcodeErased ? 1 : 0, judged.passed ? '' : input.failReason, me.userId, ctx.nowIso());
  if (judged.passed) {
    const sanbao = statement<{ option: string }>(ctx.sqlite, `SELECT option FROM sanbao_outcomes WHERE ticket_id = ? ORDER BY id DESC LIMIT 1`).get(t.id);
    const outcome = input.outcome ?? (sanbao ? (sanbao.option === 'exchange' ? 'exchanged' : 'refunded') : 'repaired');
    transition(ctx, t.id, 'ready', { outcome, note: input.note, data: { qc: 'pass', data: input.data } });
  } else {
    transition(ctx, t.id, 'repairing', { note: input.failReason, data: { qc: 'fail' } });
  }
  return { passed: judged.passed };
}

// ---- 三包 ----

export async function sanbaoOptions(ctx: Ctx, ticketId: string, purchasePriceFen: number | null, exchange?: 'unavailable' | 'refused') {
  const t = ticketBasics(ctx, ticketId);
  // The engine decides the refund (按发票价格退款 inside the 7-day window, less depreciation
  // after it); the bench only reads it, so the card, the record and the receipt agree.
  const result = await evaluateTicket(ctx, t.id, { purchasePriceFen, exchange });
  const { policy } = await resolvePolicy(ctx, { policyId: result.policy.id, policyVersion: result.policy.version });
  const dev = statement<{
    invoice_date: string | null;
    purchase_date: string | null;
    purchase_price_fen: number | null;
  }>(ctx.sqlite, `SELECT invoice_date, purchase_date, purchase_price_fen FROM devices WHERE id = ?`).get(t.device_id)!;
  const invoiceDate = dev.invoice_date ?? dev.purchase_date;
  const price = purchasePriceFen ?? dev.purchase_price_fen;
  return {
    today: result.today,
    options: result.decision.options.map((o, i) => {
      const refundFen = o.option === 'return' && price !== null && invoiceDate && o.refundAmount !== undefined ? o.refundAmount : null;
      const dep = o.reasons.find((r) => r.code === 'refundDepreciated');
      return {
        option: o.option,
        ...(o.part ? { part: o.part, partName: partName(o.part, ctx.locale, policy) } : {}),
        reasons: result.text.options[i] ?? [],
        refundFen,
        depreciationFen: refundFen === null ? null : price! - refundFen,
        daysUsed: refundFen === null ? null : dep ? Number(dep.params.days) : 0,
      };
    }),
    policy,
    invoiceDate,
    excludedDays: result.decision.excludedDays,
  };
}

/**
 * Records a 三包 exchange or return the engine offers today, with a manager's approval. An
 * exchange records the replacement's identifiers and the exchange date on the device (its
 * warranty restarts from it); a return records the engine's refund (the invoice price inside the return window, less
 * depreciation after it). The ticket then
 * counts as fully covered: it goes on to repairing (if not there yet), QC and ready with the outcome.
 */
export async function decideSanbao(ctx: Ctx, input: SanbaoInput): Promise<string> {
  const t = ticketBasics(ctx, input.ticketId);
  requireStatus(t, ['diagnosing', 'awaiting_approval', 'repairing', 'awaiting_parts'], 'bench.error.sanbaoStatus');
  if (sanbaoExists(ctx, t.id)) throw new AppError('RULE', { key: 'bench.error.sanbaoDone' });
  const opts = await sanbaoOptions(ctx, t.id, input.purchasePriceFen, input.exchange);
  const offered = opts.options.find((o) => o.option === input.option && !o.part);
  if (!offered) throw new AppError('RULE', { key: 'bench.error.sanbaoNotOffered', params: { option: input.option } });
  if (input.option === 'exchange' && !input.newImei && !input.newSerial) throw fieldError('newImei', 'bench.validation.newUnitRequired');
  if (input.option === 'return' && !opts.invoiceDate) throw fieldError('purchasePriceFen', 'bench.validation.noInvoiceDate');
  const approvedBy = await requireManager(ctx, input.approval, 'bench.sanbaoApproved', { ticketId: t.id, option: input.option, purchasePriceFen: input.purchasePriceFen });
  const dev = statement<{ imei: string | null; serial: string | null }>(ctx.sqlite, `SELECT imei, serial FROM devices WHERE id = ?`).get(t.device_id)!;
  const day = opts.today;
  const id = ctx.newId();
  prepared(
    ctx.sqlite,
    `INSERT INTO sanbao_outcomes (id, ticket_id, option, purchase_price_fen, days_used, depreciation_fen, refund_fen, old_imei, old_serial, new_imei, new_serial,
       exchange_date, approved_by, note, at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    t.id,
    input.option,
    input.purchasePriceFen,
    offered.daysUsed ?? 0,
    offered.depreciationFen ?? 0,
    input.option === 'return' ? (offered.refundFen ?? input.purchasePriceFen) : 0,
    dev.imei,
    dev.serial,
    input.newImei || null,
    input.newSerial || null,
    input.option === 'exchange' ? day : null,
    approvedBy,
    input.note,
    ctx.nowIso(),
    ctx.session?.userId ?? null,
  );
  if (input.option === 'exchange') {
    prepared(ctx.sqlite, `UPDATE devices SET exchange_date = ?, imei = COALESCE(?, imei), serial = COALESCE(?, serial), updated_at = ? WHERE id = ?`).run(
      day,
      input.newImei || null,
      input.newSerial || null,
      ctx.nowIso(),
      t.device_id,
    );
  }
  updateBenchRow(ctx, t.id, { outcome: input.option === 'exchange' ? 'exchanged' : 'refunded' });
  appendEvent(ctx, { ticketId: t.id, kind: 'note', note: input.note, data: { kind: 'sanbao', option: input.option, refundFen: offered.refundFen, depreciationFen: offered.depreciationFen } });
  if (t.status === 'diagnosing' || t.status === 'awaiting_approval') transition(ctx, t.id, 'repairing', { data: { sanbao: input.option } });
  return id;
}
