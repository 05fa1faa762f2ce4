/**
 * The console's nationwide device lookup: the shops' lookup answer (lookup.ts, asked as head
 * office: no shop is "own") and the recall campaigns covering any record of the device.
 */
import type { z } from 'zod';
import type { HqService } from '../service';
import { lookupDevice } from '../lookup';
import { recallCovers } from '../../shared/recalls/match';
import type { HqDeviceLookup, deviceLookupSchema } from '../../shared/hq-console/devices';
import { listRecalls } from './campaigns';

export async function consoleDeviceLookup(s: HqService, input: z.output<typeof deviceLookupSchema>): Promise<HqDeviceLookup> {
  const lookup = await lookupDevice(s, null, { ...(input.imei ? { imei: input.imei } : {}), ...(input.serial ? { serial: input.serial } : {}) }, null, s.now());
  const campaigns = lookup.devices.length === 0 ? [] : await listRecalls(s);
  const recalls = campaigns.filter((c) => lookup.devices.some((d) => recallCovers(c.recall, d) !== null));
  return { lookup, recalls };
}
