/**
 * Approval from the phone at head office (issue 20 points 2 and 6): the quote awaiting approval
 * read from the synced rows, the one-time code sent to the ticket's phone (its hash kept, bound to
 * the quote version it was sent for), and the decision checked and published to the shop as
 * `status.remoteDecision` in the same transaction. The rules are shared/status/approval.ts.
 *
 * On SQLite every query inside a transaction goes through `trx`: head office's one connection is
 * the transaction's, and a query on ctx.db there would wait forever.
 */
import crypto from 'node:crypto';
import type { Transaction } from 'kysely';
import type { HqContext } from '../context';
import type { HqDB } from '../db';
import { sha256 } from '../hash';
import { writeItems } from '../publish';
import { smsOf } from '../messages/gateway';
import { syncedRowsWhere } from '../synced';
import { t } from '../../shared/i18n/translate';
import type { Locale } from '../../shared/i18n/types';
import {
  CODE_DIGITS,
  CODE_RESEND_MS,
  CODE_TTL_MS,
  REMOTE_DECISION_KIND,
  checkCode,
  isLocked,
  nextGuard,
  quoteOffer,
  type CodeGuard,
  type CodeVerdict,
  type QuoteOffer,
  type RemoteDecisionData,
} from '../../shared/status/approval';
import type { StatusPageFacts } from './load';

/** What the page shows about approving: the quote, whether it is decided already, and whether codes are locked. */
export interface ApprovalState {
  offer: QuoteOffer;
  /** The customer's decision on this version, once made here (the shop applies it after its next sync). */
  decided: { decision: string; decidedAt: string } | null;
  locked: boolean;
  /** A code was sent for this version and can still be used. */
  codePending: boolean;
}

/** The ticket's latest quote version and its lines, from the synced rows; null when it has none. */
async function latestOffer(db: HqContext['db'] | Transaction<HqDB>, dialect: 'sqlite' | 'postgres', facts: StatusPageFacts): Promise<QuoteOffer | null> {
  const quotes = await syncedRowsWhere(db, dialect, facts.shopId, 'quotes', 'ticket_id', facts.ticketId);
  const latest = quotes.sort((a, b) => Number(b.version ?? 0) - Number(a.version ?? 0))[0];
  if (!latest) return null;
  const lines = await syncedRowsWhere(db, dialect, facts.shopId, 'quote_lines', 'quote_id', String(latest.id));
  return quoteOffer(latest, lines);
}

async function guardOf(db: HqContext['db'] | Transaction<HqDB>, linkId: string): Promise<CodeGuard | null> {
  const g = await db.selectFrom('hq_status_guards').select(['wrong', 'locked_until']).where('link_id', '=', linkId).executeTakeFirst();
  return g ? { wrong: Number(g.wrong), lockedUntil: g.locked_until } : null;
}

