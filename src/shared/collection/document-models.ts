/** The models of collection's documents: what each printed paper shows, as core assembles it. */
import { type ShopHeader } from '../documents/blocks';

export interface ReceiptLine {
  description: string;
  qty: number;
  unitPriceFen: number;
  amountFen: number;
  customerFen: number;
  /** Who else pays, in words ("厂家保修 ¥80.00"); empty when only the customer pays. */
  payerText: string;
  /** Part lines: the serials fitted and the serial taken out. */
  serials: string[];
  removedSerial: string | null;
}

export interface ReplacedPartLine {
  name: string;
  sku: string;
  serials: string[];
  removedSerial: string | null;
  /** YYYY-MM-DD */
  warrantyEnd: string;
}

export interface RepairReceiptModel {
  shop: ShopHeader;
  ticketNumber: string;
  receivedAt: string;
  /** The hand-back instant; null when printed before collection (a pro-forma). */
  collectedAt: string | null;
  customer: { name: string; phone: string };
  device: string;
  deviceCode: string;
  fault: string;
  cause: string;
  outcome: string;
  technician: string;
  counterStaff: string;
  lines: ReceiptLine[];
  subtotalFen: number;
  payers: { label: string; fen: number }[];
  /** The customer's share (after the quote's own discount), the counter discount, the total with tax. */
  customerDueFen: number;
  discountFen: number;
  discountReason: string;
  totalFen: number;
  tax: { rateBp: number; netFen: number; taxFen: number; pricesIncludeTax: boolean };
  depositFen: number;
  paidBeforeFen: number;
  paidNowFen: number;
  changeFen: number;
  refundedFen: number;
  balanceFen: number;
  balanceReason: string;
  tenders: { label: string; amountFen: number; receivedFen: number; changeFen: number; reference: string }[];
  /**
   * A 三包 return: the purchase price, the depreciation and what the customer gets back, and
   * how it was paid (null while still due: a pro-forma before hand-back).
   */
  sanbaoRefund?: {
    purchasePriceFen: number;
    depreciationFen: number;
    daysUsed: number;
    amountFen: number;
    approvedBy: string;
    paid: { tender: string; reference: string; date: string } | null;
  } | null;
  parts: ReplacedPartLine[];
  repairWarrantyUntil: string;
  repairWarrantyDays: number;
  pickup: string;
  terms: string[];
}

export interface WarrantyCardModel {
  shop: ShopHeader;
  ticketNumber: string;
  customer: { name: string; phone: string };
  device: { category: string; brandModel: string; imei: string | null; imei2: string | null; serial: string | null; purchaseDate: string | null; invoiceNo: string; seller: string };
  record: {
    sentIn: string;
    fault: string;
    cause: string;
    /** What was done, one entry per line of work (故障处理情况). */
    done: string[];
    outcome: string;
    parts: ReplacedPartLine[];
    /** YYYY-MM-DD; null before hand-back. */
    handedBack: string | null;
    technician: string;
  };
  repairWarranty: { days: number; until: string };
  statutory: { unitEnd: string | null; remainingDays: number | null };
  /**
   * Findings recorded at intake or the bench, by name, with the cover each one voids (the
   * policy's exclusion table): the card must not promise what the decision withdrew.
   */
  exclusions: { finding: string; voids: string[] }[];
  /** The whole-unit 三包 cover is void by a finding: the card says so instead of "valid until". */
  unitVoided: boolean;
  exchange: { date: string | null; oldImei: string | null; newImei: string | null; oldSerial: string | null; newSerial: string | null } | null;
  terms: string[];
}

export interface DailyCloseModel {
  shopName: string;
  date: string;
  scopeText: string;
  byTender: { label: string; count: number; inFen: number; outFen: number; netFen: number }[];
  salesFen: number;
  depositsTakenFen: number;
  depositsAppliedFen: number;
  refundsFen: number;
  voidsFen: number;
  netFen: number;
  expectedCashFen: number;
  /** The drawer: float + cash taken − paid-outs − drops = expected. */
  till: { takenFen: number; floatFen: number; payoutsFen: number; dropsFen: number };
  /** Each float, paid-out and drop with who and why. */
  cashMovements: { kind: string; amountFen: number; reason: string; at: string; byName: string }[];
  countedCashFen: number | null;
  differenceFen: number | null;
  reason: string;
  tickets: { received: number; ready: number; collected: number };
  byUser: { name: string; payments: number; cashFen: number; netFen: number }[];
  closedAt: string | null;
  closedBy: string | null;
}

export interface ClaimBatchModel {
  shopName: string;
  payer: string;
  period: string;
  claims: { number: string; ticketNumber: string; device: string; imei: string; status: string; claimedFen: number; lines: { description: string; sku: string; qty: number; unitPriceFen: number; amountFen: number; serials: string; removed: string }[] }[];
  totalFen: number;
}
