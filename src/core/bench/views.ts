/** What the bench and the counter read: the queue, a ticket's workbench, the call list, time logs. */
import type { BenchRow, CallListRow, TimeLog, Workbench, Diagnosis, QcRecord, SanbaoRecord } from '../../shared/bench/schemas';
import { legalDaysLeft, loanerDue, qcChecklist } from '../../shared/bench/rules';
import { checkTransition, EDGES, type Outcome } from '../../shared/tickets/lifecycle';
import { WORK_STATUSES, type TicketStatus } from '../../shared/tickets/statuses';
import type { CategoryPolicy } from '../../shared/warranty/schemas';
import { daysBetweenDates, localDate } from '../../shared/time/local-date';
import type { Ctx } from '../api/context';
import { shopClock } from '../shop/clock';
import { exists, statement } from '../db/statements';
import { rowsWhere } from '../tickets/rows';
import { resolvePolicy } from '../warranty/store';
import { benchRow, callsSince, ticketBasics } from './common';
import { coverageFacts, quoteState } from './quotes';
import { warrantyPartsOf } from './quote-save';
import { ticketFacts } from './transition';
import { sanbaoRefundPaid } from '../collection/sanbao-refund';
import type { QcResultsTable, SanbaoOutcomesTable } from './tables';
import { phoneDisplays } from '../customers/store';
import { asReceived } from './received';

async function policiesFor(ctx: Ctx, categories: Iterable<string>): Promise<Map<string, CategoryPolicy | null>> {
  const out = new Map<string, CategoryPolicy | null>();
  for (const c of categories) {
    if (out.has(c)) continue;
    try {
      out.set(c, (await resolvePolicy(ctx, { category: c })).policy);
    } catch {
      out.set(c, null);
    }
  }
  return out;
}

export async function benchQueue(ctx: Ctx, input: { who: string; status?: TicketStatus[] | undefined; limit: number }): Promise<BenchRow[]> {
  const clock = shopClock(ctx.sqlite, ctx.clock.now());
  const statuses = input.status?.length ? input.status : WORK_STATUSES;
  const where: string[] = [`t.status IN (${statuses.map(() => '?').join(', ')})`];
  const params: unknown[] = [...statuses];
  if (input.who === 'unassigned') where.push('t.technician_id IS NULL');
  else if (input.who !== 'all') {
    where.push('t.technician_id = ?');
    params.push(input.who === 'me' ? ctx.me().userId : input.who);
  }
  const rows = rowsWhere(ctx.sqlite, clock, where.join(' AND '), params, 't.promised_date, t.id', input.limit);
  const policies = await policiesFor(ctx, rows.map((r) => r.device.category));
  const out = rows.map((r): BenchRow => {
    const b = benchRow(ctx, r.id);
    const p = policies.get(r.device.category) ?? null;
    const sentIn = localDate(new Date(r.receivedAt), clock.timeZone);
    const cov = coverageFacts(ctx, r.id);
    const timer = exists(ctx.sqlite, `SELECT 1 FROM time_logs WHERE ticket_id = ? AND ended_at IS NULL LIMIT 1`, r.id);
    return {
      ...r,
      priority: b.priority,
      legalLimitDays: p?.repairerDelayDays ?? null,
      legalDaysLeft: r.warrantyClaimed ? legalDaysLeft(sentIn, clock.today, p?.repairerDelayDays ?? null) : null,
      loanerDue: loanerDue(daysBetweenDates(sentIn, clock.today), p?.loanerDays ?? null, r.warrantyClaimed),
      customerTotalFen: cov.customerTotalFen,
      partsExpected: b.parts_expected,
      timerRunning: !!timer,
    };
  });
  // Most urgent first: priority, then the legal limit, then the promise, then age.
  return out.sort(
    (a, b) =>
      b.priority - a.priority ||
      (a.legalDaysLeft ?? 9999) - (b.legalDaysLeft ?? 9999) ||
      a.promisedDate.localeCompare(b.promisedDate) ||
      a.receivedAt.localeCompare(b.receivedAt),
  );
}

