/** Files as a person uploads them to the console: an XLSX made with exceljs, a CSV as Excel saves it (BOM). */
import ExcelJS from 'exceljs';

export async function xlsxBase64(rows: readonly (readonly (string | number)[])[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('价目表');
  for (const r of rows) ws.addRow([...r]);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

export const csvBase64 = (rows: readonly (readonly string[])[]) => Buffer.from('\uFEFF' + rows.map((r) => r.join(',')).join('\r\n') + '\r\n', 'utf8').toString('base64');
