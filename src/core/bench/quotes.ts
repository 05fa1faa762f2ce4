/**
 * Quotes: every save is a new immutable version with its lines, each line carrying the warranty
 * engine's decision and the split between payers. What the customer authorized is compared with
 * the latest version; a revision above the authorized total or pre-approved cap sends a ticket
 * at work back to awaiting_approval.
 */
import type { Selectable } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type { Locale } from '../../shared/i18n/types';
import type { Authorization, Quote, QuoteState } from '../../shared/bench/schemas';
import { authorizationCovers, authorizedLimit, overLimit } from '../../shared/bench/rules';
import type { PayerAmounts } from '../../shared/warranty/schemas';
import type { Ctx } from '../api/context';
import { exists, statement } from '../db/statements';
import { availabilityOf } from '../stock';
import { ticketBasics } from './common';
import { diagnosisFeeFor } from './pricelist';
import type { AuthorizationsTable, QuoteLinesTable, QuotesTable } from './tables';

type QuoteRowDb = Selectable<QuotesTable> & { by_name?: string | null };
type LineRowDb = Selectable<QuoteLinesTable>;
/** An authorization with the version of the quote it approved and who recorded it. */
type AuthRowDb = Selectable<AuthorizationsTable> & { version: number; by_name: string | null };

const payersOf = (r: { customer_fen: number; maker_fen: number; shop_fen: number; extended_warranty_fen: number; insurer_fen: number }): PayerAmounts => ({
  customer: r.customer_fen,
  maker: r.maker_fen,
  shop: r.shop_fen,
  extended_warranty: r.extended_warranty_fen,
  insurer: r.insurer_fen,
});

function reasonsIn(json: string, locale: Locale): string[] {
  const r = JSON.parse(json) as Record<string, string[]> | string[];
  if (Array.isArray(r)) return r;
  return r[locale] ?? r['zh-CN'] ?? [];
}

/**
 * A quote line's name in `locale`: the quote keeps the shop's names; an English reader gets the
 * price-list item's or catalog part's English name where it has one.
 */
export function quoteLineName(ctx: Pick<Ctx, 'sqlite'>, l: Pick<Quote['lines'][number], 'description' | 'priceItemId' | 'partId'>, locale: Locale): string {
  if (locale !== 'en') return l.description;
  const row = l.priceItemId
    ? statement<{ en: string }, [string]>(ctx.sqlite, `SELECT name_en AS en FROM price_list_items WHERE id = ?`).get(l.priceItemId)
    : l.partId
      ? statement<{ en: string }, [string]>(ctx.sqlite, `SELECT name_en AS en FROM parts WHERE id = ?`).get(l.partId)
      : undefined;
  return row?.en || l.description;
}

export function latestQuoteRow(ctx: Pick<Ctx, 'sqlite'>, ticketId: string): QuoteRowDb | undefined {
  return statement<QuoteRowDb>(ctx.sqlite, `SELECT * FROM quotes WHERE ticket_id = ? ORDER BY version DESC LIMIT 1`).get(ticketId);
}

function authRows(ctx: Pick<Ctx, 'sqlite'>, ticketId: string): AuthRowDb[] {
  return statement<AuthRowDb>(ctx.sqlite, `SELECT a.*, q.version, u.display_name AS by_name FROM authorizations a JOIN quotes q ON q.id = a.quote_id LEFT JOIN users u ON u.id = a.recorded_by
     WHERE a.ticket_id = ? ORDER BY a.recorded_at, a.id`).all(ticketId);
}

const toAuthorization = (r: AuthRowDb): Authorization => ({
  id: r.id,
  ticketId: r.ticket_id,
  quoteId: r.quote_id,
  quoteVersion: r.version,
  decision: r.decision,
  method: r.method,
  totalFen: r.total_fen,
  capFen: r.cap_fen,
  signerName: r.signer_name,
  attachmentId: r.attachment_id,
  phoneNumber: r.phone_number,
  calledAt: r.called_at,
  customerWords: r.customer_words,
  clientAddress: r.client_address ?? '',
  feeFen: r.fee_fen,
  feeWaivedBy: r.fee_waived_by,
  note: r.note,
  recordedAt: r.recorded_at,
  recordedBy: r.recorded_by,
  recordedByName: r.by_name,
});

export function sanbaoExists(ctx: Pick<Ctx, 'sqlite'>, ticketId: string): boolean {
  return exists(ctx.sqlite, `SELECT 1 FROM sanbao_outcomes WHERE ticket_id = ? LIMIT 1`, ticketId);
}

/** The facts of money the lifecycle guards need. */
export function coverageFacts(ctx: Pick<Ctx, 'sqlite'>, ticketId: string) {
  const q = latestQuoteRow(ctx, ticketId);
  const sanbao = sanbaoExists(ctx, ticketId);
  const auths = authRows(ctx, ticketId);
  const last = auths[auths.length - 1] ?? null;
  const approved = last && last.decision === 'approved' ? { totalFen: last.total_fen, capFen: last.cap_fen } : null;
  const total = q?.customer_total_fen ?? 0;
  return {
    hasQuote: !!q || sanbao,
    fullyCovered: sanbao || (!!q && q.customer_total_fen === 0),
    authorizationCovers: !!q && authorizationCovers(approved, total),
    declined: !!last && last.decision === 'declined' && !!q && last.quote_id === q.id,
    customerTotalFen: q ? total : null,
    authorizedLimitFen: authorizedLimit(approved),
    overLimitFen: q ? overLimit(approved, total) : 0,
    lastAuthorization: last,
  };
}

/**
 * A quote as stored; `forReader` names its price-list and catalog lines in the reader's language
 * (ctx.locale) for a screen. Writes (claims, authorizations) read it as stored: the shop's names.
 */
