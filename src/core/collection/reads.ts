/**
 * What hand-back reads about a ticket: its device and customer, the parts that stayed in it,
 * the warranty facts, the quote's lines, the settlement as it stands, and the collection record.
 */
import { AppError } from '../../shared/api/errors';
import { addDays, discountFromBp, replacedPartWarrantyEnd, settle, type Settlement } from '../../shared/collection/rules';
import type { CollectionRecord, ReplacedPart, WorkLine } from '../../shared/collection/schemas';
import type { Ctx } from '../api/context';
import { statement } from '../db/statements';
import type { CollectionsTable } from './tables';
import { type TicketBasics } from '../bench/common';
import { shopSettings } from '../shop/settings';
import { getAuthorizedQuote, quoteLineName } from '../bench/quotes';
import { evaluateTicket } from '../warranty/ticket';
import { activeCalendarRow, compiledCalendarOf, resolvePolicy } from '../warranty/store';
import type { CompiledCalendar } from '../../shared/warranty/holidays';
import { paidOnTicket } from './payments';

interface TicketExtra {
  fault_text: string;
  fault_codes_json: string;
  accessories_json: string;
  customer_name: string;
  brand: string;
  model: string;
  imei: string | null;
  serial: string | null;
  colour: string;
  technician: string | null;
  outcome: string | null;
}

export function extra(ctx: Pick<Ctx, 'sqlite'>, ticketId: string): TicketExtra {
  return statement<TicketExtra>(ctx.sqlite, `SELECT t.fault_text, t.fault_codes_json, t.accessories_json, c.name AS customer_name, d.brand, d.model, d.imei, d.serial, d.colour,
            u.display_name AS technician, b.outcome
     FROM tickets t JOIN customers c ON c.id = t.customer_id JOIN devices d ON d.id = t.device_id
     LEFT JOIN users u ON u.id = t.technician_id LEFT JOIN bench_tickets b ON b.ticket_id = t.id WHERE t.id = ?`).get(ticketId)!;
}

export function lastStatusAt(ctx: Pick<Ctx, 'sqlite'>, ticketId: string, status: string): string | null {
  return statement<{ at: string }>(ctx.sqlite, `SELECT at FROM ticket_events WHERE ticket_id = ? AND to_status = ? ORDER BY id DESC LIMIT 1`).get(ticketId, status)?.at ?? null;
}

interface IssuedRow {
  part_id: string;
  sku: string;
  name_zh: string;
  name_en: string;
  warranty_days: number;
  qty: number;
  serials_json: string;
  removed_serial: string | null;
  kind: 'issue' | 'return';
}

/** The parts that stayed in the device (issued less returned), with their serials and what came out. */
export function partsInDevice(ctx: Pick<Ctx, 'sqlite' | 'locale'>, ticketId: string) {
  const rows = statement<IssuedRow>(ctx.sqlite, `SELECT m.part_id, p.sku, p.name_zh, p.name_en, p.warranty_days, m.qty, m.serials_json, m.removed_serial, m.kind
     FROM stock_movements m JOIN parts p ON p.id = m.part_id WHERE m.ticket_id = ? AND m.kind IN ('issue', 'return') ORDER BY m.n`).all(ticketId);
  const by = new Map<string, { partId: string; sku: string; name: string; partDays: number; qty: number; serials: string[]; removed: string[] }>();
  for (const r of rows) {
    const e = by.get(r.part_id) ?? { partId: r.part_id, sku: r.sku, name: ctx.locale === 'en' && r.name_en ? r.name_en : r.name_zh, partDays: r.warranty_days, qty: 0, serials: [], removed: [] };
    const serials = JSON.parse(r.serials_json) as string[];
    if (r.kind === 'issue') {
      e.qty += -r.qty;
      e.serials.push(...serials);
      if (r.removed_serial) e.removed.push(r.removed_serial);
    } else {
      e.qty -= r.qty;
      e.serials = e.serials.filter((s) => !serials.includes(s));
    }
    by.set(r.part_id, e);
  }
  return [...by.values()].filter((p) => p.qty > 0);
}

export interface WarrantyFacts {
  unitEnd: string | null;
  reasons: string[];
  repairWarrantyDays: number;
  /** End of coverage per policy part ('battery') from the engine, by quote line part id. */
  lineEnds: Map<string, string | null>;
  /** The shop's holiday calendar, so a replaced part's end rolls past rest days as the engine's do. */
  calendar: CompiledCalendar;
}

export async function warrantyFacts(ctx: Ctx, t: TicketBasics, partLines: { partId: string | null; endDate: string | null }[]): Promise<WarrantyFacts> {
  const lineEnds = new Map<string, string | null>();
  for (const l of partLines) if (l.partId) lineEnds.set(l.partId, l.endDate);
  const calendar = compiledCalendarOf(ctx.sqlite, await activeCalendarRow(ctx.db));
  try {
    const r = await evaluateTicket(ctx, t.id);
    let days = 90;
    try {
      days = (await resolvePolicy(ctx, { policyVersion: r.policy.version })).policy.repairWarrantyDays;
    } catch {
      /* a policy version gone from the store: the policy default */
    }
    return { unitEnd: r.decision.unitEnd, reasons: r.text.reasons.slice(0, 4), repairWarrantyDays: days, lineEnds, calendar };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { unitEnd: null, reasons: [], repairWarrantyDays: 90, lineEnds, calendar };
  }
}

