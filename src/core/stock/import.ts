import { readSheet, SheetUnreadable, writeSheet } from '../spreadsheet/sheet';
import { AppError } from '../../shared/api/errors';
import { t } from '../../shared/i18n/translate';
import type { Locale } from '../../shared/i18n/types';
import { checkImportRows, mapHeader, TEMPLATE_COLUMNS, TEMPLATE_EXAMPLES, TEMPLATE_HEADINGS } from '../../shared/stock/import-rows';
import type { ImportReport } from '../../shared/stock/schemas';
import { upsertPart } from './catalog';
import type { StockCtx } from './ledger';
import { statement } from '../db/statements';

/** The rows of a CSV or the first sheet of an XLSX, as text cells. */
export async function readTable(fileName: string, content: Buffer): Promise<string[][]> {
  try {
    return await readSheet(fileName, content);
  } catch (e) {
    if (!(e instanceof SheetUnreadable)) throw e;
    throw new AppError('VALIDATION', { key: 'stock.errors.importFormat', params: { error: e.message } });
  }
}

/**
 * Imports catalog rows. A file with any bad row imports nothing and answers the report, unless
 * the person saw that report and accepted the good rows; then exactly those are written.
 */
export async function importCatalog(
  ctx: StockCtx & { locale: Locale },
  input: { fileName: string; contentBase64: string; acceptGoodRows: boolean },
): Promise<ImportReport> {
  const table = await readTable(input.fileName, Buffer.from(input.contentBase64, 'base64'));
  const [header, ...rows] = table;
  if (!header || rows.length === 0) throw new AppError('VALIDATION', { key: 'stock.errors.importEmpty' });
  const { missing } = mapHeader(header);
  if (missing.length > 0) throw new AppError('VALIDATION', { key: 'stock.errors.importHeader', params: { columns: missing.join(', ') } });
  const checked = checkImportRows(header, rows);
  const issues = [...checked.issues];
  // A part head office published cannot be overwritten from a file: that is a row error too, found before anything is written.
  const good = checked.good.filter((g) => {
    const existing = statement<{ source: string }, [sku: string]>(ctx.sqlite, `SELECT source FROM parts WHERE sku = ?`).get(g.part.sku);
    if (existing?.source !== 'hq') return true;
    issues.push({ row: g.row, sku: g.part.sku, field: 'sku', key: 'stock.errors.partFromHq' });
    return false;
  });
  issues.sort((a, b) => a.row - b.row);
  const errors = issues.map((i) => ({ row: i.row, sku: i.sku, field: i.field, message: t(ctx.locale, i.key, i.params) }));
  const badRows = new Set(issues.map((i) => i.row)).size;
  const report = { totalRows: rows.length, goodRows: rows.length - badRows, errors, committed: false, created: 0, updated: 0 };
  if (issues.length > 0 && !input.acceptGoodRows) return report;
  for (const g of good) {
    const r = upsertPart(ctx, g.part);
    if (r.created) report.created++;
    else report.updated++;
  }
  report.committed = true;
  await ctx.audit('parts.import', 'parts', null, { fileName: input.fileName, created: report.created, updated: report.updated, rejected: badRows });
  return report;
}

/** The import template as a file: XLSX (one sheet, headings bold) or CSV with a BOM, so Excel opens the Chinese right. */
export async function importTemplate(format: 'xlsx' | 'csv', locale: Locale): Promise<{ fileName: string; mimeType: string; base64: string }> {
  const headings = TEMPLATE_COLUMNS.map((c) => TEMPLATE_HEADINGS[locale][c]);
  const rows = TEMPLATE_EXAMPLES[locale].map((r) => TEMPLATE_COLUMNS.map((c) => r[c]));
  return writeSheet(format, t(locale, 'stock.import.templateName'), headings, rows);
}
