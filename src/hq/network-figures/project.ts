/**
 * One shop's synced rows → its per-ticket facts (pure): the events folded by the shop's own rule
 * (factsFromEvents), the return flags by the shop's first-time-fix window, and what the
 * drill-down shows beside them — the number, the model, the latest quote's payer mix and total,
 * what was paid, and the customer's name masked (张*): nothing else of the customer leaves here.
 */
import { factKeyOf, factsFromEvents, returnFlags, type StatusEvent } from '../../shared/reports/hq-facts';
import type { FactRow } from '../../shared/reports/compute';
import { STAGES } from '../../shared/reports/math';
import { maskName } from '../../shared/status/card';
import type { TicketStatus } from '../../shared/tickets/statuses';
import type { HqReportFactsTable, HqReportPaymentsTable } from './migration';
import type { HqReportFollowUpsTable } from './engine-migration';

export type Row = Record<string, unknown>;
/** The synced tables the projection reads. */
export const PROJECTED_TABLES = ['tickets', 'ticket_events', 'devices', 'customers', 'quotes', 'payments', 'follow_ups'] as const;

/** A ticket's facts at head office: the shop's FactRow and what the drill-down lists. */
export interface HqFact extends FactRow {
  shopId: string;
  number: string;
  model: string;
  quoteKind: 'warranty' | 'paid' | 'mixed' | null;
  quotedFen: number | null;
  paidFen: number;
  customerMasked: string;
}

const s = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? null : String(v));
const n = (v: unknown) => (typeof v === 'number' ? v : Number(v ?? 0));

/** The payer mix of a quote, as the shop's report counts it. */
export function quoteKindOf(q: Row): 'warranty' | 'paid' | 'mixed' {
  if (n(q.customer_total_fen) === 0) return 'warranty';
  return n(q.maker_fen) + n(q.extended_warranty_fen) + n(q.insurer_fen) + n(q.shop_fen) > 0 ? 'mixed' : 'paid';
}

/** A follow-up call as the satisfaction figures read it (the shop's values, as its report tests them). */
export function followUpToRow(shopId: string, u: Row): HqReportFollowUpsTable {
  const score = u.score === null || u.score === undefined ? null : n(u.score);
  return {
    shop_id: shopId,
    follow_up_id: s(u.id)!,
    ticket_id: s(u.ticket_id) ?? '',
    due_date: s(u.due_date),
    status: s(u.status),
    reached: n(u.reached) === 1 ? 1 : 0,
    score: score !== null && Number.isFinite(score) ? score : null,
    problem_reported: n(u.problem_reported) === 1 ? 1 : 0,
  };
}

export function projectShop(shopId: string, tables: Map<string, Row[]>, ftfDays: number): { facts: HqFact[]; payments: HqReportPaymentsTable[]; followUps: HqReportFollowUpsTable[] } {
  const get = (t: string) => tables.get(t) ?? [];
  const devices = new Map(get('devices').map((d) => [s(d.id)!, d]));
  const customers = new Map(get('customers').map((c) => [s(c.id)!, c]));
  const events = new Map<string, { id: string; e: StatusEvent }[]>();
  for (const e of get('ticket_events')) {
    if (!e.to_status) continue;
    const id = s(e.ticket_id)!;
    let l = events.get(id);
    if (!l) events.set(id, (l = []));
    l.push({ id: s(e.id)!, e: { at: s(e.at)!, toStatus: e.to_status as TicketStatus, userId: s(e.user_id) } });
  }
  const latest = new Map<string, Row>();
  for (const q of get('quotes')) {
    const cur = latest.get(s(q.ticket_id)!);
    if (!cur || n(q.version) > n(cur.version)) latest.set(s(q.ticket_id)!, q);
  }
  const paid = new Map<string, number>();
  const payments: HqReportPaymentsTable[] = [];
  for (const p of get('payments')) {
    const t = s(p.ticket_id);
    if (!t || !p.at) continue;
    paid.set(t, (paid.get(t) ?? 0) + n(p.amount_fen));
    payments.push({ shop_id: shopId, payment_id: s(p.id)!, ticket_id: t, at: s(p.at)!, tender: s(p.tender) ?? '', amount_fen: n(p.amount_fen) });
  }
  const facts: HqFact[] = [];
  for (const tk of get('tickets')) {
    const id = s(tk.id)!;
    const list = (events.get(id) ?? []).sort((a, b) => (a.id < b.id ? -1 : 1)).map((x) => x.e);
    const f = factsFromEvents(list);
    if (!f.receivedAt) continue;
    const d = devices.get(s(tk.device_id)!);
    const q = latest.get(id);
    facts.push({
      shopId,
      ticketId: id,
      number: s(tk.number) ?? '',
      receivedAt: f.receivedAt,
      firstReadyAt: f.firstReadyAt,
      lastReadyAt: f.lastReadyAt,
      firstCollectedAt: f.firstCollectedAt,
      lastCollectedAt: f.lastCollectedAt,
      cancelledAt: f.cancelledAt,
      status: f.status ?? 'received',
      stageSeconds: f.stageSeconds,
      reopens: f.reopens,
      lastReopenedAt: f.lastReopenedAt,
      techId: f.creditUserId ?? s(tk.technician_id),
      deviceId: s(tk.device_id) ?? '',
      category: s(d?.category) ?? '',
      brand: s(d?.brand) ?? '',
      model: s(d?.model) ?? '',
      serviceType: s(tk.service_type) ?? '',
      promisedDate: s(tk.promised_date) ?? '',
      faultKey: factKeyOf(s(tk.fault_codes_json)),
      warrantyClaimed: n(tk.warranty_claimed) === 1,
      returned: false,
      isReturn: false,
      quoteKind: q ? quoteKindOf(q) : null,
      quotedFen: q ? n(q.customer_total_fen) : null,
      paidFen: paid.get(id) ?? 0,
      customerMasked: maskName(s(customers.get(s(tk.customer_id) ?? '')?.name) ?? ''),
    });
  }
  const flags = returnFlags(
    facts.map((f) => ({ ticketId: f.ticketId, deviceId: f.deviceId, receivedAt: f.receivedAt, firstCollectedAt: f.firstCollectedAt, faultKey: f.faultKey })),
    ftfDays,
  );
  for (const f of facts) Object.assign(f, flags.get(f.ticketId));
  return { facts, payments, followUps: get('follow_ups').filter((u) => u.id !== null && u.id !== undefined).map((u) => followUpToRow(shopId, u)) };
}

