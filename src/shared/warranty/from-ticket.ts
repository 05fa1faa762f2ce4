import type { EvaluateRequest } from './procedures';
import type { Finding, Line } from './schemas';

/**
 * Faults that are damage, not a failure of the product: they never open the 7/15-day
 * return or exchange (those need a listed performance fault, 性能故障).
 */
export const DAMAGE_FAULTS: ReadonlySet<string> = new Set(['screen_broken', 'liquid_damage', 'broken_part']);

export interface DeviceFacts {
  id: string;
  category: string;
  purchasePriceFen: number | null;
  proofKind: 'invoice' | 'receipt' | 'none';
  invoiceDate: string | null;
  purchaseDate: string | null;
  factoryDate: string | null;
  exchangeDate?: string | null;
}

export interface VisitFacts {
  faultCodes: string[];
  /** Local date the device was handed in. */
  sentIn: string;
  /** Local date it was handed back (earlier visits only). */
  returnedOn?: string;
  partsWaitDays: number;
  warrantyClaimed: boolean;
  findings: Finding[];
  /** Earlier visits: how the visit ended (the bench's outcome); absent = not recorded. */
  outcome?: 'fixed' | 'not_fixed' | 'exchanged' | 'refunded';
  /**
   * Earlier visits: whether the maker paid for it (a 三包/warranty repair). Only those extend
   * the period and count towards "repaired twice"; absent = the intake claim decides.
   */
  warrantyRepair?: boolean;
  /** Earlier visits: the policy parts replaced, on the day the visit ended, with their own period in days. */
  partsReplaced?: { part: string; days: number }[];
}

const faultOf = (v: VisitFacts) => v.faultCodes[0] ?? 'unspecified';

/**
 * The warranty engine's input for a ticket: the device's proof of purchase, this visit,
 * and every earlier collected visit of the same device with its dates (days in repair),
 * how it ended (fixed / not fixed / exchanged / refunded), whether the maker paid for it,
 * and the parts replaced with their own periods (the repeat-repair, days-in-repair,
 * replaced-part and repair-warranty rules need them). Pure, so intake, quotes and collection agree.
 */
export function evaluationRequestFor(device: DeviceFacts, current: VisitFacts, past: VisitFacts[], lines: Line[] = []): EvaluateRequest {
  const saleDate = device.invoiceDate ?? device.purchaseDate ?? undefined;
  return {
    category: device.category,
    deviceId: device.id,
    device: {
      // Unknown price: refunds show 0 until the counter records the invoice amount.
      purchasePrice: device.purchasePriceFen ?? 0,
      hasInvoice: device.proofKind === 'invoice' && saleDate !== undefined,
      invoiceDate: device.proofKind === 'invoice' ? saleDate : undefined,
      otherProofDate: device.proofKind === 'receipt' ? saleDate : undefined,
      factoryDate: device.factoryDate ?? undefined,
      exchangeDate: device.exchangeDate ?? undefined,
    },
    findings: current.findings,
    history: past
      .filter((v) => v.returnedOn !== undefined && v.returnedOn >= v.sentIn)
      .map((v) => ({
        faultCode: faultOf(v),
        sentIn: v.sentIn,
        returnedOn: v.returnedOn!,
        partsWaitDays: v.partsWaitDays,
        outcome: v.outcome ?? ('fixed' as const),
        chargeable: !(v.warrantyRepair ?? v.warrantyClaimed),
        partsReplaced: (v.partsReplaced ?? []).map((p) => ({ part: p.part, completedOn: v.returnedOn!, period: { n: p.days, unit: 'day' as const } })),
      })),
    current: {
      faultCode: faultOf(current),
      sentIn: current.sentIn,
      partsWaitDays: current.partsWaitDays,
      performanceFault: current.faultCodes.some((c) => !DAMAGE_FAULTS.has(c)),
    },
    lines,
  };
}
