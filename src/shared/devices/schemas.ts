import { z } from 'zod';
import { MAX_FEN } from '../money/limits';
import { DEVICE_CATEGORIES, IMEI_CATEGORIES } from './categories';
import { isValidImei, normalizeImei, normalizeSerial } from './imei';
import { isCalendarDate } from '../time/local-date';

export const deviceCategorySchema = z.enum(DEVICE_CATEGORIES, { message: 'devices.error.category' });

export const dateSchema = z.string().refine(isCalendarDate, { message: 'devices.error.date' });

/** '' means "not given" (a cleared input), so the screen can send its fields as they are. */
export const imeiSchema = z
  .string()
  .max(40)
  .overwrite(normalizeImei)
  .refine((v) => v === '' || /^\d{15}$/.test(v), { message: 'devices.error.imeiFormat' })
  .refine((v) => v === '' || !/^\d{15}$/.test(v) || isValidImei(v), { message: 'devices.error.imeiCheckDigit' });

export const serialSchema = z
  .string()
  .max(60)
  .overwrite(normalizeSerial)
  .refine((v) => v === '' || /^[A-Z0-9][A-Z0-9\-/.]{2,59}$/.test(v), { message: 'devices.error.serialFormat' });

export const PROOF_KINDS = ['invoice', 'receipt', 'none'] as const;
export const proofSchema = z.discriminatedUnion('kind', [
  z
    .object({
      /** 发票 (invoice) or another sales receipt (购物小票): both carry a sale date. */
      kind: z.enum(['invoice', 'receipt']),
      invoiceNo: z.string().trim().max(40).default(''),
      invoiceDate: dateSchema,
      seller: z.string().trim().max(100).default(''),
    })
    .strict(),
  z.object({ kind: z.literal('none') }).strict(),
]);
export type Proof = z.infer<typeof proofSchema>;

const deviceFields = {
  category: deviceCategorySchema,
  brand: z.string().trim().min(1, { message: 'validation.required' }).max(40),
  model: z.string().trim().min(1, { message: 'validation.required' }).max(80),
  imei: imeiSchema.default(''),
  imei2: imeiSchema.default(''),
  serial: serialSchema.default(''),
  colour: z.string().trim().max(30).default(''),
  purchaseDate: dateSchema.nullish(),
  proof: proofSchema.default({ kind: 'none' }),
  factoryDate: dateSchema.nullish(),
  /** The invoice price (fen): 三包 refunds and replace-instead-of-repair fees are shares of it. */
  purchasePriceFen: z.number().int().min(0, { message: 'devices.error.negativePrice' }).max(MAX_FEN).nullish(),
};

/** Cross-field rules of a device, shared by create and intake. */
function checkIdentity(d: { category?: string; imei?: string; imei2?: string; serial?: string }, ctx: z.RefinementCtx) {
  if (!d.imei && !d.serial) {
    const path = IMEI_CATEGORIES.includes(d.category as never) ? 'imei' : 'serial';
    ctx.addIssue({ code: 'custom', path: [path], message: 'devices.error.identityRequired' });
  }
  if (d.imei2 && !d.imei) ctx.addIssue({ code: 'custom', path: ['imei'], message: 'devices.error.imei2WithoutImei' });
  if (d.imei2 && d.imei2 === d.imei) ctx.addIssue({ code: 'custom', path: ['imei2'], message: 'devices.error.imei2Same' });
}

export const newDeviceSchema = z.object(deviceFields).strict().superRefine(checkIdentity);
export type NewDevice = z.infer<typeof newDeviceSchema>;

/** devices.create: a device and who owns it. */
export const newOwnedDeviceSchema = z
  .object({ ...deviceFields, ownerCustomerId: z.string().min(1) })
  .strict()
  .superRefine(checkIdentity);
export type NewDeviceInput = z.input<typeof newDeviceSchema>;

export const devicePatchSchema = z
  .object({
    id: z.string().min(1),
    category: deviceFields.category.optional(),
    brand: deviceFields.brand.optional(),
    model: deviceFields.model.optional(),
    imei: imeiSchema.optional(),
    imei2: imeiSchema.optional(),
    serial: serialSchema.optional(),
    colour: z.string().trim().max(30).optional(),
    purchaseDate: dateSchema.nullish(),
    proof: proofSchema.optional(),
    factoryDate: dateSchema.nullish(),
    purchasePriceFen: z.number().int().min(0, { message: 'devices.error.negativePrice' }).max(MAX_FEN).nullish(),
    /** A change of owner (sold or given on); recorded in the device's ownership history. */
    ownerCustomerId: z.string().min(1).optional(),
  })
  .strict();

export const deviceSchema = z.object({
  id: z.string(),
  category: deviceCategorySchema,
  brand: z.string(),
  model: z.string(),
  imei: z.string(),
  imei2: z.string(),
  serial: z.string(),
  colour: z.string(),
  purchaseDate: z.string().nullable(),
  proof: z.object({ kind: z.enum(PROOF_KINDS), invoiceNo: z.string(), invoiceDate: z.string().nullable(), seller: z.string() }),
  factoryDate: z.string().nullable(),
  purchasePriceFen: z.number().int().nullable(),
  ownerCustomerId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Device = z.infer<typeof deviceSchema>;

export const deviceSummarySchema = z.object({
  id: z.string(),
  category: deviceCategorySchema,
  brand: z.string(),
  model: z.string(),
  imei: z.string(),
  serial: z.string(),
  colour: z.string(),
  ownerCustomerId: z.string().nullable(),
});
export type DeviceSummary = z.infer<typeof deviceSummarySchema>;

export const ownershipSchema = z.object({
  customerId: z.string(),
  customerName: z.string(),
  from: z.string(),
  /** When the next owner took over; null for the current owner. */
  to: z.string().nullable(),
  ticketId: z.string().nullable(),
});