const latestOf = (...v: (string | null)[]) => v.reduce<string>((a, x) => (x !== null && x > a ? x : a), '');

export function factToRow(f: HqFact): HqReportFactsTable {
  return {
    shop_id: f.shopId,
    ticket_id: f.ticketId,
    number: f.number,
    received_at: f.receivedAt,
    first_ready_at: f.firstReadyAt,
    last_ready_at: f.lastReadyAt,
    first_collected_at: f.firstCollectedAt,
    last_collected_at: f.lastCollectedAt,
    cancelled_at: f.cancelledAt,
    last_reopened_at: f.lastReopenedAt,
    last_touch_at: latestOf(f.receivedAt, f.firstReadyAt, f.lastReadyAt, f.firstCollectedAt, f.lastCollectedAt, f.cancelledAt, f.lastReopenedAt),
    status: f.status,
    s_received: f.stageSeconds.received,
    s_diagnosing: f.stageSeconds.diagnosing,
    s_awaiting_approval: f.stageSeconds.awaiting_approval,
    s_repairing: f.stageSeconds.repairing,
    s_awaiting_parts: f.stageSeconds.awaiting_parts,
    s_qc: f.stageSeconds.qc,
    s_ready: f.stageSeconds.ready,
    reopens: f.reopens,
    tech_id: f.techId,
    device_id: f.deviceId,
    category: f.category,
    brand: f.brand,
    model: f.model,
    service_type: f.serviceType,
    promised_date: f.promisedDate,
    fault_key: f.faultKey,
    warranty_claimed: f.warrantyClaimed ? 1 : 0,
    returned: f.returned ? 1 : 0,
    is_return: f.isReturn ? 1 : 0,
    quote_kind: f.quoteKind,
    quoted_fen: f.quotedFen,
    ready_s: f.firstReadyAt ? (Date.parse(f.firstReadyAt) - Date.parse(f.receivedAt)) / 1000 : null,
    collected_s: f.firstCollectedAt ? (Date.parse(f.firstCollectedAt) - Date.parse(f.receivedAt)) / 1000 : null,
    paid_fen: f.paidFen,
    customer_masked: f.customerMasked,
  };
}

/** The columns read back, in this order, as one text per ticket (the engine joins them: one cell to read, not 31). */
export const FACT_COLUMNS = [
  'shop_id', 'ticket_id', 'received_at', 'first_ready_at', 'last_ready_at', 'first_collected_at', 'last_collected_at', 'cancelled_at', 'last_reopened_at', 'status',
  ...STAGES.map((x) => `s_${x}`), 'reopens', 'tech_id', 'device_id', 'category', 'brand', 'service_type', 'promised_date', 'warranty_claimed', 'returned', 'is_return', 'quote_kind', 'ready_s', 'collected_s',
] as const;

/** Fields apart by the unit separator (never typed in a code, an id or a brand); NULL as an empty field. */
export const SEP = '\u001f';
export function packedFacts(dialect: 'sqlite' | 'postgres'): string {
  const sep = dialect === 'postgres' ? 'chr(31)' : 'char(31)';
  return FACT_COLUMNS.map((c) => `coalesce(${c}${dialect === 'postgres' ? '::text' : ''}, '')`).join(` || ${sep} || `);
}

const orNull = (v: string) => (v === '' ? null : v);

/** A fact as the report needs it, from a packed text (the drill-down adds its own columns). */
export function factOfPacked(text: string): HqFact {
  const r = text.split(SEP);
  let i = 0;
  const next = () => r[i++]!;
  const shopId = next();
  const ticketId = next();
  const receivedAt = next();
  const firstReadyAt = orNull(next());
  const lastReadyAt = orNull(next());
  const firstCollectedAt = orNull(next());
  const lastCollectedAt = orNull(next());
  const cancelledAt = orNull(next());
  const lastReopenedAt = orNull(next());
  const status = next();
  const stageSeconds = {} as FactRow['stageSeconds'];
  for (const st of STAGES) stageSeconds[st] = Number(next());
  return {
    shopId,
    ticketId,
    receivedAt,
    firstReadyAt,
    lastReadyAt,
    firstCollectedAt,
    lastCollectedAt,
    cancelledAt,
    lastReopenedAt,
    status,
    stageSeconds,
    reopens: Number(next()),
    techId: orNull(next()),
    deviceId: next(),
    category: next(),
    brand: next(),
    serviceType: next(),
    promisedDate: next(),
    warrantyClaimed: next() === '1',
    returned: next() === '1',
    isReturn: next() === '1',
    quoteKind: orNull(next()) as HqFact['quoteKind'],
    readySeconds: orNull(next()) === null ? null : Number(r[i - 1]),
    collectedSeconds: orNull(next()) === null ? null : Number(r[i - 1]),
    faultKey: '',
    number: '',
    model: '',
    quotedFen: null,
    paidFen: 0,
    customerMasked: '',
  };
}
