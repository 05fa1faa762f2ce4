import type { Locale } from '../../../shared/i18n/types';
import { saveBase64 } from '../../../ui/save-file';
import { call } from '../api';

/** A file's bytes as base64, in slices (a spread of a whole file overflows the call stack). */
export async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Downloads an import template in the reader's language. */
export async function downloadTemplate(which: 'prices.template' | 'parts.template', format: 'xlsx' | 'csv', locale: Locale): Promise<void> {
  const f = await call(which, { format }, locale);
  saveBase64(f.fileName, f.mimeType, f.base64);
}
