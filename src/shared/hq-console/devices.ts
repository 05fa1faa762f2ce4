/**
 * The console's nationwide device lookup (全国联保, issue 21 point 8): a device by IMEI (either
 * slot) or serial across every shop — the same answer a shop's counter gets (device and repair
 * facts, personal data masked) — with the recall campaigns that cover it.
 */
import { z } from 'zod';
import { normalizeImei, normalizeSerial } from '../devices/imei';
import type { LookupResponse } from '../sync/protocol';
import type { HqRecall } from './recalls';

export const deviceLookupSchema = z
  .object({
    imei: z.string().max(40).transform(normalizeImei).pipe(z.string().regex(/^\d{15}$/, { message: 'hq.lookup.error.imei' })).optional(),
    serial: z.string().max(80).transform(normalizeSerial).pipe(z.string().regex(/^[A-Z0-9][A-Z0-9\-/.]{2,59}$/, { message: 'hq.lookup.error.serial' })).optional(),
  })
  .strict()
  .refine((r) => !!r.imei || !!r.serial, { message: 'hq.lookup.error.one', path: ['imei'] });

export interface HqDeviceLookup {
  lookup: LookupResponse;
  /** Campaigns (any state) that cover one of the device's records. */
  recalls: HqRecall[];
}
