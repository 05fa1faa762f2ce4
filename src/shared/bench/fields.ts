/** The bench's field shapes every bench schema uses: money in fen, quantities, ids, trimmed text, a manager's approval. */
import { z } from 'zod';
import { OUTCOMES } from '../tickets/lifecycle';
import { fenAmountSchema } from '../money/limits';

export const benchFenSchema = fenAmountSchema({ whole: 'bench.validation.fenWhole', negative: 'bench.validation.fenNegative', tooLarge: 'bench.validation.fenTooLarge' });
export const benchQtySchema = z
  .number({ message: 'bench.validation.qtyWhole' })
  .int({ message: 'bench.validation.qtyWhole' })
  .min(1, { message: 'bench.validation.qtyPositive' })
  .max(1000, { message: 'bench.validation.qtyTooLarge' });
export const id = z.string().min(1).max(100);
export const text = (max: number) => z.string().trim().max(max).default('');

export const outcomeSchema = z.enum(OUTCOMES);

/** A manager vouching for an action on someone else's session: username and PIN, checked in core, audited. */
export const managerApprovalSchema = z.object({ username: z.string().trim().min(1).max(40), pin: z.string().regex(/^\d{4,8}$/, { message: 'bench.validation.pin' }) }).strict();
export type ManagerApproval = z.infer<typeof managerApprovalSchema>;
