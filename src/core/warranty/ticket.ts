import type Database from 'better-sqlite3';
import { AppError } from '../../shared/api/errors';
import { localDate } from '../../shared/time/local-date';
import type { Line, Finding } from '../../shared/warranty/schemas';
import { evaluationRequestFor, type DeviceFacts, type VisitFacts } from '../../shared/warranty/from-ticket';
import { evaluateRequestSchema, type EvaluateResult } from '../../shared/warranty/procedures';
import type { Ctx } from '../api/context';
import { setWarrantySummaryProvider } from '../documents/intake';
import { evaluateForDevice } from './evaluate';
import { firstRow, qb, rows } from '../db/query';
import type { TicketsTable } from '../db/intake-tables';
import { shopSettings } from '../shop/settings';

const DAY = 86_400_000;

const TICKET_COLUMNS = ['id', 'device_id', 'received_at', 'status', 'status_at', 'fault_codes_json', 'findings_json', 'warranty_claimed'] as const;
type TicketRow = Pick<TicketsTable, (typeof TICKET_COLUMNS)[number]>;

/** Whole days spent in awaiting_parts, from the status events (derived, never stored). */
function partsWaitDays(sqlite: Database.Database, ticketId: string, now: Date): number {
  const events = rows(sqlite, qb.selectFrom('ticket_events').select(['at', 'to_status']).where('ticket_id', '=', ticketId).where('to_status', 'is not', null).orderBy('id'));
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
  const bench = firstRow(sqlite, qb.selectFrom('bench_tickets').select('outcome').where('ticket_id', '=', ticketId));
  const sanbao = firstRow(sqlite, qb.selectFrom('sanbao_outcomes').select('id').where('ticket_id', '=', ticketId).limit(1)) !== undefined;
  const quote = firstRow(sqlite, qb.selectFrom('quotes').select(['id', 'maker_fen']).where('ticket_id', '=', ticketId).orderBy('version', 'desc').limit(1));
  const parts = quote
    ? rows(
        sqlite,
        qb
          .selectFrom('quote_lines as l')
          .leftJoin('parts as p', 'p.id', 'l.part_id')
          .select((eb) => ['l.warranty_part as part', eb.fn.coalesce('p.warranty_days', eb.val(90)).as('days')])
          .where('l.quote_id', '=', quote.id)
          .where('l.kind', '=', 'part')
          .where('l.warranty_part', 'is not', null)
          .$narrowType<{ part: string }>()
          .orderBy('l.position'),
      )
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
  const ticket = firstRow(sqlite, qb.selectFrom('tickets').select(TICKET_COLUMNS).where((eb) => eb.or([eb('id', '=', ticketId), eb('number', '=', ticketId)])));
  if (!ticket) throw new AppError('NOT_FOUND');
  const d = firstRow(
    sqlite,
    qb.selectFrom('devices').select(['id', 'category', 'purchase_price_fen', 'proof_kind', 'invoice_date', 'purchase_date', 'factory_date', 'exchange_date']).where('id', '=', ticket.device_id),
  );
  // tickets.device_id references devices(id)
  if (!d) throw new AppError('NOT_FOUND');
  const tz = shopSettings(ctx).timeZone;
  const device: DeviceFacts = {
    id: d.id,
    category: d.category,
    purchasePriceFen: opts.purchasePriceFen ?? d.purchase_price_fen,
    proofKind: d.proof_kind,
    invoiceDate: d.invoice_date,
    purchaseDate: d.purchase_date,
    factoryDate: d.factory_date,
    // after a 三包 exchange the warranty restarts from the exchange date
    exchangeDate: d.exchange_date,
  };
  const now = ctx.clock.now();
  const past = rows(sqlite, qb.selectFrom('tickets').select(TICKET_COLUMNS).where('device_id', '=', ticket.device_id).where('id', '<', ticket.id).orderBy('id')).map(
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
