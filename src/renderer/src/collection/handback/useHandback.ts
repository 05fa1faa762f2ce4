import { useEffect, useMemo, useRef, useState } from 'react';
import { RemoteError } from '../../../../shared/api/remote-error';
import { checkTenders, settle } from '../../../../shared/collection/rules';
import type { CollectInputRaw, CollectionView, Tender } from '../../../../shared/collection/schemas';
import { parsePercentBp } from '../../../../shared/money';
import { useSession } from '../../app/session';
import { fieldErrorsOf, type FieldErrors } from '../../components/errors';
import { useCall } from '../../data/calls';
import { useErrorToast } from '../../hooks/useErrorToast';
import { useI18n } from '../../i18n/I18nProvider';
import { money, toFen } from '../format';
import { useCompleteCollection } from './useCompleteCollection';

export interface TenderRow {
  tender: Tender;
  amount: number | '';
  received: number | '';
  reference: string;
}

/**
 * The hand-back of one looked-up ticket: who collects, discount, tenders, 三包 refund, loaner,
 * manager approval, and what the counter may do with them (the settlement as it would be, the
 * tenders' check, whether a manager must sign). Lives as long as the ticket stays open.
 */
export function useHandback(view: CollectionView) {
  const { locale } = useI18n();
  const { user, shop } = useSession();
  const { toast } = useErrorToast();
  const currency = shop?.settings.currency ?? 'CNY';
  const fmt = (f: number) => money(f, locale, currency);
  const [mode, setMode] = useState<'owner' | 'third'>('owner');
  const [last4, setLast4] = useState('');
  const [third, setThird] = useState({ name: '', idNumber: '', relation: '' });
  const [discountPct, setDiscountPct] = useState<number | ''>('');
  const [discountReason, setDiscountReason] = useState('');
  const [tenders, setTenders] = useState<TenderRow[]>(() => {
    const due = Math.max(0, view.settlement.dueNowFen);
    return due > 0 ? [{ tender: 'cash', amount: due / 100, received: '', reference: '' }] : [];
  });
  const [allowBalance, setAllowBalance] = useState(false);
  const [balanceReason, setBalanceReason] = useState('');
  const [refundTender, setRefundTender] = useState<Tender>('cash');
  const [sanbaoTender, setSanbaoTender] = useState<Tender>('cash');
  const [sanbaoReference, setSanbaoReference] = useState('');
  const [loanerOverride, setLoanerOverride] = useState(false);
  const [approval, setApproval] = useState({ username: '', pin: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const last4Ref = useRef<HTMLInputElement>(null);
  const amountRef = useRef<HTMLInputElement>(null);
  const isManager = user.role === 'manager' || user.role === 'admin';

  // The identity is checked as soon as four digits are typed (collection.complete checks again).
  const typed = mode === 'owner' && /^\d{4}$/.test(last4);
  const identity = useCall('collection.checkIdentity', { ticketId: view.ticket.id, identity: { method: 'phone_last4', last4 } }, { enabled: typed, silent: true });
  const identityOk = typed && identity.data ? identity.data.ok : null;
  // Once the identity holds, the amount is next.
  useEffect(() => {
    if (identityOk) amountRef.current?.focus();
  }, [identityOk]);

  const discountBp = discountPct === '' ? undefined : (parsePercentBp(discountPct) ?? undefined);
  const s = useMemo(() => {
    const base = view.settlement;
    try {
      return settle({ customerDueFen: base.customerDueFen, discountBp: discountBp !== undefined && discountBp >= 0 && discountBp <= 10_000 ? discountBp : undefined, taxRateBp: base.tax.rateBp, pricesIncludeTax: base.tax.pricesIncludeTax, paidFen: base.paidFen, depositFen: base.depositFen });
    } catch {
      return base;
    }
  }, [view, discountBp]);
  const lines = tenders.map((r) => ({ tender: r.tender, amountFen: toFen(r.amount) ?? 0, receivedFen: r.tender === 'cash' ? toFen(r.received) : undefined, reference: r.reference }));
  const check = checkTenders(lines, s.dueNowFen, { balanceAllowed: allowBalance, formatFen: fmt });
  const needsManager = !isManager && ((s.discountFen > 0 && s.discountFen > Math.floor((s.customerDueFen * view.discountManagerAboveBp) / 10_000)) || check.balanceFen > 0 || loanerOverride);
  const blocked = view.ticket.status !== 'ready' || view.dayClosed || (view.loaner.out && !loanerOverride);
  // A 三包 return whose refund (approved with the outcome) is still to be paid: it goes out at this hand-back.
  const sanbaoDue = view.sanbao?.option === 'return' && view.sanbao.refundFen > 0 && !view.sanbao.refundPaid ? view.sanbao : null;
  const identityReady = mode === 'owner' ? identityOk === true : third.name.trim() !== '' && third.idNumber.trim().length >= 4;

  const complete = useCompleteCollection(view);
  const submit = async () => {
    if (complete.busy) return;
    const input: CollectInputRaw = {
      ticketId: view.ticket.id,
      identity: mode === 'owner' ? { method: 'phone_last4', last4 } : { method: 'id_document', name: third.name, idType: 'resident_id', idNumber: third.idNumber, relation: third.relation },
      ...(discountBp ? { discountBp, discountReason } : {}),
      tenders: lines.filter((l) => l.amountFen > 0).map((l) => ({ tender: l.tender, amountFen: l.amountFen, ...(l.receivedFen !== undefined ? { receivedFen: l.receivedFen } : {}), reference: l.reference })),
      refundTender,
      ...(sanbaoDue ? { sanbaoRefund: { tender: sanbaoTender, reference: sanbaoTender === 'cash' ? '' : sanbaoReference } } : {}),
      ...(allowBalance ? { balance: { reason: balanceReason } } : {}),
      loanerOverride,
      ...(approval.username && approval.pin ? { approval } : {}),
    };
    setErrors({});
    try {
      await complete.run(input);
    } catch (e) {
      setErrors(fieldErrorsOf(e));
      if (!(e instanceof RemoteError) || e.fields.length === 0) toast(e);
    }
  };
  const setTender = (i: number, patch: Partial<TenderRow>) => setTenders((ts) => ts.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return {
    view, fmt, isManager, last4Ref, amountRef,
    mode, setMode, last4, setLast4, third, setThird, identityOk, identityReady,
    discountPct, setDiscountPct, discountReason, setDiscountReason, s,
    tenders, setTenders, setTender, check, allowBalance, setAllowBalance, balanceReason, setBalanceReason, refundTender, setRefundTender,
    sanbaoDue, sanbaoTender, setSanbaoTender, sanbaoReference, setSanbaoReference,
    loanerOverride, setLoanerOverride, needsManager, approval, setApproval, blocked,
    errors, setErrors, submit, done: complete.done, docs: complete.docs, busy: complete.busy, handbackDocs: complete.handbackDocs,
  };
}

export type Handback = ReturnType<typeof useHandback>;
