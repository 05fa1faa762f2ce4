/**
 * The console's API (POST /console/api/<procedure>, src/shared/hq-console/contract.ts) and its
 * pages (static.ts). For every call, in order: the route's rate limit, Host and Origin
 * (origin.ts), the caller — the session cookie, or the admin token for scripts, which acts as a
 * network admin — and its role against the procedure's access list; then the input, by zod.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HqError } from '../errors';
import type { HqService } from '../service';
import type { Guards } from '../http/guards';
import { adminTokenMatcher } from '../http/guards';
import { perAddress } from '../http/rate-limits';
import { auditList, type Actor } from './audit';
import { escalatedComplaints, networkExport, networkReport } from './figures';
import { networkDashboard, networkDrill } from '../network-figures/queries';
import { networkDashboardSchema, networkDrillSchema, networkExportSchema, shopRegionSchema } from '../../shared/hq-console/figures';
import { claimDetail, claimsQueue, decideClaim, payBatch, reconcile } from './claims';
import { listShipments, openByShop, receiveLines, shipmentDetail } from './returns';
import { respondComplaint } from './complaints';
import { receiveLinesSchema, returnsListSchema, shipmentRefSchema } from '../../shared/hq-console/returns';
import { complaintRespondSchema } from '../../shared/hq-console/complaints';
import { claimDecideSchema, claimRefSchema, claimsQueueSchema, paymentBatchSchema, reconciliationSchema } from '../../shared/hq-console/claims';
import { pickLocale } from '../../shared/i18n/translate';
import { consoleCreateShop, consoleEnrollmentCode, consoleRevoke, consoleSetRegion, networkStatus } from './network';
import { cookieToken, refuseForeign, sessionCookie } from './origin';
import { parseInput } from './input';
import { changePassword, DEFAULT_SESSION_RULES, sessionOf, signIn, signOut, type LiveSession, type SessionRules } from './sessions';
import { serveConsole } from './static';
import { listRecalls, saveRecall } from '../recalls/campaigns';
import { recallCompletion } from '../recalls/completion';
import { consoleDeviceLookup } from '../recalls/device-lookup';
import { deviceLookupSchema } from '../../shared/hq-console/devices';
import { recallRefSchema, recallSaveSchema } from '../../shared/hq-console/recalls';
import { createUser, listUsers, resetPassword, updateUser } from './users';
// Publishing (issue 21 point 3): the log, the price list, the parts catalog.
import { listPublications, publicationArrival } from '../publishing/log';
import { currentPrices, importPrices, pricesPreview, pricesTemplate, publishPrices } from '../publishing/prices';
import { partsTemplate, previewParts, publishParts } from '../publishing/parts';
import { publicationRefSchema, publicationsListSchema } from '../../shared/hq-console/publishing-log';
import { pricesDraftSchema, pricesPublishSchema } from '../../shared/hq-console/publishing-prices';
import { partsImportSchema, partsPublishSchema } from '../../shared/hq-console/publishing-parts';
import { sheetUploadSchema, templateSchema } from '../../shared/hq-console/publishing-sheet';
import { editorHandlers } from '../publishing/editor-routes';
import { CONSOLE_API_PREFIX, auditListSchema, hqProcedures, mayCall, shopRefSchema, newShopSchema, networkReportSchema, escalatedListSchema, type HqProcedure, type HqRole } from '../../shared/hq-console/contract';

export interface ConsoleOptions {
  adminToken?: string | null;
  /** Host names (with port unless 443/80) the console answers to behind its proxy, beside loopback: HQ_CONSOLE_HOSTS. */
  publicHosts?: readonly string[];
  /** The built console; null serves the API only. */
  staticDir?: string | null;
  sessions?: Partial<SessionRules>;
  limits: { signIn: number; console: number };
}

interface Caller {
  actor: Actor;
  role: HqRole;
  session: LiveSession | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    consoleCaller?: Caller | null;
  }
}

/** Spreadsheet uploads and whole price lists (2,000 rows): the console's big bodies. */
const BIG_BODIES: ReadonlySet<HqProcedure> = new Set(['prices.import', 'prices.preview', 'prices.publish', 'parts.import', 'parts.publish']);

