import type { Kysely } from 'kysely';
import type { HqContext, HqOptions, RequestMeta } from './context';
import type { HqDatabase, HqDB } from './db';
import { authenticate, enroll } from './enroll';
import { dumpShop, figures } from './figures';
import { pull, restorePage } from './pull';
import { publishSchema } from './publish';
import { malformed } from './errors';
import { publishAs } from './publishing/publish-as';
import type { Actor } from './console/audit';
import { pushPostgres } from './push-postgres';
import { SqlitePushes } from './push-sqlite';
import { pushJob } from './push-validate';
import { createShop, listShops, newEnrollmentCode, revoke, shopSummary, type NewCode, type ShopSummary } from './shops';
import { checkVersions } from './versions';
import { runMessages } from './messages/ticker';
import type { EnrollResponse, PullResponse, PushResponse, RestoreResponse } from '../shared/sync/protocol';

export type { HqFaults, RequestMeta } from './context';
export type { ShopSummary } from './shops';

/**
 * Head office's logic, independent of HTTP (the Fastify app and the tests call it): shops
 * (shops.ts) and enrollment (enroll.ts), push (push-validate.ts, then push-sqlite.ts or
 * push-postgres.ts: idempotent batches in order), pull and restore (pull.ts), publishing
 * (publish.ts), figures (figures.ts). This class holds what they share and answers for them.
 */
export class HqService implements HqContext {
  readonly db: Kysely<HqDB>;
  private readonly sqlitePushes: SqlitePushes;

  constructor(
    readonly store: HqDatabase,
    readonly opts: HqOptions = {},
  ) {
    this.db = store.db;
    this.sqlitePushes = new SqlitePushes(this);
  }

  now(): Date {
    return this.opts.now?.() ?? new Date();
  }

  nowIso(): string {
    return this.now().toISOString();
  }

  /** Plans and sends the customer messages that are due (the CLI runs it every minute; tests call it). */
  runMessages() {
    return runMessages(this);
  }

  checkVersions(meta: RequestMeta): number {
    return checkVersions(meta);
  }

  authenticate(authorization: string | undefined): Promise<{ id: string }> {
    return authenticate(this, authorization);
  }

  createShop(input: { code: string; name: string }): Promise<NewCode> {
    return createShop(this, input);
  }

  newEnrollmentCode(idOrCode: string): Promise<NewCode> {
    return newEnrollmentCode(this, idOrCode);
  }

  revoke(idOrCode: string): Promise<ShopSummary> {
    return revoke(this, idOrCode);
  }

  shop(id: string): Promise<ShopSummary | null> {
    return shopSummary(this, id);
  }

  listShops(): Promise<ShopSummary[]> {
    return listShops(this);
  }

  enroll(body: unknown, meta: RequestMeta): Promise<EnrollResponse> {
    return enroll(this, body, meta);
  }

  async push(shopId: string, body: unknown, meta: RequestMeta): Promise<PushResponse> {
    const schema = checkVersions(meta);
    const job = pushJob(shopId, body, schema, meta.app, this.nowIso(), meta.outbox);
    if (this.store.sqlite) return this.sqlitePushes.push(job);
    if (this.store.pool) return pushPostgres(this, job);
    throw new Error('head-office store without a driver');
  }

  pull(shopId: string, body: unknown, meta: RequestMeta): Promise<PullResponse> {
    return pull(this, shopId, body, meta);
  }

  restorePage(shopId: string, body: unknown, meta: RequestMeta): Promise<RestoreResponse> {
    return restorePage(this, shopId, body, meta);
  }

  /** The admin API's and the CLI's publish: recorded in the publications log like the console's, titled by its kind. */
  async publish(body: unknown, actor: Actor = { kind: 'token' }): Promise<{ changes: number[] }> {
    const req = publishSchema.safeParse(body);
    if (!req.success) throw malformed(req.error);
    const { changes } = await publishAs(this, actor, { ...req.data, title: req.data.kind });
    return { changes };
  }

  figures(shopId?: string) {
    return figures(this, shopId);
  }

  dumpShop(shopId: string): Promise<Map<string, Record<string, unknown>>> {
    return dumpShop(this, shopId);
  }
}
