/**
 * Follow-ups (回访) and complaints (投诉): the follow-up created when a ticket is collected,
 * the call list and its outcomes, complaints with deadlines from the shop's policy, the
 * escalation check, resolution, the customer's acceptance and rework of the ticket.
 */
import type Database from 'better-sqlite3';
import { AppError } from '../../shared/api/errors';
import {
  MAX_FOLLOW_UP_ATTEMPTS,
  complaintDeadlines,
  escalationDue,
  type Complaint,
  type FollowUpRow,
} from '../../shared/reports/care';
import { addDaysToDate, localDate } from '../../shared/time/local-date';
import { edgeOf } from '../../shared/tickets/lifecycle';
import type { TicketStatus } from '../../shared/tickets/statuses';
import type { Ctx } from '../api/context';
import { exists, prepared, statement } from '../db/statements';
import { appendEvent, type AppendedEvent } from '../tickets/events';
import { shopInfo } from './report';
import { customerExists } from '../customers/store';
import { COMPLAINT_RESPONSE_KIND, type ComplaintResponseData } from '../../shared/hq-console/complaints';

type HookCtx = Pick<Ctx, 'sqlite' | 'newId' | 'nowIso' | 'session'>;

/** The event hook: a ticket reaching `collected` gets a follow-up due N days later (one open per ticket). */
export function followUpOnCollection(ctx: HookCtx, e: AppendedEvent): void {
  if (e.toStatus !== 'collected') return;
  if (exists(ctx.sqlite, `SELECT 1 FROM follow_ups WHERE ticket_id = ? AND status = 'open'`, e.ticketId)) return;
  const t = statement<{ customer_id: string }>(ctx.sqlite, `SELECT customer_id FROM tickets WHERE id = ?`).get(e.ticketId);
  if (!t) return;
  const info = shopInfo(ctx.sqlite);
  const due = addDaysToDate(localDate(new Date(e.at), info.timeZone), info.quality.followUpDays);
  prepared(
    ctx.sqlite,
    `INSERT INTO follow_ups (id, ticket_id, customer_id, collected_at, due_date, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'open', ?, ?)`,
  ).run(ctx.newId(), e.ticketId, t.customer_id, e.at, due, e.at, e.at);
}

const FOLLOW_UP_SELECT = `
  SELECT u.id, u.ticket_id, t.number, u.customer_id, c.name, c.preferred_contact,
    (SELECT display FROM customer_phones p WHERE p.customer_id = c.id ORDER BY p.position LIMIT 1) AS phone,
    d.brand || ' ' || d.model AS device, u.collected_at, u.due_date, u.status, u.attempts, u.reached, u.score, u.comments, u.problem_reported,
    u.outcome_at, ub.display_name AS outcome_by, u.complaint_id
  FROM follow_ups u JOIN tickets t ON t.id = u.ticket_id JOIN customers c ON c.id = u.customer_id JOIN devices d ON d.id = t.device_id
  LEFT JOIN users ub ON ub.id = u.outcome_by`;

interface FollowUpDbRow {
  id: string; ticket_id: string; number: string; customer_id: string; name: string; preferred_contact: string; phone: string | null; device: string;
  collected_at: string; due_date: string; status: FollowUpRow['status']; attempts: number; reached: number | null; score: number | null; comments: string;
  problem_reported: number; outcome_at: string | null; outcome_by: string | null; complaint_id: string | null;
}

function toFollowUp(r: FollowUpDbRow, today: string, lowScore: number): FollowUpRow {
  return {
    id: r.id,
    ticketId: r.ticket_id,
    ticketNumber: r.number,
    customerId: r.customer_id,
    customerName: r.name,
    phone: r.phone ?? '',
    preferredContact: r.preferred_contact,
    device: r.device,
    collectedAt: r.collected_at,
    dueDate: r.due_date,
    status: r.status,
    overdue: r.status === 'open' && r.due_date < today,
    attempts: r.attempts,
    reached: r.reached === null ? null : r.reached === 1,
    score: r.score,
    comments: r.comments,
    problemReported: r.problem_reported === 1,
    outcomeAt: r.outcome_at,
    outcomeBy: r.outcome_by,
    complaintId: r.complaint_id,
    suggestComplaint: !r.complaint_id && (r.problem_reported === 1 || (r.score !== null && r.score <= lowScore)),
  };
}

