/**
 * Ticket numbers: `{shop code}-{yymm}-{seq}`, e.g. SZ01-2611-0042. The month is the shop's
 * local month of intake and the sequence restarts each month, so the number a customer
 * reads over the phone stays short; seq is padded to 4 digits and simply grows past 9999.
 */
export function formatTicketNumber(shopCode: string, yymm: string, seq: number): string {
  return `${shopCode}-${yymm}-${String(seq).padStart(4, '0')}`;
}

/** 'yymm' of a local calendar date 'YYYY-MM-DD'. */
export function yymmOf(localDate: string): string {
  return localDate.slice(2, 4) + localDate.slice(5, 7);
}

export interface ParsedTicketNumber {
  shopCode: string | null;
  yymm: string | null;
  seq: number;
}

/**
 * Reads what a person or scanner typed: the full number, or without the shop prefix
 * ('2611-0042', '26110042'), or just the sequence ('0042', '42'). Null when it cannot be one.
 */
export function parseTicketNumber(raw: string): ParsedTicketNumber | null {
  const s = raw.trim().toUpperCase();
  let m = /^([A-Z0-9]{2,8})-(\d{4})-(\d{1,7})$/.exec(s);
  if (m && /[A-Z]/.test(m[1]!)) return { shopCode: m[1]!, yymm: m[2]!, seq: Number(m[3]) };
  m = /^(\d{4})-(\d{1,7})$/.exec(s);
  if (m && validYymm(m[1]!)) return { shopCode: null, yymm: m[1]!, seq: Number(m[2]) };
  m = /^(\d{1,7})$/.exec(s);
  if (m && Number(m[1]) > 0) return { shopCode: null, yymm: null, seq: Number(m[1]) };
  return null;
}

function validYymm(yymm: string): boolean {
  const mm = Number(yymm.slice(2));
  return mm >= 1 && mm <= 12;
}
