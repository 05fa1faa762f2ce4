/** What the lookup field asks: an IMEI is 15 digits (spaces and dashes as people type them dropped); anything else is asked as a serial. */
export function lookupInput(q: string): { imei: string } | { serial: string } | null {
  const digits = q.replace(/[\s\-/]/g, '');
  if (digits === '') return null;
  return /^\d{15}$/.test(digits) ? { imei: digits } : { serial: q.trim() };
}
