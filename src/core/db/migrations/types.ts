import type BetterSqlite3 from 'better-sqlite3';

/** Forward-only; each runs in its own transaction at open and bumps PRAGMA user_version. */
export interface Migration {
  version: number;
  name: string;
  up(db: BetterSqlite3.Database): void;
}
