import { z } from 'zod';
import { procedure } from '../api/contract';
import { ALL_STAFF, MANAGERS } from '../api/roles';
import type { Role } from '../api/roles';
import {
  claimSchema,
  claimStatusInputSchema,
  claimsFilterSchema,
  claimPayerSchema,
  collectInputSchema,
  collectionRecordSchema,
  collectionViewSchema,
  dailyCloseInputSchema,
  dailyCloseViewSchema,
  dateSchema,
  identitySchema,
  paymentSchema,
  refundInputSchema,
  settlementSchema,
  voidInputSchema,
} from './schemas';
import { cashMovementInputSchema } from './till';
import { counterQueuesInputSchema, counterQueuesSchema } from './queues';

/** Who takes money and hands devices back: the counter and managers (technicians do not). */
export const CASHIERS: readonly Role[] = ['counter', 'manager', 'admin'];
const ref = z.string().trim().min(1).max(100);

export const collectionProcedures = {
  'collection.queues': procedure({
    summary: "The counter's queues: devices ready for pickup (days waiting, whether the customer was reached, the last call), quotes awaiting the customer's approval, repairs promised for today or overdue, and devices uncollected for `uncollectedDays` (30) days or more.",
    input: counterQueuesInputSchema,
    output: counterQueuesSchema,
    access: ALL_STAFF,
    kind: 'query',
  }),
  'collection.lookup': procedure({
    summary:
      'Everything the counter needs to hand a ticket back (by id, number or scanned barcode): what was done, parts replaced with serials and their warranty ends, the repair warranty, the loaner, payments so far and the settlement due (authorized quote split by payer, deposit deducted, tax per the shop settings), and why it cannot be collected yet.',
    input: z.object({ ref, discountBp: z.number().int().min(0).max(10_000).optional(), discountFen: z.number().int().min(0).optional() }).strict(),
    output: collectionViewSchema,
    access: CASHIERS,
    kind: 'query',
  }),
  'collection.checkIdentity': procedure({
    summary: 'Checks who is picking up: the last 4 digits of one of the customer\'s phones, or (third party) a name and ID number. Nothing is written; collection.complete checks again.',
    input: z.object({ ticketId: ref, identity: identitySchema }).strict(),
    output: z.object({ ok: z.boolean() }),
    access: CASHIERS,
    kind: 'query',
  }),
  'collection.complete': procedure({
    summary:
      'Settles and hands back in one transaction: identity checked and recorded, loaner back (or a manager\'s override), discount (above the threshold with a manager\'s PIN), split tenders with change for cash and references for the rest, deposit applied, any credit refunded, an unpaid balance only on a manager\'s decision; a 三包 return\'s refund (the amount the manager approved with the outcome) paid to the customer by the chosen tender, once, and added to the maker\'s claim; claims opened for warranty payers; the passcode erased; the ticket moves to collected.',
    input: collectInputSchema,
    output: z.object({ collection: collectionRecordSchema, payments: z.array(paymentSchema), settlement: settlementSchema, claimIds: z.array(z.string()) }),
    access: CASHIERS,
    kind: 'mutation',
  }),
  'payments.list': procedure({
    summary: 'Payments (append-only), newest first: of a ticket, or of a business day.',
    input: z.object({ ticketId: ref.optional(), date: dateSchema.optional(), limit: z.number().int().min(1).max(2000).default(500) }).strict(),
    output: z.array(paymentSchema),
    access: CASHIERS,
    kind: 'query',
  }),
  'payments.refund': procedure({
    summary: 'Gives money back on a ticket (never more than was paid on it), with a reason and a manager\'s PIN; recorded as a negative payment.',
    input: refundInputSchema,
    output: paymentSchema,
    access: CASHIERS,
    kind: 'mutation',
  }),
  'payments.void': procedure({
    summary: 'Reverses one payment in full (a mistake at the till) with a reason and a manager\'s PIN; refused once its day is closed (refund instead).',
    input: voidInputSchema,
    output: paymentSchema,
    access: CASHIERS,
    kind: 'mutation',
  }),
  'claims.list': procedure({
    summary: 'Warranty claims (保修索赔) to the maker, extended-warranty provider or insurer, by payer, status and month.',
    input: claimsFilterSchema,
    output: z.array(claimSchema),
    access: CASHIERS,
    kind: 'query',
  }),
  'claims.setStatus': procedure({
    summary: 'Moves a claim along draft → submitted → approved (amount) | rejected (reason) → paid (amount), reconciling what was claimed with what was paid. Managers. In a shop enrolled at head office only submitting (and resubmitting a rejected or returned claim, the reason saying what was corrected) is the shop\'s: head office decides and pays, its decisions arrive by pull (warranty.claimDecision) and show as the claim\'s review.',
    input: claimStatusInputSchema,
    output: claimSchema,
    access: MANAGERS,
    kind: 'mutation',
  }),
  'claims.export': procedure({
    summary: 'A batch of claims (one payer, one month) as CSV or XLSX, one row per claim line with the parts\' serials.',
    input: z.object({ payer: claimPayerSchema, period: z.string().regex(/^\d{4}-\d{2}$/), format: z.enum(['csv', 'xlsx']).default('csv') }).strict(),
    output: z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string(), rows: z.number().int() }),
    access: CASHIERS,
    kind: 'query',
  }),
  'dailyClose.get': procedure({
    summary: 'The daily close (日结) of a business day: per tender, sales, refunds and voids, deposits taken and applied, expected cash, per user, tickets received / ready / collected, and the close if made.',
    input: z.object({ date: dateSchema.optional(), scope: z.enum(['shop', 'user']).default('shop'), userId: ref.optional() }).strict(),
    output: dailyCloseViewSchema,
    access: CASHIERS,
    kind: 'query',
  }),
  'dailyClose.close': procedure({
    summary: 'Closes a day: the cash counted against the expected, a difference needs a reason. The shop\'s close (managers) locks the day: no payment can be recorded on it afterwards. A cashier may close their own drawer.',
    input: dailyCloseInputSchema,
    output: dailyCloseViewSchema,
    access: CASHIERS,
    kind: 'mutation',
  }),
  'dailyClose.recordCash': procedure({
    summary: 'Cash into or out of the caller\'s drawer without a ticket: the opening float (备用金), a paid-out (支出) or a drop to the safe (投库), with the reason. Counted into the expected cash of the day\'s close; refused once the day (or this drawer) is closed.',
    input: cashMovementInputSchema,
    output: dailyCloseViewSchema,
    access: CASHIERS,
    kind: 'mutation',
  }),
  'dailyClose.list': procedure({
    summary: 'The closes made, newest first.',
    input: z.object({ limit: z.number().int().min(1).max(400).default(60) }).strict(),
    output: z.array(z.object({ id: z.string(), date: z.string(), scope: z.string(), userName: z.string().nullable(), expectedCashFen: z.number().int(), countedCashFen: z.number().int(), differenceFen: z.number().int(), reason: z.string(), closedAt: z.string(), closedByName: z.string().nullable() })),
    access: CASHIERS,
    kind: 'query',
  }),
};
