/**
 * Amounts as a person types them at the counter → integer fen, parsed as text so no float ever
 * touches a price ("0.1 + 0.2"). Accepted: half- and full-width digits and punctuation
 * (１２９９．５０, ￥, ，), a leading ¥/￥ or "RMB", a trailing 元, thousands separators in their
 * right places ("1,299.5"), surrounding spaces. Refused, with a reason key: more than two
 * decimals (a fen is the smallest unit), a sign, letters, misplaced commas, too large.
 */

import { MAX_FEN } from './limits';

export type ParsedAmount =
  | { kind: 'empty' }
  | { kind: 'fen'; fen: number }
  | { kind: 'invalid'; key: 'money.error.notAmount' | 'money.error.tooManyDecimals' | 'money.error.negative' | 'money.error.tooLarge' };


/** Full-width (全角) digits and punctuation → ASCII; the ideographic space too. */
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/\uFFE5/g, '¥');
}

// Patterns with Chinese or other non-ASCII characters are built from strings, which the bundler
// escapes: a regex literal keeps them, and one such character makes V8 hold the whole compiled
// host's source as a two-byte string (2 MB more memory; scripts/build-node.mjs checks).
const YUAN_SIGN = new RegExp('^¥\\s*');
const YUAN_WORD = new RegExp('\\s*元$');
const MINUS = new RegExp('^[-−]');

/** A non-negative decimal with at most `scale` decimals → integer in units of 10^-scale. */
export function parseScaled(raw: string | number, scale: number): ParsedAmount {
  // A number from a numeric input: its shortest decimal text is what the person typed.
  let s = typeof raw === 'number' ? (Number.isFinite(raw) ? String(raw) : 'x') : toHalfWidth(raw);
  s = s.trim();
  if (s === '') return { kind: 'empty' };
  s = s.replace(/^(?:RMB|CNY)\s*/i, '').replace(YUAN_SIGN, '').replace(YUAN_WORD, '').trim();
  if (MINUS.test(s)) return { kind: 'invalid', key: 'money.error.negative' };
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?$/.exec(s);
  if (!m) return { kind: 'invalid', key: 'money.error.notAmount' };
  const int = m[1]!.replace(/,/g, '');
  const frac = (m[2] ?? '').replace(/0+$/, '');
  if (frac.length > scale) return { kind: 'invalid', key: 'money.error.tooManyDecimals' };
  if (int.length > 12) return { kind: 'invalid', key: 'money.error.tooLarge' };
  const value = Number(int) * 10 ** scale + Number(frac.padEnd(scale, '0') || '0');
  return { kind: 'fen', fen: value };
}

/** Yuan typed by a person → fen, empty, or the reason it is not an amount. */
export function parseYuanInput(raw: string | number): ParsedAmount {
  const r = parseScaled(raw, 2);
  if (r.kind === 'fen' && r.fen > MAX_FEN) return { kind: 'invalid', key: 'money.error.tooLarge' };
  return r;
}

/** Yuan typed by a person → fen; null when empty or not an amount (callers that need the reason use parseYuanInput). */
export function parseYuan(raw: string | number): number | null {
  const r = parseYuanInput(raw);
  return r.kind === 'fen' ? r.fen : null;
}

/** A percentage typed by a person ("13", "12.5%", "１５％") → basis points; null when empty or not one. */
export function parsePercentBp(raw: string | number): number | null {
  const s = typeof raw === 'number' ? raw : toHalfWidth(raw).trim().replace(/\s*%$/, '');
  const r = parseScaled(s, 2);
  return r.kind === 'fen' ? r.fen : null;
}
