import path from 'node:path';
import { sql } from 'kysely';
import { procedures, type ProcedureName, type Procedures } from '../shared/api/procedures';
import type { InputOf, OutputOf, ProcedureDef } from '../shared/api/contract';
import { AppError, type WireError } from '../shared/api/errors';
import { isLocale } from '../shared/i18n/translate';
import type { Locale } from '../shared/i18n/types';
import { systemClock, uuidv7Generator, type Clock } from '../shared/util/ids';
import { corruptError, openDatabase } from './db/open';
import { checkOffThread, type RunningCheck } from './db/check-off-thread';
import type { BackendEvent, BackendServices, Ctx, HostInfo, SessionUser, StagedHandler } from './api/context';
import { zodToAppError } from './api/validation';
import { eventQueue } from './api/event-queue';
import { handlers } from './handlers';
import { hashToken, peekSession, resolveSession } from './auth/sessions';
import type { Role } from '../shared/api/roles';
import { readShopLanguage } from './shop/settings';
import { appendAudit } from './audit/log';
import type { SecretKeyProvider } from './secrets/key-provider';
import { ephemeralKeyProvider, fileKeyProvider } from './secrets/file-key-provider';
import { attachSync, type SyncOptions } from './sync/engine';
import { attachMessageTimer } from './shop-messages/handlers';
import { attachEscalationTimer } from './reports/handlers';
import { attachBackups } from './backup/schedule';
import { AuthGuard } from './auth/guard';
import { preparePrivateDataDir } from './data-dir/private';

export interface BackendOptions {
  /** Folder holding shop.sqlite (and the key file of later capabilities). */
  dataDir?: string;
  /** Or an explicit database file (':memory:' for tests). */
  file?: string;
  clock?: Clock;
  nativeBinding?: string;
  /**
   * Where the key for customer secrets (device passcodes) comes from. Default: `secret.key`
   * (mode 0600) beside the database; an in-memory database gets a per-process key.
   */
  keyProvider?: SecretKeyProvider;
  /** Head-office sync: transport, timer, batch sizes (src/core/sync/engine.ts). */
  sync?: SyncOptions;
  /**
   * Parse every answer with its procedure's output schema and fail the call when it does not
   * match (a handler drifted from the contract). On in tests (tests/helpers/backend.ts, the e2e
   * fixtures, and FIXPOINT_CHECK_OUTPUTS=1 from vitest.config.ts); off in the shop, where the
   * extra parse of every answer buys nothing.
   */
  checkOutputs?: boolean;
  /** Files larger than this get their quick check at open off the main thread (default 32 MiB; see openDatabase). */
  syncCheckMaxBytes?: number;
  /** Complaint escalations past their deadline (src/core/reports): the 10-minute timer runs unless autoStart is false. */
  escalations?: { autoStart?: boolean };
  /** A shop's own customer messages (not enrolled, a gateway configured): the 1-minute timer runs unless autoStart is false. */
  messages?: { autoStart?: boolean };
  /** Scheduled backups (src/core/backup): the timer runs unless autoStart is false (tests call tick()). */
  backups?: { autoStart?: boolean };
}

export interface CallOptions {
  token?: string | null;
  locale?: Locale | string | null;
  /** The station secret of the caller's tab or window (HTTP: x-fixpoint-station; Electron: main keeps it per window). */
  station?: string | null;
  /** Where the call comes from, for the per-source limits on sign-ins (HTTP: `ip:<address>`; default `local`). */
  source?: string | null;
}

export type WireResult<T = unknown> = { ok: true; data: T } | { ok: false; error: WireError };

export interface Backend {
  services: BackendServices;
  /** Typed call; throws AppError. */
  call<N extends ProcedureName>(name: N, input: InputOf<Procedures[N]>, opts?: CallOptions): Promise<OutputOf<Procedures[N]>>;
  /** Transport entry: any name, any input, never throws; errors come back translated. */
  callWire(name: string, input: unknown, opts?: CallOptions): Promise<WireResult>;
  subscribe(listener: (e: BackendEvent) => void): () => void;
  /** Called after each committed mutation: sessions may have ended (the shop host re-checks its event streams). */
  onCommit(listener: () => void): () => void;
  /** The live session of a token (user and role), without counting as activity; null when it ended or expired. */
  peekSession(token: string): Promise<{ userId: string; role: Role } | null>;
  close(): Promise<void>;
}

/** A handler's answer that its output schema refuses: a bug, seen only with checkOutputs. */
export class OutputDriftError extends Error {
  override name = 'OutputDriftError';
}

