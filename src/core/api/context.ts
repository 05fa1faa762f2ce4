import type { AuditAction } from '../../shared/audit/actions';
import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Clock, IdGenerator } from '../../shared/util/ids';
import type { Locale } from '../../shared/i18n/types';
import type { Role } from '../../shared/api/roles';
import type { AppError } from '../../shared/api/errors';
import type { SecretKeyProvider } from '../secrets/key-provider';
import type { AuthGuard } from '../auth/guard';
import type { ProcedureDef, ProcedureMap, ParsedInputOf, OutputOf } from '../../shared/api/contract';
import type { AppEvent } from '../../shared/api/events';

export interface SessionUser {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  tokenHash: string;
}

/** Where the shop host listens; the server fills it in, settings show it. */
export interface HostInfo {
  listening: string | null;
  lanAddresses: string[];
}

/** An event of the typed map in src/shared/api/events.ts. */
export type BackendEvent = AppEvent;

/** The services a backend holds for its whole life, shared by every call. */
export interface BackendServices {
  sqlite: Database.Database;
  db: Kysely<DB>;
  clock: Clock;
  newId: IdGenerator;
  host: HostInfo;
  dataDir: string | null;
  /** The key for customer secrets; kept outside the database (src/core/secrets). */
  keys: SecretKeyProvider;
  /** The better-sqlite3 addon the database was opened with (Electron's ABI), for a second connection (backups). */
  nativeBinding?: string | undefined;
  /** Sends at once: only for code outside a transaction (a write's ctx.emit waits for its commit). */
  /** Delays and limits on secret checks, and the stations where a PIN may switch users (src/core/auth/guard). */
  guard: AuthGuard;
  /** What the last check of the database file found (the quick check at open, the weekly full one). */
  health: DatabaseHealth;
  emit(event: BackendEvent): void;
}

/**
 * `checking` while a large file's quick check runs off the main thread after open; `damaged` once a
 * check found damage: from then on writes are refused (DB_CORRUPT, naming the restore path) so
 * nothing more goes into a damaged file, and reads still answer.
 */
export interface DatabaseHealth {
  state: 'ok' | 'checking' | 'damaged';
  finding: string | null;
}

/** What a handler sees: the services, the caller, and `db` bound to the call's transaction. */
export interface Ctx extends BackendServices {
  session: SessionUser | null;
  /** The hash of the token the caller sent, even on public procedures (a PIN switch ends it). */
  callerTokenHash: string | null;
  /** The station secret the caller's tab or window holds (issued at its password sign-in), if any. */
  station: string | null;
  /** Where the call comes from, for the per-source limits: `ip:<address>` over HTTP, `local` in process. */
  source: string;
  locale: Locale;
  /** Holds the event until the call's transaction committed; a failed call sends nothing. */
  emit(event: BackendEvent): void;
  nowIso(): string;
  /** Appends to the audit log inside the same transaction as the change it records. */
  audit(action: AuditAction, entity?: string | null, entityId?: string | null, details?: Record<string, unknown>): Promise<void>;
  /** Commits what the handler wrote so far, then fails the call (a failed login still counts). */
  failAfterCommit(error: AppError): never;
  /** The caller's session, asserting there is one (handlers behind a role check). */
  me(): SessionUser;
}

export type Handler<P extends ProcedureDef> = (
  input: ParsedInputOf<P>,
  ctx: Ctx,
) => Promise<OutputOf<P>> | OutputOf<P>;

/**
 * A handler in two steps: `beforeTransaction` runs first, outside the write transaction (slow work such as
 * scrypt, so it never holds the one connection every other call needs), and what it returns is
 * handed to `run`, inside the transaction of a mutation.
 */
export interface StagedHandler<P extends ProcedureDef, X> {
  beforeTransaction(input: ParsedInputOf<P>, ctx: Ctx): Promise<X>;
  run(input: ParsedInputOf<P>, ctx: Ctx, prepared: X): Promise<OutputOf<P>> | OutputOf<P>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- what beforeTransaction hands to run is each handler's own business
export type Handlers<M extends ProcedureMap> = { [K in keyof M]: Handler<M[K]> | StagedHandler<M[K], any> };
