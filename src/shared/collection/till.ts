/**
 * The till's arithmetic (issue 19 point 10), pure: the cash a drawer should hold at the close is
 * the opening float, plus the cash payments' net (sales and deposits in, refunds and voids out),
 * less the paid-outs and the drops taken to the safe.
 */
import { z } from 'zod';
import { MAX_FEN } from '../money/limits';

export const CASH_MOVEMENT_KINDS = ['float', 'payout', 'drop'] as const;
export type CashMovementKind = (typeof CASH_MOVEMENT_KINDS)[number];

/** Cash into or out of the drawer without a ticket: who is the caller, why is required. */
export const cashMovementInputSchema = z
  .object({
    kind: z.enum(CASH_MOVEMENT_KINDS),
    amountFen: z
      .number({ message: 'collection.validation.fenWhole' })
      .int({ message: 'collection.validation.fenWhole' })
      .min(1, { message: 'collection.validation.cashAmountPositive' })
      .max(MAX_FEN, { message: 'collection.validation.fenTooLarge' }),
    reason: z.string().trim().min(1, { message: 'collection.validation.cashReasonRequired' }).max(200),
  })
  .strict();

export const cashMovementSchema = z.object({
  id: z.string(),
  kind: z.enum(CASH_MOVEMENT_KINDS),
  amountFen: z.number().int(),
  reason: z.string(),
  at: z.string(),
  byUserId: z.string(),
  byName: z.string().nullable(),
});

export interface TillFigures {
  /** Cash payments' net of the day (figures.expectedCashFen before the till existed). */
  takenFen: number;
  floatFen: number;
  payoutsFen: number;
  dropsFen: number;
  expectedFen: number;
}

export function tillFigures(cashTakenFen: number, movements: readonly { kind: CashMovementKind; amountFen: number }[]): TillFigures {
  const sum = (k: CashMovementKind) => movements.filter((m) => m.kind === k).reduce((s, m) => s + m.amountFen, 0);
  const floatFen = sum('float');
  const payoutsFen = sum('payout');
  const dropsFen = sum('drop');
  return { takenFen: cashTakenFen, floatFen, payoutsFen, dropsFen, expectedFen: floatFen + cashTakenFen - payoutsFen - dropsFen };
}
