import { z } from 'zod';
import { deviceCategorySchema } from '../devices/schemas';
import { ticketStatusSchema } from '../tickets/schemas';

export const SEARCH_MATCHES = ['ticket_number', 'phone', 'name', 'company', 'imei', 'serial', 'model', 'fault', 'text'] as const;
export const searchMatchSchema = z.enum(SEARCH_MATCHES);

export const searchInputSchema = z
  .object({
    q: z.string().max(100),
    /** Per group. */
    limit: z.number().int().min(1).max(50).default(8),
  })
  .strict();

export const searchResultSchema = z.object({
  q: z.string(),
  /** What Enter should open: an exact ticket number, or a single customer/device hit. */
  best: z.object({ kind: z.enum(['ticket', 'customer', 'device']), id: z.string() }).nullable(),
  customers: z.array(
    z.object({ id: z.string(), name: z.string(), phones: z.array(z.string()), company: z.string(), match: searchMatchSchema }),
  ),
  devices: z.array(
    z.object({
      id: z.string(),
      category: deviceCategorySchema,
      brand: z.string(),
      model: z.string(),
      imei: z.string(),
      serial: z.string(),
      ownerCustomerId: z.string().nullable(),
      ownerName: z.string().nullable(),
      match: searchMatchSchema,
    }),
  ),
  tickets: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      status: ticketStatusSchema,
      receivedAt: z.string(),
      customerName: z.string(),
      deviceLabel: z.string(),
      faultSummary: z.string(),
      match: searchMatchSchema,
    }),
  ),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
