import type { Locale } from '../../../shared/i18n/types';

/** A file size as people read it: bytes, KB, MB, GB (binary units), in the locale's digits. */
export function formatBytes(n: number, locale: Locale): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toLocaleString(locale, { maximumFractionDigits: i === 0 ? 0 : 1 })} ${units[i]}`;
}
