/**
 * Masks personal data people type into free text (a fault description, a diagnosis, a quote
 * line) before it leaves head office in a nationwide lookup: another shop sees the repair, not
 * the customer's phone, ID card or mail. Pure; the patterns are deliberately wide — a masked
 * digit run that was not a phone costs a technician nothing, a leaked phone costs the customer.
 *
 * Device identities stay: an IMEI is 15 digits and no pattern below matches a 15-digit run.
 */
export const MASK = '***';

// Digits glued to letters or to more digits are part of something else (a serial, an IMEI).
const B = '(?<![0-9A-Za-z])';
const E = '(?![0-9A-Za-z])';
const SEP = '[\\s\\-\u2010-\u2015\u3000.]?';

const patterns: RegExp[] = [
  // E-mail addresses.
  /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
  // Resident ID card (居民身份证), 18 characters: region, birth date, sequence, check digit or X.
  new RegExp(`${B}[1-9]\\d{5}${SEP}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])${SEP}\\d{3}[\\dXx]${E}`, 'g'),
  // Mainland mobile numbers, with or without +86 / 0086, spaces or dashes anywhere between digits.
  new RegExp(`(?<!\\d)(?:(?:\\+|00)?86${SEP})?1[3-9](?:${SEP}\\d){9}(?!\\d)`, 'g'),
  // Landlines with an area code: 0755-86661234, (0755) 8666 1234, 010 6552 9988, optional extension.
  new RegExp(`(?<!\\d)(?:(?:\\+|00)?86${SEP})?(?:[(（]0\\d{2,3}[)）]\\s?|0\\d{2,3})${SEP}[2-9]\\d{2,3}${SEP}\\d{4}(?:\\s*(?:转|ext\\.?|x)\\s*\\d{1,5})?(?!\\d)`, 'gi'),
  // A number after a word that says it is one (电话 8666 1234, tel: 86661234, 微信 13x…).
  // (built from a string like the others: the bundler escapes it to ASCII)
  new RegExp('((?:电话|手机|座机|联系|致电|回电|微信|qq|tel|phone|mobile|call)[\\s:：号为是]*)\\d(?:[\\s-]?\\d){6,11}(?!\\d)', 'gi'),
];

export function maskPersonalData(text: string): string {
  let out = text;
  for (const p of patterns) {
    out = out.replace(p, (whole: string, prefix?: unknown) => (typeof prefix === 'string' && whole.startsWith(prefix) && prefix !== whole ? `${prefix}${MASK}` : MASK));
  }
  return out;
}
