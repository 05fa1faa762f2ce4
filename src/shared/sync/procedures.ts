import { z } from 'zod';
import { procedure } from '../api/contract';
import { ADMINS, ALL_STAFF } from '../api/roles';
import { imeiSchema, serialSchema } from '../devices/schemas';
import { lookupResponseSchema } from './protocol';

export const syncErrorSchema = z.object({ code: z.string(), message: z.string(), at: z.string() });

export const syncStatusSchema = z.object({
  enrolled: z.boolean(),
  url: z.string().nullable(),
  hqShopId: z.string().nullable(),
  enrolledAt: z.string().nullable(),
  /** Records written in the shop that head office does not hold yet. */
  waiting: z.number().int(),
  lastSuccessAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  /** The last failure, in the caller's language; null after a success. */
  lastError: syncErrorSchema.nullable(),
  failures: z.number().int(),
  running: z.boolean(),
  intervalMinutes: z.number().int(),
  ackedSeq: z.number().int(),
  pullCursor: z.number().int(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** Why a nationwide lookup has no answer from head office; the intake goes on with the shop's own records. */
export const LOOKUP_OFFLINE_REASONS = ['not_enrolled', 'unreachable', 'timeout', 'revoked', 'refused', 'bad_reply'] as const;
export type LookupOfflineReason = (typeof LOOKUP_OFFLINE_REASONS)[number];

export const deviceLookupInputSchema = z
  .object({ imei: imeiSchema.optional(), serial: serialSchema.optional() })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.imei && !v.serial) ctx.addIssue({ code: 'custom', path: ['imei'], message: 'sync.lookup.error.identity' });
  });

export const deviceLookupOutputSchema = z.discriminatedUnion('online', [
  lookupResponseSchema.extend({ online: z.literal(true) }),
  z.object({
    online: z.literal(false),
    reason: z.enum(LOOKUP_OFFLINE_REASONS),
    /** The reason in the caller's language, ending with "intake continues on this shop's records". */
    message: z.string(),
  }),
]);
export type DeviceLookup = z.infer<typeof deviceLookupOutputSchema>;

/**
 * Head-office sync. `sync.now` and `sync.enroll` are declared as queries on purpose: they wait on
 * the network, and a mutation would hold the shop's write transaction meanwhile; they write
 * through their own short transactions instead.
 */
export const syncProcedures = {
  'sync.status': procedure({
    summary: 'Head-office sync: enrolled or not, URL, last success, records waiting, last error in words.',
    input: z.object({}).strict(),
    output: syncStatusSchema,
    access: ALL_STAFF,
    kind: 'query',
  }),
  'sync.now': procedure({
    summary: 'Syncs with head office now (push, then pull) and answers the status; a failure is in lastError.',
    input: z.object({}).strict(),
    output: syncStatusSchema,
    access: ALL_STAFF,
    kind: 'query',
  }),
  'sync.enroll': procedure({
    summary: 'Joins head office with its URL and a one-time enrollment code; head-office data becomes read-only here. Admin.',
    input: z
      .object({
        url: z.string().trim().max(300).regex(/^https?:\/\/[^\s]+$/, { message: 'sync.error.badUrl' }),
        code: z.string().trim().min(6).max(40),
      })
      .strict(),
    output: syncStatusSchema,
    access: ADMINS,
    kind: 'query',
  }),
  'sync.lookupDevice': procedure({
    summary:
      'The nationwide service (全国联保): asks head office about a device by IMEI (either slot) or serial and answers every shop\'s record of it — purchase registration and repair history. Waits at most a few seconds; offline (not enrolled, unreachable, timed out, token revoked) it answers online: false with the reason in words instead of failing.',
    input: deviceLookupInputSchema,
    output: deviceLookupOutputSchema,
    access: ALL_STAFF,
    kind: 'query',
  }),
  'sync.pending': procedure({
    summary: 'Which of the given records of a synced table are not yet at head office.',
    input: z.object({ table: z.string().regex(/^[a-z_][a-z0-9_]*$/), ids: z.array(z.string().min(1)).max(1000) }).strict(),
    output: z.object({ pending: z.array(z.string()) }),
    access: ALL_STAFF,
    kind: 'query',
  }),
};