type Handler = (service: HqService, caller: Caller | null, input: unknown, req: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

export function registerConsole(r: FastifyInstance, service: HqService, guards: Guards, opts: ConsoleOptions): void {
  const rules = { ...DEFAULT_SESSION_RULES, ...opts.sessions };
  const isAdmin = adminTokenMatcher(opts.adminToken);
  const hosts = opts.publicHosts ?? [];
  const me = (c: Caller) => c.session ?? null;
  const must = (c: Caller | null) => {
    if (!c) throw new HqError('SESSION_ENDED', 401, 'no session');
    return c;
  };
  const localeOf = (req: FastifyRequest) => pickLocale(req.headers['accept-language'], 'zh-CN');
  const personal = (c: Caller | null) => {
    const s = must(c).session;
    if (!s) throw new HqError('FORBIDDEN', 403, 'the admin token has no account', { reason: 'token' });
    return s;
  };

  const handlers: Record<HqProcedure, Handler> = {
    'auth.signIn': async (s, _c, input, req, reply) => {
      const signed = await signIn(s, input, rules, req.ip);
      reply.header('set-cookie', sessionCookie(req, signed.token, Math.round(rules.absoluteMs / 1000)));
      return signed.me;
    },
    'auth.signOut': async (s, c, _i, req, reply) => {
      const session = me(must(c));
      if (session) await signOut(s, session);
      reply.header('set-cookie', sessionCookie(req, null, 0));
      return { ok: true };
    },
    'auth.me': async (_s, c) => {
      const caller = must(c);
      if (caller.session) return { user: caller.session.user, expiresAt: caller.session.expiresAt };
      return { user: { id: 'admin-token', username: 'admin-token', displayName: 'admin token', role: 'network_admin', disabled: false, lockedUntil: null, lastSignInAt: null, createdAt: '' }, expiresAt: null };
    },
    'auth.changePassword': async (s, c, input) => (await changePassword(s, personal(c), input), { ok: true }),
    'users.list': async (s) => ({ users: await listUsers(s) }),
    'users.create': async (s, c, input) => createUser(s, must(c).actor, input),
    'users.update': async (s, c, input) => updateUser(s, must(c).actor, input),
    'users.resetPassword': async (s, c, input) => resetPassword(s, must(c).actor, input),
    'audit.list': async (s, _c, input) => ({ entries: await auditList(s, parseInput(auditListSchema, input).limit) }),
    'shops.list': async (s) => ({ shops: await networkStatus(s) }),
    'shops.create': async (s, c, input) => consoleCreateShop(s, must(c).actor, parseInput(newShopSchema, input)),
    'shops.enrollmentCode': async (s, c, input) => consoleEnrollmentCode(s, must(c).actor, parseInput(shopRefSchema, input).shopId),
    'shops.revoke': async (s, c, input) => ({ shop: await consoleRevoke(s, must(c).actor, parseInput(shopRefSchema, input).shopId) }),
    'shops.setRegion': async (s, c, input) => ({ shop: await consoleSetRegion(s, must(c).actor, parseInput(shopRegionSchema, input)) }),
    'figures.network': async (s, _c, input, req) => networkReport(s, parseInput(networkReportSchema, input), pickLocale(req.headers['accept-language'], 'zh-CN'), s.now()),
    'figures.dashboard': async (s, _c, input) => networkDashboard(s, parseInput(networkDashboardSchema, input).shop, s.now()),
    'figures.tickets': async (s, _c, input) => networkDrill(s, parseInput(networkDrillSchema, input), s.now()),
    'figures.export': async (s, _c, input, req) => networkExport(s, parseInput(networkExportSchema, input), pickLocale(req.headers['accept-language'], 'zh-CN'), s.now()),
    'complaints.escalated': async (s, _c, input) => ({ complaints: await escalatedComplaints(s, parseInput(escalatedListSchema, input).view, s.now()) }),
    'complaints.respond': async (s, c, input) => {
      const i = parseInput(complaintRespondSchema, input);
      await respondComplaint(s, must(c).actor, i);
      const all = await escalatedComplaints(s, 'all', s.now());
      return all.find((x) => x.shopId === i.shopId && x.id === i.complaintId)!;
    },
    'returns.list': async (s, _c, input) => ({ shipments: await listShipments(s, parseInput(returnsListSchema, input)), shops: await openByShop(s) }),
    'returns.detail': async (s, _c, input) => {
      const ref = parseInput(shipmentRefSchema, input);
      return shipmentDetail(s, ref.shopId, ref.shipmentId);
    },
    'returns.receive': async (s, c, input) => receiveLines(s, must(c).actor, parseInput(receiveLinesSchema, input)),
    'claims.queue': async (s, _c, input) => ({ claims: await claimsQueue(s, parseInput(claimsQueueSchema, input)) }),
    'claims.detail': async (s, _c, input, req) => {
      const ref = parseInput(claimRefSchema, input);
      return claimDetail(s, ref.shopId, ref.claimId, s.db, pickLocale(req.headers['accept-language'], 'zh-CN'));
    },
    'claims.decide': async (s, c, input, req) => decideClaim(s, must(c).actor, parseInput(claimDecideSchema, input), pickLocale(req.headers['accept-language'], 'zh-CN')),
    'claims.payBatch': async (s, c, input) => payBatch(s, must(c).actor, parseInput(paymentBatchSchema, input)),
    'claims.reconcile': async (s, _c, input) => reconcile(s, parseInput(reconciliationSchema, input)),
    'recalls.list': async (s) => ({ recalls: await listRecalls(s) }),
    'recalls.save': async (s, c, input) => saveRecall(s, must(c).actor, parseInput(recallSaveSchema, input)),
    'devices.lookup': async (s, _c, input) => consoleDeviceLookup(s, parseInput(deviceLookupSchema, input)),
    'recalls.completion': async (s, _c, input) => recallCompletion(s, parseInput(recallRefSchema, input).recallId),
    // Publishing ---------------------------------------------------------------------------
    'publications.list': async (s, _c, input) => ({ publications: await listPublications(s, parseInput(publicationsListSchema, input)) }),
    'publications.arrival': async (s, _c, input) => publicationArrival(s, parseInput(publicationRefSchema, input).publicationId),
    'prices.current': async (s) => ({ items: await currentPrices(s), publication: (await listPublications(s, { limit: 1, kind: 'price_list.item' }))[0] ?? null }),
    'prices.import': async (_s, _c, input, req) => importPrices(parseInput(sheetUploadSchema, input), localeOf(req)),
    'prices.template': async (_s, _c, input, req) => pricesTemplate(parseInput(templateSchema, input).format, localeOf(req)),
    'prices.preview': async (s, _c, input) => pricesPreview(s, parseInput(pricesDraftSchema, input).items),
    'prices.publish': async (s, c, input) => {
      const r = await publishPrices(s, must(c).actor, parseInput(pricesPublishSchema, input));
      return { publication: (await publicationArrival(s, r.publicationId)).publication, preview: r.preview };
    },
    'parts.import': async (s, _c, input, req) => previewParts(s, parseInput(partsImportSchema, input), localeOf(req)),
    'parts.template': async (_s, _c, input, req) => partsTemplate(parseInput(templateSchema, input).format, localeOf(req)),
    'parts.publish': async (s, c, input, req) => {
      const r = await publishParts(s, must(c).actor, parseInput(partsPublishSchema, input), localeOf(req));
      return { publication: (await publicationArrival(s, r.publicationId)).publication, report: r.report };
    },
    // Publishing editors (src/hq/publishing/editor-routes.ts)
    ...editorHandlers<Caller | null>((c) => must(c).actor),
  };

  /** Who calls: the admin token (a script), else the session cookie; null without either. */
  const callerOf = async (req: FastifyRequest): Promise<Caller | null> => {
    if (req.headers.authorization !== undefined) {
      if (!isAdmin?.(req.headers.authorization)) throw new HqError('UNAUTHENTICATED', 401, 'admin token wrong');
      return { actor: { kind: 'token' }, role: 'network_admin', session: null };
    }
    const token = cookieToken(req);
    if (!token) return null;
    const session = await sessionOf(service, token, rules);
    return { actor: { kind: 'user', id: session.user.id, name: session.user.username }, role: session.user.role, session };
  };

  for (const [name, def] of Object.entries(hqProcedures) as [HqProcedure, (typeof hqProcedures)[HqProcedure]][]) {
    const limit = perAddress(name === 'auth.signIn' ? opts.limits.signIn : opts.limits.console);
    r.post(CONSOLE_API_PREFIX + name, {
      // A spreadsheet (at most 2 MB of file, as base64) or a whole price list; every other call stays small.
      bodyLimit: BIG_BODIES.has(name) ? 3 * 1024 * 1024 : 64 * 1024,
      config: { rateLimit: limit },
      onRequest: async (req) => {
        const foreign = refuseForeign(req, hosts);
        if (foreign) throw foreign;
        if (def.access === 'public') return;
        await guards.counted(req, async () => {
          req.consoleCaller = await callerOf(req);
        });
        const caller = req.consoleCaller ?? null;
        if (!caller) throw new HqError('SESSION_ENDED', 401, 'no session');
        if (!mayCall(def.access, caller.role)) throw new HqError('FORBIDDEN', 403, `${name} is not for ${caller.role}`, { reason: 'role', role: caller.role });
      },
    }, async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return handlers[name](service, req.consoleCaller ?? null, req.body, req, reply);
    });
  }
  serveConsole(r, opts.staticDir ?? null, perAddress(opts.limits.console));
}

/** The first network admin from the command line (`npm run hq -- users add …`), audited as the CLI's. */
export function addUserFromCli(service: HqService, input: unknown) {
  return createUser(service, { kind: 'cli' }, input);
}
