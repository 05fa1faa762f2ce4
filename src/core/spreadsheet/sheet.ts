/**
 * Spreadsheets in and out, for every import and template (the shop's parts catalog, head
 * office's price list and parts catalog): the first sheet of an XLSX or a CSV read as text cells,
 * and a one-sheet file written from headings and rows. exceljs through core/lazy, so neither
 * program pays for it until a file is read or made.
 */
import type ExcelJS from 'exceljs';
import { excel } from '../lazy/libraries';
import { parseCsv } from '../../shared/stock/csv';

/** The file could not be read as a spreadsheet (each caller words its own refusal). */
export class SheetUnreadable extends Error {}

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

/** The rows of a CSV or the first sheet of an XLSX (by the file's name), as text cells; blank rows dropped. */
export async function readSheet(fileName: string, content: Buffer): Promise<string[][]> {
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
    throw new SheetUnreadable(e instanceof Error ? e.message.slice(0, 200) : String(e));
  }
}

export interface SheetFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

/** A template or export as a file: XLSX (one sheet, headings bold, text cells) or CSV with a BOM, so Excel opens the Chinese right. */
export async function writeSheet(format: 'xlsx' | 'csv', name: string, headings: readonly string[], rows: readonly (readonly string[])[]): Promise<SheetFile> {
  if (format === 'csv') {
    const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    const text = '\uFEFF' + [headings, ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
    return { fileName: `${name}.csv`, mimeType: 'text/csv', base64: Buffer.from(text, 'utf8').toString('base64') };
  }
  const wb = new (excel().Workbook)();
  const ws = wb.addWorksheet(name.slice(0, 31));
  ws.addRow([...headings]).font = { bold: true };
  // Text cells: a price typed as 1500.00 stays what the person sees, a code keeps its leading zeros.
  for (const r of rows) ws.addRow([...r]);
  ws.columns.forEach((col) => ((col.width = 16), (col.numFmt = '@')));
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `${name}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: buf.toString('base64') };
}
