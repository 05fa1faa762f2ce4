/** The warranty data's field shapes: dates, fen, basis points, local names, categories, part ids, periods (conventions in schemas.ts). */
import { z } from 'zod';
import { DEVICE_CATEGORIES } from '../devices/categories';
import { isIsoDate } from './dates';

import { MAX_FEN, fenAmountSchema } from '../money/limits';
export { MAX_FEN };

export const isoDateSchema = z.string().refine(isIsoDate, { message: 'warranty.error.invalidDate' });
export const fenSchema = fenAmountSchema({ whole: 'warranty.error.notWholeFen', negative: 'warranty.error.negativeAmount', tooLarge: 'warranty.error.invalidAmount' });
export const bpSchema = z.number().int().min(0).max(10_000);
export const localNameSchema = z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) });
export type LocalName = z.infer<typeof localNameSchema>;

/** Policies are keyed by device category, so the engine uses the devices capability's list. */
export const CATEGORY_IDS = DEVICE_CATEGORIES;
export const categorySchema = z.enum(CATEGORY_IDS, { error: 'warranty.error.unknownCategory' });
export type CategoryId = z.infer<typeof categorySchema>;

/** Part ids are stable keys ('battery', 'mainboard'); names live in the policy and the catalog. */
export const partIdSchema = z.string().regex(/^[a-z][a-z0-9_]{0,47}$/);

export const periodSchema = z.object({
  n: z.number().int().min(0).max(1200),
  unit: z.enum(['day', 'month', 'year']),
});
export type Period = z.infer<typeof periodSchema>;
