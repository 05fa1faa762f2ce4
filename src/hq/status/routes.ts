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
import { loadStatusFacts } from './load';
import { STATUS_PAGE_CSP, limitedHtml, notFoundHtml, statusPageHtml } from './page';

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

export function registerStatusPage(r: FastifyInstance, ctx: HqContext, perMinute: number): void {
  r.get<{ Params: { secret: string }; Querystring: { lang?: string } }>(
    `${STATUS_PATH_PREFIX}:secret`,
    {
      config: { rateLimit: perAddress(perMinute) },
      // A refusal here is a page too (a phone shows HTML, not our JSON).
      errorHandler: (err, req, reply) => {
        const code = err instanceof HqError && err.status === 429 ? 429 : 500;
        if (code === 500) req.log.error(err);
        const retry = err instanceof HqError ? err.details.retryAfter : undefined;
        if (retry) void reply.header('retry-after', String(retry));
        return html(reply, code, code === 429 ? limitedHtml(localeOf(req)) : notFoundHtml(localeOf(req)));
      },
    },
    async (req, reply) => {
      const locale = localeOf(req);
      const secret = statusSecretSchema.safeParse(req.params.secret);
      const facts = secret.success ? await loadStatusFacts(ctx, secret.data) : null;
      if (!facts || !linkOpen(facts, ctx.now())) return html(reply, 404, notFoundHtml(locale));
      const other: Locale = locale === 'en' ? 'zh-CN' : 'en';
      return html(reply, 200, statusPageHtml(statusCard(facts), locale, `${STATUS_PATH_PREFIX}${secret.data}?lang=${other}`));
    },
  );
}
