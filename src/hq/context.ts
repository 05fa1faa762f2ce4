import type { Kysely } from 'kysely';
import type { HqDatabase, HqDB } from './db';
import type { SmsGateway } from '../core/messaging/gateway';

export interface HqFaults {
  /** Called inside a push's transaction just before commit; throw (or never resolve) to simulate a crash. */
  beforeCommit?(info: { shopId: string; fromSeq: number; toSeq: number }): void | Promise<void>;
}

export interface RequestMeta {
  protocol: string | undefined;
  schema: string | undefined;
  app?: string | undefined;
  /** The shop's outbox high-water mark (X-Fixpoint-Outbox): a push records it in its own transaction. */
  outbox?: string | undefined;
}

export interface HqOptions {
  now?: () => Date;
  faults?: HqFaults;
  /** How head office sends SMS (approval codes, messages): HQ_SMS_GATEWAY in the CLI; without one, a log gateway. */
  sms?: SmsGateway;
  /** The provider's approved template id per message kind (`approval_code`, …); the kind itself when none is named (the log gateway). */
  smsTemplates?: Record<string, string>;
  /** Head office's public address (HQ_PUBLIC_URL), for the links in customer messages; without it messages go without a link. */
  publicUrl?: string;
}

/** What head office's parts (shops, enrollment, push, pull, publishing, figures) share. */
export interface HqContext {
  readonly db: Kysely<HqDB>;
  readonly store: HqDatabase;
  readonly opts: HqOptions;
  now(): Date;
  nowIso(): string;
}
