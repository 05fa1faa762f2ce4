/**
 * What the console shows beside each shop that only its requests tell: the outbox high-water
 * mark the shop reports with each request (records waiting at the shop = that minus what head
 * office holds) and the last refusal it got after authenticating (code and time). Written to the
 * shop's row, not kept in memory: another head-office process may be asked next.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HqError } from '../errors';
import type { HqService } from '../service';
import { HEADER_OUTBOX } from '../../shared/sync/protocol';

declare module 'fastify' {
  interface FastifyRequest {
    shopRefusal?: string;
    /** The request stored the reported mark itself (a push, in its transaction): nothing left to write. */
    shopMarkStored?: boolean;
    /** The refusal was recorded before it was sent. */
    shopWatched?: boolean;
  }
}

function reportedSeq(req: FastifyRequest): number | null {
  const v = req.headers[HEADER_OUTBOX];
  const n = typeof v === 'string' && /^\d{1,15}$/.test(v) ? Number(v) : null;
  return n;
}

export function watchShops(r: FastifyInstance, service: HqService): void {
  const record = async (req: FastifyRequest, statusCode: number) => {
    if (!req.shopId) return;
    const seq = reportedSeq(req);
    const failed = statusCode >= 400;
    if ((seq === null || req.shopMarkStored) && !failed) return;
    try {
      let q = service.db
        .updateTable('hq_shops')
        .set({
          ...(seq !== null ? { reported_seq: seq } : {}),
          ...(failed ? { last_error_code: req.shopRefusal ?? `HTTP_${statusCode}`, last_error_at: service.nowIso() } : {}),
        })
        .where('id', '=', req.shopId);
      // A success reporting the same mark as before changes nothing: no write (a sync with nothing to do writes nothing).
      if (!failed) q = q.where((eb) => eb.or([eb('reported_seq', 'is', null), eb('reported_seq', '<>', seq!)]));
      await q.execute();
    } catch (e) {
      req.log.warn({ err: e }, 'shop watch not recorded');
    }
  };
  r.addHook('onError', async (req, _reply, err) => {
    if (req.shopId) req.shopRefusal = err instanceof HqError ? err.code : 'INTERNAL';
  });
  // A refusal is recorded before the shop hears it: the console never shows a shop fine that was just refused.
  r.addHook('onSend', async (req, reply, payload) => {
    if (req.shopId && reply.statusCode >= 400) {
      await record(req, reply.statusCode);
      req.shopWatched = true;
    }
    return payload;
  });
  r.addHook('onResponse', async (req, reply) => {
    if (!req.shopWatched) await record(req, reply.statusCode);
  });
}