export function listFollowUps(ctx: Pick<Ctx, 'sqlite' | 'clock'>, input: { view: string; offset: number; limit: number }): { total: number; rows: FollowUpRow[] } {
  const info = shopInfo(ctx.sqlite);
  const today = localDate(ctx.clock.now(), info.timeZone);
  const where: Record<string, string> = {
    due: `u.status = 'open' AND u.due_date <= $today`,
    overdue: `u.status = 'open' AND u.due_date < $today`,
    upcoming: `u.status = 'open' AND u.due_date > $today`,
    done: `u.status <> 'open'`,
    all: '1',
  };
  const cond = where[input.view] ?? '1';
  const order = input.view === 'done' ? 'u.outcome_at DESC' : 'u.due_date, u.collected_at';
  const total = statement<{ n: number }>(ctx.sqlite, `SELECT count(*) AS n FROM follow_ups u WHERE ${cond}`).get({ today })!.n;
  const rows = statement<FollowUpDbRow>(ctx.sqlite, `${FOLLOW_UP_SELECT} WHERE ${cond} ORDER BY ${order} LIMIT $limit OFFSET $offset`).all({ today, limit: input.limit, offset: input.offset });
  return { total, rows: rows.map((r) => toFollowUp(r, today, info.quality.lowScore)) };
}

export function getFollowUp(ctx: Pick<Ctx, 'sqlite' | 'clock'>, id: string): FollowUpRow {
  const info = shopInfo(ctx.sqlite);
  const r = statement<FollowUpDbRow>(ctx.sqlite, `${FOLLOW_UP_SELECT} WHERE u.id = ?`).get(id);
  if (!r) throw new AppError('NOT_FOUND', { details: { entity: 'follow_up', id } });
  return toFollowUp(r, localDate(ctx.clock.now(), info.timeZone), info.quality.lowScore);
}

/** Records a call: reached (score, comments, problem) closes it; unanswered calls close it as unreachable after three. */
export async function recordFollowUp(
  ctx: Ctx,
  input: { id: string; reached: boolean; score?: number | null | undefined; comments: string; problemReported: boolean },
): Promise<FollowUpRow> {
  const cur = statement<{ status: string; attempts: number }>(ctx.sqlite, `SELECT status, attempts FROM follow_ups WHERE id = ?`).get(input.id);
  if (!cur) throw new AppError('NOT_FOUND', { details: { entity: 'follow_up', id: input.id } });
  if (cur.status !== 'open') throw new AppError('CONFLICT', { key: 'reports.error.followUpClosed' });
  const now = ctx.nowIso();
  const attempts = cur.attempts + 1;
  const status = input.reached ? 'done' : attempts >= MAX_FOLLOW_UP_ATTEMPTS ? 'unreachable' : 'open';
  prepared(
    ctx.sqlite,
    `UPDATE follow_ups SET status = ?, attempts = ?, reached = ?, score = ?, comments = ?, problem_reported = ?, outcome_at = ?, outcome_by = ?, updated_at = ? WHERE id = ?`,
  ).run(status, attempts, input.reached ? 1 : 0, input.reached ? (input.score ?? null) : null, input.comments, input.problemReported ? 1 : 0, now, ctx.me().userId, now, input.id);
  await ctx.audit('followUp.record', 'follow_up', input.id, { reached: input.reached, score: input.score ?? null, problemReported: input.problemReported });
  return getFollowUp(ctx, input.id);
}

// ---------------------------------------------------------------------------------------------
// Complaints

function nextComplaintNumber(sqlite: Database.Database, code: string, today: string): string {
  const yymm = today.slice(2, 4) + today.slice(5, 7);
  const row = statement<{ last_seq: number }>(
    sqlite,
    `INSERT INTO ticket_counters (key, last_seq) VALUES (?, 1) ON CONFLICT (key) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq`,
  ).get(`complaint:${code}-${yymm}`)!;
  return `${code}-C${yymm}-${String(row.last_seq).padStart(3, '0')}`;
}

