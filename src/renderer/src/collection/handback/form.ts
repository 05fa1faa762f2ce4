import type { CollectInputRaw, CollectionView, Tender } from '../../../../shared/collection/schemas';
import { parsePercentBp } from '../../../../shared/money';
import { toFen } from '../format';

export interface TenderRow {
  tender: Tender;
  amount: number | '';
  received: number | '';
  reference: string;
}

/** The hand-back form as typed: who collects, discount, tenders in yuan, 三包 refund, loaner, manager approval. */
export interface HandbackValues extends Record<string, unknown> {
  mode: 'owner' | 'third';
  last4: string;
  third: { name: string; idNumber: string; relation: string };
  discountPct: number | '';
  discountReason: string;
  tenders: TenderRow[];
  allowBalance: boolean;
  balanceReason: string;
  refundTender: Tender;
  sanbaoTender: Tender;
  sanbaoReference: string;
  loanerOverride: boolean;
  approval: { username: string; pin: string };
}

/** A fresh hand-back: the owner collects, the whole amount due in cash. */
export function initialHandback(view: CollectionView): HandbackValues {
  const due = Math.max(0, view.settlement.dueNowFen);
  return {
    mode: 'owner',
    last4: '',
    third: { name: '', idNumber: '', relation: '' },
    discountPct: '',
    discountReason: '',
    tenders: due > 0 ? [{ tender: 'cash', amount: due / 100, received: '', reference: '' }] : [],
    allowBalance: false,
    balanceReason: '',
    refundTender: 'cash',
    sanbaoTender: 'cash',
    sanbaoReference: '',
    loanerOverride: false,
    approval: { username: '', pin: '' },
  };
}

export const discountBpOf = (v: HandbackValues) => (v.discountPct === '' ? undefined : (parsePercentBp(v.discountPct) ?? undefined));
/** The tenders in fen, as typed (an empty amount reads as 0). */
export const tenderLines = (v: HandbackValues) =>
  v.tenders.map((r) => ({ tender: r.tender, amountFen: toFen(r.amount) ?? 0, receivedFen: r.tender === 'cash' ? toFen(r.received) : undefined, reference: r.reference }));
/** A 三包 return whose refund (approved with the outcome) is still to be paid: it goes out at this hand-back. */
export const sanbaoDueOf = (view: CollectionView) => (view.sanbao?.option === 'return' && view.sanbao.refundFen > 0 && !view.sanbao.refundPaid ? view.sanbao : null);

/** `collection.complete`'s input from the form (the paths of its errors are the form's errors). */
export function collectInput(v: HandbackValues, view: CollectionView): CollectInputRaw {
  const discountBp = discountBpOf(v);
  return {
    ticketId: view.ticket.id,
    identity: v.mode === 'owner' ? { method: 'phone_last4', last4: v.last4 } : { method: 'id_document', name: v.third.name, idType: 'resident_id', idNumber: v.third.idNumber, relation: v.third.relation },
    ...(discountBp ? { discountBp, discountReason: v.discountReason } : {}),
    tenders: tenderLines(v)
      .filter((l) => l.amountFen > 0)
      .map((l) => ({ tender: l.tender, amountFen: l.amountFen, ...(l.receivedFen !== undefined ? { receivedFen: l.receivedFen } : {}), reference: l.reference })),
    refundTender: v.refundTender,
    ...(sanbaoDueOf(view) ? { sanbaoRefund: { tender: v.sanbaoTender, reference: v.sanbaoTender === 'cash' ? '' : v.sanbaoReference } } : {}),
    ...(v.allowBalance ? { balance: { reason: v.balanceReason } } : {}),
    loanerOverride: v.loanerOverride,
    ...(v.approval.username && v.approval.pin ? { approval: v.approval } : {}),
  };
}
