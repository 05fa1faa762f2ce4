/**
 * The pure rules of collection (取机结算): the amount due after discount, tax, deposit and
 * earlier payments; tenders and change; the tax split printed on the receipt; the daily-close
 * arithmetic; a replaced part's warranty end; the identity check. No I/O; money is integer fen.
 *
 * Rounding rule (printed on the receipt): every division is rounded half up to the fen once, on
 * the total it applies to (a percentage discount on the amount before discount, tax on the
 * settled total), and the remaining figure is derived by subtraction so the parts always add up.
 */
import type { Tender } from './schemas';
import type { CompiledCalendar } from '../warranty/holidays';
import type { HolidayCalendar } from '../warranty/schemas';
import { replacedPartWarrantyEnd as engineReplacedPartEnd } from '../warranty/replaced-part';

// Rounding, discount and tax are the shared money module's (one implementation for every screen and paper).
export { mulDivHalfUp, discountFromBp, taxSplit, type TaxSplit } from '../money/arithmetic';
import { discountFromBp, taxSplit, type TaxSplit } from '../money/arithmetic';

export interface SettlementInput {
  /** The customer's share of the authorized quote after the quote's own discount (or the diagnosis fee of a declined quote). */
  customerDueFen: number;
  /** A discount at the counter: basis points of customerDueFen, or fen; at most one of them. */
  discountBp?: number | undefined;
  discountFen?: number | undefined;
  taxRateBp: number;
  pricesIncludeTax: boolean;
  /** Net of every payment row of the ticket so far (deposits and earlier payments less refunds and voids). */
  paidFen: number;
  /** Of paidFen, what was taken as deposit. */
  depositFen: number;
}

export interface Settlement {
  customerDueFen: number;
  discountFen: number;
  /** After the discount, before tax is added (prices without tax). */
  chargeFen: number;
  tax: TaxSplit;
  /** The total the customer pays for the work (tax included). */
  totalFen: number;
  depositFen: number;
  paidFen: number;
  /** What is still to pay now (0 when paid); negative = the customer has a credit to be given back. */
  dueNowFen: number;
}

export function settle(i: SettlementInput): Settlement {
  const before = Math.max(0, i.customerDueFen);
  const discountFen = i.discountFen !== undefined ? i.discountFen : i.discountBp !== undefined ? discountFromBp(before, i.discountBp) : 0;
  if (discountFen < 0 || discountFen > before) throw new RangeError('discount out of range');
  const chargeFen = before - discountFen;
  const tax = taxSplit(chargeFen, i.taxRateBp, i.pricesIncludeTax);
  return {
    customerDueFen: before,
    discountFen,
    chargeFen,
    tax,
    totalFen: tax.grossFen,
    depositFen: i.depositFen,
    paidFen: i.paidFen,
    dueNowFen: tax.grossFen - i.paidFen,
  };
}

export interface TenderLine {
  tender: Tender;
  /** What this tender pays towards the amount due. */
  amountFen: number;
  /** Cash only: what the customer handed over (change = received − amount). */
  receivedFen?: number | undefined;
  reference?: string | undefined;
}

export type TenderIssue = { path: string; key: string; params?: Record<string, string | number> };

export const NON_CASH_NEEDS_REFERENCE: readonly Tender[] = ['card', 'wechat', 'alipay', 'transfer'];

/**
 * Checks the tenders against the amount due now. Without a manager's balance decision they
 * must add up to it exactly; with one they may fall short (never exceed). Change is for cash
 * only and comes from what was handed over.
 */
export function checkTenders(
  tenders: readonly TenderLine[],
  dueNowFen: number,
  opts: { balanceAllowed: boolean; formatFen?: (fen: number) => string },
): { issues: TenderIssue[]; totalFen: number; changeFen: number; balanceFen: number } {
  const fmt = opts.formatFen ?? ((f: number) => (f / 100).toFixed(2));
  const issues: TenderIssue[] = [];
  let totalFen = 0;
  let changeFen = 0;
  tenders.forEach((t, i) => {
    totalFen += t.amountFen;
    if (t.amountFen <= 0) issues.push({ path: `tenders.${i}.amountFen`, key: 'collection.validation.tenderPositive' });
    if (t.receivedFen !== undefined) {
      if (t.tender !== 'cash') issues.push({ path: `tenders.${i}.receivedFen`, key: 'collection.validation.changeNonCash' });
      else if (t.receivedFen < t.amountFen) issues.push({ path: `tenders.${i}.receivedFen`, key: 'collection.validation.receivedTooLittle' });
      else changeFen += t.receivedFen - t.amountFen;
    }
    if (NON_CASH_NEEDS_REFERENCE.includes(t.tender) && !(t.reference ?? '').trim()) issues.push({ path: `tenders.${i}.reference`, key: 'collection.validation.referenceRequired' });
  });
  const due = Math.max(0, dueNowFen);
  if (totalFen > due || (!opts.balanceAllowed && totalFen !== due)) {
    issues.push({ path: 'tenders', key: 'collection.validation.tenderTotalMismatch', params: { total: fmt(totalFen), due: fmt(due) } });
  }
  return { issues, totalFen, changeFen, balanceFen: Math.max(0, due - totalFen) };
}

