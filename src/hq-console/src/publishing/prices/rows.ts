import type { PriceDraft, PriceRow } from '../../../../shared/hq-console/publishing-prices';

/** A row of the editor with a key of its own (a new row has no id yet). */
export interface EditorRow {
  key: string;
  row: PriceRow;
}

/**
 * An import merged into the editor: a row with the imported code takes the file's values and keeps
 * its item (the code stays the item's at every shop); a new code is a new row. Rows the file does
 * not name stay as they are: removing is done in the editor, where it shows.
 */
export function mergeImport(rows: readonly EditorRow[], imported: readonly PriceDraft[], newKey: () => string): { rows: EditorRow[]; changed: number; added: number } {
  const out = [...rows];
  let changed = 0;
  let added = 0;
  for (const item of imported) {
    const i = out.findIndex((r) => r.row.code.toUpperCase() === item.code.toUpperCase());
    if (i >= 0) {
      out[i] = { key: out[i]!.key, row: { ...item, ...(out[i]!.row.id ? { id: out[i]!.row.id } : {}) } };
      changed++;
    } else {
      out.push({ key: newKey(), row: { ...item } });
      added++;
    }
  }
  return { rows: out, changed, added };
}

export const blankRow = (): PriceRow => ({ code: '', kind: 'labor', nameZh: '', nameEn: '', category: '', priceFen: 0, diagnosisFee: false, active: true });
