/**
 * The bench's pure rules: line amounts, payer sums, quote totals, the discount threshold, what
 * an authorization covers, the legal repair-time countdown and the QC checklist. No I/O.
 */
import { PAYERS, type PayerAmounts, type CategoryId } from '../warranty/schemas';
import { daysBetweenDates } from '../time/local-date';

export const ZERO_PAYERS: PayerAmounts = { customer: 0, maker: 0, shop: 0, extended_warranty: 0, insurer: 0 };

/** qty × unit price, refused when it is not a safe whole number of fen. */
export function lineAmount(qty: number, unitPriceFen: number): number {
  if (!Number.isInteger(qty) || qty < 1) throw new RangeError('qty must be a positive integer');
  if (!Number.isInteger(unitPriceFen) || unitPriceFen < 0) throw new RangeError('price must be a non-negative integer');
  const a = qty * unitPriceFen;
  if (!Number.isSafeInteger(a)) throw new RangeError('amount overflow');
  return a;
}

export function addPayers(a: PayerAmounts, b: PayerAmounts): PayerAmounts {
  const out = { ...ZERO_PAYERS };
  for (const p of PAYERS) out[p] = a[p] + b[p];
  return out;
}

export function payerSum(p: PayerAmounts): number {
  return PAYERS.reduce((s, k) => s + p[k], 0);
}

/**
 * The payer split of one line. The engine splits the line's amount; a split that does not add
 * up to the amount is a bug we refuse to print (every fen must have exactly one payer).
 */
export function checkedSplit(amountFen: number, payers: PayerAmounts): PayerAmounts {
  for (const p of PAYERS) if (!Number.isInteger(payers[p]) || payers[p] < 0) throw new RangeError(`payer ${p} must be a non-negative integer`);
  if (payerSum(payers) !== amountFen) throw new RangeError(`payer split ${payerSum(payers)} ≠ line amount ${amountFen}`);
  return payers;
}

export interface TotalsInput {
  lines: readonly { amountFen: number; payers: PayerAmounts }[];
  discountFen: number;
}

/**
 * Totals of a quote: the subtotal (every line at its price, covered ones included: the claim
 * to head office needs them), the sum per payer, and the customer's total after the discount.
 * A discount applies only to what the customer pays, never below zero.
 */
export function quoteTotals({ lines, discountFen }: TotalsInput) {
  let payers = { ...ZERO_PAYERS };
  let subtotalFen = 0;
  for (const l of lines) {
    checkedSplit(l.amountFen, l.payers);
    subtotalFen += l.amountFen;
    payers = addPayers(payers, l.payers);
  }
  if (!Number.isInteger(discountFen) || discountFen < 0) throw new RangeError('discount must be a non-negative integer');
  const discount = Math.min(discountFen, payers.customer);
  return { subtotalFen, payers, discountFen: discount, customerTotalFen: payers.customer - discount };
}

/** A discount above this many fen needs a manager: the threshold share of the customer's part. */
export function discountThresholdFen(customerBeforeDiscountFen: number, thresholdBp: number): number {
  return Math.floor((customerBeforeDiscountFen * thresholdBp) / 10_000);
}

export function discountNeedsManager(discountFen: number, customerBeforeDiscountFen: number, thresholdBp: number): boolean {
  return discountFen > discountThresholdFen(customerBeforeDiscountFen, thresholdBp);
}

/** A discount larger than what the customer pays is a mistake, not a gift. */
export function discountTooLarge(discountFen: number, customerBeforeDiscountFen: number): boolean {
  return discountFen > customerBeforeDiscountFen;
}

/** What an approval allows: the total agreed or, if higher, the pre-approved cap. */
export function authorizedLimit(a: { totalFen: number; capFen: number | null } | null): number | null {
  if (!a) return null;
  return Math.max(a.totalFen, a.capFen ?? 0);
}

/** Whether the customer's approval covers the current total to the customer. */
export function authorizationCovers(a: { totalFen: number; capFen: number | null } | null, customerTotalFen: number): boolean {
  const limit = authorizedLimit(a);
  return limit !== null && customerTotalFen <= limit;
}

/** What a revision adds above the authorized limit (0 when within it). */
export function overLimit(a: { totalFen: number; capFen: number | null } | null, customerTotalFen: number): number {
  const limit = authorizedLimit(a);
  return limit === null ? customerTotalFen : Math.max(0, customerTotalFen - limit);
}

/**
 * Days left of a repair-time limit counted from the send-in date (repairer's delay rule of the
 * policy); negative once past it; null when the policy has no such rule.
 */
export function legalDaysLeft(sentIn: string, today: string, limitDays: number | null): number | null {
  if (limitDays === null) return null;
  return limitDays - daysBetweenDates(sentIn, today);
}

/** The loaner rule: a warranty repair not done within the policy's threshold. */
export function loanerDue(daysOpen: number, thresholdDays: number | null, warranty: boolean): boolean {
  return warranty && thresholdDays !== null && daysOpen > thresholdDays;
}

// ---- QC ----

const HANDHELD = ['power', 'display', 'touch', 'cameras', 'audio', 'charging', 'buttons', 'network', 'biometrics', 'cosmetic'] as const;
const COMPUTER = ['power', 'display', 'keyboard', 'touchpad', 'ports', 'battery_charging', 'wireless', 'audio', 'cosmetic'] as const;
const APPLIANCE = ['power', 'function_test', 'electrical_safety', 'noise_vibration', 'cosmetic'] as const;

/** The function and cosmetic checks per product category. */
export function qcChecklist(category: string): string[] {
  const c = category as CategoryId;
  if (c === 'phone' || c === 'tablet') return [...HANDHELD];
  if (c === 'laptop' || c === 'desktop') return [...COMPUTER];
  return [...APPLIANCE];
}

export type QcAnswer = 'pass' | 'fail' | 'na';

/**
 * Judges a QC submission: every item answered (missing → incomplete), the cosmetic check never
 * skipped, any failure fails the whole check (and then a reason is required).
 */
export function judgeQc(checklist: readonly string[], items: Record<string, QcAnswer>, failReason: string):
  | { ok: true; passed: boolean }
  | { ok: false; missing: string[]; unknown: string[]; key: string } {
  const missing = checklist.filter((k) => items[k] === undefined);
  const unknown = Object.keys(items).filter((k) => !checklist.includes(k));
  if (missing.length || unknown.length) return { ok: false, missing, unknown, key: 'bench.qc.incomplete' };
  if (items.cosmetic === 'na') return { ok: false, missing: ['cosmetic'], unknown: [], key: 'bench.qc.cosmeticRequired' };
  const passed = checklist.every((k) => items[k] !== 'fail');
  if (!passed && !failReason.trim()) return { ok: false, missing: [], unknown: [], key: 'bench.qc.failReasonRequired' };
  return { ok: true, passed };
}
