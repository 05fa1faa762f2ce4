/** Formatting for printed paper: money in fen, instants in the shop's time zone, masked phones. */
import type { Locale } from '../i18n/types';

/** Integer fen → '¥12.50': the shared money module's formatter. */
export { formatFen as formatMoney } from '../money/format';

const partsCache = new Map<string, Intl.DateTimeFormat>();
function dtf(timeZone: string): Intl.DateTimeFormat {
  let f = partsCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    partsCache.set(timeZone, f);
  }
  return f;
}

/**
 * ISO instant → 'YYYY-MM-DD HH:mm' in the shop's zone. Paper uses the same numeric form in
 * both languages: unambiguous, short enough for an 80 mm line.
 */
export function formatDateTime(iso: string, timeZone: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = Object.fromEntries(dtf(timeZone).formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** ISO instant → 'YYYY-MM-DD' in the shop's zone; a calendar date ('2026-11-23') passes through. */
export function formatDate(isoOrDate: string, timeZone: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(isoOrDate)) return isoOrDate;
  return formatDateTime(isoOrDate, timeZone).slice(0, 10);
}

/**
 * Hides the middle digits of a phone number on paper: 13800138000 → 138****8000,
 * 0755-86001234 → 0755-****1234. Separators stay where they were; at most the last four
 * digits and the leading three (mobile) or area code (landline) remain readable.
 */
export function maskPhone(phone: string): string {
  const raw = phone.trim().replace(/^\+86[\s-]?/, '');
  const digits = raw.replace(/\D/g, '');
  if (digits.length < 7) return raw.replace(/\d(?=\d{2})/g, '*');
  const landline = /^0\d{2,3}[-\s]/.exec(raw);
  const keepHead = landline ? landline[0].replace(/\D/g, '').length : 3;
  const keepTail = 4;
  let seen = 0;
  return raw.replace(/\d/g, (d) => {
    const i = seen++;
    return i < keepHead || i >= digits.length - keepTail ? d : '*';
  });
}

/** A name short enough for a label: Chinese names whole up to four characters, otherwise the first word and an initial. */
export function shortName(name: string, max = 8): string {
  const n = name.trim().replace(/\s+/g, ' ');
  if (/[\u3400-\u9fff]/.test(n)) return n.length <= 4 ? n : `${n.slice(0, 4)}…`;
  const words = n.split(' ');
  const short = words.length > 1 ? `${words[0]} ${words[words.length - 1]![0]}.` : n;
  return short.length <= max + 3 ? short : `${short.slice(0, max)}…`;
}

/** Rough advance width of a string in em: CJK and full-width forms take 1 em, Latin about 0.55 em. */
export function emWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 1 : 0.56;
  return w;
}

/** Cuts `text` with an ellipsis so it fits `widthPt` at `fontSize` on one line (labels must never wrap onto a second page). */
export function fitLine(text: string, widthPt: number, fontSize: number): string {
  const max = widthPt / fontSize;
  if (emWidth(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (emWidth(out + ch) + 1 > max) break;
    out += ch;
  }
  return `${out}…`;
}
