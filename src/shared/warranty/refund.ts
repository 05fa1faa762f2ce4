/**
 * Refund after use (退货): refund = price − depreciation, where
 * depreciation = price × daily rate × days used, and
 * days used = (return date − invoice date) − days in repair or waiting for parts
 * (phone 第十九条, household 第十三条: "自开具发票之日起至退货之日止，扣除修理占用和待修的时间").
 *
 * Rounding: depreciation is rounded DOWN to the whole fen, i.e. always in the customer's favour
 * (they never pay a fraction of a fen they do not owe). The refund is then exact.
 * Days used never go below 0 and depreciation never exceeds the price, so 0 ≤ refund ≤ price.
 * The invoice day itself is day 0: a return on the purchase day has used no days.
 */
import { AppError } from '../api/errors';
import { isIsoDate, toDay, type IsoDate } from './dates';
import { mulDivFloor } from '../money/exact';
import { MAX_FEN } from './schemas';

export interface RefundInput {
  /** Invoice price in fen. */
  price: number;
  depreciationPpmPerDay: number;
  invoiceDate: IsoDate;
  returnDate: IsoDate;
  /** Days in repair or waiting for parts between the two dates. */
  repairDays: number;
}

export interface RefundResult {
  daysUsed: number;
  depreciation: number;
  refund: number;
}

export function computeRefund(input: RefundInput): RefundResult {
  const fields: { path: string; key: string }[] = [];
  if (!Number.isInteger(input.price) || input.price < 0 || input.price > MAX_FEN)
    fields.push({ path: 'price', key: input.price < 0 ? 'warranty.error.negativeAmount' : 'warranty.error.invalidAmount' });
  if (!Number.isInteger(input.depreciationPpmPerDay) || input.depreciationPpmPerDay < 0 || input.depreciationPpmPerDay > 1_000_000)
    fields.push({ path: 'depreciationPpmPerDay', key: 'warranty.error.invalidRate' });
  if (!Number.isInteger(input.repairDays) || input.repairDays < 0) fields.push({ path: 'repairDays', key: 'warranty.error.negativeDays' });
  if (!isIsoDate(input.invoiceDate)) fields.push({ path: 'invoiceDate', key: 'warranty.error.invalidDate' });
  if (!isIsoDate(input.returnDate)) fields.push({ path: 'returnDate', key: 'warranty.error.invalidDate' });
  else if (isIsoDate(input.invoiceDate) && toDay(input.returnDate) < toDay(input.invoiceDate))
    fields.push({ path: 'returnDate', key: 'warranty.error.returnBeforePurchase' });
  if (fields.length > 0) throw new AppError('VALIDATION', { fields });

  const elapsed = toDay(input.returnDate) - toDay(input.invoiceDate);
  const daysUsed = Math.max(0, elapsed - input.repairDays);
  // Clamp before multiplying: once rate × days reaches 100 % the whole price is depreciated.
  const ratePpm = Math.min(1_000_000, input.depreciationPpmPerDay * daysUsed);
  const depreciation = Math.min(input.price, mulDivFloor(input.price, ratePpm, 1_000_000));
  return { daysUsed, depreciation, refund: input.price - depreciation };
}

