/**
 * The shop's requests to head office: JSON over the transport with the protocol, schema and app
 * headers, gzip for batches, and every refusal turned into a SyncFailure in words.
 */
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import type BetterSqlite3 from 'better-sqlite3';
import { HEADER_APP, HEADER_OUTBOX, HEADER_PROTOCOL, HEADER_SCHEMA, PROTOCOL_VERSION, hqErrorSchema } from '../../shared/sync/protocol';
import { localMax } from './outbox-sequence';
import { APP_VERSION } from '../version';
import { statement } from '../db/statements';
import { SyncFailure, stringParams } from './failure';
import { networkReason, type SyncTransport } from './transport';

const gzip = promisify(zlib.gzip);

export interface RequestOptions {
  gzip?: boolean;
  /** The body already encoded (JSON, gzipped when `gzip`): a batch prepared while the one before it was in flight. */
  encoded?: Buffer;
  /** Answers a SEQUENCE_GAP refusal as `{ gap: true, ...details }` instead of throwing it. */
  allowGap?: boolean;
  timeoutMs?: number;
}

function headers(sqlite: BetterSqlite3.Database, token: string | null, gzipped: boolean): Record<string, string> {
  const h: Record<string, string> = {
    'content-type': 'application/json',
    [HEADER_PROTOCOL]: String(PROTOCOL_VERSION),
    [HEADER_SCHEMA]: String(statement<{ user_version: number }, []>(sqlite, 'PRAGMA user_version').get()!.user_version),
    [HEADER_APP]: APP_VERSION,
    [HEADER_OUTBOX]: String(localMax(sqlite)),
  };
  if (token) h.authorization = `Bearer ${token}`;
  if (gzipped) h['content-encoding'] = 'gzip';
  return h;
}

/**
 * A request body: JSON, gzipped for batches. Level 1: a batch of rows is repetitive JSON (≈ 4–6×
 * smaller even at level 1), and the default level costs the shop several times the CPU for a few
 * percent fewer bytes.
 */
export async function encodeBody(payload: unknown, gzipped: boolean): Promise<Buffer> {
  const json = Buffer.from(JSON.stringify(payload));
  return gzipped ? gzip(json, { level: 1 }) : json;
}

/** Posts and answers the parsed JSON of a 2xx; a typed head-office error becomes a SyncFailure. */
export async function requestHq(
  transport: SyncTransport,
  sqlite: BetterSqlite3.Database,
  url: string,
  path: string,
  payload: unknown,
  token: string | null,
  opts: RequestOptions & { defaultTimeoutMs?: number } = {},
): Promise<unknown> {
  const body = opts.encoded ?? (await encodeBody(payload, !!opts.gzip));
  let res;
  try {
    res = await transport.post(url.replace(/\/+$/, '') + path, body, headers(sqlite, token, !!opts.gzip), opts.timeoutMs ?? opts.defaultTimeoutMs ?? 60_000);
  } catch (e) {
    throw new SyncFailure('UNREACHABLE', 'sync.error.unreachable', { reason: networkReason(e) });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(res.body.toString('utf8'));
  } catch {
    if (res.status === 404) throw new SyncFailure('NOT_FOUND', 'sync.error.NOT_FOUND');
    if (res.status >= 500) throw new SyncFailure('UNREACHABLE', 'sync.error.unreachable', { reason: `HTTP ${res.status}` });
    throw new SyncFailure('BAD_REPLY', 'sync.error.badReply', { reason: `HTTP ${res.status}` });
  }
  if (res.status >= 200 && res.status < 300) return parsed;
  const err = hqErrorSchema.safeParse(parsed);
  if (err.success) {
    const { code, details } = err.data.error;
    if (code === 'SEQUENCE_GAP' && opts.allowGap) return { gap: true, ...details };
    throw new SyncFailure(code, `sync.error.${code}`, stringParams(details));
  }
  if (res.status === 404) throw new SyncFailure('NOT_FOUND', 'sync.error.NOT_FOUND');
  throw new SyncFailure('BAD_REPLY', 'sync.error.badReply', { reason: `HTTP ${res.status}` });
}
