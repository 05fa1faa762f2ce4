import http from 'node:http';
import type net from 'node:net';
import { expect } from 'vitest';
import { PATHS, PROTOCOL_VERSION, HEADER_PROTOCOL, HEADER_SCHEMA } from '../../src/shared/sync/protocol';
import { LATEST_SHOP_SCHEMA } from '../../src/hq/shapes';
import type { TestHq } from '../helpers/hq';

export const versionHeaders = { [HEADER_PROTOCOL]: String(PROTOCOL_VERSION), [HEADER_SCHEMA]: String(LATEST_SHOP_SCHEMA) };

/** Listens on a loopback port; answers the base URL. */
export async function listen(hq: TestHq): Promise<string> {
  await hq.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(hq.app.server.address() as net.AddressInfo).port}`;
}

/** A shop token enrolled at head office through its own enroll endpoint (no shop backend). */
export async function enrollRaw(hq: TestHq, code: string): Promise<{ shopId: string; token: string }> {
  const created = await hq.service.createShop({ code, name: code });
  const token = `tok-${code}-`.padEnd(48, 'z');
  await hq.service.enroll({ code: created.enrollmentCode, token, shop: { uid: `uid-${code}`, code, name: code }, baseSeq: 0 }, versionHeadersMeta());
  return { shopId: created.shop.id, token };
}

function versionHeadersMeta() {
  return { protocol: String(PROTOCOL_VERSION), schema: String(LATEST_SHOP_SCHEMA) };
}

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  json: { error?: { code: string; message: string; details: Record<string, unknown> } } & Record<string, unknown>;
  /** ms from the request's start to the answer's head. */
  answeredAfterMs: number;
  /** Whether the client was still sending the body when the answer came. */
  answeredWhileSending: boolean;
}

/**
 * A request over a real socket whose body goes out as `chunks`, one every `intervalMs`: a slow
 * upload, a trickle or a flood, as an attacker would send it. Resolves with the first answer;
 * rejects on a connection reset before any answer.
 */
export function rawRequest(base: string, opts: { method?: string; path: string; headers?: Record<string, string>; chunks?: Buffer[]; intervalMs?: number }): Promise<RawAnswer> {
  const url = new URL(opts.path, base);
  const t0 = Date.now();
  let sending = (opts.chunks?.length ?? 0) > 0;
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? 'POST', headers: opts.headers, agent: false }, (res) => {
      const answeredAfterMs = Date.now() - t0;
      const answeredWhileSending = sending;
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8');
        let json: RawAnswer['json'] = {};
        try {
          json = JSON.parse(text) as RawAnswer['json'];
        } catch {
          json = { raw: text };
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, json, answeredAfterMs, answeredWhileSending });
        req.destroy();
      });
    });
    req.on('error', (e) => {
      if (!req.destroyed || sending) reject(e);
    });
    const chunks = [...(opts.chunks ?? [])];
    const next = () => {
      if (req.destroyed) return;
      const c = chunks.shift();
      if (!c) {
        sending = false;
        req.end();
        return;
      }
      req.write(c, () => (opts.intervalMs ? setTimeout(next, opts.intervalMs) : next()));
    };
    if (chunks.length === 0) req.end();
    else next();
  });
}

export function expectRefusal(a: RawAnswer, status: number, code: string): void {
  expect(a.status, JSON.stringify(a.json)).toBe(status);
  expect(a.headers['content-type']).toMatch(/^application\/json/);
  expect(a.json.error?.code).toBe(code);
  expect(a.json.error?.message).toBeTruthy();
}

export const pushPath = PATHS.push;
