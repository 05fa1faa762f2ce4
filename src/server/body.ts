/**
 * Reads a request body with a size limit and a deadline. An oversized body is read to its end
 * and dropped (up to a bound), so the client gets its 413 instead of a connection reset while it
 * is still sending; a body that trickles in is cut off when the deadline passes.
 */
import type http from 'node:http';

export type BodyResult = { kind: 'ok'; text: string } | { kind: 'tooLarge' } | { kind: 'timeout' };

/** How much of an oversized body is read and dropped before the connection is closed instead. */
const DRAIN_MAX = 64 * 1024 * 1024;

export function readBody(req: http.IncomingMessage, limit: number, deadlineMs: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number(req.headers['content-length'] ?? 0) > limit;
    let settled = false;
    const finish = (r: BodyResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.removeListener('data', onData);
      resolve(r);
    };
    const timer = setTimeout(() => finish({ kind: 'timeout' }), deadlineMs);
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > limit) tooLarge = true;
      if (tooLarge) {
        chunks.length = 0;
        if (size > limit + DRAIN_MAX) finish({ kind: 'tooLarge' });
      } else chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => finish(tooLarge ? { kind: 'tooLarge' } : { kind: 'ok', text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', () => finish({ kind: 'timeout' }));
  });
}