function complaintEvent(ctx: Pick<Ctx, 'sqlite' | 'newId' | 'nowIso' | 'session'>, complaintId: string, kind: string, note = '', data: Record<string, unknown> = {}, at?: string): void {
  prepared(ctx.sqlite, `INSERT INTO complaint_events (id, complaint_id, at, user_id, kind, note, data_json) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
    ctx.newId(),
    complaintId,
    at ?? ctx.nowIso(),
    ctx.session?.userId ?? null,
    kind,
    note,
    JSON.stringify(data),
  );
}

export async function openComplaint(
  ctx: Ctx,
  input: { ticketId?: string | undefined; followUpId?: string | undefined; customerId?: string | undefined; channel: string; category: string; severity: string; description: string },
): Promise<Complaint> {
  let ticketId = input.ticketId ?? null;
  let customerId = input.customerId ?? null;
  if (input.followUpId) {
    const fu = statement<{ ticket_id: string; customer_id: string; complaint_id: string | null }>(ctx.sqlite, `SELECT ticket_id, customer_id, complaint_id FROM follow_ups WHERE id = ?`).get(input.followUpId);
    if (!fu) throw new AppError('VALIDATION', { fields: [{ path: 'followUpId', key: 'errors.NOT_FOUND' }] });
    if (fu.complaint_id) throw new AppError('CONFLICT', { key: 'reports.error.followUpHasComplaint' });
    ticketId ??= fu.ticket_id;
    customerId ??= fu.customer_id;
  }
  if (ticketId) {
    const t = statement<{ customer_id: string }>(ctx.sqlite, `SELECT customer_id FROM tickets WHERE id = ?`).get(ticketId);
    if (!t) throw new AppError('VALIDATION', { fields: [{ path: 'ticketId', key: 'errors.NOT_FOUND' }] });
    customerId ??= t.customer_id;
  }
  if (customerId && !customerExists(ctx.sqlite, customerId)) {
    throw new AppError('VALIDATION', { fields: [{ path: 'customerId', key: 'errors.NOT_FOUND' }] });
  }
  const info = shopInfo(ctx.sqlite);
  const now = ctx.nowIso();
  const { respondBy, resolveBy } = complaintDeadlines(now, info.quality.complaintRespondHours, info.quality.complaintResolveDays);
  const id = ctx.newId();
  const number = nextComplaintNumber(ctx.sqlite, info.code, localDate(ctx.clock.now(), info.timeZone));
  prepared(
    ctx.sqlite,
    `INSERT INTO complaints (id, number, ticket_id, customer_id, follow_up_id, channel, category, severity, description, status, opened_at, opened_by, respond_by, resolve_by, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?)`,
  ).run(id, number, ticketId, customerId, input.followUpId ?? null, input.channel, input.category, input.severity, input.description, now, ctx.me().userId, respondBy, resolveBy, now);
  if (input.followUpId) prepared(ctx.sqlite, `UPDATE follow_ups SET complaint_id = ?, updated_at = ? WHERE id = ?`).run(id, now, input.followUpId);
  complaintEvent(ctx, id, 'opened', input.description, { channel: input.channel, category: input.category, severity: input.severity, respondBy, resolveBy });
  await ctx.audit('complaint.open', 'complaint', id, { number, ticketId });
  ctx.emit({ name: 'complaints.changed', payload: { id } });
  return getComplaint(ctx, id);
}

interface ComplaintDbRow {
  id: string; number: string; ticket_id: string | null; ticket_number: string | null; customer_id: string | null; customer_name: string | null; phone: string | null;
  follow_up_id: string | null; channel: Complaint['channel']; category: Complaint['category']; severity: Complaint['severity']; description: string;
  status: Complaint['status']; opened_at: string; respond_by: string; resolve_by: string; responded_at: string | null; resolved_at: string | null;
  resolution: string; accepted: number | null; escalation: Complaint['escalation']; escalated_at: string | null;
}

const COMPLAINT_SELECT = `
  SELECT c.id, c.number, c.ticket_id, t.number AS ticket_number, c.customer_id, cu.name AS customer_name,
    (SELECT display FROM customer_phones p WHERE p.customer_id = c.customer_id ORDER BY p.position LIMIT 1) AS phone,
    c.follow_up_id, c.channel, c.category, c.severity, c.description, c.status, c.opened_at, c.respond_by, c.resolve_by, c.responded_at, c.resolved_at,
    c.resolution, c.accepted, c.escalation, c.escalated_at
  FROM complaints c LEFT JOIN tickets t ON t.id = c.ticket_id LEFT JOIN customers cu ON cu.id = c.customer_id`;

function toComplaint(sqlite: Database.Database, r: ComplaintDbRow, nowIso: string, withEvents: boolean): Complaint {
  const open = r.status === 'open' || r.status === 'responded';
  const overdue = open && ((!r.responded_at && nowIso > r.respond_by) || (!r.resolved_at && nowIso > r.resolve_by));
  const events = withEvents
    ? statement<{
          id: string; at: string; display_name: string | null; kind: Complaint['events'][number]['kind']; note: string; data_json: string;
        }>(sqlite, `SELECT e.id, e.at, u.display_name, e.kind, e.note, e.data_json FROM complaint_events e LEFT JOIN users u ON u.id = e.user_id WHERE e.complaint_id = ? ORDER BY e.id`).all(r.id).map((e) => ({ id: e.id, at: e.at, userName: e.display_name, kind: e.kind, note: e.note, data: JSON.parse(e.data_json) as Record<string, unknown> }))
    : [];
  return {
    id: r.id,
    number: r.number,
    ticketId: r.ticket_id,
    ticketNumber: r.ticket_number,
    customerId: r.customer_id,
    customerName: r.customer_name,
    phone: r.phone,
    followUpId: r.follow_up_id,
    channel: r.channel,
    category: r.category,
    severity: r.severity,
    description: r.description,
    status: r.status,
    openedAt: r.opened_at,
    respondBy: r.respond_by,
    resolveBy: r.resolve_by,
    respondedAt: r.responded_at,
    resolvedAt: r.resolved_at,
    resolution: r.resolution,
    accepted: r.accepted === null ? null : r.accepted === 1,
    escalation: r.escalation,
    escalatedAt: r.escalated_at,
    overdue,
    headOffice: headOfficeResponse(sqlite, r.id, open, nowIso),
    events,
  };
}

/** Head office's latest response (its mark, see hq-responses.ts); past its deadline once the deadline's day is over in the shop's zone. */
function headOfficeResponse(sqlite: Database.Database, id: string, open: boolean, nowIso: string): Complaint['headOffice'] {
  const mark = statement<{ value: string }>(sqlite, `SELECT value FROM meta WHERE key = ?`).get(`hq:${COMPLAINT_RESPONSE_KIND}:${id}`);
  if (!mark) return null;
  const d = JSON.parse(mark.value) as ComplaintResponseData;
  const today = localDate(nowIso, shopInfo(sqlite).timeZone);
  return { response: d.response, deadline: d.deadline, respondedAt: d.respondedAt, responder: d.responder, pastDeadline: open && today > d.deadline };
}

export function getComplaint(ctx: Pick<Ctx, 'sqlite' | 'clock'>, id: string): Complaint {
  const r = statement<ComplaintDbRow>(ctx.sqlite, `${COMPLAINT_SELECT} WHERE c.id = ?`).get(id);
  if (!r) throw new AppError('NOT_FOUND', { details: { entity: 'complaint', id } });
  return toComplaint(ctx.sqlite, r, ctx.clock.now().toISOString(), true);
}

export function listComplaints(ctx: Pick<Ctx, 'sqlite' | 'clock'>, input: { view: string; ticketId?: string | undefined; offset: number; limit: number }): { total: number; rows: Complaint[] } {
  const now = ctx.clock.now().toISOString();
  const views: Record<string, string> = {
    open: `c.status IN ('open', 'responded')`,
    overdue: `c.status IN ('open', 'responded') AND ((c.responded_at IS NULL AND c.respond_by < $now) OR (c.resolved_at IS NULL AND c.resolve_by < $now))`,
    escalated: `c.status IN ('open', 'responded') AND c.escalation <> 'none'`,
    closed: `c.status IN ('resolved', 'closed')`,
    all: '1',
  };
  let cond = views[input.view] ?? '1';
  const params: Record<string, unknown> = { now, limit: input.limit, offset: input.offset };
  if (input.ticketId) {
    cond += ' AND c.ticket_id = $ticket';
    params.ticket = input.ticketId;
  }
  const total = statement<{ n: number }>(ctx.sqlite, `SELECT count(*) AS n FROM complaints c WHERE ${cond}`).get(params)!.n;
  const rows = statement<ComplaintDbRow>(ctx.sqlite, `${COMPLAINT_SELECT} WHERE ${cond} ORDER BY c.opened_at DESC LIMIT $limit OFFSET $offset`).all(params);
  return { total, rows: rows.map((r) => toComplaint(ctx.sqlite, r, now, false)) };
}

function requireComplaint(ctx: Ctx, id: string): ComplaintDbRow {
  const r = statement<ComplaintDbRow>(ctx.sqlite, `${COMPLAINT_SELECT} WHERE c.id = ?`).get(id);
  if (!r) throw new AppError('NOT_FOUND', { details: { entity: 'complaint', id } });
  return r;
}

export async function respondComplaint(ctx: Ctx, id: string, note: string): Promise<Complaint> {
  const c = requireComplaint(ctx, id);
  if (c.status !== 'open') throw new AppError('CONFLICT', { key: 'reports.error.complaintState', params: { status: c.status } });
  const now = ctx.nowIso();
  prepared(ctx.sqlite, `UPDATE complaints SET status = 'responded', responded_at = ?, updated_at = ? WHERE id = ?`).run(now, now, id);
  complaintEvent(ctx, id, 'responded', note, { inTime: now <= c.respond_by });
  await ctx.audit('complaint.respond', 'complaint', id);
  return getComplaint(ctx, id);
}

export async function resolveComplaint(ctx: Ctx, id: string, note: string): Promise<Complaint> {
  const c = requireComplaint(ctx, id);
  if (c.status !== 'open' && c.status !== 'responded') throw new AppError('CONFLICT', { key: 'reports.error.complaintState', params: { status: c.status } });
  const now = ctx.nowIso();
  prepared(ctx.sqlite, `UPDATE complaints SET status = 'resolved', responded_at = coalesce(responded_at, ?), resolved_at = ?, resolution = ?, updated_at = ? WHERE id = ?`).run(now, now, note, now, id);
  complaintEvent(ctx, id, 'resolved', note, { inTime: now <= c.resolve_by });
  await ctx.audit('complaint.resolve', 'complaint', id);
  return getComplaint(ctx, id);
}

/** The customer accepts the resolution (closes it) or does not (back to open, the deadline stands). */
export async function acceptComplaint(ctx: Ctx, id: string, accepted: boolean, note: string): Promise<Complaint> {
  const c = requireComplaint(ctx, id);
  if (c.status !== 'resolved') throw new AppError('CONFLICT', { key: 'reports.error.complaintState', params: { status: c.status } });
  const now = ctx.nowIso();
  if (accepted) {
    prepared(ctx.sqlite, `UPDATE complaints SET status = 'closed', accepted = 1, accepted_at = ?, closed_at = ?, updated_at = ? WHERE id = ?`).run(now, now, now, id);
  } else {
    prepared(ctx.sqlite, `UPDATE complaints SET status = 'responded', accepted = 0, accepted_at = ?, resolved_at = NULL, updated_at = ? WHERE id = ?`).run(now, now, id);
  }
  complaintEvent(ctx, id, accepted ? 'accepted' : 'rejected', note);
  await ctx.audit(accepted ? 'complaint.accepted' : 'complaint.rejected', 'complaint', id);
  return getComplaint(ctx, id);
}

export async function noteComplaint(ctx: Ctx, id: string, note: string): Promise<Complaint> {
  requireComplaint(ctx, id);
  complaintEvent(ctx, id, 'note', note);
  prepared(ctx.sqlite, `UPDATE complaints SET updated_at = ? WHERE id = ?`).run(ctx.nowIso(), id);
  return getComplaint(ctx, id);
}

function repairWarrantyDays(sqlite: Database.Database, category: string): number {
  try {
    const row = statement<{ data_json: string }>(sqlite, `SELECT data_json FROM warranty_policies WHERE category = ? AND active = 1 AND category_default = 1 LIMIT 1`).get(category);
    const d = row ? (JSON.parse(row.data_json) as { repairWarrantyDays?: number }).repairWarrantyDays : undefined;
    return typeof d === 'number' ? d : 90;
  } catch {
    return 90;
  }
}

/**
 * Reopens the complaint's ticket for rework under the repair warranty: the device comes back
 * (status `received`). Through the lifecycle's transition when it has an edge for this move;
 * it has none from ready/collected today, so the status event is appended here with a note.
 */
export async function reopenTicketForRework(ctx: Ctx, id: string, note: string): Promise<Complaint> {
  const c = requireComplaint(ctx, id);
  if (!c.ticket_id) throw new AppError('RULE', { key: 'reports.error.noTicket' });
  const t = statement<{ status: TicketStatus; number: string; category: string; collected_at: string | null }>(ctx.sqlite, `SELECT t.status, t.number, d.category, (SELECT max(at) FROM ticket_events WHERE ticket_id = t.id AND to_status = 'collected') AS collected_at
    FROM tickets t JOIN devices d ON d.id = t.device_id WHERE t.id = ?`).get(c.ticket_id)!;
  if (t.status !== 'collected' && t.status !== 'ready') throw new AppError('RULE', { key: 'reports.error.ticketNotDone', params: { number: t.number } });
  const days = repairWarrantyDays(ctx.sqlite, t.category);
  if (t.collected_at && Date.parse(ctx.nowIso()) - Date.parse(t.collected_at) > days * 86_400_000) {
    throw new AppError('RULE', { key: 'reports.error.outsideRepairWarranty', params: { number: t.number, days: String(days) } });
  }
  const to: TicketStatus = 'received';
  const text = note || `Rework under the repair warranty (complaint ${c.number})`;
  if (edgeOf(t.status, to)) {
    const { transition } = await import('../bench/transition');
    transition(ctx, c.ticket_id, to, { note: text, data: { action: 'complaintRework', complaintId: id, complaintNumber: c.number } });
  } else {
    appendEvent(ctx, { ticketId: c.ticket_id, kind: 'status', fromStatus: t.status, toStatus: to, note: text, data: { action: 'complaintRework', complaintId: id, complaintNumber: c.number, repairWarrantyDays: days } });
    ctx.emit({ name: 'tickets.changed', payload: { id: c.ticket_id, number: t.number, status: to, from: t.status } });
  }
  complaintEvent(ctx, id, 'ticket_reopened', text, { ticketId: c.ticket_id, ticketNumber: t.number });
  prepared(ctx.sqlite, `UPDATE complaints SET updated_at = ? WHERE id = ?`).run(ctx.nowIso(), id);
  await ctx.audit('complaint.reopenTicket', 'ticket', c.ticket_id, { complaint: c.number });
  return getComplaint(ctx, id);
}

/**
 * The escalation check (timer and on demand): each open complaint past a deadline goes to the
 * manager, and to head office `escalateToHqAfterHours` later. Each step is an event; head office
 * sees the escalation through sync (complaints are synced).
 */
export function runEscalations(ctx: Pick<Ctx, 'sqlite' | 'newId' | 'nowIso' | 'session' | 'emit'>): { escalated: { id: string; number: string; level: string; reason: string }[] } {
  const info = shopInfo(ctx.sqlite);
  const now = ctx.nowIso();
  const rows = statement<{ id: string; number: string; status: string; respond_by: string; resolve_by: string; responded_at: string | null; resolved_at: string | null; escalation: string; escalated_at: string | null }>(ctx.sqlite, `SELECT id, number, status, respond_by, resolve_by, responded_at, resolved_at, escalation, escalated_at FROM complaints
       WHERE status IN ('open', 'responded') AND escalation <> 'head_office' AND ((responded_at IS NULL AND respond_by < ?) OR (resolved_at IS NULL AND resolve_by < ?))`).all(now, now);
  const out: { id: string; number: string; level: string; reason: string }[] = [];
  for (const r of rows) {
    const due = escalationDue(
      { status: r.status, respondBy: r.respond_by, resolveBy: r.resolve_by, respondedAt: r.responded_at, resolvedAt: r.resolved_at, escalation: r.escalation, escalatedAt: r.escalated_at },
      now,
      info.quality.escalateToHqAfterHours,
    );
    if (!due) continue;
    prepared(ctx.sqlite, `UPDATE complaints SET escalation = ?, escalated_at = ?, updated_at = ? WHERE id = ?`).run(due.level, now, now, r.id);
    complaintEvent(ctx, r.id, 'escalated', '', { level: due.level, reason: due.reason });
    out.push({ id: r.id, number: r.number, level: due.level, reason: due.reason });
  }
  if (out.length) ctx.emit({ name: 'complaints.escalated', payload: out });
  return { escalated: out };
}
