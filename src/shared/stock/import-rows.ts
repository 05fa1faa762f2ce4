import { partInputSchema, type PartInput } from './schemas';
import { parseYuan } from '../money/yuan';

/**
 * Catalog import rows (CSV or XLSX, already turned into text cells): which column is which
 * (Chinese or English headers), and each row checked on its own so the report names every
 * bad row, not only the first.
 */
// From a string, so the compiled host stays ASCII (see src/shared/money/parse.ts).
const MODEL_SEPARATORS = new RegExp('[;；|\\n]');

const COLUMNS = {
  sku: ['sku', '料号', '物料编码', '配件编码', '编码'],
  nameZh: ['name_zh', 'namezh', 'name', '名称', '中文名称', '配件名称'],
  nameEn: ['name_en', 'nameen', 'english name', '英文名称'],
  category: ['category', '类别', '分类'],
  models: ['models', 'compatible models', 'compatible_models', '适用机型', '兼容机型'],
  grade: ['grade', 'quality', '品质', '原厂/认证'],
  kind: ['kind', 'type', '种类'],
  serialized: ['serialized', 'serial', '序列号管理', '按序列号'],
  warrantyDays: ['warranty_days', 'warrantydays', 'warranty', '保修天数', '保修期'],
  listPrice: ['list_price', 'listprice', 'price', '零售价', '价格', '单价'],
  cost: ['cost', '成本', '成本价'],
  barcode: ['barcode', '条码', '条形码'],
} as const;
export type ImportColumn = keyof typeof COLUMNS;
export const REQUIRED_COLUMNS: readonly ImportColumn[] = ['sku', 'nameZh', 'category', 'listPrice'];

export interface RowIssue {
  /** The row number as the spreadsheet shows it (header = 1). */
  row: number;
  sku: string;
  field: string;
  key: string;
  params?: Record<string, string | number>;
}

export function mapHeader(header: readonly string[]): { columns: Partial<Record<ImportColumn, number>>; missing: ImportColumn[] } {
  const columns: Partial<Record<ImportColumn, number>> = {};
  header.forEach((h, i) => {
    const k = h.trim().toLowerCase();
    for (const [col, names] of Object.entries(COLUMNS) as [ImportColumn, readonly string[]][]) {
      if (columns[col] === undefined && names.includes(k)) columns[col] = i;
    }
  });
  return { columns, missing: REQUIRED_COLUMNS.filter((c) => columns[c] === undefined) };
}

const YES = ['1', 'y', 'yes', 'true', '是', '有', '√'];
const NO = ['', '0', 'n', 'no', 'false', '否', '无', '×'];

function parseBool(s: string): boolean | null {
  const v = s.trim().toLowerCase();
  if (YES.includes(v)) return true;
  if (NO.includes(v)) return false;
  return null;
}