export function timeLogs(ctx: Pick<Ctx, 'sqlite'>, by: { ticketId?: string; userId?: string }, limit = 200): TimeLog[] {
  const rows = statement<{
    id: string;
    ticket_id: string;
    number: string;
    user_id: string;
    user_name: string;
    started_at: string;
    ended_at: string | null;
    minutes: number;
    entered: number;
    note: string;
  }>(
    ctx.sqlite,
    `SELECT l.*, u.display_name AS user_name, t.number FROM time_logs l JOIN users u ON u.id = l.user_id JOIN tickets t ON t.id = l.ticket_id
     WHERE (? IS NULL OR l.ticket_id = ?) AND (? IS NULL OR l.user_id = ?) ORDER BY l.started_at DESC LIMIT ?`,
  ).all(by.ticketId ?? null, by.ticketId ?? null, by.userId ?? null, by.userId ?? null, limit);
  return rows.map((r) => ({
    id: r.id,
    ticketId: r.ticket_id,
    ticketNumber: r.number,
    userId: r.user_id,
    userName: r.user_name,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    minutes: r.minutes,
    entered: r.entered === 1,
    note: r.note,
  }));
}

export async function workbench(ctx: Ctx, ticketId: string): Promise<Workbench> {
  const t = ticketBasics(ctx, ticketId);
  const clock = shopClock(ctx.sqlite, ctx.clock.now());
  const b = benchRow(ctx, t.id);
  const d = statement<{ id: string; ticket_id: string; cause: string; notes: string; findings_json: string; performance_fault: number; parts_needed_json: string; photo_ids_json: string; created_at: string; created_by: string | null }>(ctx.sqlite, `SELECT * FROM diagnoses WHERE ticket_id = ? ORDER BY id DESC LIMIT 1`).get(t.id);
  const diagnosis: Diagnosis | null = d
    ? {
        id: d.id,
        ticketId: d.ticket_id,
        cause: d.cause,
        notes: d.notes,
        findings: JSON.parse(d.findings_json),
        performanceFault: d.performance_fault === 1,
        partsNeeded: JSON.parse(d.parts_needed_json),
        photoIds: JSON.parse(d.photo_ids_json),
        createdAt: d.created_at,
        createdBy: d.created_by,
      }
    : null;
  const logs = timeLogs(ctx, { ticketId: t.id });
  const byUser = new Map<string, { userId: string; userName: string; minutes: number }>();
  const now = ctx.clock.now().getTime();
  for (const l of logs) {
    const m = l.endedAt ? l.minutes : Math.max(0, Math.round((now - Date.parse(l.startedAt)) / 60_000));
    const e = byUser.get(l.userId) ?? { userId: l.userId, userName: l.userName, minutes: 0 };
    e.minutes += m;
    byUser.set(l.userId, e);
  }
  const issued = statement<{ id: string; part_id: string; sku: string; name_zh: string; name_en: string; qty: number; serials_json: string; removed_serial: string | null; at: string }>(
    ctx.sqlite,
    `SELECT m.id, m.part_id, p.sku, p.name_zh, p.name_en, m.qty, m.serials_json, m.removed_serial, m.at FROM stock_movements m JOIN parts p ON p.id = m.part_id
     WHERE m.ticket_id = ? AND m.kind IN ('issue', 'return') ORDER BY m.n`,
  ).all(t.id);
  const qc = statement<QcResultsTable & { by_name: string | null }, [string]>(ctx.sqlite, `SELECT q.*, u.display_name AS by_name FROM qc_results q LEFT JOIN users u ON u.id = q.checked_by WHERE q.ticket_id = ? ORDER BY q.id`).all(t.id).map(
    (r): QcRecord => ({
      id: r.id,
      ticketId: r.ticket_id,
      passed: r.passed === 1,
      items: JSON.parse(r.items_json),
      data: r.data_handling,
      passcodeErased: r.passcode_erased === 1,
      failReason: r.fail_reason,
      checkedBy: r.checked_by,
      checkedByName: r.by_name,
      at: r.at,
    }),
  );
  const s = statement<SanbaoOutcomesTable, [string]>(ctx.sqlite, `SELECT * FROM sanbao_outcomes WHERE ticket_id = ? ORDER BY id DESC LIMIT 1`).get(t.id);
  const sanbao: SanbaoRecord | null = s
    ? {
        id: s.id,
        ticketId: s.ticket_id,
        option: s.option,
        purchasePriceFen: s.purchase_price_fen,
        daysUsed: s.days_used,
        depreciationFen: s.depreciation_fen,
        refundFen: s.refund_fen,
        oldImei: s.old_imei,
        oldSerial: s.old_serial,
        newImei: s.new_imei,
        newSerial: s.new_serial,
        exchangeDate: s.exchange_date,
        approvedBy: s.approved_by,
        at: s.at,
        refundPaid: s.option === 'return' ? sanbaoRefundPaid(ctx, { id: s.id, ticketId: t.id }) : null,
      }
    : null;
  const policy = (await policiesFor(ctx, [t.category])).get(t.category) ?? null;
  const sentIn = localDate(new Date(t.received_at), clock.timeZone);
  const daysOpen = daysBetweenDates(sentIn, clock.today);
  const facts = ticketFacts(ctx, t.id);
  const next = EDGES.filter((e) => e.from === t.status).map((e) => {
    const check = checkTransition(t.status, e.to, { ...facts, outcome: e.to === 'ready' && e.from === 'received' ? 'not_repaired' : facts.outcome });
    return { to: e.to, action: e.action, allowed: check.ok, reason: check.ok ? null : check.key };
  });
  return {
    ticketId: t.id,
    status: t.status,
    priority: b.priority,
    outcome: (b.outcome as Outcome | null) ?? null,
    partsExpected: b.parts_expected,
    category: t.category,
    received: asReceived(ctx, t.id),
    diagnosis,
    quote: quoteState(ctx, t.id),
    timeLogs: logs,
    minutesByUser: [...byUser.values()],
    issuedParts: issued.map((m) => ({
      movementId: m.id,
      partId: m.part_id,
      sku: m.sku,
      name: ctx.locale === 'en' && m.name_en ? m.name_en : m.name_zh,
      qty: -m.qty,
      serials: JSON.parse(m.serials_json),
      removedSerial: m.removed_serial,
      at: m.at,
    })),
    qc,
    qcChecklist: qcChecklist(t.category),
    sanbao,
    loaner: { due: loanerDue(daysOpen, policy?.loanerDays ?? null, t.warranty_claimed === 1), thresholdDays: policy?.loanerDays ?? null, daysOpen },
    legal: { limitDays: policy?.repairerDelayDays ?? null, daysLeft: t.warranty_claimed === 1 ? legalDaysLeft(sentIn, clock.today, policy?.repairerDelayDays ?? null) : null },
    next,
    warrantyParts: await warrantyPartsOf(ctx, t.category),
  };
}

