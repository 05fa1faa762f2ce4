/**
 * The parts catalog import at head office: the shop's import rows and template (shared), checked
 * row by row, previewed by SKU against the published catalog, published as one publication. An
 * import adds and changes parts; it removes none (a part missing from a file is more often a
 * shorter file than a part withdrawn).
 */
import type { HqContext } from '../context';
import { HqError } from '../errors';
import type { Actor } from '../console/audit';
import { uuidv7Generator } from '../../shared/util/ids';
import { t } from '../../shared/i18n/translate';
import type { Locale } from '../../shared/i18n/types';
import { partInputSchema, type PartInput } from '../../shared/stock/schemas';
import { checkImportRows, mapHeader, TEMPLATE_COLUMNS, TEMPLATE_EXAMPLES, TEMPLATE_HEADINGS, type ImportColumn } from '../../shared/stock/import-rows';
import type { SheetUpload } from '../../shared/hq-console/publishing-sheet';
import type { PartChange, PartsImport } from '../../shared/hq-console/publishing-parts';
import { publishAs } from './publish-as';
import { publishedItems } from './editor-items';
import { importSheet, templateFile } from './sheet-import';

const KIND = 'parts.catalog';

const partsChecker = {
  map: (header: readonly string[]) => mapHeader(header),
  check: (header: readonly string[], rows: readonly string[][]) => {
    const r = checkImportRows(header, rows);
    return { good: r.good.map((g) => ({ row: g.row, item: g.part })), issues: r.issues };
  },
  heading: (c: ImportColumn, locale: Locale) => TEMPLATE_HEADINGS[locale][c] ?? c,
};

async function publishedParts(ctx: HqContext): Promise<Map<string, { id: string; part: PartInput }>> {
  const bySku = new Map<string, { id: string; part: PartInput }>();
  for (const r of await publishedItems(ctx, KIND, '*', (data) => partInputSchema.safeParse(data))) if (r.data.success) bySku.set(r.data.data.sku.toUpperCase(), { id: r.id, part: r.data.data });
  return bySku;
}

const FIELDS = ['barcode', 'nameZh', 'nameEn', 'category', 'models', 'grade', 'kind', 'serialized', 'warrantyDays', 'listPrice', 'cost', 'active'] as const;
const differs = (a: PartInput, b: PartInput) => FIELDS.filter((f) => JSON.stringify(a[f]) !== JSON.stringify(b[f]));

export async function importParts(ctx: HqContext, upload: SheetUpload, locale: Locale): Promise<PartsImport & { ids: Map<number, string | null> }> {
  const report = await importSheet(upload, partsChecker, locale);
  const published = await publishedParts(ctx);
  const added: PartsImport['added'] = [];
  const changed: PartChange[] = [];
  const ids = new Map<number, string | null>();
  let unchanged = 0;
  for (const g of report.good) {
    const was = published.get(g.item.sku.toUpperCase());
    if (!was) {
      added.push({ sku: g.item.sku, nameZh: g.item.nameZh, listPrice: g.item.listPrice });
      ids.set(g.row, null);
      continue;
    }
    const fields = differs(was.part, g.item);
    if (fields.length === 0) unchanged++;
    else (changed.push({ id: was.id, sku: g.item.sku, nameZh: g.item.nameZh, fields }), ids.set(g.row, was.id));
  }
  return { ...report, added, changed, unchanged, publishedParts: published.size, ids };
}

export async function publishParts(ctx: HqContext, actor: Actor, input: SheetUpload & { acceptGoodRows: boolean; title: string }, locale: Locale): Promise<{ publicationId: number; report: PartsImport }> {
  const { ids, ...report } = await importParts(ctx, input, locale);
  if (report.badRows > 0 && !input.acceptGoodRows) throw new HqError('VALIDATION', 400, 'the file has bad rows', { reason: 'acceptGoodRows', fields: { acceptGoodRows: 'hq.publish.import.badRowsLeft' } });
  const newId = uuidv7Generator({ now: () => ctx.now() });
  const items = report.good.filter((g) => ids.has(g.row)).map((g) => ({ id: ids.get(g.row) ?? newId(), data: g.item }));
  if (items.length === 0) throw new HqError('VALIDATION', 400, 'nothing to publish', { reason: 'items', fields: { items: 'hq.publish.nothingChanged' } });
  const { publicationId } = await publishAs(ctx, actor, { kind: KIND, items, title: input.title });
  return { publicationId, report };
}

export function partsTemplate(format: 'xlsx' | 'csv', locale: Locale) {
  return templateFile(format, t(locale, 'stock.import.templateName'), TEMPLATE_COLUMNS, TEMPLATE_HEADINGS[locale], TEMPLATE_EXAMPLES[locale]);
}

/** The import's report and preview as the console shows it. */
export async function previewParts(ctx: HqContext, upload: SheetUpload, locale: Locale): Promise<PartsImport> {
  const { ids: _ids, ...report } = await importParts(ctx, upload, locale);
  return report;
}
