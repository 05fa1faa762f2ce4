/**
 * Price list import rows (CSV or XLSX, already text cells), checked one by one so the report
 * names every bad row: which column is which (Chinese or English headers), yuan to fen, the
 * kind and the category in either language. Pure; head office reads the file and words the report.
 */
import { priceItemInputSchema } from '../bench/schemas';
import { DEVICE_CATEGORIES } from '../devices/categories';
import { parseYuan } from '../money/yuan';
import type { RowIssue } from '../stock/import-rows';
import { mapColumns } from './publishing-sheet';
import type { PriceDraft } from './publishing-prices';

export const PRICE_COLUMNS = {
  code: ['code', '编码', '项目编码', '代码'],
  kind: ['kind', 'type', '类型', '种类'],
  nameZh: ['name_zh', 'namezh', 'name', '名称', '中文名称', '项目名称'],
  nameEn: ['name_en', 'nameen', 'english name', '英文名称'],
  category: ['category', '品类', '类别', '适用品类'],
  price: ['price', 'price_yuan', '价格', '单价', '价格（元）', '价格(元)'],
  diagnosisFee: ['diagnosis_fee', 'diagnosisfee', '检测费'],
  active: ['active', '启用', '有效'],
} as const;
export type PriceColumn = keyof typeof PRICE_COLUMNS;
export const PRICE_REQUIRED: readonly PriceColumn[] = ['code', 'kind', 'nameZh', 'price'];

const YES = ['1', 'y', 'yes', 'true', '是', '√'];
const NO = ['0', 'n', 'no', 'false', '否', '×'];
const KINDS: Record<string, 'labor' | 'fee'> = { labor: 'labor', 工时: 'labor', 人工: 'labor', 维修工时: 'labor', fee: 'fee', 费用: 'fee', 收费: 'fee' };

/** A category cell: its id, or one of its names (labels), '' for every category; null when unknown. */
function categoryOf(text: string, labels: Record<string, readonly string[]>): string | null {
  const v = text.trim().toLowerCase();
  if (v === '' || ['all', '全部', '通用', '所有品类'].includes(v)) return '';
  if ((DEVICE_CATEGORIES as readonly string[]).includes(v)) return v;
  const hit = Object.entries(labels).find(([, names]) => names.some((n) => n.toLowerCase() === v));
  return hit ? hit[0] : null;
}

/**
 * Checks every data row; answers the good rows' items and one issue per bad field. `labels`: each
 * category id → its names (both languages), so 手机 and Mobile phone both read.
 */
export function checkPriceRows(header: readonly string[], rows: readonly string[][], labels: Record<string, readonly string[]>): { good: { row: number; item: PriceDraft }[]; issues: RowIssue[] } {
  const { columns } = mapColumns(header, PRICE_COLUMNS, PRICE_REQUIRED);
  const good: { row: number; item: PriceDraft }[] = [];
  const issues: RowIssue[] = [];
  const seen = new Map<string, number>();
  rows.forEach((cells, i) => {
    const rowNo = i + 2;
    const cell = (c: PriceColumn) => (columns[c] === undefined ? '' : (cells[columns[c]!] ?? '').trim());
    const code = cell('code');
    const rowIssues: RowIssue[] = [];
    const bad = (field: string, key: string, params?: Record<string, string | number>) => rowIssues.push({ row: rowNo, sku: code, field, key, params });
    const bool = (c: PriceColumn, empty: boolean) => {
      const v = cell(c).toLowerCase();
      if (v === '') return empty;
      if (YES.includes(v)) return true;
      if (NO.includes(v)) return false;
      bad(c, 'stock.import.badBool');
      return empty;
    };
    const priceText = cell('price');
    const priceFen = priceText === '' ? null : parseYuan(priceText);
    if (priceText === '') bad('price', 'validation.required');
    else if (priceFen === null) bad('price', 'stock.import.badMoney');
    const kindText = cell('kind').toLowerCase();
    const kind = KINDS[kindText] ?? null;
    if (kind === null) bad('kind', kindText === '' ? 'validation.required' : 'hq.publish.import.badPriceKind');
    const category = categoryOf(cell('category'), labels);
    if (category === null) bad('category', 'hq.publish.import.badCategory');
    const candidate = { code, kind: kind ?? 'labor', nameZh: cell('nameZh'), nameEn: cell('nameEn'), category: category ?? '', priceFen: priceFen ?? 0, diagnosisFee: bool('diagnosisFee', false), active: bool('active', true) };
    const parsed = priceItemInputSchema.omit({ id: true }).safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '') === 'priceFen' ? 'price' : String(issue.path[0] ?? '');
        if (rowIssues.some((r) => r.field === field)) continue;
        const key = /^[a-z]+\./.test(issue.message) ? issue.message : issue.code === 'too_small' ? 'validation.required' : `validation.${issue.code}`;
        bad(field, key, 'maximum' in issue && issue.maximum !== undefined ? { maximum: String(issue.maximum) } : undefined);
      }
    }
    if (parsed.success && parsed.data.diagnosisFee && parsed.data.kind !== 'fee') bad('diagnosisFee', 'bench.validation.diagnosisFeeIsFee');
    if (code) {
      const first = seen.get(code.toUpperCase());
      if (first !== undefined) bad('code', 'hq.publish.import.codeInFile', { row: first });
      else seen.set(code.toUpperCase(), rowNo);
    }
    if (rowIssues.length > 0 || !parsed.success) issues.push(...rowIssues);
    else good.push({ row: rowNo, item: parsed.data });
  });
  return { good, issues };
}

/** The template's headings in the reader's language (each one reads back) and its example rows. */
export const PRICE_TEMPLATE: Record<'zh-CN' | 'en', { headings: Record<PriceColumn, string>; rows: Record<PriceColumn, string>[] }> = {
  'zh-CN': {
    headings: { code: '编码', kind: '类型', nameZh: '名称', nameEn: '英文名称', category: '品类', price: '价格', diagnosisFee: '检测费', active: '启用' },
    rows: [
      { code: 'LAB-PHONE-SCREEN', kind: '工时', nameZh: '手机换屏工时', nameEn: 'Phone screen replacement labor', category: '手机', price: '80.00', diagnosisFee: '否', active: '是' },
      { code: 'FEE-PHONE-DIAG', kind: '费用', nameZh: '手机检测费', nameEn: 'Phone diagnosis fee', category: '手机', price: '30.00', diagnosisFee: '是', active: '是' },
    ],
  },
  en: {
    headings: { code: 'code', kind: 'kind', nameZh: 'name_zh', nameEn: 'name_en', category: 'category', price: 'price', diagnosisFee: 'diagnosis_fee', active: 'active' },
    rows: [
      { code: 'LAB-PHONE-SCREEN', kind: 'labor', nameZh: '手机换屏工时', nameEn: 'Phone screen replacement labor', category: 'phone', price: '80.00', diagnosisFee: 'no', active: 'yes' },
      { code: 'FEE-PHONE-DIAG', kind: 'fee', nameZh: '手机检测费', nameEn: 'Phone diagnosis fee', category: 'phone', price: '30.00', diagnosisFee: 'yes', active: 'yes' },
    ],
  },
};