/** The last four digits of any of the customer's phones. */
export function phoneLast4Matches(phones: readonly string[], last4: string): boolean {
  const want = last4.replace(/\D/g, '');
  if (want.length !== 4) return false;
  return phones.some((p) => p.replace(/\D/g, '').endsWith(want));
}

/** An ID number as it is kept: only its last four characters (the rest is never stored). */
export function maskIdNumber(id: string): string {
  const s = id.replace(/\s+/g, '').toUpperCase();
  return s.length <= 4 ? s : `${'*'.repeat(Math.min(14, s.length - 4))}${s.slice(-4)}`;
}

// ---- calendar dates ----

function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}
function fromDayNumber(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}
export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}
/** Whole days from a to b (b − a). */
export function daysFrom(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/**
 * The engine's replaced-part rule (shared/warranty/replaced-part.ts): the later of the original
 * coverage end (null when there was none) and the completion date plus the part's own period,
 * rolled past rest days by the shop's holiday calendar exactly as the engine rolls it.
 */
export function replacedPartWarrantyEnd(originalEnd: string | null, completedOn: string, partDays: number, calendar?: HolidayCalendar | CompiledCalendar): string {
  return engineReplacedPartEnd(originalEnd, completedOn, { n: Math.max(0, partDays), unit: 'day' }, calendar);
}

// ---- daily close ----

export interface CloseRow {
  kind: 'deposit' | 'settlement' | 'refund' | 'void';
  tender: Tender;
  amountFen: number;
}

export interface TenderFigures {
  tender: Tender;
  count: number;
  /** Money in (deposits and settlements). */
  inFen: number;
  /** Money out (refunds and voids), as a positive number. */
  outFen: number;
  netFen: number;
}

export interface CloseFigures {
  byTender: TenderFigures[];
  salesFen: number;
  depositsTakenFen: number;
  refundsFen: number;
  voidsFen: number;
  netFen: number;
  /** Cash the drawer should hold from the day's payments (cash in − cash out; change was never kept). */
  expectedCashFen: number;
  payments: number;
}

export const TENDER_ORDER: readonly Tender[] = ['cash', 'card', 'wechat', 'alipay', 'transfer'];

export function closeFigures(rows: readonly CloseRow[]): CloseFigures {
  const by = new Map<Tender, TenderFigures>(TENDER_ORDER.map((t) => [t, { tender: t, count: 0, inFen: 0, outFen: 0, netFen: 0 }]));
  let salesFen = 0;
  let depositsTakenFen = 0;
  let refundsFen = 0;
  let voidsFen = 0;
  for (const r of rows) {
    const f = by.get(r.tender)!;
    f.count++;
    if (r.amountFen >= 0) f.inFen += r.amountFen;
    else f.outFen += -r.amountFen;
    f.netFen += r.amountFen;
    if (r.kind === 'settlement') salesFen += r.amountFen;
    else if (r.kind === 'deposit') depositsTakenFen += r.amountFen;
    else if (r.kind === 'refund') refundsFen += -r.amountFen;
    else voidsFen += -r.amountFen;
  }
  const byTender = [...by.values()];
  const netFen = byTender.reduce((s, f) => s + f.netFen, 0);
  return { byTender, salesFen, depositsTakenFen, refundsFen, voidsFen, netFen, expectedCashFen: by.get('cash')!.netFen, payments: rows.length };
}

/** Counted − expected; a difference needs a reason. */
export function cashDifference(expectedFen: number, countedFen: number): { differenceFen: number; needsReason: boolean } {
  const differenceFen = countedFen - expectedFen;
  return { differenceFen, needsReason: differenceFen !== 0 };
}
