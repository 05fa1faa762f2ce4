import crypto from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { BackendServices } from '../api/context';
import { AppError } from '../../shared/api/errors';
import { PATHS, enrollResponseSchema, restoreResponseSchema, type Cell } from '../../shared/sync/protocol';
import { insertUser } from '../auth/users';
import { encryptSecret } from '../secrets/cipher';
import { syncedTableInfo } from './rows';
import { column, prepared, statement } from '../db/statements';
import { suspendOutboxTriggers } from '../db/outbox';
import { syncEngineOf } from './engine';
import { SyncFailure } from './failure';
import { upgradeHeldRow } from './held-rows';

import { TOKEN_AAD } from './sync-state';
import { columnNames, foreignKeyIssueCount, foreignKeys } from '../db/catalog';

/** Synced tables, parents before children (foreign keys), so insert triggers see what they read. */
export function tablesInDependencyOrder(sqlite: BetterSqlite3.Database): string[] {
  const tables = syncedTableInfo(sqlite).map((t) => t.table);
  const set = new Set(tables);
  const deps = new Map(tables.map((t) => [t, foreignKeys(sqlite, t).map((fk) => fk.table).filter((p) => set.has(p) && p !== t)]));
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (t: string, path: Set<string>) => {
    if (seen.has(t) || path.has(t)) return;
    path.add(t);
    for (const p of deps.get(t) ?? []) visit(p, path);
    seen.add(t);
    out.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return out;
}

/**
 * A restore is a long pull: a 100,000-ticket shop is about 3,000 pages, past head office's pull
 * limit per minute. A RATE_LIMITED answer waits the seconds head office names and asks for the
 * same page again (the transaction stays open meanwhile; nothing else writes during a restore).
 */
async function pageWithinLimits<T>(ask: () => Promise<T>, maxWaits = 30): Promise<T> {
  for (let waited = 0; ; waited++) {
    try {
      return await ask();
    } catch (e) {
      if (!(e instanceof SyncFailure) || e.code !== 'RATE_LIMITED' || waited >= maxWaits) throw e;
      const seconds = Number(e.params.retryAfter);
      await new Promise((r) => setTimeout(r, (Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 120) : 5) * 1000));
    }
  }
}

function decode(v: Cell): unknown {
  if (v !== null && typeof v === 'object') return Buffer.from(v.$b, 'base64');
  return v;
}

export interface RestoreFromHqResult {
  shopId: string;
  code: string;
  rows: number;
  tables: number;
  /** Staff the records name who are not at head office (local users): kept as disabled placeholders. */
  placeholderUsers: number;
  /** Foreign keys still unresolved after the first pull (0 when head office held everything). */
  foreignKeyIssues: number;
}

/**
 * Users are not synced (only those head office provisions come back with the pull): a record
 * signed by a local user of the lost PC keeps that user's id, as a disabled placeholder.
 */
function addPlaceholderUsers(sqlite: BetterSqlite3.Database, tables: string[], now: string): number {
  const missing = new Set<string>();
  for (const t of tables) {
    for (const { from: col } of foreignKeys(sqlite, t).filter((k) => k.table === 'users')) {
      for (const id of column<string>(sqlite, `SELECT DISTINCT "${col}" FROM "${t}" WHERE "${col}" IS NOT NULL AND "${col}" NOT IN (SELECT id FROM users)`).all()) missing.add(id);
    }
  }
  const ins = prepared(sqlite, `INSERT INTO users (id, username, display_name, role, password_hash, pin_hash, disabled, failed_attempts, locked_until, created_at, updated_at)
     VALUES (?, ?, ?, 'counter', ?, NULL, 1, 0, NULL, ?, ?)`);
  for (const id of missing) ins.run(id, `restored-${id.slice(-12)}`, `(${id.slice(-6)})`, `disabled:${crypto.randomBytes(16).toString('hex')}`, now, now);
  return missing.size;
}

/**
 * A new or wiped PC becomes an existing shop again: it enrolls with a head-office re-enrollment
 * code (`npm run hq -- shops code <shop>`), pulls every live row head office holds for the shop,
 * table by table in dependency order, and writes them in one transaction (foreign keys checked
 * at commit; nothing half-restored if anything fails). The rows' outbox entries are dropped and
 * the outbox continues above head office's highest version, so the next sync sends only new
 * edits and none is older than what head office holds. Head-office data (users it provisions,
 * catalog, policies) comes with the first pull; an admin given here can sign in at once. Device
 * passcodes were encrypted with the lost PC's key: they are not at head office and stay lost.
 */
