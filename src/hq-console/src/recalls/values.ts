/**
 * The campaign editor's fields as people type them (one model per line, one range per line as
 * "from to", a single number for one unit) and the recalls.save input they become; the
 * contract's issues land back on the field people typed.
 */
import type { Recall, RecallAction } from '../../../shared/recalls/schemas';

export interface RecallValues {
  code: string;
  titleZh: string;
  titleEn: string;
  brand: string;
  models: string;
  imeiRanges: string;
  serialRanges: string;
  action: RecallAction;
  instructionsZh: string;
  instructionsEn: string;
  startDate: string;
  endDate: string;
}

export const emptyValues = (today: string): RecallValues => ({
  code: '',
  titleZh: '',
  titleEn: '',
  brand: '',
  models: '',
  imeiRanges: '',
  serialRanges: '',
  action: 'inspect',
  instructionsZh: '',
  instructionsEn: '',
  startDate: today,
  endDate: '',
});

export const valuesOf = (r: Recall): RecallValues => ({
  ...r,
  models: r.models.join('\n'),
  imeiRanges: r.ranges.filter((x) => x.field === 'imei').map((x) => `${x.from} ${x.to}`).join('\n'),
  serialRanges: r.ranges.filter((x) => x.field === 'serial').map((x) => `${x.from} ${x.to}`).join('\n'),
});

const lines = (s: string) => s.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');

/** "860… 860…", "860…~860…", "SN0100 – SN0199", or one value for one unit; a line of more parts keeps them for the schema to refuse. */
export function parseRanges(text: string, field: 'imei' | 'serial') {
  return lines(text).map((l) => {
    const parts = l.split(/\s*[~～–—,，]\s*|\s+(?:-\s+)?/).filter((p) => p !== '');
    return { field, from: parts[0] ?? '', to: parts.length === 1 ? parts[0]! : parts.slice(1).join(' ') };
  });
}

export function toInput(v: RecallValues, id: string | null) {
  const imei = parseRanges(v.imeiRanges, 'imei');
  return {
    ...(id ? { id } : {}),
    campaign: {
      code: v.code,
      titleZh: v.titleZh,
      titleEn: v.titleEn,
      brand: v.brand,
      models: lines(v.models),
      ranges: [...imei, ...parseRanges(v.serialRanges, 'serial')],
      action: v.action,
      instructionsZh: v.instructionsZh,
      instructionsEn: v.instructionsEn,
      startDate: v.startDate,
      endDate: v.endDate,
    },
    imeiCount: imei.length,
  };
}

/** The form field an issue of recalls.save names ("campaign.ranges.3.to" → the serial ranges when 3 is past the IMEI lines). */
export function fieldOf(path: string, imeiCount: number): string {
  const p = path.replace(/^campaign\./, '').split('.');
  if (p[0] === 'ranges') return Number(p[1]) < imeiCount ? 'imeiRanges' : 'serialRanges';
  return p[0]!;
}
