/**
 * Saving a quote version: its lines resolved against the price list and catalog, each decided
 * by the warranty engine (a custom line marked covered must be covered by the decision), the
 * split between payers, and the move back to awaiting_approval when a revision goes above what
 * the customer authorized. Reading quotes is in quotes.ts.
 */
import { AppError, fieldError } from '../../shared/api/errors';
import type { Locale } from '../../shared/i18n/types';
import { t, t as translate } from '../../shared/i18n/translate';
import type { QuoteLine, QuoteSaveInput } from '../../shared/bench/schemas';
import { discountNeedsManager, discountTooLarge, lineAmount, quoteTotals, ZERO_PAYERS } from '../../shared/bench/rules';
import type { Line, PayerAmounts } from '../../shared/warranty/schemas';
import type { Ctx } from '../api/context';
import { prepared } from '../db/statements';
import { findPartRow } from '../stock/catalog';
import { appendEvent } from '../tickets/events';
import { decisionText } from '../warranty/evaluate';
import { resolvePolicy } from '../warranty/store';
import { evaluateTicket } from '../warranty/ticket';
import { benchSettings, requireStatus, ticketBasics, type TicketBasics } from './common';
import { requireManager } from '../auth/manager-approval';
import { shopSettings } from '../shop/settings';
import { priceRow } from './pricelist';

import { coverageFacts, latestQuoteRow, sanbaoExists } from './quotes';

interface ResolvedLine {
  kind: QuoteLine['kind'];
  priceItemId: string | null;
  partId: string | null;
  sku: string | null;
  description: string;
  reason: string;
  qty: number;
  unitPriceFen: number;
  amountFen: number;
  warrantyPart: string | null;
  /** A custom line marked covered by the technician: why; null = not marked. */
  coverReason: string | null;
}

function resolveLines(ctx: Ctx, t: TicketBasics, input: QuoteSaveInput, partIds: Set<string>): ResolvedLine[] {
  const lang = shopSettings(ctx).language;
  return input.lines.map((l, i) => {
    const base = { qty: l.qty, reason: l.reason, warrantyPart: l.warrantyPart, coverReason: null };
    if (l.warrantyPart && !partIds.has(l.warrantyPart)) throw fieldError(`lines.${i}.warrantyPart`, 'bench.validation.unknownWarrantyPart', { part: l.warrantyPart });
    if (l.kind === 'labor' || l.kind === 'fee') {
      const item = priceRow(ctx.sqlite, l.priceItemId!);
      if (!item || !item.active) throw fieldError(`lines.${i}.priceItemId`, 'bench.validation.unknownPriceItem');
      if (item.kind !== l.kind) throw fieldError(`lines.${i}.kind`, 'bench.validation.priceItemKind');
      if (item.category && item.category !== t.category) throw fieldError(`lines.${i}.priceItemId`, 'bench.validation.priceItemCategory', { code: item.code });
      const description = lang === 'en' && item.name_en ? item.name_en : item.name_zh;
      return { ...base, kind: l.kind, priceItemId: item.id, partId: null, sku: item.code, description, unitPriceFen: item.price_fen, amountFen: lineAmount(l.qty, item.price_fen) };
    }
    if (l.kind === 'part') {
      const part = findPartRow(ctx.sqlite, l.partId!);
      if (!part || part.kind !== 'part' || part.active !== 1) throw fieldError(`lines.${i}.partId`, 'bench.validation.unknownPart');
      const description = lang === 'en' && part.name_en ? part.name_en : part.name_zh;
      return { ...base, kind: 'part', priceItemId: null, partId: part.id, sku: part.sku, description, unitPriceFen: part.list_price, amountFen: lineAmount(l.qty, part.list_price) };
    }
    return {
      ...base,
      kind: 'custom',
      priceItemId: null,
      partId: null,
      sku: null,
      description: l.description,
      unitPriceFen: l.unitPriceFen!,
      amountFen: lineAmount(l.qty, l.unitPriceFen!),
      coverReason: l.covered ? l.coverReason : null,
    };
  });
}

/** The policy's part ids a line may name (main parts and accessories), with their names. */
export async function warrantyPartsOf(ctx: Ctx, category: string): Promise<{ id: string; name: string }[]> {
  try {
    const { policy } = await resolvePolicy(ctx, { category });
    return [...policy.mainParts, ...policy.accessories].map((p) => ({ id: p.id, name: p.name[ctx.locale] }));
  } catch {
    return [];
  }
}

