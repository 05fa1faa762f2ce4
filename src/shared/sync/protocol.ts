import { z } from 'zod';

/**
 * The shop ↔ head-office wire protocol (HTTP + JSON; pushes gzip-compressed).
 *
 * Every request carries `x-fixpoint-protocol` (this constant) and `x-fixpoint-schema` (the
 * shop database's schema version); every request but enrollment carries `authorization:
 * Bearer <shop token>`. Head office answers errors as `{ error: { code, message, details } }`
 * with one of SYNC_ERROR_CODES; the shop translates them (src/shared/sync/messages.ts).
 */
export const PROTOCOL_VERSION = 1;

export const HEADER_PROTOCOL = 'x-fixpoint-protocol';
export const HEADER_SCHEMA = 'x-fixpoint-schema';
export const HEADER_APP = 'x-fixpoint-app';
/** The shop's outbox high-water mark: head office's console shows how many records wait at the shop. */
export const HEADER_OUTBOX = 'x-fixpoint-outbox';

export const PATHS = {
  enroll: '/sync/v1/enroll',
  push: '/sync/v1/push',
  pull: '/sync/v1/pull',
  /** The nationwide service (全国联保): a device and its repairs at every shop, by IMEI or serial. */
  lookupDevice: '/sync/v1/lookup/device',
  /** Restore from head office: the shop's own synced rows, a table at a time, in pages. */
  restore: '/sync/v1/restore',
} as const;

/** Size caps: the shop cuts batches below the first two; head office refuses above the last two. */
export const LIMITS = {
  batchMaxEntries: 2000,
  batchMaxBytes: 4 * 1024 * 1024,
  /** Compressed request body. */
  requestMaxBytes: 24 * 1024 * 1024,
  /** Decompressed request body (a single large attachment must still fit). */
  inflatedMaxBytes: 64 * 1024 * 1024,
  pullPageMax: 1000,
  textMaxChars: 1_000_000,
} as const;

export const SYNC_ERROR_CODES = [
  'PROTOCOL_MISMATCH',
  'SHOP_OUTDATED',
  'HQ_OUTDATED',
  'UNAUTHENTICATED',
  'TOKEN_REVOKED',
  'BAD_ENROLLMENT_CODE',
  'MALFORMED',
  'WRONG_SHOP',
  'UNKNOWN_TABLE',
  'ROW_INVALID',
  'SEQUENCE_GAP',
  /** A row's version lies outside its batch's fromSeq..toSeq. */
  'VERSION_OUT_OF_BATCH',
  /** A row id head office already holds for another shop. */
  'FOREIGN_ROW',
  'TOO_LARGE',
  'NOT_FOUND',
  /** Too many requests from this shop (or address) in a minute; `retry-after` says when to come back. */
  'RATE_LIMITED',
  /** The request body did not arrive within head office's body timeout. */
  'TIMEOUT',
  'INTERNAL',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

export const hqErrorSchema = z.object({
  error: z.object({
    code: z.enum(SYNC_ERROR_CODES),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).default({}),
  }),
});
export type HqErrorBody = z.infer<typeof hqErrorSchema>;

// ---------------------------------------------------------------------------------------------
// Values of a pushed row: SQLite's storage classes as JSON. BLOBs travel as { $b: base64 }.

export const blobValueSchema = z.object({ $b: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/) }).strict();
export const cellSchema = z.union([z.string(), z.number(), z.null(), blobValueSchema]);
export type Cell = z.infer<typeof cellSchema>;

const identifier = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/);
const rowId = z.string().min(1).max(200);

/**
 * One changed row: its table, id, version (the outbox sequence of the row's newest change within
 * the batch, fromSeq ≤ v ≤ toSeq, so an older copy never overwrites a newer one) and either its columns or, for a
 * row that no longer exists, a tombstone.
 */
export const pushRowSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('upsert'), t: identifier, id: rowId, v: z.number().int().positive(), d: z.record(z.string(), cellSchema) }).strict(),
  z.object({ op: z.literal('delete'), t: identifier, id: rowId, v: z.number().int().positive() }).strict(),
]);
export type PushRow = z.infer<typeof pushRowSchema>;

