/**
 * IMEI rules (3GPP TS 23.003): 14 digits (TAC + serial) and a Luhn check digit. We accept
 * only the 15-digit form a phone's *#06# shows, so a mistyped digit is caught at the counter.
 */
export function luhnCheckDigit(body: string): number {
  let sum = 0;
  // Doubling starts from the rightmost digit of the body (the check digit's left neighbour).
  for (let i = 0; i < body.length; i++) {
    let d = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** Strips the spaces, dashes and slashes people type or scanners add. */
export function normalizeImei(raw: string): string {
  return raw.replace(/[\s\-/]/g, '');
}

export function isImeiFormat(imei: string): boolean {
  return /^\d{15}$/.test(imei);
}

export function isValidImei(imei: string): boolean {
  return isImeiFormat(imei) && luhnCheckDigit(imei.slice(0, 14)) === imei.charCodeAt(14) - 48;
}

/** Completes a 14-digit body with its check digit (demo and seed data). */
export function withCheckDigit(body14: string): string {
  return body14 + String(luhnCheckDigit(body14));
}

/** Serial numbers: letters, digits and dashes, upper-cased so lookups match what a label shows. */
export function normalizeSerial(raw: string): string {
  return raw.trim().replace(/\s+/g, '').toUpperCase();
}
