/** 三包 outcomes at the bench: the option taken (return, exchange, repair), its refund and whether it was paid. */
import { z } from 'zod';
import { benchFenSchema, id, managerApprovalSchema, text } from './fields';

// ---- 三包 ----

/** What became of an exchange that is due: the fact the engine's return-instead-of-exchange rule reads. */
export const exchangeFactSchema = z.enum(['unavailable', 'refused']);

export const sanbaoInputSchema = z
  .object({
    ticketId: id,
    option: z.enum(['exchange', 'return']),
    /** The invoice price, for the refund and its depreciation. */
    purchasePriceFen: benchFenSchema,
    /** Where an exchange is due: no unit of the same model, or the customer refuses it (phone 第十九条, household 第十三条). */
    exchange: exchangeFactSchema.optional(),
    /** The replacement unit (exchange). */
    newImei: z.string().trim().max(20).optional(),
    newSerial: z.string().trim().max(60).optional(),
    approval: managerApprovalSchema.optional(),
    note: text(500),
  })
  .strict();
export type SanbaoInput = z.infer<typeof sanbaoInputSchema>;

export const sanbaoOptionViewSchema = z.object({
  option: z.enum(['return', 'exchange', 'repair', 'replace']),
  /** An accessory's own return (phone 第十四条); absent for the unit. */
  part: z.string().optional(),
  partName: z.string().optional(),
  reasons: z.array(z.string()),
  refundFen: z.number().int().nullable(),
  depreciationFen: z.number().int().nullable(),
  daysUsed: z.number().int().nullable(),
});

/**
 * The money of a 三包 return as it went out to the customer: one refund payment per outcome,
 * recorded at hand-back (collection.complete), approved by the manager who approved the outcome.
 */
export const sanbaoRefundPaidSchema = z.object({
  paymentId: z.string(),
  /** What the customer received, positive (the ledger row carries it negative). */
  amountFen: z.number().int(),
  tender: z.enum(['cash', 'card', 'wechat', 'alipay', 'transfer']),
  reference: z.string(),
  businessDate: z.string(),
  at: z.string(),
  byName: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedByName: z.string().nullable(),
});
export type SanbaoRefundPaid = z.infer<typeof sanbaoRefundPaidSchema>;

export const sanbaoRecordSchema = z.object({
  id: z.string(),
  ticketId: z.string(),
  option: z.enum(['exchange', 'return']),
  purchasePriceFen: z.number().int(),
  daysUsed: z.number().int(),
  depreciationFen: z.number().int(),
  refundFen: z.number().int(),
  oldImei: z.string().nullable(),
  oldSerial: z.string().nullable(),
  newImei: z.string().nullable(),
  newSerial: z.string().nullable(),
  exchangeDate: z.string().nullable(),
  approvedBy: z.string().nullable(),
  at: z.string(),
  /** A return's refund paid to the customer (at hand-back); null while still due, and for an exchange. */
  refundPaid: sanbaoRefundPaidSchema.nullable(),
});
export type SanbaoRecord = z.infer<typeof sanbaoRecordSchema>;
