/**
 * The price list editor's server side: the list as published (kind price_list.item, every shop),
 * an import checked row by row, the preview of a whole edited list against it, and its
 * publication as one versioned publication (publishAs). An item is never deleted: one left out of
 * the list is published inactive, so the shops deactivate it and its code stays its own.
 */
import type { HqContext } from '../context';
import { HqError } from '../errors';
import type { Actor } from '../console/audit';
import { uuidv7Generator } from '../../shared/util/ids';
import { t } from '../../shared/i18n/translate';
import type { Locale } from '../../shared/i18n/types';
import { DEVICE_CATEGORIES } from '../../shared/devices/categories';
import { checkPriceRows, PRICE_COLUMNS, PRICE_REQUIRED, PRICE_TEMPLATE, type PriceColumn } from '../../shared/hq-console/publishing-price-rows';
import { mapColumns, type SheetUpload } from '../../shared/hq-console/publishing-sheet';
import { priceDraftSchema, type PriceDraft, type PriceImport, type PriceRow, type PricesPreview, type PublishedPrice } from '../../shared/hq-console/publishing-prices';
import { publishAs } from './publish-as';
import { publishedItems } from './editor-items';
import { listPublications } from './log';
import { HqRefusal } from '../http/refusals';
import { importSheet, templateFile } from './sheet-import';
import { codeClashes, listRuleIssues, previewPrices, resolveRows } from './price-rules';

const KIND = 'price_list.item';

export async function currentPrices(ctx: HqContext): Promise<PublishedPrice[]> {
  // Items deleted through the admin API carry no data: they are not part of the list.
  const out: PublishedPrice[] = [];
  for (const r of await publishedItems(ctx, KIND, '*', (data) => priceDraftSchema.safeParse(data))) if (r.data.success) out.push({ id: r.id, ...r.data.data });
  return out.sort((a, b) => (a.kind === b.kind ? a.code.localeCompare(b.code) : a.kind === 'labor' ? -1 : 1));
}

/** Each category id → its names in both languages, so a file may say 手机 or Mobile phone. */
const categoryNames = (): Record<string, string[]> => Object.fromEntries(DEVICE_CATEGORIES.map((c) => [c, [t('zh-CN', `devices.category.${c}`), t('en', `devices.category.${c}`)]]));

const priceChecker = {
  map: (header: readonly string[]) => mapColumns(header, PRICE_COLUMNS, PRICE_REQUIRED),
  check: (header: readonly string[], rows: readonly string[][]) => checkPriceRows(header, rows, categoryNames()),
  heading: (c: PriceColumn, locale: Locale) => PRICE_TEMPLATE[locale].headings[c] ?? c,
};

export function importPrices(upload: SheetUpload, locale: Locale): Promise<PriceImport> {
  return importSheet(upload, priceChecker, locale);
}

export async function pricesPreview(ctx: HqContext, items: readonly PriceRow[]): Promise<PricesPreview> {
  return previewAgainst(await currentPrices(ctx), items);
}

/** The edited list checked by the list's rules and against what is published, then what it changes. */
function previewAgainst(current: readonly PublishedPrice[], items: readonly PriceRow[]): PricesPreview {
  const rules = [...listRuleIssues(items), ...codeClashes(current, items)];
  if (rules.length > 0) throw new HqError('VALIDATION', 400, `invalid: ${rules[0]!.field}`, { reason: rules.map((r) => r.field).join(', ').slice(0, 200), fields: Object.fromEntries(rules.map((r) => [r.field, r.key])), params: Object.fromEntries(rules.map((r) => [r.field, r.params ?? {}])) });
  const unknown = items.find((i) => i.id && !current.some((c) => c.id === i.id));
  if (unknown) throw new HqError('VALIDATION', 400, `invalid: unknown item ${unknown.id}`, { reason: 'id', fields: { id: 'hq.publish.unknownItem' } });
  return previewPrices(current, items);
}

export async function publishPrices(ctx: HqContext, actor: Actor, input: { items: PriceRow[]; title: string; basedOn?: number | null | undefined }): Promise<{ publicationId: number; preview: PricesPreview }> {
  if (input.basedOn !== undefined) {
    const latest = (await listPublications(ctx, { limit: 1, kind: KIND }))[0] ?? null;
    if ((latest?.id ?? null) !== input.basedOn) throw new HqRefusal('CONFLICT', 409, 'the price list changed since', { reason: 'basedOn', field: 'basedOn' }, 'hq.publish.staleList', { version: latest?.version ?? 0, who: latest?.actorName ?? '' });
  }
  const current = await currentPrices(ctx);
  const preview = previewAgainst(current, input.items);
  if (preview.added.length + preview.changed.length + preview.removed.length === 0) throw new HqError('VALIDATION', 400, 'nothing to publish', { reason: 'items', fields: { items: 'hq.publish.nothingChanged' } });
  const newId = uuidv7Generator({ now: () => ctx.now() });
  const changed = new Set(preview.changed.map((c) => c.id));
  const rows = resolveRows(current, input.items);
  const dataOf = ({ id: _id, ...draft }: PriceRow) => priceDraftSchema.parse(draft);
  const items = [
    ...rows.filter((r) => !r.before).map((r) => ({ id: newId(), data: dataOf(r.row) })),
    ...rows.filter((r) => r.before && changed.has(r.before.id)).map((r) => ({ id: r.before!.id, data: dataOf(r.row) })),
    ...preview.removed.map(({ id, ...was }) => ({ id, data: { ...was, active: false } })),
  ];
  const { publicationId } = await publishAs(ctx, actor, { kind: KIND, items, title: input.title });
  return { publicationId, preview };
}

export function pricesTemplate(format: 'xlsx' | 'csv', locale: Locale) {
  const tpl = PRICE_TEMPLATE[locale];
  return templateFile(format, t(locale, 'hq.publish.prices.templateName'), Object.keys(PRICE_COLUMNS) as PriceColumn[], tpl.headings, tpl.rows);
}

export type { PriceDraft };
