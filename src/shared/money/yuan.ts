/**
 * Yuan as people type it ("12", "12.5", "¥1,299.00") → integer fen; null when it is not an
 * amount. Parsed as text so 0.1 + 0.2 never enters a price.
 */
export function parseYuan(text: string): number | null {
  const s = text.trim().replace(/^[¥￥]/, '').replace(/,/g, '').trim();
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** Fen → "1299.00" (no currency sign; the UI adds it in the reader's locale). */
export function fenToYuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}