/** Checks every data row; answers the parts of the good rows and one issue per bad field. */
export function checkImportRows(header: readonly string[], rows: readonly string[][]): { good: { row: number; part: PartInput }[]; issues: RowIssue[] } {
  const { columns } = mapHeader(header);
  const good: { row: number; part: PartInput }[] = [];
  const issues: RowIssue[] = [];
  const seen = new Map<string, number>();
  rows.forEach((cells, i) => {
    const rowNo = i + 2;
    const cell = (c: ImportColumn) => (columns[c] === undefined ? '' : (cells[columns[c]!] ?? '').trim());
    const sku = cell('sku');
    const rowIssues: RowIssue[] = [];
    const bad = (field: string, key: string, params?: Record<string, string | number>) => rowIssues.push({ row: rowNo, sku, field, key, params });

    const money = (c: ImportColumn, required: boolean): number | undefined => {
      const s = cell(c);
      if (!s) {
        if (required) bad(c, 'validation.required');
        return undefined;
      }
      const v = parseYuan(s);
      if (v === null) bad(c, 'stock.import.badMoney');
      return v ?? undefined;
    };
    const listPrice = money('listPrice', true);
    const cost = money('cost', false);
    const serialized = parseBool(cell('serialized'));
    if (serialized === null) bad('serialized', 'stock.import.badBool');
    const gradeText = cell('grade').toLowerCase();
    const grade = !gradeText || ['original', '原厂', '原装'].includes(gradeText) ? 'original' : ['certified', '认证', '认证件'].includes(gradeText) ? 'certified' : null;
    if (grade === null) bad('grade', 'stock.import.badGrade');
    const kindText = cell('kind').toLowerCase();
    const kind = !kindText || ['part', '配件'].includes(kindText) ? 'part' : ['loaner', '备用机'].includes(kindText) ? 'loaner' : null;
    if (kind === null) bad('kind', 'stock.import.badKind');
    const wText = cell('warrantyDays');
    const warrantyDays = wText === '' ? undefined : /^\d+$/.test(wText) ? Number(wText) : null;
    if (warrantyDays === null) bad('warrantyDays', 'stock.import.badInt');

    const candidate = {
      sku,
      barcode: cell('barcode'),
      nameZh: cell('nameZh'),
      nameEn: cell('nameEn'),
      category: cell('category'),
      models: cell('models')
        .split(MODEL_SEPARATORS)
        .map((m) => m.trim())
        .filter(Boolean),
      grade: grade ?? 'original',
      kind: kind ?? 'part',
      serialized: serialized ?? false,
      ...(warrantyDays != null ? { warrantyDays } : {}),
      listPrice: listPrice ?? 0,
      ...(cost !== undefined ? { cost } : {}),
    };
    const parsed = partInputSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        if (rowIssues.some((r) => r.field === field)) continue;
        const key = issue.message.startsWith('stock.') ? issue.message : issue.code === 'too_small' ? 'validation.required' : `validation.${issue.code}`;
        bad(field, key, 'maximum' in issue && issue.maximum !== undefined ? { maximum: String(issue.maximum) } : undefined);
      }
    }
    if (sku) {
      const first = seen.get(sku.toUpperCase());
      if (first !== undefined) bad('sku', 'stock.import.duplicateInFile', { row: first });
      else seen.set(sku.toUpperCase(), rowNo);
    }
    if (rowIssues.length > 0 || !parsed.success) issues.push(...rowIssues);
    else good.push({ row: rowNo, part: parsed.data });
  });
  return { good, issues };
}

/**
 * The downloadable import template (issue 19 point 2): one heading per column in the shop's
 * language, each one the import reads back (a test maps them), and two example rows that import
 * as they are — a plain part and a serialized one.
 */
export const TEMPLATE_HEADINGS: Record<'zh-CN' | 'en', Record<ImportColumn, string>> = {
  'zh-CN': { sku: '料号', nameZh: '名称', nameEn: '英文名称', category: '类别', models: '适用机型', grade: '品质', kind: '种类', serialized: '序列号管理', warrantyDays: '保修天数', listPrice: '零售价', cost: '成本价', barcode: '条码' },
  en: { sku: 'sku', nameZh: 'name_zh', nameEn: 'name_en', category: 'category', models: 'models', grade: 'grade', kind: 'kind', serialized: 'serialized', warrantyDays: 'warranty_days', listPrice: 'list_price', cost: 'cost', barcode: 'barcode' },
};
export const TEMPLATE_EXAMPLES: Record<'zh-CN' | 'en', Record<ImportColumn, string>[]> = {
  'zh-CN': [
    { sku: 'EX-SCREEN-01', nameZh: '示例屏幕总成', nameEn: 'Example screen assembly', category: '屏幕', models: 'Mate 60;Mate 60 Pro', grade: '原厂', kind: '配件', serialized: '否', warrantyDays: '90', listPrice: '1500.00', cost: '750.00', barcode: '' },
    { sku: 'EX-BOARD-01', nameZh: '示例主板', nameEn: 'Example mainboard', category: '主板', models: 'Mate 60', grade: '原厂', kind: '配件', serialized: '是', warrantyDays: '90', listPrice: '3000.00', cost: '1500.00', barcode: '' },
  ],
  en: [
    { sku: 'EX-SCREEN-01', nameZh: '示例屏幕总成', nameEn: 'Example screen assembly', category: 'screen', models: 'Mate 60;Mate 60 Pro', grade: 'original', kind: 'part', serialized: 'no', warrantyDays: '90', listPrice: '1500.00', cost: '750.00', barcode: '' },
    { sku: 'EX-BOARD-01', nameZh: '示例主板', nameEn: 'Example mainboard', category: 'mainboard', models: 'Mate 60', grade: 'original', kind: 'part', serialized: 'yes', warrantyDays: '90', listPrice: '3000.00', cost: '1500.00', barcode: '' },
  ],
};
export const TEMPLATE_COLUMNS = Object.keys(COLUMNS) as ImportColumn[];
