/**
 * The one place for the price list and the parts catalog (Settings → 价目表与配件目录): its
 * URLs, for the links that lead there from the bench, the stock and the quote form.
 */
export const CATALOG_PLACE = {
  prices: '/settings/catalog/prices',
  parts: '/settings/catalog/parts',
  start: '/settings/catalog/start',
} as const;
