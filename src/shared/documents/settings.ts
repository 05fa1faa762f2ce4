import { z } from 'zod';

/** Paper the service can lay out on. The 80 mm roll has no fixed height: the page grows with the content. */
export const PAGE_FORMATS = ['a4', 'a5', 'receipt80', 'label50x30'] as const;
export const pageFormatSchema = z.enum(PAGE_FORMATS);
export type PageFormat = z.infer<typeof pageFormatSchema>;

/** Document types are open-ended (each capability registers its own); names are snake_case. */
export const docTypeSchema = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/);
export type DocType = z.infer<typeof docTypeSchema>;

/** The document types the product ships; a shop's settings may name any of them. */
export const KNOWN_DOC_TYPES = [
  'intake_receipt',
  'device_label',
  'quote',
  'repair_receipt',
  'warranty_card',
  'daily_close',
  'report',
] as const;

/**
 * The paper each ticket document can be laid out on, the shop's choice first offered first. One
 * table for the print service (which refuses any other paper) and the settings screen (which
 * offers exactly these): every ticket document goes to A4, A5 or the 80 mm receipt printer.
 */
export const DOC_FORMATS = {
  intake_receipt: ['a5', 'a4', 'receipt80'],
  device_label: ['label50x30'],
  quote: ['a5', 'a4', 'receipt80'],
  repair_receipt: ['a5', 'receipt80', 'a4'],
  warranty_card: ['a5', 'receipt80', 'a4'],
  daily_close: ['a4', 'a5', 'receipt80'],
} as const satisfies Record<string, readonly PageFormat[]>;
export type TicketDocType = keyof typeof DOC_FORMATS;

/** How one document type prints in this shop. `printer` is an OS printer name (Electron); empty = ask / system default. */
export const docPrintSettingsSchema = z.object({
  format: pageFormatSchema,
  autoPrint: z.boolean(),
  copies: z.number().int().min(1).max(5),
  printer: z.string().trim().max(120).default(''),
});
export type DocPrintSettings = z.infer<typeof docPrintSettingsSchema>;

/**
 * Defaults per type: the intake receipt on A5 in two copies (one signed copy stays with the
 * shop), labels on the 50×30 mm label printer, receipts on A5 with the 80 mm roll as an option.
 */
export const DOC_PRINT_DEFAULTS: Record<string, DocPrintSettings> = {
  intake_receipt: { format: 'a5', autoPrint: true, copies: 2, printer: '' },
  device_label: { format: 'label50x30', autoPrint: true, copies: 1, printer: '' },
  quote: { format: 'a5', autoPrint: false, copies: 1, printer: '' },
  repair_receipt: { format: 'a5', autoPrint: true, copies: 1, printer: '' },
  warranty_card: { format: 'a5', autoPrint: true, copies: 1, printer: '' },
  daily_close: { format: 'a4', autoPrint: false, copies: 1, printer: '' },
  report: { format: 'a4', autoPrint: false, copies: 1, printer: '' },
};
const FALLBACK: DocPrintSettings = { format: 'a4', autoPrint: false, copies: 1, printer: '' };

/** The `documents` object of the shop settings. A patch replaces it whole, so clients send it back complete. */
export const documentsSettingsSchema = z.object({
  /** Per document type; a type not listed prints with its default. */
  types: z.record(docTypeSchema, docPrintSettingsSchema).default({}),
  /** The shop's own terms, one per language; empty = the default terms of that language. */
  terms: z
    .object({ 'zh-CN': z.string().trim().max(4000).default(''), en: z.string().trim().max(4000).default('') })
    .prefault({}),
  /** Storage fee per day (fen) once a repaired device waits longer than `storageFeeAfterDays`; 0 = no fee. */
  storageFeeFenPerDay: z.number().int().min(0).max(100_000).default(200),
  storageFeeAfterDays: z.number().int().min(1).max(365).default(30),
  /** Uncollected this long after the pick-up notice, a device may be disposed of. */
  disposalAfterDays: z.number().int().min(1).max(3650).default(90),
});
export type DocumentsSettings = z.infer<typeof documentsSettingsSchema>;

export function docPrintSettings(settings: DocumentsSettings, docType: string): DocPrintSettings {
  return { ...FALLBACK, ...DOC_PRINT_DEFAULTS[docType], ...settings.types[docType] };
}
