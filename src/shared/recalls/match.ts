/**
 * Which recall campaigns cover a device today: pure, the same at the counter (banner, search), in
 * the shop's backend (recording the work at intake) and at head office (devices seen per shop).
 */
import { normalizeImei, normalizeSerial } from '../devices/imei';
import type { RecallRange } from './schemas';

/** What a campaign needs to decide (the published campaign, or a part of it). */
export interface RecallRules {
  brand: string;
  models: readonly string[];
  ranges: readonly RecallRange[];
  startDate: string;
  endDate: string;
}

/** The device's identity as any record of it has it. */
export interface RecallDevice {
  brand: string;
  model: string;
  imei?: string;
  imei2?: string;
  serial?: string;
}

/** How a device matched: by a range of its IMEI (either slot) or serial, or by its model alone. */
export type RecallMatchBy = 'imei' | 'serial' | 'model';

/** Names compare without case and with runs of spaces as one: "mate  60 pro" is "Mate 60 Pro", "Mate60 Pro" is not. */
export function normalizeName(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toUpperCase();
}

/** Both ends included; an end and the value compare only at the same length (a shorter serial is another series). */
export function inRange(value: string, r: Pick<RecallRange, 'from' | 'to'>): boolean {
  return value !== '' && value.length === r.from.length && value.length === r.to.length && r.from <= value && value <= r.to;
}

/** The campaign runs from its start date to its end date, both included (the shop's calendar date). */
export function isRecallActive(c: Pick<RecallRules, 'startDate' | 'endDate'>, today: string): boolean {
  return c.startDate <= today && today <= c.endDate;
}

/**
 * Whether the campaign covers the device, ignoring dates: its brand (when the campaign names
 * one), one of its models (when it lists any), and one of its ranges (when it lists any). Null
 * when it does not; otherwise what decided it (a range beats the model: it names this unit).
 */
export function recallCovers(c: RecallRules, d: RecallDevice): RecallMatchBy | null {
  if (c.brand && normalizeName(c.brand) !== normalizeName(d.brand)) return null;
  if (c.models.length > 0 && !c.models.some((m) => normalizeName(m) === normalizeName(d.model))) return null;
  if (c.ranges.length === 0) return c.models.length > 0 ? 'model' : null;
  const imeis = [d.imei ?? '', d.imei2 ?? ''].map(normalizeImei).filter((x) => x !== '');
  const serial = normalizeSerial(d.serial ?? '');
  for (const r of c.ranges) {
    if (r.field === 'imei' && imeis.some((i) => inRange(i, r))) return 'imei';
    if (r.field === 'serial' && inRange(serial, r)) return 'serial';
  }
  return null;
}

/** The campaigns active today that cover the device, each with how it matched, in the order given. */
export function matchingRecalls<C extends RecallRules>(campaigns: readonly C[], d: RecallDevice, today: string): { campaign: C; by: RecallMatchBy }[] {
  const out: { campaign: C; by: RecallMatchBy }[] = [];
  for (const c of campaigns) {
    if (!isRecallActive(c, today)) continue;
    const by = recallCovers(c, d);
    if (by) out.push({ campaign: c, by });
  }
  return out;
}
