import { z } from 'zod';

/**
 * Approval from the phone (issue 20 points 2 and 6), the rules both sides share. Head office shows
 * the quote awaiting approval on the status page, sends a one-time code to the phone number on
 * the ticket, checks it, and publishes the decision to the shop as the pulled kind
 * `status.remoteDecision`; the shop records it as an authorization of method "remote". Pure: no
 * clock, no I/O — the callers pass the instants.
 */
export const REMOTE_DECISION_KIND = 'status.remoteDecision';

/** Six digits: what an SMS code is everywhere; with five tries per hour a guess succeeds 1 in 200,000 times. */
export const CODE_DIGITS = 6;
/** A code is good for ten minutes, and once. */
export const CODE_TTL_MS = 10 * 60_000;
/** A new code at most once a minute per link (each costs an SMS). */
export const CODE_RESEND_MS = 60_000;
/** Five wrong codes lock the link's approval for an hour (the page itself stays readable). */
export const WRONG_CODES_LIMIT = 5;
export const LOCK_MS = 60 * 60_000;

/** What the customer decided, as head office publishes it to the ticket's shop (id = the decision's id). */
export const remoteDecisionDataSchema = z
  .object({
    ticketId: z.string().min(1).max(64),
    quoteId: z.string().min(1).max(64),
    quoteVersion: z.number().int().min(1),
    decision: z.enum(['approved', 'declined']),
    /** The customer total shown on the page when the customer decided. */
    totalFen: z.number().int().min(0),
    /** An optional ceiling the customer pre-approved (never below the total). */
    capFen: z.number().int().min(0).nullable(),
    /** The number the code was sent to (E.164): the ticket's own. */
    phone: z.string().max(20),
    decidedAt: z.string().datetime(),
    /** When head office checked the code (the same instant as decidedAt: the code is the signature). */
    codeCheckedAt: z.string().datetime(),
    /** The phone's address as head office saw it. */
    clientAddress: z.string().max(64),
  })
  .strict();
export type RemoteDecisionData = z.infer<typeof remoteDecisionDataSchema>;

/** One line of the quote as the page shows it: what, how many, the amount, and the customer's share. */
export interface OfferLine {
  description: string;
  /** A free line's reason (the page shows it after the description, as the printed form does). */
  reason: string;
  qty: number;
  amountFen: number;
  customerFen: number;
}

/** The quote awaiting approval, from the rows the shop synced. */
export interface QuoteOffer {
  quoteId: string;
  version: number;
  lines: OfferLine[];
  /** Who pays what besides the customer (maker, shop, extended warranty, insurer), only those above zero. */
  others: { payer: 'maker' | 'shop' | 'extended_warranty' | 'insurer'; fen: number }[];
  discountFen: number;
  /** What the customer pays. */
  totalFen: number;
}

type Row = Record<string, unknown>;
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : Number(v ?? 0) || 0);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The offer of a synced quote row and its lines (any order); the shop's own sums, never recomputed here. */
export function quoteOffer(quote: Row, lines: Row[]): QuoteOffer {
  const sorted = [...lines].sort((a, b) => num(a.position) - num(b.position));
  const others = (['maker', 'shop', 'extended_warranty', 'insurer'] as const).map((payer) => ({ payer, fen: num(quote[`${payer}_fen`]) })).filter((o) => o.fen > 0);
  return {
    quoteId: str(quote.id),
    version: num(quote.version),
    lines: sorted.map((l) => ({
      description: str(l.description),
      reason: str(l.kind) === 'custom' ? str(l.reason) : '',
      qty: num(l.qty),
      amountFen: num(l.amount_fen),
      customerFen: num(l.customer_fen),
    })),
    others,
    discountFen: num(quote.discount_fen),
    totalFen: num(quote.customer_total_fen),
  };
}

/** Where a link's code check stands: wrong tries in a row and the lock, kept per link at head office. */
export interface CodeGuard {
  wrong: number;
  lockedUntil: string | null;
}

/** The code that was sent: its hash, for which quote, when it stops working, whether it was used. */
export interface CodeChallenge {
  codeHash: string;
  quoteId: string;
  expiresAt: string;
  usedAt: string | null;
}

export type CodeVerdict = 'locked' | 'noCode' | 'expired' | 'used' | 'quoteChanged' | 'wrong' | 'ok';

export function isLocked(guard: CodeGuard | null, now: Date): boolean {
  return !!guard?.lockedUntil && now.getTime() < Date.parse(guard.lockedUntil);
}

/**
 * The check of a code typed on the page. Order matters: a locked link answers "locked" whatever
 * is typed (the right code included), so guessing gains nothing while the lock lasts.
 */
export function checkCode(p: { guard: CodeGuard | null; challenge: CodeChallenge | null; givenHash: string; currentQuoteId: string | null; now: Date }): CodeVerdict {
  if (isLocked(p.guard, p.now)) return 'locked';
  const c = p.challenge;
  if (!c) return 'noCode';
  if (c.usedAt) return 'used';
  if (p.now.getTime() >= Date.parse(c.expiresAt)) return 'expired';
  if (c.codeHash !== p.givenHash) return 'wrong';
  // the quote was revised after the code was sent: the customer saw another total
  if (c.quoteId !== p.currentQuoteId) return 'quoteChanged';
  return 'ok';
}

/** The guard after a verdict: a wrong code counts (the fifth locks for an hour), a right one clears it. */
export function nextGuard(guard: CodeGuard | null, verdict: CodeVerdict, now: Date): CodeGuard {
  const g = guard && !isLocked(guard, now) && guard.lockedUntil ? { wrong: 0, lockedUntil: null } : (guard ?? { wrong: 0, lockedUntil: null });
  if (verdict === 'ok') return { wrong: 0, lockedUntil: null };
  if (verdict !== 'wrong') return g;
  const wrong = g.wrong + 1;
  return wrong >= WRONG_CODES_LIMIT ? { wrong, lockedUntil: new Date(now.getTime() + LOCK_MS).toISOString() } : { wrong, lockedUntil: null };
}

/** The optional cap as typed in yuan ("", "600", "600.5"): fen, null for none, or the message key of what is wrong. */
export function parseCapYuan(text: string, totalFen: number): { ok: true; fen: number | null } | { ok: false; key: string } {
  const s = text.trim();
  if (!s) return { ok: true, fen: null };
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(s)) return { ok: false, key: 'status.approval.capInvalid' };
  const [yuan, cents = ''] = s.split('.');
  const fen = Number(yuan) * 100 + Number(cents.padEnd(2, '0'));
  if (fen < totalFen) return { ok: false, key: 'status.approval.capBelowTotal' };
  return { ok: true, fen };
}
