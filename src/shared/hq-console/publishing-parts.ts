/**
 * The parts catalog import of the console: the shop's own import rows (src/shared/stock/import-rows.ts,
 * the same columns and template), checked at head office, previewed against the published
 * catalog (kind parts.catalog), and published as one versioned publication.
 */
import { z } from 'zod';
import type { PartInput } from '../stock/schemas';
import { sheetUploadSchema, type SheetReport } from './publishing-sheet';

export const partsImportSchema = sheetUploadSchema;
/**
 * Publishing sends the file again (the server checks it again, nothing is trusted from the
 * preview). A file with bad rows publishes only when the person accepted its good rows.
 */
export const partsPublishSchema = sheetUploadSchema.extend({
  acceptGoodRows: z.boolean().default(false),
  title: z.string().trim().min(1, { message: 'hq.publish.titleRequired' }).max(120),
});

export interface PartChange {
  id: string;
  sku: string;
  nameZh: string;
  fields: string[];
}

export interface PartsImport extends SheetReport<PartInput> {
  /** The good rows against the published catalog, by SKU. */
  added: { sku: string; nameZh: string; listPrice: number }[];
  changed: PartChange[];
  unchanged: number;
  /** Parts published so far (kind parts.catalog). */
  publishedParts: number;
}
