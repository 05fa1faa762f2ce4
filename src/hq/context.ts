import type { Kysely } from 'kysely';
import type { HqDatabase, HqDB } from './db';

export interface HqFaults {
  /** Called inside a push's transaction just before commit; throw (or never resolve) to simulate a crash. */
  beforeCommit?(info: { shopId: string; fromSeq: number; toSeq: number }): void | Promise<void>;
}

export interface RequestMeta {
  protocol: string | undefined;
  schema: string | undefined;
  app?: string | undefined;
}

export interface HqOptions {
  now?: () => Date;
  faults?: HqFaults;
}

/** What head office's parts (shops, enrollment, push, pull, publishing, figures) share. */
export interface HqContext {
  readonly db: Kysely<HqDB>;
  readonly store: HqDatabase;
  readonly opts: HqOptions;
  now(): Date;
  nowIso(): string;
}