export function loadQuote(ctx: Pick<Ctx, 'sqlite' | 'locale'>, quoteId: string, forReader = false): Quote {
  const q = statement<QuoteRowDb>(ctx.sqlite, `SELECT q.*, u.display_name AS by_name FROM quotes q LEFT JOIN users u ON u.id = q.created_by WHERE q.id = ?`).get(quoteId);
  if (!q) throw new AppError('NOT_FOUND', { details: { entity: 'quote', id: quoteId } });
  const lines = statement<LineRowDb>(ctx.sqlite, `SELECT * FROM quote_lines WHERE quote_id = ? ORDER BY position`).all(quoteId);
  return {
    id: q.id,
    ticketId: q.ticket_id,
    version: q.version,
    lines: lines.map((l) => ({
      id: l.id,
      position: l.position,
      kind: l.kind,
      priceItemId: l.price_item_id,
      partId: l.part_id,
      sku: l.sku,
      // for a screen, a price item's or part's English name to an English reader (a custom line is as typed)
      description: forReader && l.kind !== 'custom' ? quoteLineName(ctx, { description: l.description, priceItemId: l.price_item_id, partId: l.part_id }, ctx.locale) : l.description,
      reason: l.reason,
      qty: l.qty,
      unitPriceFen: l.unit_price_fen,
      amountFen: l.amount_fen,
      warrantyPart: l.warranty_part,
      coverReason: l.cover_reason ?? null,
      payers: payersOf(l),
      decision: { status: l.status, coverage: l.coverage, endDate: l.end_date, reasons: reasonsIn(l.reasons_json, ctx.locale) },
      availability: l.part_id ? availabilityOf(ctx.sqlite, l.part_id) : null,
    })),
    totals: { subtotalFen: q.subtotal_fen, payers: payersOf(q), discountFen: q.discount_fen, customerTotalFen: q.customer_total_fen },
    discountReason: q.discount_reason,
    discountApprovedBy: q.discount_approved_by,
    estimatedCompletion: q.estimated_completion,
    note: q.note,
    policy: q.policy_id ? { id: q.policy_id, version: q.policy_version ?? '' } : null,
    createdAt: q.created_at,
    createdBy: q.created_by,
    createdByName: q.by_name ?? null,
  };
}

export function quoteState(ctx: Pick<Ctx, 'sqlite' | 'locale'>, ticketId: string): QuoteState {
  const t = ticketBasics(ctx, ticketId);
  const cov = coverageFacts(ctx, t.id);
  const latest = latestQuoteRow(ctx, t.id);
  const versions = statement<QuoteRowDb>(ctx.sqlite, `SELECT q.*, u.display_name AS by_name FROM quotes q LEFT JOIN users u ON u.id = q.created_by WHERE q.ticket_id = ? ORDER BY version`).all(t.id).map(
    (q) => ({
      id: q.id,
      version: q.version,
      totals: { subtotalFen: q.subtotal_fen, payers: payersOf(q), discountFen: q.discount_fen, customerTotalFen: q.customer_total_fen },
      createdAt: q.created_at,
      createdByName: q.by_name ?? null,
    }),
  );
  const auths = authRows(ctx, t.id).map(toAuthorization);
  return {
    current: latest ? loadQuote(ctx, latest.id, true) : null,
    versions,
    authorization: auths[auths.length - 1] ?? null,
    authorizations: auths,
    authorizedLimitFen: cov.authorizedLimitFen,
    overLimitFen: cov.overLimitFen,
    fullyCovered: cov.fullyCovered,
    authorizationCovers: cov.authorizationCovers,
    diagnosisFeeFen: diagnosisFeeFor(ctx.sqlite, t.category).fen,
  };
}

/**
 * For collection: the ticket's latest quote with its lines split by payer, the authorization
 * it stands on, and what the customer owes (the quote's customer total, or the diagnosis fee of
 * a declined quote). Null when the ticket has no quote.
 */
export function getAuthorizedQuote(ctx: Pick<Ctx, 'sqlite' | 'locale'>, ticketId: string): {
  quote: Quote;
  authorization: Authorization | null;
  /** The authorization (or full cover) covers the quote's customer total. */
  covered: boolean;
  declined: boolean;
  /** What the customer owes for the work (before deposits and payments). */
  customerDueFen: number;
  /** The sum per payer of the quote's lines (claims to head office, the insurer, the extended-warranty provider). */
  byPayer: PayerAmounts;
  linesByPayer: Record<keyof PayerAmounts, { lineId: string; description: string; amountFen: number }[]>;
} | null {
  const t = ticketBasics(ctx, ticketId);
  const latest = latestQuoteRow(ctx, t.id);
  if (!latest) return null;
  const quote = loadQuote(ctx, latest.id);
  const cov = coverageFacts(ctx, t.id);
  const last = cov.lastAuthorization ? toAuthorization(cov.lastAuthorization) : null;
  const linesByPayer = { customer: [], maker: [], shop: [], extended_warranty: [], insurer: [] } as Record<keyof PayerAmounts, { lineId: string; description: string; amountFen: number }[]>;
  for (const l of quote.lines) {
    for (const p of Object.keys(linesByPayer) as (keyof PayerAmounts)[]) {
      if (l.payers[p] > 0) linesByPayer[p].push({ lineId: l.id, description: l.description, amountFen: l.payers[p] });
    }
  }
  return {
    quote,
    authorization: last,
    covered: cov.fullyCovered || cov.authorizationCovers,
    declined: cov.declined,
    customerDueFen: cov.declined ? (last?.feeFen ?? 0) : quote.totals.customerTotalFen,
    byPayer: quote.totals.payers,
    linesByPayer,
  };
}
