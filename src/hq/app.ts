import crypto from 'node:crypto';
import zlib from 'node:zlib';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { HEADER_APP, HEADER_PROTOCOL, HEADER_SCHEMA, LIMITS, LOOKUP_MAX_BYTES, PATHS } from '../shared/sync/protocol';
import { HqError, sha256, type HqService, type RequestMeta } from './service';
import { hqComplaints, hqReports, type HqReportQuery } from './reports';
import { lookupDevice } from './lookup';

export interface HqAppOptions {
  service: HqService;
  /** The admin API's bearer token; without one the admin API answers 401 to everything. */
  adminToken?: string | null;
  /** pino options (Fastify's logger); false in tests. */
  logger?: FastifyServerOptions['logger'];
}

function meta(req: FastifyRequest): RequestMeta {
  const h = (n: string) => {
    const v = req.headers[n];
    return Array.isArray(v) ? v[0] : v;
  };
  return { protocol: h(HEADER_PROTOCOL), schema: h(HEADER_SCHEMA), app: h(HEADER_APP) };
}

/**
 * The head-office HTTP server. Shop endpoints (enroll, push, pull, device lookup) under /sync/v1, the admin API
 * under /admin/v1. Every endpoint authenticates (shop token, enrollment code or admin token),
 * every body is size-capped and validated with zod, every refusal is a typed JSON error.
 */
export function buildHqApp(opts: HqAppOptions): FastifyInstance {
  const { service } = opts;
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: LIMITS.requestMaxBytes,
    trustProxy: true,
  });

  // JSON bodies, optionally gzip-compressed (pushes are), inflated with a cap.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    const enc = String(req.headers['content-encoding'] ?? 'identity').toLowerCase();
    const parse = (buf: Buffer) => {
      if (buf.length === 0) return done(null, {});
      try {
        done(null, JSON.parse(buf.toString('utf8')));
      } catch {
        done(new HqError('MALFORMED', 400, 'body is not JSON', { reason: 'not JSON' }), undefined);
      }
    };
    if (enc === 'identity') return parse(body as Buffer);
    if (enc !== 'gzip') return done(new HqError('MALFORMED', 400, `content-encoding ${enc}`, { reason: `content-encoding ${enc}` }), undefined);
    zlib.gunzip(body as Buffer, { maxOutputLength: LIMITS.inflatedMaxBytes }, (err, out) => {
      if (err) {
        const tooLarge = (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
        return done(tooLarge ? new HqError('TOO_LARGE', 413, 'inflated body too large') : new HqError('MALFORMED', 400, 'bad gzip', { reason: 'bad gzip' }), undefined);
      }
      parse(out);
    });
  });

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    if (err instanceof HqError) {
      if (err.status >= 500) req.log.error({ err }, 'hq error');
      else req.log.info({ code: err.code, details: err.details }, 'refused');
      return reply.code(err.status).send(err.body());
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.code(413).send(new HqError('TOO_LARGE', 413, 'body too large').body());
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(err.statusCode).send(new HqError('MALFORMED', err.statusCode, err.message, { reason: err.message.slice(0, 120) }).body());
    }
    req.log.error({ err }, 'request failed');
    return reply.code(500).send(new HqError('INTERNAL', 500, 'internal error').body());
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send(new HqError('NOT_FOUND', 404, `no route ${req.method} ${req.url.split('?')[0]}`).body()));

  // Shop endpoints -------------------------------------------------------------------------------
  const shopAuth = async (req: FastifyRequest) => {
    (req as FastifyRequest & { shopId: string }).shopId = (await service.authenticate(req.headers.authorization)).id;
  };
  const shopId = (req: FastifyRequest) => (req as FastifyRequest & { shopId: string }).shopId;

  app.post(PATHS.enroll, { bodyLimit: 64 * 1024 }, async (req) => service.enroll(req.body, meta(req)));
  app.post(PATHS.push, { preHandler: shopAuth }, async (req) => {
    const res = await service.push(shopId(req), req.body, meta(req));
    req.log.info({ shop: shopId(req), lastSeq: res.lastSeq, duplicate: res.duplicate }, 'push');
    return res;
  });
  app.post(PATHS.pull, { preHandler: shopAuth, bodyLimit: 64 * 1024 }, async (req) => service.pull(shopId(req), req.body, meta(req)));
  // The nationwide service: any enrolled shop asks about a device; the answer spans every shop.
  app.post(PATHS.lookupDevice, { preHandler: shopAuth, bodyLimit: LOOKUP_MAX_BYTES }, async (req) => {
    const res = await lookupDevice(service, shopId(req), req.body, meta(req), service.opts.now?.() ?? new Date());
    req.log.info({ shop: shopId(req), devices: res.devices.length, tickets: res.tickets.length }, 'lookup');
    return res;
  });

  // Admin API ------------------------------------------------------------------------------------
  const adminHash = opts.adminToken ? Buffer.from(sha256(opts.adminToken), 'hex') : null;
  const adminAuth = async (req: FastifyRequest, _reply: FastifyReply) => {
    const h = req.headers.authorization;
    const given = h?.startsWith('Bearer ') ? Buffer.from(sha256(h.slice(7).trim()), 'hex') : null;
    if (!adminHash || !given || !crypto.timingSafeEqual(adminHash, given)) throw new HqError('UNAUTHENTICATED', 401, adminHash ? 'admin token required' : 'admin API disabled: start with HQ_ADMIN_TOKEN');
  };
  app.register(
    async (admin) => {
      admin.addHook('preHandler', adminAuth);
      admin.get('/shops', async () => ({ shops: await service.listShops() }));
      admin.post('/shops', { bodyLimit: 16 * 1024 }, async (req) => service.createShop(req.body as { code: string; name: string }));
      admin.post<{ Params: { id: string } }>('/shops/:id/revoke', async (req) => ({ shop: await service.revoke(req.params.id) }));
      admin.post<{ Params: { id: string } }>('/shops/:id/code', async (req) => service.newEnrollmentCode(req.params.id));
      admin.post('/items', { bodyLimit: 16 * 1024 * 1024 }, async (req) => service.publish(req.body));
      admin.get('/figures', async () => service.figures());
      admin.get<{ Params: { id: string } }>('/figures/:id', async (req) => service.figures(req.params.id));
      admin.get<{ Querystring: HqReportQuery }>('/reports', async (req) => hqReports(service, req.query, new Date()));
      admin.get<{ Querystring: { imei?: string; serial?: string } }>('/devices', async (req) =>
        lookupDevice(service, null, { ...(req.query.imei ? { imei: req.query.imei } : {}), ...(req.query.serial ? { serial: req.query.serial } : {}) }, null, service.opts.now?.() ?? new Date()),
      );
      admin.get<{ Querystring: { view?: string } }>('/complaints', async (req) => hqComplaints(service, req.query.view ?? 'escalated', new Date()));
    },
    { prefix: '/admin/v1' },
  );
  return app;
}
