/**
 * The console's price list editor: the list as head office publishes it (kind price_list.item,
 * the shop's priceItemInputSchema without its id), edited rows, an import, a preview of what
 * changes, one publication.
 */
import { z } from 'zod';
import { priceItemInputSchema } from '../bench/schemas';
import type { SheetReport } from './publishing-sheet';

/** One item as published (what the shop's pull handler parses). */
export const priceDraftSchema = priceItemInputSchema.omit({ id: true });
export type PriceDraft = z.infer<typeof priceDraftSchema>;

/** A row of the editor: an item already published keeps its id; a new one has none. */
export const priceRowSchema = priceDraftSchema.extend({ id: z.string().min(1).max(100).optional() });
export type PriceRow = z.infer<typeof priceRowSchema>;

/** The whole list as it should be: items left out are removed (deactivated at the shops). */
export const pricesDraftSchema = z.object({ items: z.array(priceRowSchema).max(2000) }).strict();
export const pricesPublishSchema = z
  .object({
    items: z.array(priceRowSchema).max(2000),
    title: z.string().trim().min(1, { message: 'hq.publish.titleRequired' }).max(120),
    /** The price list publication the edit started from (null: none yet): another person's publication since is not overwritten unseen. */
    basedOn: z.number().int().min(1).nullable().optional(),
  })
  .strict();

export interface PublishedPrice extends PriceDraft {
  id: string;
}

export interface PriceChange {
  id: string;
  before: PriceDraft;
  after: PriceDraft;
  /** The fields that differ. */
  fields: string[];
}

export interface PricesPreview {
  added: PriceDraft[];
  changed: PriceChange[];
  removed: PublishedPrice[];
  unchanged: number;
}

export type PriceImport = SheetReport<PriceDraft>;