async function latestCode(db: HqContext['db'] | Transaction<HqDB>, linkId: string) {
  return db.selectFrom('hq_status_codes').selectAll().where('link_id', '=', linkId).orderBy('sent_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}

/** The approval part of the page: only while the ticket awaits approval and has a quote. */
export async function approvalState(ctx: HqContext, facts: StatusPageFacts): Promise<ApprovalState | null> {
  if (facts.ticket.status !== 'awaiting_approval') return null;
  const offer = await latestOffer(ctx.db, ctx.store.dialect, facts);
  if (!offer) return null;
  const [decided, guard, code] = await Promise.all([
    ctx.db.selectFrom('hq_remote_decisions').select(['decision', 'decided_at']).where('shop_id', '=', facts.shopId).where('quote_id', '=', offer.quoteId).executeTakeFirst(),
    guardOf(ctx.db, facts.linkId),
    latestCode(ctx.db, facts.linkId),
  ]);
  const now = ctx.now();
  return {
    offer,
    decided: decided ? { decision: decided.decision, decidedAt: decided.decided_at } : null,
    locked: isLocked(guard, now),
    codePending: !!code && !code.used_at && code.quote_id === offer.quoteId && now.getTime() < Date.parse(code.expires_at) && code.delivery === 'sent',
  };
}

const codeHash = (linkId: string, code: string) => sha256(`${linkId}:${code.trim()}`);

export type SendOutcome = 'sent' | 'failed' | 'locked' | 'tooSoon' | 'noPhone' | 'closed';

/** Sends a new code to the ticket's phone for the quote on the page (at most once a minute; never while locked). */
export async function sendCode(ctx: HqContext, facts: StatusPageFacts, locale: Locale): Promise<SendOutcome> {
  const state = await approvalState(ctx, facts);
  if (!state || state.decided) return 'closed';
  if (state.locked) return 'locked';
  if (!facts.phoneE164) return 'noPhone';
  const now = ctx.now();
  const last = await latestCode(ctx.db, facts.linkId);
  if (last && now.getTime() - Date.parse(last.sent_at) < CODE_RESEND_MS) return 'tooSoon';
  const code = String(crypto.randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
  const id = crypto.randomUUID();
  await ctx.db
    .insertInto('hq_status_codes')
    .values({
      id,
      link_id: facts.linkId,
      shop_id: facts.shopId,
      quote_id: state.offer.quoteId,
      code_hash: codeHash(facts.linkId, code),
      phone: facts.phoneE164,
      sent_at: now.toISOString(),
      expires_at: new Date(now.getTime() + CODE_TTL_MS).toISOString(),
      used_at: null,
      delivery: 'sending',
    })
    .execute();
  const minutes = CODE_TTL_MS / 60_000;
  const params = { code, number: facts.ticket.number, minutes: String(minutes) };
  const text = t(locale, 'status.approval.sms', { code, number: facts.ticket.number, minutes });
  const result = await smsOf(ctx).send({ to: facts.phoneE164, templateCode: ctx.opts.smsTemplates?.approval_code ?? 'approval_code', params, text });
  await ctx.db
    .updateTable('hq_status_codes')
    .set({ delivery: result.ok ? 'sent' : `failed:${result.code}`.slice(0, 80) })
    .where('id', '=', id)
    .execute();
  return result.ok ? 'sent' : 'failed';
}

export type DecideOutcome = CodeVerdict | 'closed' | 'decided';

/**
 * Checks the code and records the decision: approved (with the optional cap) or declined. In one
 * transaction: the guard's count, the code's use, the decision row and the item the shop pulls.
 */
export async function decide(
  ctx: HqContext,
  facts: StatusPageFacts,
  input: { code: string; decision: 'approved' | 'declined'; capFen: number | null; quoteId: string; clientAddress: string },
): Promise<DecideOutcome> {
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.now();
    const offer = await latestOffer(trx, ctx.store.dialect, facts);
    if (!offer || facts.ticket.status !== 'awaiting_approval') return 'closed';
    const already = await trx.selectFrom('hq_remote_decisions').select('id').where('shop_id', '=', facts.shopId).where('quote_id', '=', offer.quoteId).executeTakeFirst();
    if (already) return 'decided';
    const guard = await guardOf(trx, facts.linkId);
    const code = await latestCode(trx, facts.linkId);
    // the form names the version the customer read: a revision since then is a changed quote too
    const currentQuoteId = input.quoteId === offer.quoteId ? offer.quoteId : null;
    const verdict = checkCode({
      guard,
      challenge: code ? { codeHash: code.code_hash, quoteId: code.quote_id, expiresAt: code.expires_at, usedAt: code.used_at } : null,
      givenHash: codeHash(facts.linkId, input.code),
      currentQuoteId,
      now,
    });
    const g = nextGuard(guard, verdict, now);
    await trx
      .insertInto('hq_status_guards')
      .values({ link_id: facts.linkId, wrong: g.wrong, locked_until: g.lockedUntil, updated_at: now.toISOString() })
      .onConflict((oc) => oc.column('link_id').doUpdateSet({ wrong: g.wrong, locked_until: g.lockedUntil, updated_at: now.toISOString() }))
      .execute();
    // the try that locks the link answers as locked: the customer learns why nothing else works
    if (verdict === 'wrong' && g.lockedUntil) return 'locked';
    if (verdict !== 'ok' || !code) return verdict;
    const at = now.toISOString();
    await trx.updateTable('hq_status_codes').set({ used_at: at }).where('id', '=', code.id).execute();
    const id = crypto.randomUUID();
    await trx
      .insertInto('hq_remote_decisions')
      .values({
        id,
        shop_id: facts.shopId,
        link_id: facts.linkId,
        ticket_id: facts.ticketId,
        quote_id: offer.quoteId,
        quote_version: offer.version,
        decision: input.decision,
        total_fen: offer.totalFen,
        cap_fen: input.decision === 'approved' ? input.capFen : null,
        code_id: code.id,
        client_address: input.clientAddress.slice(0, 64),
        decided_at: at,
      })
      .execute();
    const data: RemoteDecisionData = {
      ticketId: facts.ticketId,
      quoteId: offer.quoteId,
      quoteVersion: offer.version,
      decision: input.decision,
      totalFen: offer.totalFen,
      capFen: input.decision === 'approved' ? input.capFen : null,
      phone: code.phone,
      decidedAt: at,
      codeCheckedAt: at,
      clientAddress: input.clientAddress.slice(0, 64),
    };
    await writeItems(trx, REMOTE_DECISION_KIND, facts.shopId, [{ id, data: JSON.stringify(data) }], at);
    return 'ok';
  });
}