/** The mark refused: the message itself says why (the screen shows it as is), the field says where. */
function notCovered(i: number, reason: string): AppError {
  const key = 'bench.validation.customNotCovered';
  return new AppError('VALIDATION', { key, params: { reason }, fields: [{ path: `lines.${i}.covered`, key, params: { reason } }] });
}

interface LineDecisionOut {
  payers: PayerAmounts;
  status: QuoteLine['decision']['status'];
  coverage: QuoteLine['decision']['coverage'];
  endDate: string | null;
  reasons: Record<Locale, string[]>;
}

const both = (key: string, params?: Record<string, string | number>): Record<Locale, string[]> => ({ 'zh-CN': [t('zh-CN', key, params)], en: [t('en', key, params)] });

/**
 * The warranty decision per line; lines the engine does not price (fees, unmarked custom lines)
 * are the customer's. A custom line the technician marked covered goes to the engine as the
 * work it is (its warranty part, or labour on the unit): the decision's split applies, and a
 * decision that leaves it all to the customer refuses the mark.
 */
async function decideLines(ctx: Ctx, t: TicketBasics, lines: ResolvedLine[]): Promise<{ decisions: LineDecisionOut[]; policy: { id: string; version: string } | null }> {
  const customerOnly = (key: string, amount: number, params?: Record<string, string | number>): LineDecisionOut => ({
    payers: { ...ZERO_PAYERS, customer: amount },
    status: 'not_covered',
    coverage: 'unit',
    endDate: null,
    reasons: both(key, params),
  });
  if (sanbaoExists(ctx, t.id)) {
    return {
      decisions: lines.map((l) => ({ payers: { ...ZERO_PAYERS, maker: l.amountFen }, status: 'covered', coverage: 'unit', endDate: null, reasons: both('bench.line.sanbao') })),
      policy: null,
    };
  }
  const engineLines: Line[] = [];
  lines.forEach((l, i) => {
    if (l.kind === 'labor' || l.kind === 'part') engineLines.push({ id: `l${i}`, type: l.kind, part: l.warrantyPart, price: l.amountFen });
    else if (l.kind === 'custom' && l.coverReason !== null) engineLines.push({ id: `l${i}`, type: l.warrantyPart ? 'part' : 'labor', part: l.warrantyPart, price: l.amountFen });
  });
  let result: Awaited<ReturnType<typeof evaluateTicket>> | null = null;
  let failure = '';
  if (engineLines.length > 0) {
    try {
      result = await evaluateTicket(ctx, t.id, { lines: engineLines });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      failure = e.toWire(ctx.locale).message;
    }
  }
  let policyObj = null;
  if (result) {
    try {
      policyObj = (await resolvePolicy(ctx, { policyId: result.policy.id, policyVersion: result.policy.version })).policy;
    } catch {
      policyObj = null;
    }
  }
  const decisions = lines.map((l, i): LineDecisionOut => {
    if (l.kind === 'fee') return customerOnly('bench.line.fee', l.amountFen);
    const marked = l.kind === 'custom' && l.coverReason !== null;
    if (l.kind === 'custom' && !marked) return customerOnly('bench.line.custom', l.amountFen);
    const idx = result?.decision.lines.findIndex((d) => d.id === `l${i}`) ?? -1;
    if (!result || idx < 0) {
      if (marked) throw notCovered(i, failure || translate(ctx.locale, 'bench.line.noDecisionYet'));
      return customerOnly('bench.line.noDecision', l.amountFen, { reason: failure });
    }
    const d = result.decision.lines[idx]!;
    const texts = (loc: Locale) => {
      const all = decisionText({ ...result!.decision, lines: [d] }, loc, policyObj ?? undefined);
      return all.lines[0] ?? [];
    };
    if (marked && d.status === 'not_covered') throw notCovered(i, texts(ctx.locale).join(ctx.locale === 'zh-CN' ? '；' : '; '));
    const reasons = (loc: Locale) => (marked ? [translate(loc, 'bench.line.customCovered', { reason: l.coverReason! }), ...texts(loc)] : texts(loc));
    return { payers: d.payers, status: d.status, coverage: d.coverage, endDate: d.endDate, reasons: { 'zh-CN': reasons('zh-CN'), en: reasons('en') } };
  });
  return { decisions, policy: result ? { id: result.policy.id, version: result.policy.version } : null };
}

/**
 * Saves a new version of the ticket's quote. Checks everything (lines, warranty parts, the
 * discount and its manager approval) before it writes; then moves the ticket when the new
 * version calls for it (submit → awaiting_approval, or straight to repairing when covered;
 * a revision above what was authorized → back to awaiting_approval). Returns the quote id.
 */