export const pushRequestSchema = z
  .object({
    /** The head-office shop id this batch belongs to (must match the token's shop). */
    shopId: z.string().min(1).max(100),
    /** The batch covers outbox sequences fromSeq..toSeq (fromSeq = what the shop believes HQ expects). */
    fromSeq: z.number().int().positive(),
    toSeq: z.number().int().positive(),
    rows: z.array(pushRowSchema).max(LIMITS.batchMaxEntries),
  })
  .strict()
  .refine((b) => b.toSeq >= b.fromSeq, { message: 'toSeq < fromSeq', path: ['toSeq'] });
export type PushRequest = z.infer<typeof pushRequestSchema>;

/**
 * The last sequence head office holds for this shop; `duplicate` when nothing new was in the batch.
 * `change`: head office's change counter when it answered (optional: older head offices omit it).
 * A shop whose pull cursor is at or past it has nothing to pull and skips the pull request.
 */
export const pushResponseSchema = z.object({
  lastSeq: z.number().int().nonnegative(),
  duplicate: z.boolean().default(false),
  change: z.number().int().nonnegative().optional(),
  /**
   * The highest row version head office holds for this shop (at least lastSeq). A shop whose own
   * sequence is below it was restored from an older copy: it continues above it and re-sends a
   * full snapshot, so none of its new edits is older than what head office holds.
   */
  highVersion: z.number().int().nonnegative().optional(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullRequestSchema = z
  .object({ cursor: z.number().int().nonnegative(), limit: z.number().int().min(1).max(LIMITS.pullPageMax).default(500) })
  .strict();
export type PullRequest = z.infer<typeof pullRequestSchema>;

export const pulledItemSchema = z.object({
  kind: z.string().min(1).max(60),
  id: z.string().min(1).max(200),
  change: z.number().int().positive(),
  deleted: z.boolean(),
  data: z.unknown().nullable(),
});
export type PulledItem = z.infer<typeof pulledItemSchema>;

export const pullResponseSchema = z.object({
  items: z.array(pulledItemSchema),
  /**
   * Apply the items, then store this cursor in the same transaction. On the last page (`more`
   * false) it is head office's change counter, read before the items: every change up to it is
   * either in this answer or not meant for this shop.
   */
  cursor: z.number().int().nonnegative(),
  more: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** The shop generates its long-lived token itself and sends it once with the code: a lost reply can be retried. */
export const enrollRequestSchema = z
  .object({
    code: z.string().trim().min(6).max(40),
    token: z.string().regex(/^[A-Za-z0-9_-]{43,128}$/),
    /** The shop database's own id: another database enrolling into the same head-office shop is rebased. */
    shop: z.object({ uid: z.string().min(1).max(100), code: z.string().max(20), name: z.string().max(80) }).strict(),
    /** The shop's acknowledged outbox sequence (0 unless it was enrolled before). */
    baseSeq: z.number().int().nonnegative().default(0),
  })
  .strict();
export type EnrollRequest = z.infer<typeof enrollRequestSchema>;

export const enrollResponseSchema = z.object({
  shopId: z.string(),
  code: z.string(),
  name: z.string(),
  /** What head office already holds; the shop continues from there. */
  lastSeq: z.number().int().nonnegative(),
  /**
   * True when the shop must continue after `lastSeq` and re-send a full snapshot: head office
   * started this shop at baseSeq, or another database was enrolled into it before.
   */
  rebased: z.boolean(),
  /** The highest row version head office holds for this shop (see pushResponseSchema). */
  highVersion: z.number().int().nonnegative().optional(),
});
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;

/**
 * Restore from head office (a new or wiped PC re-enrolled as an existing shop): every live row
 * head office holds for the asking shop, of one table, after `after` (row id, keyset paging).
 */
export const restoreRequestSchema = z
  .object({ table: identifier, after: rowId.nullable().default(null), limit: z.number().int().min(1).max(LIMITS.pullPageMax).default(500) })
  .strict();
export type RestoreRequest = z.infer<typeof restoreRequestSchema>;

export const restoreResponseSchema = z.object({
  rows: z.array(z.object({ id: z.string(), v: z.number().int(), d: z.record(z.string(), cellSchema) })),
  /** The last row id of this page; null when the table is done. */
  next: z.string().nullable(),
  /** What head office holds for the shop: the restored shop continues above highVersion. */
  lastSeq: z.number().int().nonnegative(),
  highVersion: z.number().int().nonnegative(),
});
export type RestoreResponse = z.infer<typeof restoreResponseSchema>;

/** Enrollment codes: 12 characters of Crockford base32 in groups of four, case and dashes ignored. */
export function normalizeEnrollmentCode(code: string): string {
  return code.toUpperCase().replace(/[^0-9A-Z]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

// ---------------------------------------------------------------------------------------------
// Nationwide service (全国联保): a shop asks head office about a device by IMEI (either slot of a
// dual-SIM phone) or serial, and hears every shop's record of it. Device and repair facts only:
// no customer, phone number, passcode or payment detail of another shop travels.

/** Largest lookup request body head office reads. */
export const LOOKUP_MAX_BYTES = 1024;
export const LOOKUP_MAX_DEVICES = 50;
export const LOOKUP_MAX_TICKETS = 200;

export const lookupRequestSchema = z
  .object({
    imei: z.string().regex(/^\d{15}$/).optional(),
    serial: z.string().regex(/^[A-Z0-9][A-Z0-9\-/.]{2,59}$/).optional(),
  })
  .strict()
  .refine((r) => !!r.imei || !!r.serial, { message: 'imei or serial required', path: ['imei'] });
export type LookupRequest = z.infer<typeof lookupRequestSchema>;

export const lookupShopSchema = z.object({
  code: z.string(),
  name: z.string(),
  /** The asking shop's own record. */
  own: z.boolean(),
});

/** One shop's record of the device: what it registered at its counter (purchase proof included). */
export const lookupDeviceSchema = z.object({
  shop: lookupShopSchema,
  id: z.string(),
  matchedBy: z.enum(['imei', 'imei2', 'serial']),
  category: z.string(),
  brand: z.string(),
  model: z.string(),
  colour: z.string(),
  imei: z.string(),
  imei2: z.string(),
  serial: z.string(),
  purchaseDate: z.string().nullable(),
  proofKind: z.string(),
  invoiceNo: z.string(),
  invoiceDate: z.string().nullable(),
  /** Where it was bought (the seller on the invoice or receipt). */
  seller: z.string(),
  invoicePriceFen: z.number().int().nullable(),
  factoryDate: z.string().nullable(),
  /** After a 三包 exchange: the warranty restarts from this date. */
  exchangeDate: z.string().nullable(),
  recordedAt: z.string(),
});
export type LookupDevice = z.infer<typeof lookupDeviceSchema>;

export const lookupTicketSchema = z.object({
  shop: lookupShopSchema,
  deviceId: z.string(),
  number: z.string(),
  status: z.string(),
  receivedAt: z.string(),
  /** When the customer took the device back (null while it is in the shop, or if it never was). */
  collectedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  serviceType: z.string(),
  faultText: z.string(),
  faultCodes: z.array(z.string()),
  findings: z.array(z.string()),
  /** The technician's diagnosis (the latest). */
  diagnosis: z.string().nullable(),
  /** repaired, not_repaired, exchanged or refunded (set when the work ended). */
  outcome: z.string().nullable(),
  /** A 三包 exchange or return decided on this visit. */
  sanbao: z.string().nullable(),
  /** The customer asked for warranty service at intake. */
  warrantyClaimed: z.boolean(),
  /** Who paid, from the last quote: warranty (customer paid nothing), paid, mixed, or none (no quote). */
  payment: z.enum(['warranty', 'paid', 'mixed', 'none']),
  customerFen: z.number().int().nullable(),
  coveredFen: z.number().int().nullable(),
  /** What was done: the last quote's lines, each with its warranty status (covered, partly_covered, not_covered). */
  work: z.array(z.object({ description: z.string(), qty: z.number().int(), status: z.string(), customerFen: z.number().int() })),
});
export type LookupTicket = z.infer<typeof lookupTicketSchema>;

export const lookupResponseSchema = z.object({
  /** Every shop's record of the device, oldest first. */
  devices: z.array(lookupDeviceSchema),
  /** The purchase registration: the first record that carries purchase data (else the first record). */
  registration: lookupDeviceSchema.nullable(),
  /** Every visit at every shop, oldest first. */
  tickets: z.array(lookupTicketSchema),
  /** More matched than one answer carries. */
  truncated: z.boolean(),
  at: z.string(),
});
export type LookupResponse = z.infer<typeof lookupResponseSchema>;
