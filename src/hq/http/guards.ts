/**
 * Token checks, at onRequest: before Fastify reads, inflates or parses a byte of the body, so a
 * caller without a valid shop or admin token costs head office one hash and one indexed lookup,
 * whatever it sends. Refused tokens count per client address; past the limit the address is
 * answered 429 before any token is looked at.
 */
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HqError } from '../errors';
import { sha256 } from '../hash';
import type { HqService } from '../service';
import { HqRefusal } from './refusals';
import { rateLimited } from './rate-limits';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated shop (shop routes, after shopAuth). */
    shopId?: string;
  }
}

export interface Guards {
  shopAuth(req: FastifyRequest, reply: FastifyReply): Promise<void>;
  adminAuth(req: FastifyRequest, reply: FastifyReply): Promise<void>;
  /** Runs a credential check with its 401s counted per address (the console's sessions and tokens). */
  counted(req: FastifyRequest, check: () => Promise<void>): Promise<void>;
}

/** Whether an Authorization header carries the admin token (compared as hashes, in constant time); null when none is configured. */
export function adminTokenMatcher(adminToken: string | null | undefined): ((authorization: string | undefined) => boolean) | null {
  if (!adminToken) return null;
  const adminHash = Buffer.from(sha256(adminToken), 'hex');
  return (h) => {
    const given = h?.startsWith('Bearer ') ? Buffer.from(sha256(h.slice(7).trim()), 'hex') : null;
    return !!given && crypto.timingSafeEqual(adminHash, given);
  };
}

export function makeGuards(app: FastifyInstance, service: HqService, opts: { adminToken?: string | null; authFailuresPerMinute: number }): Guards {
  const failures = app.createRateLimit({ max: opts.authFailuresPerMinute, timeWindow: 60_000, keyGenerator: (req) => `auth-failure:${req.ip}` });
  const guarded = async (req: FastifyRequest, check: () => Promise<void>) => {
    const before = await failures(req, { increment: false });
    if (!before.isAllowed && before.isExceeded) throw rateLimited(before.ttlInSeconds);
    try {
      await check();
    } catch (e) {
      if (e instanceof HqError && e.status === 401) await failures(req);
      throw e;
    }
  };

  const isAdmin = adminTokenMatcher(opts.adminToken);
  return {
    counted: guarded,
    shopAuth: (req) =>
      guarded(req, async () => {
        req.shopId = (await service.authenticate(req.headers.authorization)).id;
      }),
    adminAuth: (req) =>
      guarded(req, async () => {
        if (!isAdmin) throw new HqRefusal('UNAUTHENTICATED', 401, 'admin API disabled: start with HQ_ADMIN_TOKEN', {}, 'hq.refusal.UNAUTHENTICATED.adminOff');
        if (!isAdmin(req.headers.authorization)) throw new HqRefusal('UNAUTHENTICATED', 401, 'admin token required', {}, 'hq.refusal.UNAUTHENTICATED.admin');
      }),
  };
}
