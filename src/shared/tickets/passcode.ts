/**
 * Unlock patterns are written as the dots they pass, numbered on the 3×3 grid:
 *   1 2 3
 *   4 5 6
 *   7 8 9
 * Android needs at least four dots and never visits one twice.
 */
export function isValidPattern(value: string): boolean {
  if (!/^[1-9]{4,9}$/.test(value)) return false;
  return new Set(value).size === value.length;
}

export function isValidPin(value: string): boolean {
  return /^\d{4,16}$/.test(value);
}
