/**
 * Rate limits on every endpoint (@fastify/rate-limit, in memory per process): shop routes per
 * shop token (its hash: 200 shops behind one address each have their own allowance), the rest
 * per client address — the socket's, or X-Forwarded-For's only when the socket is a configured
 * proxy (settings.ts trustProxy). A refusal is a typed 429 RATE_LIMITED with retry-after.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sha256 } from '../hash';
import { HqRefusal } from './refusals';
import type { RateLimits } from './settings';

export const MINUTE = 60_000;

export function rateLimited(retryAfterSeconds: number): HqRefusal {
  return new HqRefusal('RATE_LIMITED', 429, 'rate limited', { retryAfter: Math.max(1, retryAfterSeconds) });
}

/** The key of a shop route: the shop token's hash (never the token itself), or the address without one. */
export function shopKey(req: FastifyRequest): string {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? `shop:${sha256(h.slice(7).trim())}` : `ip:${req.ip}`;
}

export const ipKey = (req: FastifyRequest): string => `ip:${req.ip}`;

export function registerRateLimits(app: FastifyInstance, limits: RateLimits) {
  return app.register(rateLimit, {
    global: true,
    max: limits.other,
    timeWindow: MINUTE,
    keyGenerator: ipKey,
    // Enough keys for every shop of a large network and the addresses calling at once.
    cache: 20_000,
    errorResponseBuilder: (_req, ctx) => rateLimited(Math.ceil(ctx.ttl / 1000)),
  });
}

/** Per-route config: `{ config: { rateLimit: perShop(n) } }`. */
export const perShop = (max: number) => ({ max, timeWindow: MINUTE, keyGenerator: shopKey });
export const perAddress = (max: number) => ({ max, timeWindow: MINUTE, keyGenerator: ipKey });
