/**
 * A file uploaded to the console, read into rows and checked: the one path of every import (price
 * list, parts catalog). An unreadable file, one without data rows or without a required column is
 * refused whole; otherwise every bad row is reported (row, column as the file heads it, reason in
 * the reader's language) beside the good rows, and nothing is published here.
 */
import { readSheet, SheetUnreadable, writeSheet, type SheetFile } from '../../core/spreadsheet/sheet';
import { HqRefusal } from '../http/refusals';
import { t } from '../../shared/i18n/translate';
import type { Locale } from '../../shared/i18n/types';
import type { RowIssue } from '../../shared/stock/import-rows';
import type { SheetReport, SheetUpload } from '../../shared/hq-console/publishing-sheet';

export interface RowChecker<C extends string, T> {
  /** Each column's index in the header (by its names in either language), and the required ones missing. */
  map(header: readonly string[]): { columns: Partial<Record<C, number>>; missing: C[] };
  check(header: readonly string[], rows: readonly string[][]): { good: { row: number; item: T }[]; issues: RowIssue[] };
  /** A column's heading in the reader's language, for a missing column. */
  heading(column: C, locale: Locale): string;
}

const refuse = (key: string, params: Record<string, string>) => new HqRefusal('VALIDATION', 400, key, { reason: key }, key, params);

export async function importSheet<C extends string, T>(upload: SheetUpload, checker: RowChecker<C, T>, locale: Locale): Promise<SheetReport<T>> {
  let table: string[][];
  try {
    table = await readSheet(upload.fileName, Buffer.from(upload.contentBase64, 'base64'));
  } catch (e) {
    if (!(e instanceof SheetUnreadable)) throw e;
    throw refuse('stock.errors.importFormat', { error: e.message });
  }
  const [header, ...rows] = table;
  if (!header || rows.length === 0) throw refuse('stock.errors.importEmpty', {});
  const { columns, missing } = checker.map(header);
  if (missing.length > 0) throw refuse('stock.errors.importHeader', { columns: missing.map((c) => checker.heading(c, locale)).join(locale === 'zh-CN' ? '、' : ', ') });
  const { good, issues } = checker.check(header, rows);
  // The column as the file heads it, so the person finds the cell; a field without a column (a rule across fields) under its own name.
  const headingOf = (field: string) => {
    const i = columns[field as C];
    return i === undefined ? checker.heading(field as C, locale) : header[i]!;
  };
  const errors = [...issues]
    .sort((a, b) => a.row - b.row)
    .map((i) => ({ row: i.row, column: headingOf(i.field), ref: i.sku, message: t(locale, i.key, i.params) }));
  return { totalRows: rows.length, good, errors, badRows: new Set(issues.map((i) => i.row)).size };
}

/** A template for an import: the headings in the reader's language and example rows that import as they are. */
export function templateFile<C extends string>(format: 'xlsx' | 'csv', name: string, columns: readonly C[], headings: Record<C, string>, rows: readonly Record<C, string>[]): Promise<SheetFile> {
  return writeSheet(format, name, columns.map((c) => headings[c]), rows.map((r) => columns.map((c) => r[c])));
}
