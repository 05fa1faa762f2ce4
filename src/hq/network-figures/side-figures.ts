/**
 * A shop's figures beside its tickets at head office (pure): the side tables still read as synced
 * JSON (users, complaints, parts, time logs, loans, claims) with what the engine counted
 * (side-sql.ts: takings, follow-up calls, open tickets; ticket-sql.ts: the quotes' mix), and the
 * network's as the shops' added up.
 */
import type { ReportWindow, SideFigures } from '../../shared/reports/compute';
import type { ReportResult } from '../../shared/reports/schemas';
import type { AmountRow } from './side-sql';
import type { QuoteMix } from './ticket-sql';

export type Row = Record<string, unknown>;
const s = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? null : String(v));
const n = (v: unknown) => (typeof v === 'number' ? v : Number(v ?? 0));

export interface ShopInputs {
  /** The side tables' synced rows (JSON). */
  tables: Map<string, Row[]>;
  /** Whether a ticket passes the filters (null: no ticket filter, every ticket does). */
  passing: Set<string> | null;
  /** The synced tables the shop holds. */
  present: Set<string>;
  /** The quotes' payer mix of the tickets first ready in the range. */
  quotes: QuoteMix;
  /** The payments in the range by tender and by category; null when the shop has no payments table. */
  takings: { byTender: AmountRow[]; byCategory: AmountRow[] } | null;
  satisfaction: ReportResult['satisfaction'];
  /** Open now past the legal limit / the promised day (filters applied). */
  open: { legal: number; promise: number };
}

export function shopSide({ tables, passing, present, quotes, takings, satisfaction, open }: ShopInputs, w: ReportWindow, hasCollection: boolean): SideFigures {
  const get = (t: string) => tables.get(t) ?? [];
  const inR = (v: unknown) => typeof v === 'string' && v >= w.startIso && v < w.endIso;
  const mine = (ticketId: unknown) => !passing || passing.has(s(ticketId) ?? '');
  const moves = get('stock_movements').filter((m) => m.ticket_id && (m.kind === 'issue' || m.kind === 'return') && inR(m.at) && mine(m.ticket_id));
  const byPart = new Map<string, { count: number; qty: number; amountFen: number }>();
  for (const m of moves) {
    const k = s(m.part_id)!;
    const a = byPart.get(k) ?? { count: 0, qty: 0, amountFen: 0 };
    if (m.kind === 'issue') a.count++;
    a.qty -= n(m.qty);
    a.amountFen -= n(m.qty) * n(m.unit_cost);
    byPart.set(k, a);
  }
  const parts = {
    lines: [...byPart.values()].reduce((x, a) => x + a.count, 0),
    qty: [...byPart.values()].reduce((x, a) => x + a.qty, 0),
    costFen: [...byPart.values()].reduce((x, a) => x + a.amountFen, 0),
    // The catalog is head office's own: parts are named by id here.
    byCategory: [...byPart.entries()].map(([key, a]) => ({ key, ...a })),
  };
  const quotesMix: SideFigures['quotesMix'] = present.has('quotes') || get('time_logs').length > 0 ? { available: true, value: { ...quotes } } : { available: false, reasonKey: 'reports.na.quotes' };
  const hoursByUser = new Map<string, number>();
  for (const l of get('time_logs')) {
    if (!l.ended_at || !inR(l.started_at) || !mine(l.ticket_id)) continue;
    hoursByUser.set(s(l.user_id)!, (hoursByUser.get(s(l.user_id)!) ?? 0) + n(l.minutes) / 60);
  }
  const loans = get('loans');
  const complaints = get('complaints').filter((c) => !c.ticket_id || mine(c.ticket_id));
  const opened = complaints.filter((c) => inR(c.opened_at));
  const rate = (x: number, of: number) => (of > 0 ? Math.round((x / of) * 10000) / 10000 : null);
  const respondedOk = opened.filter((c) => c.responded_at && s(c.responded_at)! <= s(c.respond_by)!).length;
  const resolvedOk = opened.filter((c) => c.resolved_at && s(c.resolved_at)! <= s(c.resolve_by)!).length;
  const reachesNow = w.endIso > w.nowIso;
  // A shop on schema 8 or later has the collection tables, even when none of their rows exist yet.
  const claims = tables.get('warranty_claims') ?? (hasCollection ? [] : undefined);
  return {
    quotesMix,
    revenueByTender: takings ? { available: true, value: takings.byTender } : { available: false, reasonKey: 'reports.na.payments' },
    revenueByCategory: takings ? { available: true, value: takings.byCategory } : { available: false, reasonKey: 'reports.na.payments' },
    claims: claims
      ? { available: true, value: group(claims.filter((c) => inR(c.created_at) && mine(c.ticket_id)), (c) => s(c.status)!, (c) => n(c.claimed_fen)).sort((a, b) => a.key.localeCompare(b.key)) }
      : { available: false, reasonKey: 'reports.na.claims' },
    parts,
    hoursByUser: tables.has('time_logs') || quotesMix.available ? hoursByUser : null,
    loaners: { outNow: loans.filter((l) => l.status === 'out').length, lentInRange: loans.filter((l) => inR(l.out_at)).length, returnedInRange: loans.filter((l) => inR(l.returned_at)).length },
    satisfaction,
    complaints: {
      opened: opened.length,
      closed: complaints.filter((c) => inR(c.resolved_at)).length,
      respondedInTime: { count: respondedOk, of: opened.length, rate: rate(respondedOk, opened.length) },
      resolvedInTime: { count: resolvedOk, of: opened.length, rate: rate(resolvedOk, opened.length) },
      escalated: opened.filter((c) => c.escalation !== 'none').length,
      openNow: complaints.filter((c) => c.status === 'open' || c.status === 'responded').length,
    },
    openLegalNow: reachesNow ? open.legal : 0,
    openPromiseNow: reachesNow ? open.promise : 0,
  };
}

