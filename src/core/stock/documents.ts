import { ALL_STAFF } from '../../shared/api/roles';
import { buildPartLabel, buildReorderReport, buildValuationReport } from '../../shared/stock/documents';
import { STOCK_MANAGERS, STOCK_STAFF } from '../../shared/stock/roles';
import { registerDocument } from '../documents/registry';
import { findPartRow } from './catalog';
import { reorderList, valuation } from './reports';

let done = false;

/**
 * Stock's printable documents, through the print service: `part_label` (entity = part id),
 * `stock_valuation` and `stock_reorder` (entity = 'all').
 */
export function registerStockDocuments(): void {
  if (done) return;
  done = true;
  registerDocument('part_label', {
    titleKey: 'stock.doc.partLabel',
    formats: ['label50x30'],
    roles: ALL_STAFF,
    load: (ctx, id, { locale }) => {
      const r = findPartRow(ctx.sqlite, id);
      if (!r) return null;
      return { code: r.barcode || r.sku, sku: r.sku, name: locale === 'en' && r.name_en ? r.name_en : r.name_zh, bin: r.bin, price: r.list_price };
    },
    build: buildPartLabel,
    reference: (m) => m.sku,
  });
  registerDocument('stock_valuation', {
    titleKey: 'documents.title.report',
    formats: ['a4'],
    roles: STOCK_MANAGERS,
    load: (ctx, _id, { settings }) => ({ ...valuation(ctx.sqlite, 500), shopName: settings.name }),
    build: buildValuationReport,
  });
  registerDocument('stock_reorder', {
    titleKey: 'documents.title.report',
    formats: ['a4'],
    roles: STOCK_STAFF,
    load: (ctx, _id, { settings }) => ({ rows: reorderList(ctx.sqlite, 2000), shopName: settings.name }),
    build: buildReorderReport,
  });
}
