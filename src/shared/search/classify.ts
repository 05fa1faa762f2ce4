/**
 * What a search-box fragment can be. A counter types whatever the customer says: the
 * last digits of a phone, part of an IMEI, a ticket number with or without its prefix,
 * a name, a model. We do not guess one meaning; we list every lookup worth running.
 */
import { parseTicketNumber, type ParsedTicketNumber } from '../tickets/number';
import { parseCnPhone } from '../customers/phone';

export interface SearchPlan {
  text: string;
  /** Ticket number lookup (exact full number, yymm+seq, or seq alone). */
  ticket: ParsedTicketNumber | null;
  /** Phone digits to match at the end of stored numbers (4+ digits). */
  phoneSuffix: string | null;
  /** Full-text (trigram) lookup: needs 3+ characters. */
  fullText: string | null;
  /** 1–2 characters (two-character Chinese names, brands): prefix/suffix lookups instead of trigram. */
  short: string | null;
}

const MIN_TRIGRAM = 3;

export function planSearch(raw: string): SearchPlan {
  const text = raw.trim().replace(/\s+/g, ' ');
  const compact = text.replace(/[\s-]/g, '');
  const onlyDigits = /^\d+$/.test(compact);
  let phoneSuffix: string | null = null;
  if (onlyDigits && compact.length >= 4) {
    // A whole number typed with +86/0086 or a landline's trunk 0 still ends in the same digits.
    phoneSuffix = compact.length <= 12 ? compact : (parseCnPhone(text)?.digits ?? compact.slice(-12));
  } else if (/^\+?[\d\s()-]+$/.test(text) && compact.replace(/\D/g, '').length >= 4) {
    phoneSuffix = parseCnPhone(text)?.digits ?? compact.replace(/\D/g, '');
  }
  const ticket = parseTicketNumber(text);
  const chars = [...text].length;
  return {
    text,
    ticket,
    phoneSuffix,
    fullText: chars >= MIN_TRIGRAM ? text : null,
    short: chars > 0 && chars < MIN_TRIGRAM ? text : null,
  };
}

/** An FTS5 phrase for a trigram MATCH: the fragment as one quoted string. */
export function ftsPhrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
