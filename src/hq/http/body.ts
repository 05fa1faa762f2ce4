/**
 * How head office reads a request body: JSON, optionally gzip-compressed (pushes are), inflated
 * with a cap; and never for longer than the body timeout, so a client that trickles a body in
 * byte by byte holds a connection for seconds, not forever. Bodies are only read after the
 * token checks (guards.ts), which run at onRequest.
 */
import { PassThrough, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { HqError } from '../errors';
import { HqRefusal, tooLarge } from './refusals';

export function installBodyParsing(app: FastifyInstance, opts: { inflatedMaxBytes: number; bodyTimeoutMs: number }): void {
  // JSON only: no text/plain or form parser for a cross-site "simple" request to reach.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    const enc = String(req.headers['content-encoding'] ?? 'identity').toLowerCase();
    const parse = (buf: Buffer) => {
      if (buf.length === 0) return done(null, {});
      try {
        done(null, JSON.parse(buf.toString('utf8')));
      } catch {
        done(new HqRefusal('MALFORMED', 400, 'body is not JSON', { reason: 'not JSON' }, 'hq.refusal.MALFORMED.notJson'), undefined);
      }
    };
    if (enc === 'identity') return parse(body as Buffer);
    if (enc !== 'gzip') return done(new HqError('MALFORMED', 400, `content-encoding ${enc}`, { reason: `content-encoding ${enc.slice(0, 40)}` }), undefined);
    zlib.gunzip(body as Buffer, { maxOutputLength: opts.inflatedMaxBytes }, (err, out) => {
      if (err) {
        const large = (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
        return done(large ? tooLarge(opts.inflatedMaxBytes) : new HqError('MALFORMED', 400, 'bad gzip', { reason: 'bad gzip' }), undefined);
      }
      parse(out);
    });
  });

  // The body timeout: the body Fastify reads is a pass-through that fails with a typed 408 when
  // the whole body has not arrived in time. The connection is closed after the answer, so the
  // rest of a trickle is not read either.
  app.addHook('preParsing', async (req, reply, payload) => {
    const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
    if (!hasBody) return payload;
    const out = new PassThrough();
    const timer = setTimeout(() => {
      payload.unpipe(out);
      reply.header('connection', 'close');
      out.destroy(new HqRefusal('TIMEOUT', 408, 'body timeout', { timeoutMs: opts.bodyTimeoutMs }, 'hq.refusal.TIMEOUT', { seconds: Math.round(opts.bodyTimeoutMs / 100) / 10 }));
    }, opts.bodyTimeoutMs);
    const stop = () => clearTimeout(timer);
    // Fastify stops listening once it answered (413, say): a late timeout then has no one to tell.
    out.on('error', () => undefined);
    reply.raw.once('finish', stop);
    payload.on('end', stop);
    payload.on('error', (e) => {
      stop();
      out.destroy(e);
    });
    out.on('close', stop);
    payload.pipe(out);
    return out as Readable;
  });
}
