/**
 * What every import into the console shares (price list, parts catalog): the header read in
 * either language, and the per-row report a person fixes the file from.
 */
import { z } from 'zod';

/** Which column of the file is which (first match wins); the required ones missing. */
export function mapColumns<C extends string>(header: readonly string[], names: Record<C, readonly string[]>, required: readonly C[]): { columns: Partial<Record<C, number>>; missing: C[] } {
  const columns: Partial<Record<C, number>> = {};
  header.forEach((h, i) => {
    const k = h.trim().toLowerCase();
    for (const [col, aliases] of Object.entries(names) as [C, readonly string[]][]) {
      if (columns[col] === undefined && aliases.includes(k)) columns[col] = i;
    }
  });
  return { columns, missing: required.filter((c) => columns[c] === undefined) };
}

/** A file as the console sends it: its name (xlsx or csv by the extension) and its bytes. */
export const sheetUploadSchema = z
  .object({
    fileName: z.string().trim().min(1).max(200).regex(/\.(xlsx|csv)$/i, { message: 'hq.publish.import.fileType' }),
    /** At most 2 MB of file (base64 of it). */
    contentBase64: z.string().min(1).max(2_800_000).regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'hq.publish.import.fileType' }),
  })
  .strict();
export type SheetUpload = z.infer<typeof sheetUploadSchema>;

/** One bad cell of a row: the row as the spreadsheet numbers it (header = 1), the column as the file heads it, the reason in the reader's language. */
export interface SheetRowError {
  row: number;
  column: string;
  /** The row's key (code or SKU), to find it in the file. */
  ref: string;
  message: string;
}

export interface SheetReport<T> {
  totalRows: number;
  good: { row: number; item: T }[];
  errors: SheetRowError[];
  /** Rows with at least one error (never imported). */
  badRows: number;
}

export const templateSchema = z.object({ format: z.enum(['xlsx', 'csv']) }).strict();
export interface TemplateFile {
  fileName: string;
  mimeType: string;
  base64: string;
}
