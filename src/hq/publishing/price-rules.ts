/**
 * The price list's rules across items, and what a list changes against the published one (pure).
 * The rules are the shop's own (savePriceItem): codes unique, the diagnosis fee a fee, one active
 * diagnosis fee per category; a shop would otherwise receive a list it could not have made.
 */
import type { PriceDraft, PriceRow, PricesPreview, PublishedPrice } from '../../shared/hq-console/publishing-prices';

export interface ListIssue {
  field: string;
  key: string;
  params?: Record<string, string | number>;
}

export function listRuleIssues(items: readonly PriceRow[]): ListIssue[] {
  const issues: ListIssue[] = [];
  const codes = new Map<string, number>();
  const fees = new Map<string, string>();
  items.forEach((it, i) => {
    const code = it.code.toUpperCase();
    if (codes.has(code)) issues.push({ field: `items.${i}.code`, key: 'bench.validation.codeTaken', params: { code: it.code } });
    else codes.set(code, i);
    if (!it.diagnosisFee) return;
    if (it.kind !== 'fee') issues.push({ field: `items.${i}.diagnosisFee`, key: 'bench.validation.diagnosisFeeIsFee' });
    else if (it.active) {
      const other = fees.get(it.category);
      if (other !== undefined) issues.push({ field: `items.${i}.diagnosisFee`, key: 'bench.validation.diagnosisFeeTaken', params: { code: other } });
      else fees.set(it.category, it.code);
    }
  });
  return issues;
}

const FIELDS = ['code', 'kind', 'nameZh', 'nameEn', 'category', 'priceFen', 'diagnosisFee', 'active'] as const;
const draftOf = (r: PriceRow | PublishedPrice): PriceDraft => ({ code: r.code, kind: r.kind, nameZh: r.nameZh, nameEn: r.nameEn, category: r.category, priceFen: r.priceFen, diagnosisFee: r.diagnosisFee, active: r.active });

/**
 * Each row against the published list: its item by id, else the published item with its code (a
 * code once published keeps its item: the shops' codes are unique and old quotes name the item).
 */
export function resolveRows(current: readonly PublishedPrice[], items: readonly PriceRow[]): { row: PriceRow; before: PublishedPrice | undefined }[] {
  const byId = new Map(current.map((c) => [c.id, c]));
  const byCode = new Map(current.map((c) => [c.code.toUpperCase(), c]));
  return items.map((row) => ({ row, before: row.id ? byId.get(row.id) : byCode.get(row.code.toUpperCase()) }));
}

/**
 * Rows of no published item are added; of one, changed when any field differs; published active
 * items left out of the list are removed — published inactive, so the shops deactivate them.
 */
export function previewPrices(current: readonly PublishedPrice[], items: readonly PriceRow[]): PricesPreview {
  const kept = new Set<string>();
  const out: PricesPreview = { added: [], changed: [], removed: [], unchanged: 0 };
  for (const { row, before } of resolveRows(current, items)) {
    if (!before) {
      out.added.push(draftOf(row));
      continue;
    }
    kept.add(before.id);
    const fields = FIELDS.filter((f) => before[f] !== row[f]);
    if (fields.length === 0) out.unchanged++;
    else out.changed.push({ id: before.id, before: draftOf(before), after: draftOf(row), fields });
  }
  out.removed = current.filter((c) => !kept.has(c.id) && c.active);
  return out;
}

/**
 * A row may not take a code another published item holds, even one removed (inactive): the shops
 * keep every item with its code, and their codes are unique, so the pull would fail there.
 */
export function codeClashes(current: readonly PublishedPrice[], items: readonly PriceRow[]): ListIssue[] {
  const holder = new Map(current.map((c) => [c.code.toUpperCase(), c]));
  return resolveRows(current, items).flatMap(({ row, before }, i) => {
    const h = holder.get(row.code.toUpperCase());
    return h && h.id !== before?.id ? [{ field: `items.${i}.code`, key: 'bench.validation.codeTaken', params: { code: row.code } }] : [];
  });
}
