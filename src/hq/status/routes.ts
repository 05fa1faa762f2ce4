/**
 * The public status page's route, GET /s/<secret> (issue 20 points 1 and 6): no sign-in — the
 * secret is the key — rate-limited per client address, and one answer (404, the same page) for
 * a link that never existed, a revoked or expired one and a revoked shop. The secret is in the
 * path, so the page forbids referrers, caching and framing.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isLocale } from '../../shared/i18n/translate';
import type { Locale } from '../../shared/i18n/types';
import { STATUS_PATH_PREFIX, statusSecretSchema } from '../../shared/status/link';
import { linkOpen, statusCard } from '../../shared/status/card';
import type { HqContext } from '../context';
import { HqError } from '../errors';
import { perAddress } from '../http/rate-limits';
import formbody from '@fastify/formbody';
import { loadStatusFacts, type StatusPageFacts } from './load';
import { STATUS_PAGE_CSP, badRequestHtml, limitedHtml, notFoundHtml, refusedHtml, statusPageHtml, type ApprovalView } from './page';
import { approvalState, decide, sendCode } from './approval';
import { answerSurvey, surveyState } from './survey';
import { mayMessage, optOut } from '../messages/consent';
import { parseSurveyForm } from '../../shared/status/survey';
import type { SurveyView } from './page';
import { WRONG_CODES_LIMIT, parseCapYuan } from '../../shared/status/approval';
import { maskPhone } from '../../shared/documents/format';

const HEADERS = {
  'content-security-policy': STATUS_PAGE_CSP,
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'x-robots-tag': 'noindex, nofollow',
};


/** Chinese unless the page was asked in English (its language link). */
const localeOf = (req: FastifyRequest): Locale => {
  const lang = (req.query as { lang?: unknown } | undefined)?.lang;
  return isLocale(lang) ? lang : 'zh-CN';
};

function html(reply: FastifyReply, code: number, body: string) {
  return reply.code(code).headers(HEADERS).type('text/html; charset=utf-8').send(body);
}

/** The open link's facts, or null for every case that answers "not found" alike. */
async function openFacts(ctx: HqContext, raw: string): Promise<StatusPageFacts | null> {
  const secret = statusSecretSchema.safeParse(raw);
  const facts = secret.success ? await loadStatusFacts(ctx, secret.data) : null;
  return facts && linkOpen(facts, ctx.now()) ? facts : null;
}

/**
 * A form post must come from the page itself. Browsers say where a request comes from in
 * Sec-Fetch-Site; only the page's own origin (or the customer typing the address) passes — another
 * site's page, even a sibling on the same site, is refused. A browser without it names the origin
 * in Origin; the page's no-referrer policy makes the page's own posts say "null" there.
 */
function sameOrigin(req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  const origin = req.headers.origin;
  if (origin === undefined || origin === 'null') return true;
  try {
    return new URL(origin).host === req.host;
  } catch {
    return false;
  }
}

async function renderPage(ctx: HqContext, reply: FastifyReply, facts: StatusPageFacts, secret: string, locale: Locale, notice: ApprovalView['notice'] = null, code = 200, stopped = false) {
  const other: Locale = locale === 'en' ? 'zh-CN' : 'en';
  const path = `${STATUS_PATH_PREFIX}${secret}`;
  const [state, survey, receiving] = await Promise.all([approvalState(ctx, facts), surveyState(ctx, facts), mayMessage(ctx, facts.shopId, facts.customerId)]);
  const approval: ApprovalView | null = state ? { state, notice, path, lang: locale, maskedPhone: facts.phoneE164 ? maskPhone(facts.phoneE164) : '' } : null;
  const surveyView: SurveyView | null = survey ? { state: survey, notice: approval ? null : notice, path, lang: locale } : null;
  const messages = { receiving, stopped: stopped && !receiving, path, lang: locale };
  return html(reply, code, statusPageHtml(statusCard(facts), locale, `${path}?lang=${other}`, approval, surveyView, messages));
}

