/** A 0–1 share as a percentage with one decimal; '—' when there is nothing to divide. */
export const pct = (r: number | null | undefined) => (r === null || r === undefined ? '—' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`);

export { saveBase64 } from '../../../ui/save-file';

/** Local calendar date of a Date (the browser's zone: the shop PC's). */
export function isoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
