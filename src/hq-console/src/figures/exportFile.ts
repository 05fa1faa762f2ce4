import type { HqInput } from '../../../shared/hq-console/contract';
import { saveBase64 } from '../../../ui/save-file';
import { call } from '../api';
import type { Locale } from '../../../shared/i18n/types';

/** Asks head office for the file (headers in the reader's language) and saves it. */
export async function downloadExport(input: HqInput<'figures.export'>, locale: Locale): Promise<void> {
  const f = await call('figures.export', input, locale);
  saveBase64(f.fileName, f.mime, f.base64);
}