/** Whom to phone: quotes waiting for the customer's approval and devices ready for collection, with the last call made. */
export function callList(ctx: Ctx, limit = 200): CallListRow[] {
  const rows = statement<{ id: string; number: string; status: TicketStatus; status_at: string; cid: string; name: string; brand: string; model: string }>(
    ctx.sqlite,
    `SELECT t.id, t.number, t.status, t.status_at, c.id AS cid, c.name, d.brand, d.model
     FROM tickets t JOIN customers c ON c.id = t.customer_id JOIN devices d ON d.id = t.device_id
     WHERE t.status IN ('awaiting_approval', 'ready') ORDER BY t.status_at LIMIT ?`,
  ).all(limit);
  const out = rows.map((r): CallListRow => {
    const cs = callsSince(ctx, r.id, r.status_at);
    const last = cs[0];
    const cov = coverageFacts(ctx, r.id);
    return {
      ticketId: r.id,
      number: r.number,
      status: r.status,
      reason: r.status === 'ready' ? 'ready' : 'approval',
      since: r.status_at,
      customerName: r.name,
      phones: phoneDisplays(ctx.sqlite, r.cid),
      device: `${r.brand} ${r.model}`.trim(),
      customerTotalFen: cov.customerTotalFen,
      overLimitFen: cov.overLimitFen,
      lastCall: last ?? null,
      calls: cs.length,
    };
  });
  // Not yet reached first, then the longest waiting.
  const reached = (r: CallListRow) => (r.lastCall?.result === 'reached' ? 1 : 0);
  return out.sort((a, b) => reached(a) - reached(b) || a.since.localeCompare(b.since));
}