/** The answer as the contract promises it, or an OutputDriftError naming every field that drifted. */
export function checkOutput(name: string, result: unknown): void {
  const def = (procedures as Record<string, ProcedureDef>)[name];
  if (!def) throw new OutputDriftError(`${name} is not a procedure`);
  const parsed = def.output.safeParse(result);
  if (parsed.success) return;
  const fields = parsed.error.issues.map((i) => `${i.path.join('.') || '(answer)'}: ${i.message}`).join('; ');
  throw new OutputDriftError(`${name} answered outside its output schema: ${fields}`);
}

/**
 * A full disk (SQLITE_FULL; the transaction was rolled back, nothing of the call is written) and
 * a damaged file read as sentences with the way out, not as an internal error.
 */
async function storageErrors<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'SQLITE_FULL') throw new AppError('RULE', { key: 'db.error.diskFull', details: { storage: 'full' } });
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') throw new AppError('DB_CORRUPT', { key: 'db.error.corrupt', params: { reason: String(code) }, details: { storage: 'corrupt' } });
    throw e;
  }
}

class CommitThenThrow {
  constructor(readonly error: AppError) {}
}

export function openBackend(opts: BackendOptions): Backend {
  const dataDir = opts.dataDir ? path.resolve(opts.dataDir) : null;
  const file = opts.file ?? (dataDir ? path.join(dataDir, 'shop.sqlite') : ':memory:');
  if (dataDir && !opts.file) preparePrivateDataDir(dataDir, file);
  const { sqlite, db, close, deferredCheck } = openDatabase({ file, nativeBinding: opts.nativeBinding, syncCheckMaxBytes: opts.syncCheckMaxBytes });
  const clock = opts.clock ?? systemClock;
  const listeners = new Set<(e: BackendEvent) => void>();
  const commitListeners = new Set<() => void>();
  const committed = () => {
    for (const l of commitListeners) {
      try {
        l();
      } catch (e) {
        console.error('commit listener failed', e);
      }
    }
  };
  const host: HostInfo = { listening: null, lanAddresses: [] };
  const services: BackendServices = {
    sqlite,
    db,
    clock,
    newId: uuidv7Generator(clock),
    host,
    dataDir,
    guard: new AuthGuard(clock),
    health: { state: deferredCheck ? 'checking' : 'ok', finding: null },
    keys: opts.keyProvider ?? (file === ':memory:' ? ephemeralKeyProvider() : fileKeyProvider(path.dirname(path.resolve(file)))),
    nativeBinding: opts.nativeBinding,
    emit(event) {
      for (const l of listeners) {
        try {
          l(event);
        } catch (e) {
          console.error('event listener failed', e);
        }
      }
    },
  };

  // A large file's quick check, off the main thread (src/core/db/open.ts): the counter works meanwhile.
  let openCheck: RunningCheck | null = null;
  if (deferredCheck) {
    openCheck = checkOffThread(file, 'quick_check', opts.nativeBinding);
    void openCheck.result.then((finding) => {
      if (finding === 'error: cancelled') return;
      if (finding === 'ok') services.health = { state: 'ok', finding: null };
      else {
        services.health = { state: 'damaged', finding };
        services.emit({ name: 'db.integrity', payload: { ok: false, reason: finding.slice(0, 200) } });
      }
    });
  }

  const checkOutputs = opts.checkOutputs ?? process.env.FIXPOINT_CHECK_OUTPUTS === '1';
  const sync = attachSync(services, opts.sync);
  const stopEscalations = opts.escalations?.autoStart === false ? () => undefined : attachEscalationTimer(services);
  const stopMessages = opts.messages?.autoStart === false || opts.escalations?.autoStart === false ? () => undefined : attachMessageTimer(services);
  const backups = attachBackups(services, { autoStart: opts.backups?.autoStart ?? (file !== ':memory:' && opts.sync?.autoStart !== false) });
  listeners.add((e) => backups.onEvent(e.name));

  async function run(name: string, rawInput: unknown, opts: CallOptions = {}): Promise<unknown> {
    const result = await runHandler(name, rawInput, opts);
    if (checkOutputs) checkOutput(name, result);
    return result;
  }

  async function runHandler(name: string, rawInput: unknown, opts: CallOptions): Promise<unknown> {
    const def = (procedures as Record<string, ProcedureDef>)[name];
    if (!def || !Object.hasOwn(procedures, name)) throw new AppError('UNKNOWN_PROCEDURE', { params: { name: String(name).slice(0, 80) } });
    // Who first, then what: a caller without the role learns nothing about the input shape.
    let session: SessionUser | null = null;
    if (def.access !== 'public') {
      session = await resolveSession(services, opts.token ?? null);
      if (!def.access.includes(session.role)) {
        throw new AppError('FORBIDDEN', { params: { role: session.role }, details: { required: def.access } });
      }
    }
    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw zodToAppError(parsed.error);
    // Nothing more is written into a file a check found damaged; backups and the restore still run.
    if (def.kind !== 'query' && services.health.state === 'damaged' && !name.startsWith('backup.')) {
      throw corruptError(services.health.finding ?? 'damaged', file);
    }
    const entry = (handlers as Record<string, ((input: unknown, ctx: Ctx) => unknown) | StagedHandler<ProcedureDef, unknown>>)[name]!;
    // A handler's events wait here until its transaction committed (or its query answered).
    const events = eventQueue();
    // The services named one by one, not spread: V8's object spread of the services took about
    // 60 µs a call here (most of a no-op call's cost), the named copy under 1 µs (bench: foundation).
    const makeCtx = (dbx: Ctx['db']): Ctx => ({
      sqlite: services.sqlite,
      clock: services.clock,
      newId: services.newId,
      host: services.host,
      dataDir: services.dataDir,
      guard: services.guard,
      health: services.health,
      keys: services.keys,
      nativeBinding: services.nativeBinding,
      db: dbx,
      emit: (e) => events.emit(e),
      session,
      callerTokenHash: opts.token ? hashToken(opts.token) : null,
      station: opts.station ?? null,
      source: opts.source ?? 'local',
      locale: isLocale(opts.locale) ? opts.locale : 'zh-CN',
      nowIso: () => clock.now().toISOString(),
      audit: (action, entity = null, entityId = null, details = {}) =>
        appendAudit(dbx, services, { userId: session?.userId ?? null, action, entity, entityId, details }),
      failAfterCommit(error) {
        throw new CommitThenThrow(error);
      },
      me() {
        if (!session) throw new AppError('UNAUTHENTICATED');
        return session;
      },
    });

    const staged = typeof entry === 'function' ? null : entry;
    const prepared = staged ? await staged.beforeTransaction(parsed.data, makeCtx(db)) : undefined;
    const handler = staged ? (input: unknown, ctx: Ctx) => staged.run(input, ctx, prepared) : (entry as (input: unknown, ctx: Ctx) => unknown);
    if (def.kind === 'query') {
      const answer = await storageErrors(() => handler(parsed.data, makeCtx(db)));
      events.flush(services.emit);
      return answer;
    }
    let deferred: AppError | null = null;
    let result: unknown;
    try {
      result = await storageErrors(() =>
        db.transaction().execute(async (trx) => {
          try {
            return await handler(parsed.data, makeCtx(trx));
          } catch (e) {
            if (e instanceof CommitThenThrow) {
              deferred = e.error;
              return undefined;
            }
            throw e;
          }
        }),
      );
    } catch (e) {
      events.drop();
      throw e;
    }
    events.flush(services.emit);
    committed();
    if (deferred) throw deferred;
    return result;
  }

  function localeFor(opts: CallOptions): Locale {
    if (isLocale(opts.locale)) return opts.locale;
    try {
      return readShopLanguage(sqlite) ?? 'zh-CN';
    } catch {
      return 'zh-CN';
    }
  }

  return {
    services,
    call: (name, input, o) => run(name, input, o) as never,
    async callWire(name, input, o = {}) {
      try {
        return { ok: true, data: await run(name, input, o) };
      } catch (e) {
        const locale = localeFor(o);
        if (e instanceof AppError) return { ok: false, error: e.toWire(locale) };
        // Never a stack trace on the wire: log it here, answer a translated INTERNAL.
        console.error(`[fixpoint] ${name} failed:`, e);
        return { ok: false, error: new AppError('INTERNAL').toWire(locale) };
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onCommit(listener) {
      commitListeners.add(listener);
      return () => commitListeners.delete(listener);
    },
    peekSession: (token) => peekSession(services, hashToken(token)),
    async close() {
      openCheck?.cancel();
      await sync.stop();
      await backups.stop();
      stopEscalations();
      stopMessages();
      listeners.clear();
      commitListeners.clear();
      try {
        await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
      } catch {
        /* closing anyway */
      }
      await close();
    },
  };
}
