/**
 * Chinese phone numbers: validated by libphonenumber's full metadata for China (mobile ranges and
 * landline area codes), stored as E.164 so one number typed three ways is one number,
 * shown the way a Chinese counter writes them (138 0013 8000, 0755-8321 6688).
 * Only China's slice of the metadata is loaded (scripts/gen-phone-metadata.mjs): a number of any
 * other country is refused either way, and the renderer's first screen does not carry 150 kB of
 * the world's numbering plans.
 */
import { parsePhoneNumberFromString as parseWith, type CountryCode, type MetadataJson } from 'libphonenumber-js/core';
import { cnMetadata } from './phone-metadata.cn';

const metadata = cnMetadata as unknown as MetadataJson;
const parsePhoneNumberFromString = (text: string, country?: CountryCode) =>
  country ? parseWith(text, country, metadata) : parseWith(text, metadata);

export type PhoneKind = 'mobile' | 'landline';

export interface ParsedPhone {
  e164: string;
  kind: PhoneKind;
  /** National significant digits with the trunk 0 for landlines (075583216688), for suffix search. */
  digits: string;
  display: string;
}

/** Parses what someone typed (spaces, dashes, +86, 0086, trunk 0) as a CN mobile or landline; null if invalid. */
export function parseCnPhone(raw: string): ParsedPhone | null {
  const cleaned = raw.trim().replace(/^0086/, '+86');
  if (!/^[+\d][\d\s\-()]{4,24}$/.test(cleaned)) return null;
  const p = parsePhoneNumberFromString(cleaned, 'CN');
  if (!p || !p.isValid() || p.country !== 'CN') return null;
  const type = p.getType();
  const kind: PhoneKind | null =
    type === 'MOBILE' ? 'mobile' : type === 'FIXED_LINE' ? 'landline' : type === 'FIXED_LINE_OR_MOBILE' ? 'mobile' : null;
  if (!kind) return null;
  const national = p.nationalNumber as string;
  const digits = kind === 'landline' ? `0${national}` : national;
  return { e164: p.number as string, kind, digits, display: displayPhone(p.number as string) };
}

/** The local way of writing a stored E.164 number; the input back if it does not parse. */
export function displayPhone(e164: string): string {
  const p = parsePhoneNumberFromString(e164);
  if (!p) return e164;
  const national = p.formatNational(); // "138 0013 8000" or "0755 8321 6688"
  // Landlines: area code, dash, subscriber number, as printed on Chinese shop signs and receipts.
  return p.getType() === 'FIXED_LINE' ? national.replace(' ', '-') : national;
}

/** Digits of an E.164 CN number as searched (mobile 11 digits, landline with trunk 0). */
export function searchDigits(e164: string): string {
  const parsed = parseCnPhone(e164);
  return parsed ? parsed.digits : e164.replace(/\D/g, '');
}

/** Reversed digits: "last N digits" becomes an index prefix range instead of a scan. */
export function reverseDigits(digits: string): string {
  return [...digits].reverse().join('');
}

/** 138****8000: what printed receipts show. */
export function maskPhone(display: string): string {
  const d = display.replace(/\D/g, '');
  if (d.length < 7) return display;
  return `${d.slice(0, 3)}****${d.slice(-4)}`;
}