export async function restoreFromHq(
  services: BackendServices,
  input: { url: string; code: string; admin?: { username: string; displayName: string; password: string; pin?: string } },
  opts: { pageSize?: number } = {},
): Promise<RestoreFromHqResult> {
  const { sqlite } = services;
  const engine = syncEngineOf(services);
  const hasShop = await services.db.connection().execute(async () => column<number>(sqlite, `SELECT count(*) FROM shop`).get()!);
  if (hasShop > 0) throw new AppError('ALREADY_SET_UP');
  const token = crypto.randomBytes(32).toString('base64url');
  let enrolled;
  try {
    const answer = await engine.request(input.url, PATHS.enroll, { code: input.code, token, shop: { uid: services.newId(), code: '', name: '' }, baseSeq: 0 }, null);
    const parsed = enrollResponseSchema.safeParse(answer);
    if (!parsed.success) throw new SyncFailure('BAD_REPLY', 'sync.error.badReply', { reason: 'enroll answer' });
    enrolled = parsed.data;
  } catch (e) {
    throw e instanceof SyncFailure ? e.toAppError() : e;
  }
  const tables = tablesInDependencyOrder(sqlite);
  const columns = new Map(tables.map((t) => [t, columnNames(sqlite, t)]));
  let rows = 0;
  const resend: { table: string; id: string }[] = [];
  let high = enrolled.highVersion ?? enrolled.lastSeq;
  let lastSeq = enrolled.lastSeq;
  // Foreign keys are off while the rows go in: they point at head-office data (parts, users it
  // provisions) that the first pull brings, and at local users head office never held.
  await services.db.connection().execute(async () => {
    sqlite.pragma('foreign_keys = OFF');
    sqlite.exec('BEGIN IMMEDIATE');
    try {
      // The restored rows are what head office holds: none is queued to be sent back (the triggers
      // come back before the commit, in the same transaction).
      const resumeOutbox = suspendOutboxTriggers(sqlite);
      for (const table of tables) {
        let after: string | null = null;
        for (;;) {
          let page;
          try {
            page = restoreResponseSchema.safeParse(await pageWithinLimits(() => engine.request(input.url, PATHS.restore, { table, after, limit: opts.pageSize ?? 1000 }, token, { timeoutMs: 120_000 })));
          } catch (e) {
            throw e instanceof SyncFailure ? e.toAppError() : e;
          }
          if (!page.success) throw new SyncFailure('BAD_REPLY', 'sync.error.badReply', { reason: 'restore answer' }).toAppError();
          high = Math.max(high, page.data.highVersion);
          lastSeq = Math.max(lastSeq, page.data.lastSeq);
          for (const r of page.data.rows) {
            const decoded = Object.fromEntries(Object.entries(r.d).map(([c, v]) => [c, decode(v)]));
            const held = upgradeHeldRow(sqlite, table, decoded);
            resend.push(...held.resend);
            const cols = Object.keys(held.row);
            const unknown = cols.find((c) => !columns.get(table)!.has(c));
            if (unknown) throw new SyncFailure('BAD_REPLY', 'sync.error.badReply', { reason: `${table}.${unknown}` }).toAppError();
            // a picture may already be here, written from an older-shaped attachment (held-rows.ts): same hash, same bytes
            const verb = table === 'attachment_blobs' ? 'INSERT OR IGNORE' : 'INSERT';
            // one statement per table and verb, prepared once (core/db's cache), not once per row
            prepared(sqlite, `${verb} INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => held.row[c]));
            rows++;
          }
          if (!page.data.next) break;
          after = page.data.next;
        }
      }
      const shop = statement<{ id: string; code: string }>(sqlite, `SELECT id, code FROM shop LIMIT 1`).get();
      if (!shop) throw new AppError('NOT_FOUND', { details: { reason: 'head office holds no shop row for this shop' } });
      resumeOutbox();
      sqlite.exec(`DELETE FROM outbox`); // nothing was queued before the restore either
      if (prepared(sqlite, `UPDATE sqlite_sequence SET seq = ? WHERE name = 'outbox'`).run(high).changes === 0) prepared(sqlite, `INSERT INTO sqlite_sequence (name, seq) VALUES ('outbox', ?)`).run(high);
      // …except the rows brought to this schema's shape: head office gets them anew, above its versions
      const queue = prepared(sqlite, `INSERT INTO outbox (table_name, row_id, op) VALUES (?, ?, 'upsert')`);
      for (const r of resend) queue.run(r.table, r.id);
      const now = services.clock.now().toISOString();
      prepared(sqlite, `UPDATE sync_state SET hq_url = ?, hq_shop_id = ?, token_cipher = ?, enrolled_at = ?, acked_seq = ?, pull_cursor = 0, failures = 0, last_error_json = NULL, next_attempt_at = NULL WHERE id = 1`)
        .run(input.url, enrolled.shopId, encryptSecret(services.keys, token, TOKEN_AAD), now, lastSeq);
      sqlite.exec('COMMIT');
    } catch (e) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      sqlite.pragma('foreign_keys = ON');
      throw e;
    }
  });
  let placeholderUsers = 0;
  let foreignKeyIssues = 0;
  try {
    await engine.pull(); // head-office data: users it provisions, catalog, policies, settings
  } finally {
    await services.db.connection().execute(async () => {
      placeholderUsers = sqlite.transaction(() => addPlaceholderUsers(sqlite, [...tables, 'users'], services.clock.now().toISOString()))();
      sqlite.pragma('foreign_keys = ON');
      foreignKeyIssues = foreignKeyIssueCount(sqlite);
    });
  }
  if (input.admin) await insertUser(services.db, { ...input.admin, role: 'admin', id: services.newId(), now: services.clock.now().toISOString() }, 'admin.');
  const shop = statement<{ id: string; code: string }>(sqlite, `SELECT id, code FROM shop LIMIT 1`).get()!;
  return { shopId: shop.id, code: shop.code, rows, tables: tables.length, placeholderUsers, foreignKeyIssues };
}
