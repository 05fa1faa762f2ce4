import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { HEADER_APP, HEADER_OUTBOX, HEADER_PROTOCOL, HEADER_SCHEMA, LIMITS, LOOKUP_MAX_BYTES, PATHS } from '../shared/sync/protocol';
import type { HqService, RequestMeta } from './service';
import { hqComplaints, hqReports, type HqReportQuery } from './reports';
import { lookupDevice } from './lookup';
import { DEFAULT_HTTP_SETTINGS, type HqHttpSettings, type RateLimits } from './http/settings';
import { errorHandler, frameworkErrors, notFound } from './http/refusals';
import { installBodyParsing } from './http/body';
import { makeGuards } from './http/guards';
import { perAddress, perShop, registerRateLimits } from './http/rate-limits';
import { registerConsole, type ConsoleOptions } from './console/routes';
import { watchShops } from './console/shop-watch';
import { registerStatusPage } from './status/routes';

export interface HqAppOptions {
  service: HqService;
  /** The admin API's bearer token; without one the admin API answers 401 to everything. */
  adminToken?: string | null;
  /** pino options (Fastify's logger); false in tests. */
  logger?: FastifyServerOptions['logger'];
  /** Proxies trusted, body timeout, rate limits (defaults: http/settings.ts). */
  http?: Partial<Omit<HqHttpSettings, 'rateLimits'>> & { rateLimits?: Partial<RateLimits> };
  /** The console (its pages, public host names, session rules); its API runs with or without it. */
  console?: Omit<ConsoleOptions, 'adminToken' | 'limits'>;
}

function meta(req: FastifyRequest): RequestMeta {
  const h = (n: string) => {
    const v = req.headers[n];
    return Array.isArray(v) ? v[0] : v;
  };
  return { protocol: h(HEADER_PROTOCOL), schema: h(HEADER_SCHEMA), app: h(HEADER_APP), outbox: h(HEADER_OUTBOX) };
}

/**
 * The head-office HTTP server. Shop endpoints (enroll, push, pull, device lookup) under /sync/v1, the admin API
 * under /admin/v1. In order, for every request: the rate limit of its route, the token check
 * (before any body is read), the body (size-capped, inflated with a cap, within the body
 * timeout), zod validation; every refusal is a typed, translated JSON error (http/refusals.ts).
 */
export function buildHqApp(opts: HqAppOptions): FastifyInstance {
  const { service } = opts;
  const settings: HqHttpSettings = { ...DEFAULT_HTTP_SETTINGS, ...opts.http, rateLimits: { ...DEFAULT_HTTP_SETTINGS.rateLimits, ...opts.http?.rateLimits } };
  const limits = settings.rateLimits;
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: LIMITS.requestMaxBytes,
    // X-Forwarded-For / -Proto / -Host count only from these proxies (none unless configured).
    trustProxy: settings.trustProxy.length > 0 ? settings.trustProxy : false,
    // Backstop of the body timeout (http/body.ts answers first, in words): Node drops the socket.
    requestTimeout: settings.bodyTimeoutMs + 10_000,
    frameworkErrors,
  });

  app.setErrorHandler(errorHandler(LIMITS.requestMaxBytes));
  installBodyParsing(app, { inflatedMaxBytes: LIMITS.inflatedMaxBytes, bodyTimeoutMs: settings.bodyTimeoutMs });
  void registerRateLimits(app, limits);

  // Routes in a plugin registered after the rate limiter, so its onRoute hook sees every one.
  void app.register(async (r) => {
    r.setNotFoundHandler({ preHandler: r.rateLimit(perAddress(limits.other)) }, notFound);
    const guards = makeGuards(r, service, { adminToken: opts.adminToken, authFailuresPerMinute: limits.authFailures });
    const { shopAuth, adminAuth } = guards;
    watchShops(r, service);
    registerStatusPage(r, service, { page: limits.statusPage, code: limits.statusCode });
    registerConsole(r, service, guards, { ...opts.console, adminToken: opts.adminToken, limits: { signIn: limits.signIn, console: limits.console } });
    const shopId = (req: FastifyRequest) => req.shopId!;

    // Shop endpoints -----------------------------------------------------------------------------
    r.post(PATHS.enroll, { bodyLimit: 64 * 1024, config: { rateLimit: perAddress(limits.enroll) } }, async (req) => service.enroll(req.body, meta(req)));
    r.post(PATHS.push, { onRequest: shopAuth, config: { rateLimit: perShop(limits.push) } }, async (req) => {
      const res = await service.push(shopId(req), req.body, meta(req));
      req.shopMarkStored = true;
      req.log.info({ shop: shopId(req), lastSeq: res.lastSeq, duplicate: res.duplicate }, 'push');
      return res;
    });
    r.post(PATHS.pull, { onRequest: shopAuth, bodyLimit: 64 * 1024, config: { rateLimit: perShop(limits.pull) } }, async (req) => service.pull(shopId(req), req.body, meta(req)));
    // Restore from head office: a re-enrolled shop pages its own rows back (pull's limits: a restore is a long pull).
    r.post(PATHS.restore, { onRequest: shopAuth, bodyLimit: 16 * 1024, config: { rateLimit: perShop(limits.pull) } }, async (req) => service.restorePage(shopId(req), req.body, meta(req)));
    // The nationwide service: any enrolled shop asks about a device; the answer spans every shop.
    r.post(PATHS.lookupDevice, { onRequest: shopAuth, bodyLimit: LOOKUP_MAX_BYTES, config: { rateLimit: perShop(limits.lookup) } }, async (req) => {
      const res = await lookupDevice(service, shopId(req), req.body, meta(req), service.opts.now?.() ?? new Date());
      req.log.info({ shop: shopId(req), devices: res.devices.length, tickets: res.tickets.length }, 'lookup');
      return res;
    });

    // Admin API ----------------------------------------------------------------------------------
    await r.register(
      async (admin) => {
        admin.addHook('onRequest', adminAuth);
        const config = { rateLimit: perAddress(limits.admin) };
        admin.get('/shops', { config }, async () => ({ shops: await service.listShops() }));
        admin.post('/shops', { bodyLimit: 16 * 1024, config }, async (req) => service.createShop(req.body as { code: string; name: string }));
        admin.post<{ Params: { id: string } }>('/shops/:id/revoke', { config }, async (req) => ({ shop: await service.revoke(req.params.id) }));
        admin.post<{ Params: { id: string } }>('/shops/:id/code', { config }, async (req) => service.newEnrollmentCode(req.params.id));
        admin.post('/items', { bodyLimit: 16 * 1024 * 1024, config }, async (req) => service.publish(req.body));
        admin.get('/figures', { config }, async () => service.figures());
        admin.get<{ Params: { id: string } }>('/figures/:id', { config }, async (req) => service.figures(req.params.id));
        admin.get<{ Querystring: HqReportQuery }>('/reports', { config }, async (req) => hqReports(service, req.query, new Date()));
        admin.get<{ Querystring: { imei?: string; serial?: string } }>('/devices', { config }, async (req) =>
          lookupDevice(service, null, { ...(req.query.imei ? { imei: req.query.imei } : {}), ...(req.query.serial ? { serial: req.query.serial } : {}) }, null, service.opts.now?.() ?? new Date()),
        );
        admin.get<{ Querystring: { view?: string } }>('/complaints', { config }, async (req) => hqComplaints(service, req.query.view ?? 'escalated', new Date()));
      },
      { prefix: '/admin/v1' },
    );
  });
  return app;
}
