import type Database from 'better-sqlite3';
import { AppError } from '../../shared/api/errors';
import { localDate } from '../../shared/time/local-date';
import type { Line, Finding } from '../../shared/warranty/schemas';
import { evaluationRequestFor, type DeviceFacts, type VisitFacts } from '../../shared/warranty/from-ticket';
import { evaluateRequestSchema, type EvaluateResult } from '../../shared/warranty/procedures';
import type { Ctx } from '../api/context';
import { setWarrantySummaryProvider } from '../documents/intake';
import { evaluateForDevice } from './evaluate';
import { exists, statement } from '../db/statements';

const DAY = 86_400_000;

interface TicketRow {
  id: string;
  device_id: string;
  received_at: string;
  status: string;
  status_at: string;
  fault_codes_json: string;
  findings_json: string;
  warranty_claimed: number;
}

/** Whole days spent in awaiting_parts, from the status events (derived, never stored). */
function partsWaitDays(sqlite: Database.Database, ticketId: string, now: Date): number {
  const events = statement<{ at: string; to_status: string }>(sqlite, `SELECT at, to_status FROM ticket_events WHERE ticket_id = ? AND to_status IS NOT NULL ORDER BY id`).all(ticketId);
  let ms = 0;
  events.forEach((e, i) => {
    if (e.to_status !== 'awaiting_parts') return;
    const end = events[i + 1] ? Date.parse(events[i + 1]!.at) : now.getTime();
    ms += end - Date.parse(e.at);
  });
  return Math.floor(ms / DAY);
}

const OUTCOMES: Record<string, VisitFacts['outcome']> = { repaired: 'fixed', not_repaired: 'not_fixed', exchanged: 'exchanged', refunded: 'refunded' };

/**
 * What an earlier visit did, from its own records: the bench's outcome, whether the maker paid
 * (a covered quote line or a 三包 outcome), and the policy parts its quote replaced with the
 * catalog part's warranty days.
 */
function pastFacts(sqlite: Database.Database, ticketId: string): Pick<VisitFacts, 'outcome' | 'warrantyRepair' | 'partsReplaced'> {
  const bench = statement<{ outcome: string | null }>(sqlite, `SELECT outcome FROM bench_tickets WHERE ticket_id = ?`).get(ticketId);
  const sanbao = exists(sqlite, `SELECT 1 FROM sanbao_outcomes WHERE ticket_id = ? LIMIT 1`, ticketId);
  const quote = statement<{ id: string; maker_fen: number }>(sqlite, `SELECT id, maker_fen FROM quotes WHERE ticket_id = ? ORDER BY version DESC LIMIT 1`).get(ticketId);
  const parts = quote
    ? statement<{ part: string; days: number }>(sqlite, `SELECT l.warranty_part AS part, COALESCE(p.warranty_days, 90) AS days FROM quote_lines l LEFT JOIN parts p ON p.id = l.part_id
           WHERE l.quote_id = ? AND l.kind = 'part' AND l.warranty_part IS NOT NULL ORDER BY l.position`).all(quote.id)
    : [];
  const outcome = bench?.outcome ? OUTCOMES[bench.outcome] : undefined;
  return {
    ...(outcome ? { outcome } : {}),
    ...(quote || sanbao ? { warrantyRepair: sanbao || quote!.maker_fen > 0 } : {}),
    // A visit that was not repaired replaced nothing that stayed in the device.
    partsReplaced: outcome === 'not_fixed' ? [] : parts,
  };
}

function visit(sqlite: Database.Database, t: TicketRow, tz: string, now: Date): VisitFacts {
  return {
    ...(t.status === 'collected' ? pastFacts(sqlite, t.id) : {}),
    faultCodes: JSON.parse(t.fault_codes_json) as string[],
    sentIn: localDate(t.received_at, tz),
    returnedOn: t.status === 'collected' ? localDate(t.status_at, tz) : undefined,
    partsWaitDays: partsWaitDays(sqlite, t.id, now),
    warrantyClaimed: t.warranty_claimed === 1,
    findings: JSON.parse(t.findings_json) as Finding[],
  };
}

/**
 * The warranty decision for a ticket as it stands: its device, this visit and every
 * earlier collected visit of the same device. Intake, the quote builder, receipts and
 * collection all ask here, so they never disagree.
 */
/**
 * `purchasePriceFen` is the invoice amount the counter reads off the invoice when it is not on
 * the device record yet: the refund of a 三包 return is the engine's, computed from that price.
 */
export async function evaluateTicket(ctx: Ctx, ticketId: string, opts: { lines?: Line[]; today?: string; purchasePriceFen?: number | null; exchange?: 'unavailable' | 'refused' } = {}): Promise<EvaluateResult> {
  const { sqlite } = ctx;
  const cols = `id, device_id, received_at, status, status_at, fault_codes_json, findings_json, warranty_claimed`;
  const ticket = statement<TicketRow>(sqlite, `SELECT ${cols} FROM tickets WHERE id = ? OR number = ?`).get(ticketId, ticketId);
  if (!ticket) throw new AppError('NOT_FOUND');
  const d = statement<Record<string, string | number | null>>(sqlite, `SELECT id, category, purchase_price_fen, proof_kind, invoice_date, purchase_date, factory_date, exchange_date FROM devices WHERE id = ?`).get(ticket.device_id)!;
  const tz = (JSON.parse(statement<{ settings_json: string }>(sqlite, `SELECT settings_json FROM shop LIMIT 1`).get()!.settings_json) as { timeZone: string }).timeZone;
  const device: DeviceFacts = {
    id: String(d.id),
    category: String(d.category),
    purchasePriceFen: opts.purchasePriceFen ?? (d.purchase_price_fen as number | null),
    proofKind: d.proof_kind as DeviceFacts['proofKind'],
    invoiceDate: d.invoice_date as string | null,
    purchaseDate: d.purchase_date as string | null,
    factoryDate: d.factory_date as string | null,
    // after a 三包 exchange the warranty restarts from the exchange date
    exchangeDate: d.exchange_date as string | null,
  };
  const now = ctx.clock.now();
  const past = statement<TicketRow>(sqlite, `SELECT ${cols} FROM tickets WHERE device_id = ? AND id < ? ORDER BY id`).all(ticket.device_id, ticket.id).map(
    (t) => visit(sqlite, t, tz, now),
  );
  const request = evaluationRequestFor(device, visit(sqlite, ticket, tz, now), past, opts.lines ?? []);
  if (opts.today) request.today = opts.today;
  if (opts.exchange && request.current) request.current.exchange = opts.exchange;
  return evaluateForDevice(ctx, evaluateRequestSchema.parse(request));
}

/** Reasons for staff only (a missing holiday schedule): never printed on a customer's paper. */
const INTERNAL_REASONS: ReadonlySet<string> = new Set(['calendarYearMissing']);

// The intake receipt prints the decision's headline reasons and the 三包 options open today.
setWarrantySummaryProvider(async (ctx, ticketId, locale) => {
  try {
    const result = await evaluateTicket({ ...ctx, locale }, ticketId);
    // Only what the customer is told: a calendar gap is the shop's to fix, not a term of service.
    const said = result.text.reasons.filter((_, i) => !INTERNAL_REASONS.has(result.decision.reasons[i]!.code));
    return [...said, ...result.text.options.flat()].slice(0, 6);
  } catch (e) {
    // A device without dates cannot be decided yet: the receipt says so instead of failing to print.
    if (e instanceof AppError) return [];
    throw e;
  }
});
