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
}

const faultOf = (v: VisitFacts) => v.faultCodes[0] ?? 'unspecified';

/**
 * The warranty engine's input for a ticket: the device's proof of purchase, this visit,
 * and every earlier collected visit of the same device (the repeat-repair and
 * days-in-repair rules need them). Pure, so intake, quotes and collection agree.
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
        outcome: 'fixed' as const,
        chargeable: !v.warrantyClaimed,
        partsReplaced: [],
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