export function registerStatusPage(r: FastifyInstance, ctx: HqContext, limits: { page: number; code: number }): void {
  // A refusal here is a page too (a phone shows HTML, not our JSON).
  const errorHandler = (err: unknown, req: FastifyRequest, reply: FastifyReply) => {
    // a form too large or malformed (Fastify's own 4xx) is the sender's mistake: say so, in a page
    const status = (err as { statusCode?: unknown }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500 && status !== 429) return html(reply, status, badRequestHtml(localeOf(req)));
    const code = err instanceof HqError && err.status === 429 ? 429 : 500;
    if (code === 500) req.log.error(err);
    const retry = err instanceof HqError ? err.details.retryAfter : undefined;
    if (retry) void reply.header('retry-after', String(retry));
    return html(reply, code, code === 429 ? limitedHtml(localeOf(req)) : notFoundHtml(localeOf(req)));
  };
  r.get<{ Params: { secret: string }; Querystring: { lang?: string } }>(`${STATUS_PATH_PREFIX}:secret`, { config: { rateLimit: perAddress(limits.page) }, errorHandler }, async (req, reply) => {
    const locale = localeOf(req);
    const facts = await openFacts(ctx, req.params.secret);
    if (!facts) return html(reply, 404, notFoundHtml(locale));
    return renderPage(ctx, reply, facts, req.params.secret, locale);
  });

  // The page's forms (a code, the decision, the survey, the opt-out), in their own context: the only
  // place head office reads a form body (everything else is JSON only), behind their own, tighter
  // rate limit. Each answers a link that does not open as the page does, and refuses another site's post.
  void r.register(async (forms) => {
    // 16 KB: a 500-character Chinese comment is 4.5 KB percent-encoded
    await forms.register(formbody, { bodyLimit: 16_384 });
    type Post = { Params: { secret: string }; Querystring: { lang?: string }; Body: Record<string, unknown> | undefined };
    const opts = { config: { rateLimit: perAddress(limits.code) }, errorHandler, bodyLimit: 16_384 };
    const field = (req: FastifyRequest<Post>, name: string) => {
      const v = (req.body ?? {})[name];
      return typeof v === 'string' ? v : '';
    };
    const form = (action: string, handle: (req: FastifyRequest<Post>, reply: FastifyReply, facts: StatusPageFacts, locale: Locale) => Promise<unknown>) =>
      forms.post<Post>(`${STATUS_PATH_PREFIX}:secret/${action}`, opts, async (req, reply) => {
        const locale = localeOf(req);
        const facts = await openFacts(ctx, req.params.secret);
        if (!facts) return html(reply, 404, notFoundHtml(locale));
        if (!sameOrigin(req)) return html(reply, 403, refusedHtml(locale));
        return handle(req, reply, facts, locale);
      });
    // after a change, back to the page itself (a reload then does not post again)
    const toPage = (reply: FastifyReply, secret: string, locale: Locale) => reply.code(303).headers(HEADERS).header('location', `${STATUS_PATH_PREFIX}${secret}?lang=${locale}`).send();

    form('code', async (req, reply, facts, locale) => {
      const outcome = await sendCode(ctx, facts, locale);
      if (outcome === 'sent') return toPage(reply, req.params.secret, locale);
      return renderPage(ctx, reply, facts, req.params.secret, locale, outcome === 'closed' ? null : { key: `status.approval.${outcome}` }, outcome === 'closed' ? 200 : outcome === 'tooSoon' ? 429 : 409);
    });

    form('optout', async (req, reply, facts, locale) => {
      if (await mayMessage(ctx, facts.shopId, facts.customerId)) await optOut(ctx, facts.shopId, facts.customerId, facts.ticketId);
      return renderPage(ctx, reply, facts, req.params.secret, locale, null, 200, true);
    });

    form('survey', async (req, reply, facts, locale) => {
      const form = parseSurveyForm(field(req, 'score'), field(req, 'comment'));
      if (!form.ok) return renderPage(ctx, reply, facts, req.params.secret, locale, { key: form.key }, 400);
      await answerSurvey(ctx, facts, { score: form.score, comment: form.comment, clientAddress: req.ip });
      return toPage(reply, req.params.secret, locale);
    });

    form('decide', async (req, reply, facts, locale) => {
      const decision = field(req, 'decision');
      const code = field(req, 'code').trim();
      const quoteId = field(req, 'quote');
      if ((decision !== 'approved' && decision !== 'declined') || !/^\d{6}$/.test(code) || !quoteId) {
        return renderPage(ctx, reply, facts, req.params.secret, locale, { key: 'status.approval.badRequest' }, 400);
      }
      const state = await approvalState(ctx, facts);
      const cap = decision === 'approved' && state ? parseCapYuan(field(req, 'cap'), state.offer.totalFen) : ({ ok: true, fen: null } as const);
      if (!cap.ok) return renderPage(ctx, reply, facts, req.params.secret, locale, { key: cap.key }, 400);
      const outcome = await decide(ctx, facts, { code, decision, capFen: cap.fen, quoteId, clientAddress: req.ip });
      if (outcome === 'ok' || outcome === 'decided' || outcome === 'closed') {
        return toPage(reply, req.params.secret, locale);
      }
      let notice: ApprovalView['notice'] = { key: `status.approval.${outcome}` };
      if (outcome === 'wrong') {
        const guard = await ctx.db.selectFrom('hq_status_guards').select('wrong').where('link_id', '=', facts.linkId).executeTakeFirst();
        notice = { key: 'status.approval.wrong', params: { left: String(Math.max(0, WRONG_CODES_LIMIT - Number(guard?.wrong ?? 0))) } };
      }
      return renderPage(ctx, reply, facts, req.params.secret, locale, notice, outcome === 'locked' ? 429 : 400);
    });
  });
}
