/**
 * Returned old parts at head office (旧件返还): the shops' return shipments as they synced them,
 * received line by line at head office. Each received line reaches its shop as the pulled kind
 * `stock.oldPartReceipt` (id = the old part's id); the shop's line is confirmed with head office's
 * instant, and its shipment closes when its last line is.
 *
 * The deadline: a shipment must be received in full within RETURN_TRANSIT_DAYS calendar days of
 * the date the shop shipped it (its own shipped_on: the date on the waybill). Two weeks covers any
 * courier in mainland China with days to spare; a shipment still missing lines after that is a
 * late return, listed for head office to chase (lost parcel, lines never packed).
 */
import { z } from 'zod';
import { addDaysToDate } from '../time/local-date';

export const RETURN_TRANSIT_DAYS = 14;
export const OLD_PART_RECEIPT_KIND = 'stock.oldPartReceipt';

/** The last day a shipment shipped on `shippedOn` may arrive in full. */
export const returnDueOn = (shippedOn: string) => addDaysToDate(shippedOn, RETURN_TRANSIT_DAYS);
/** Late: lines still not received and today (head office's date) past the due date. */
export const isLateReturn = (shippedOn: string, today: string, open: number) => open > 0 && today > returnDueOn(shippedOn);

/** in transit (lines still to receive), late (in transit past the due date), received (every line), all. */
export const RETURN_VIEWS = ['transit', 'late', 'received', 'all'] as const;
export type ReturnView = (typeof RETURN_VIEWS)[number];

const id = z.string().min(1).max(100);
export const returnsListSchema = z.object({ view: z.enum(RETURN_VIEWS).default('transit'), shopId: id.optional(), limit: z.number().int().min(1).max(1000).default(300) }).strict();
export const shipmentRefSchema = z.object({ shopId: id, shipmentId: id }).strict();
export const receiveLinesSchema = z
  .object({
    shopId: id,
    shipmentId: id,
    oldPartIds: z.array(id).min(1, { message: 'ui.hq.returns.pickLines' }).max(1000),
    note: z.string().trim().max(300).default(''),
  })
  .strict();

/** What head office publishes to the shop for one received line. */
export const oldPartReceiptDataSchema = z
  .object({
    shipmentId: z.string().min(1).max(100),
    /** Head office's instant; the shop keeps it as the line's confirmed_at, so head office knows the shop applied it. */
    receivedAt: z.string().min(1).max(40),
    receiver: z.string().max(60).default(''),
    note: z.string().max(300).default(''),
  })
  .strict();
export type OldPartReceiptData = z.infer<typeof oldPartReceiptDataSchema>;

// Outputs ---------------------------------------------------------------------------------------

export interface HqShipmentRow {
  shopId: string;
  shopCode: string;
  shopName: string;
  shipmentId: string;
  number: string;
  carrier: string;
  trackingNo: string;
  shippedOn: string;
  /** shippedOn + RETURN_TRANSIT_DAYS. */
  dueOn: string;
  /** The shop's own status, as last synced: shipped or closed. */
  shopStatus: string;
  lines: number;
  received: number;
  late: boolean;
  /** Days past the due date (0 when not late). */
  daysLate: number;
  /** Every line head office received has reached the shop (its synced line is confirmed at head office's instant). */
  shopApplied: boolean;
}

export interface HqShipmentLine {
  oldPartId: string;
  sku: string | null;
  description: string;
  serial: string;
  replacedBySerial: string | null;
  ticketNumber: string | null;
  source: string;
  /** in_bin | shipped | confirmed, as the shop last synced it. */
  shopStatus: string;
  /** When head office received it; for a line the shop confirmed itself before it was enrolled, the shop's instant. */
  receivedAt: string | null;
  receivedBy: string | null;
  /** Confirmed by the shop itself (before it was enrolled): counted as received, never received again. */
  byShop: boolean;
  note: string;
  shopApplied: boolean;
}

/** One shop's returns still open at head office. */
export interface ShopReturns {
  shopId: string;
  shopCode: string;
  shopName: string;
  /** Shipments with old parts still to receive, and how many of them are late. */
  transit: number;
  late: number;
  openLines: number;
}

export interface HqShipmentDetail extends HqShipmentRow {
  items: HqShipmentLine[];
}