/** The quote's part lines as the warranty facts take them (each line's own coverage end). */
export function partLinesOf(quote: ReturnType<typeof getAuthorizedQuote>): { partId: string | null; endDate: string | null }[] {
  return (quote?.quote.lines ?? []).filter((l) => l.kind === 'part').map((l) => ({ partId: l.partId, endDate: l.decision.endDate }));
}

/**
 * The end of the repair's warranty for a hand-back on `handback`: the later of the repair
 * warranty and every replaced part's end, as the warranty card prints them. The customer's
 * "collected" message says this date (migration 19 keeps it on the collection).
 */
export async function repairWarrantyEnd(ctx: Ctx, t: TicketBasics, quote: ReturnType<typeof getAuthorizedQuote>, handback: string): Promise<string> {
  const w = await warrantyFacts(ctx, t, partLinesOf(quote));
  const ends = [addDays(handback, w.repairWarrantyDays), ...replacedParts(ctx, t.id, w, handback, new Set()).map((p) => p.warrantyEnd)];
  return ends.reduce((a, b) => (b > a ? b : a));
}

export function replacedParts(ctx: Pick<Ctx, 'sqlite' | 'locale'>, ticketId: string, w: WarrantyFacts, completedOn: string, warrantyPaidParts: Set<string>): ReplacedPart[] {
  return partsInDevice(ctx, ticketId).map((p) => ({
    partId: p.partId,
    sku: p.sku,
    name: p.name,
    qty: p.qty,
    serials: p.serials,
    removedSerial: p.removed[0] ?? null,
    partDays: p.partDays,
    warrantyEnd: replacedPartWarrantyEnd(w.lineEnds.get(p.partId) ?? w.unitEnd, completedOn, p.partDays, w.calendar),
    warrantyPaid: warrantyPaidParts.has(p.partId),
  }));
}

export function collectionRow(ctx: Pick<Ctx, 'sqlite'>, ticketId: string): CollectionRecord | null {
  const r = statement<CollectionRow>(ctx.sqlite, `SELECT c.*, u.display_name AS by_name FROM collections c LEFT JOIN users u ON u.id = c.collected_by WHERE c.ticket_id = ? ORDER BY c.id DESC LIMIT 1`).get(ticketId);
  return r ? toRecord(r) : null;
}

export function getCollection(ctx: Pick<Ctx, 'sqlite'>, id: string): CollectionRecord | null {
  const r = statement<CollectionRow>(ctx.sqlite, `SELECT c.*, u.display_name AS by_name FROM collections c LEFT JOIN users u ON u.id = c.collected_by WHERE c.id = ?`).get(id);
  return r ? toRecord(r) : null;
}

type CollectionRow = CollectionsTable & { by_name: string | null };

function toRecord(r: CollectionRow): CollectionRecord {
  return {
    id: r.id,
    ticketId: r.ticket_id,
    identityMethod: r.identity_method,
    pickupName: r.pickup_name,
    pickupIdType: r.pickup_id_type,
    pickupIdMasked: r.pickup_id_masked,
    pickupRelation: r.pickup_relation,
    customerDueFen: r.customer_due_fen,
    discountFen: r.discount_fen,
    discountReason: r.discount_reason,
    totalFen: r.total_fen,
    taxFen: r.tax_fen,
    depositAppliedFen: r.deposit_applied_fen,
    paidNowFen: r.paid_now_fen,
    changeFen: r.change_fen,
    refundedFen: r.refunded_fen,
    balanceFen: r.balance_fen,
    balanceReason: r.balance_reason,
    approvedBy: r.approved_by,
    loanerOverride: r.loaner_override === 1,
    passcodeErased: r.passcode_erased === 1,
    collectedAt: r.collected_at,
    collectedBy: r.collected_by,
    collectedByName: r.by_name,
  };
}

/** The quote's lines; their names in the reader's language when the price list or catalog has one (the quote keeps the shop's). */
export function workLines(ctx: Pick<Ctx, 'sqlite' | 'locale'>, q: NonNullable<ReturnType<typeof getAuthorizedQuote>>): WorkLine[] {
  return q.quote.lines.map((l) => ({ kind: l.kind, sku: l.sku, description: quoteLineName(ctx, l, ctx.locale), qty: l.qty, unitPriceFen: l.unitPriceFen, amountFen: l.amountFen, payers: l.payers }));
}

/** The settlement of a ticket as it stands, with an optional counter discount. */
export function settlementOf(ctx: Pick<Ctx, 'sqlite' | 'locale'>, ticketId: string, discount: { discountBp?: number | undefined; discountFen?: number | undefined } = {}): { settlement: Settlement; quote: ReturnType<typeof getAuthorizedQuote> } {
  const q = getAuthorizedQuote(ctx, ticketId);
  const settings = shopSettings(ctx);
  const { paidFen, depositFen } = paidOnTicket(ctx, ticketId);
  const due = q?.customerDueFen ?? 0;
  const discountFen = discount.discountFen !== undefined ? Math.min(discount.discountFen, due) : discount.discountBp !== undefined ? discountFromBp(due, discount.discountBp) : 0;
  const settlement = settle({ customerDueFen: due, discountFen, taxRateBp: settings.taxRateBp, pricesIncludeTax: settings.pricesIncludeTax, paidFen, depositFen });
  return { settlement, quote: q };
}