function group(rows: Row[], key: (r: Row) => string, amount: (r: Row) => number): AmountRow[] {
  const m = new Map<string, AmountRow>();
  for (const r of rows) {
    const k = key(r);
    const a = m.get(k) ?? { key: k, count: 0, amountFen: 0 };
    a.count++;
    a.amountFen += amount(r);
    m.set(k, a);
  }
  return [...m.values()].sort((a, b) => b.amountFen - a.amountFen);
}

/** The network's side figures: the shops' added up. */
export function sumSide(list: SideFigures[]): SideFigures {
  const first = list[0]!;
  const add = (f: (x: SideFigures) => number) => list.reduce((a, x) => a + f(x), 0);
  const r = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10000) / 10000 : null);
  const scores = [0, 1, 2, 3, 4].map((i) => add((x) => x.satisfaction.scores[i]!));
  const scored = add((x) => x.satisfaction.scored);
  const hours = new Map<string, number>();
  for (const x of list) for (const [k, v] of x.hoursByUser ?? []) hours.set(k, (hours.get(k) ?? 0) + v);
  const opened = add((x) => x.complaints.opened);
  const rok = add((x) => x.complaints.respondedInTime.count);
  const sok = add((x) => x.complaints.resolvedInTime.count);
  const qm = list.every((x) => x.quotesMix.available)
    ? { available: true as const, value: (['warranty', 'paid', 'mixed', 'noQuote'] as const).reduce((o, k) => ({ ...o, [k]: add((x) => (x.quotesMix.available ? x.quotesMix.value[k] : 0)) }), { warranty: 0, paid: 0, mixed: 0, noQuote: 0 }) }
    : first.quotesMix;
  const merge = (pick: (x: SideFigures) => SideFigures['claims']): SideFigures['claims'] => {
    if (!list.every((x) => pick(x).available)) return pick(first);
    const m = new Map<string, { key: string; count: number; amountFen: number }>();
    for (const x of list) {
      const v = pick(x);
      if (!v.available) continue;
      for (const r of v.value) {
        const a = m.get(r.key) ?? { key: r.key, count: 0, amountFen: 0 };
        a.count += r.count;
        a.amountFen += r.amountFen;
        m.set(r.key, a);
      }
    }
    return { available: true, value: [...m.values()] };
  };
  return {
    ...first,
    revenueByTender: merge((x) => x.revenueByTender),
    revenueByCategory: merge((x) => x.revenueByCategory),
    claims: merge((x) => x.claims),
    quotesMix: qm,
    parts: { lines: add((x) => x.parts.lines), qty: add((x) => x.parts.qty), costFen: add((x) => x.parts.costFen), byCategory: list.flatMap((x) => x.parts.byCategory) },
    hoursByUser: list.some((x) => x.hoursByUser) ? hours : null,
    loaners: { outNow: add((x) => x.loaners.outNow), lentInRange: add((x) => x.loaners.lentInRange), returnedInRange: add((x) => x.loaners.returnedInRange) },
    satisfaction: {
      due: add((x) => x.satisfaction.due),
      done: add((x) => x.satisfaction.done),
      reached: add((x) => x.satisfaction.reached),
      scored,
      averageScore: scored ? Math.round((scores.reduce((a, c, i) => a + c * (i + 1), 0) / scored) * 100) / 100 : null,
      scores,
      problems: add((x) => x.satisfaction.problems),
      overdueNow: add((x) => x.satisfaction.overdueNow),
    },
    complaints: {
      opened,
      closed: add((x) => x.complaints.closed),
      respondedInTime: { count: rok, of: opened, rate: r(rok, opened) },
      resolvedInTime: { count: sok, of: opened, rate: r(sok, opened) },
      escalated: add((x) => x.complaints.escalated),
      openNow: add((x) => x.complaints.openNow),
    },
    openLegalNow: add((x) => x.openLegalNow),
    openPromiseNow: add((x) => x.openPromiseNow),
  };
}
