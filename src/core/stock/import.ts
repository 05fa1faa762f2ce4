import type ExcelJS from 'exceljs';
import { excel } from '../lazy/libraries';
import { AppError } from '../../shared/api/errors';
import { t } from '../../shared/i18n/translate';
import type { Locale } from '../../shared/i18n/types';
import { parseCsv } from '../../shared/stock/csv';
import { checkImportRows, mapHeader, TEMPLATE_COLUMNS, TEMPLATE_EXAMPLES, TEMPLATE_HEADINGS } from '../../shared/stock/import-rows';
import type { ImportReport } from '../../shared/stock/schemas';
import { upsertPart } from './catalog';
import type { StockCtx } from './ledger';
import { statement } from '../db/statements';

/** A spreadsheet cell as the text a person sees (numbers without float noise, rich text flattened). */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(Math.round(v * 100) / 100);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
  }
  return String(v);
}

/** The rows of a CSV or the first sheet of an XLSX, as text cells. */
export async function readTable(fileName: string, content: Buffer): Promise<string[][]> {
  try {
    if (/\.xlsx$/i.test(fileName)) {
      const wb = new (excel().Workbook)();
      await wb.xlsx.load(content as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      if (!ws) return [];
      const rows: string[][] = [];
      ws.eachRow({ includeEmpty: true }, (row) => {
        const cells: string[] = [];
        for (let c = 1; c <= ws.columnCount; c++) cells.push(cellText(row.getCell(c).value).trim());
        rows.push(cells);
      });
      return rows.filter((r) => r.some((c) => c !== ''));
    }
    return parseCsv(content.toString('utf8'));
  } catch (e) {
    throw new AppError('VALIDATION', { key: 'stock.errors.importFormat', params: { error: e instanceof Error ? e.message.slice(0, 200) : String(e) } });
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
  const name = t(locale, 'stock.import.templateName');
  if (format === 'csv') {
    const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    const text = '\uFEFF' + [headings, ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
    return { fileName: `${name}.csv`, mimeType: 'text/csv', base64: Buffer.from(text, 'utf8').toString('base64') };
  }
  const wb = new (excel().Workbook)();
  const ws = wb.addWorksheet(name);
  ws.addRow(headings).font = { bold: true };
  // Text cells: a price typed as 1500.00 stays what the person sees, a SKU keeps its leading zeros.
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach((col) => ((col.width = 16), (col.numFmt = '@')));
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `${name}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: buf.toString('base64') };
}
