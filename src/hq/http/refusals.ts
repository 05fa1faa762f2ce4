/**
 * Every refusal of head office is `{ error: { code, message, details } }` with its HTTP status,
 * the message in the caller's language (Accept-Language: zh-CN or en, Chinese by default): typed
 * HqErrors, Fastify's own 4xx (bad content type, body too large), malformed percent-encoding in
 * the path, unknown routes, rate limits and body timeouts alike. Nothing answers a stack trace.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { HqError } from '../errors';
import { pickLocale, t } from '../../shared/i18n/translate';
import type { Params } from '../../shared/i18n/types';
import type { SyncErrorCode } from '../../shared/sync/protocol';
import type { ConsoleErrorCode } from '../../shared/hq-console/contract';

/** An HqError whose words have their own key (e.g. the admin API switched off). */
export class HqRefusal extends HqError {
  constructor(
    code: SyncErrorCode | ConsoleErrorCode,
    status: number,
    message: string,
    details: Record<string, unknown> = {},
    readonly key: string = `hq.refusal.${code}`,
    readonly extraParams: Params = {},
  ) {
    super(code, status, message, details);
  }
}

function params(err: HqError): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(err.details)) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  // A MALFORMED without a reason (reports' field errors) still reads as a sentence.
  out.reason ??= err.message;
  return err instanceof HqRefusal ? { ...out, ...err.extraParams } : out;
}

/** The wire body of a refusal, in the request's language. */
export function refusalBody(req: FastifyRequest, err: HqError) {
  const locale = pickLocale(req.headers['accept-language'], 'zh-CN');
  const key = err instanceof HqRefusal ? err.key : `hq.refusal.${err.code}`;
  return { error: { code: err.code, message: t(locale, key, params(err)), details: err.details } };
}

export function sendRefusal(req: FastifyRequest, reply: FastifyReply, err: HqError) {
  return reply.code(err.status).type('application/json; charset=utf-8').send(refusalBody(req, err));
}

export function tooLarge(limitBytes: number): HqRefusal {
  return new HqRefusal('TOO_LARGE', 413, 'body too large', { limitBytes }, 'hq.refusal.TOO_LARGE', { limitMb: Math.round(limitBytes / 1024 / 1024) || 1 });
}

/** Fastify's error handler: typed refusals as they are, Fastify's 4xx as MALFORMED or TOO_LARGE, the rest a logged 500. */
export function errorHandler(bodyLimit: number) {
  return (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof HqError) {
      if (err.status >= 500) req.log.error({ err }, 'hq error');
      else req.log.info({ code: err.code, details: err.details }, 'refused');
      return sendRefusal(req, reply, err);
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendRefusal(req, reply, tooLarge(req.routeOptions.bodyLimit ?? bodyLimit));
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      req.log.info({ code: err.code }, 'refused');
      return sendRefusal(req, reply, new HqError('MALFORMED', err.statusCode, err.message, { reason: err.message.slice(0, 120) }));
    }
    req.log.error({ err }, 'request failed');
    return sendRefusal(req, reply, new HqError('INTERNAL', 500, 'internal error'));
  };
}

/** Errors Fastify raises before routing (FST_ERR_BAD_URL: a path like /sync/v1/%E0%A4%A). */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err.code === 'FST_ERR_BAD_URL') return sendRefusal(req, reply, new HqRefusal('MALFORMED', 400, 'bad percent-encoding in the path', { reason: 'path' }, 'hq.refusal.MALFORMED.badUrl'));
  return sendRefusal(req, reply, new HqError('MALFORMED', 400, err.message, { reason: err.message.slice(0, 120) }));
}

export function notFound(req: FastifyRequest, reply: FastifyReply) {
  const path = req.url.split('?')[0]!.slice(0, 200);
  return sendRefusal(req, reply, new HqRefusal('NOT_FOUND', 404, `no route ${req.method} ${path}`, {}, 'hq.refusal.NOT_FOUND', { path: `${req.method} ${path}` }));
}