export async function saveQuote(ctx: Ctx, input: QuoteSaveInput, move: (to: 'awaiting_approval' | 'repairing', data: Record<string, unknown>) => void, recordConsent: (quoteId: string) => void): Promise<string> {
  const t = ticketBasics(ctx, input.ticketId);
  requireStatus(t, ['diagnosing', 'awaiting_approval', 'repairing', 'awaiting_parts'], 'bench.error.quoteStatus');
  const parts = await warrantyPartsOf(ctx, t.category);
  const lines = resolveLines(ctx, t, input, new Set(parts.map((p) => p.id)));
  const { decisions, policy } = await decideLines(ctx, t, lines);
  const withSplit = lines.map((l, i) => ({ ...l, ...decisions[i]! }));
  const customerBefore = withSplit.reduce((s, l) => s + l.payers.customer, 0);
  if (discountTooLarge(input.discountFen, customerBefore)) throw fieldError('discountFen', 'bench.validation.discountTooLarge', { max: (customerBefore / 100).toFixed(2) });
  if (input.discountFen > 0 && !input.discountReason) throw fieldError('discountReason', 'bench.validation.discountReason');
  const totals = quoteTotals({ lines: withSplit, discountFen: input.discountFen });
  let approvedBy: string | null = null;
  const threshold = benchSettings(ctx).discountManagerAboveBp;
  if (discountNeedsManager(input.discountFen, customerBefore, threshold)) {
    // Before any write: a wrong PIN commits only its failure count.
    approvedBy = await requireManager(ctx, input.approval, 'bench.discountApproved', { ticketId: t.id, discountFen: input.discountFen, customerBeforeFen: customerBefore });
  }
  const prev = latestQuoteRow(ctx, t.id);
  const id = ctx.newId();
  const now = ctx.nowIso();
  prepared(
    ctx.sqlite,
    `INSERT INTO quotes (id, ticket_id, version, subtotal_fen, customer_fen, maker_fen, shop_fen, extended_warranty_fen, insurer_fen, discount_fen,
       customer_total_fen, discount_reason, discount_approved_by, estimated_completion, note, policy_id, policy_version, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    t.id,
    (prev?.version ?? 0) + 1,
    totals.subtotalFen,
    totals.payers.customer,
    totals.payers.maker,
    totals.payers.shop,
    totals.payers.extended_warranty,
    totals.payers.insurer,
    totals.discountFen,
    totals.customerTotalFen,
    input.discountReason,
    approvedBy,
    input.estimatedCompletion ?? null,
    input.note,
    policy?.id ?? null,
    policy?.version ?? null,
    now,
    ctx.session?.userId ?? null,
  );
  const ins = prepared(
    ctx.sqlite,
    `INSERT INTO quote_lines (id, quote_id, position, kind, price_item_id, part_id, sku, description, reason, qty, unit_price_fen, amount_fen, warranty_part,
       customer_fen, maker_fen, shop_fen, extended_warranty_fen, insurer_fen, status, coverage, end_date, reasons_json, cover_reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  withSplit.forEach((l, i) =>
    ins.run(ctx.newId(), id, i + 1, l.kind, l.priceItemId, l.partId, l.sku, l.description, l.reason, l.qty, l.unitPriceFen, l.amountFen, l.warrantyPart,
      l.payers.customer, l.payers.maker, l.payers.shop, l.payers.extended_warranty, l.payers.insurer, l.status, l.coverage, l.endDate, JSON.stringify(l.reasons), l.coverReason),
  );
  const version = (prev?.version ?? 0) + 1;
  appendEvent(ctx, { ticketId: t.id, kind: 'note', note: '', data: { kind: 'quote', quoteId: id, version, customerTotalFen: totals.customerTotalFen, previousFen: prev?.customer_total_fen ?? null } });

  const cov = coverageFacts(ctx, t.id);
  if (t.status === 'diagnosing' && input.submit) {
    if (cov.fullyCovered) {
      recordConsent(id);
      move('repairing', { quoteId: id });
    } else move('awaiting_approval', { quoteId: id });
  } else if ((t.status === 'repairing' || t.status === 'awaiting_parts') && !cov.fullyCovered && !cov.authorizationCovers) {
    move('awaiting_approval', { quoteId: id, overLimitFen: cov.overLimitFen, authorizedLimitFen: cov.authorizedLimitFen });
  } else if (t.status === 'awaiting_approval') {
    ctx.emit({ name: 'bench.needsApproval', payload: { id: t.id, number: t.number } });
  }
  return id;
}
