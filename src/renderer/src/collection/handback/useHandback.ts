import { useEffect, useMemo, useRef } from 'react';
import { procedures } from '../../../../shared/api/procedures';
import { checkTenders, settle } from '../../../../shared/collection/rules';
import type { CollectionView } from '../../../../shared/collection/schemas';
import { useSession } from '../../app/session';
import { useCall } from '../../data/calls';
import { useContractForm } from '../../forms/useContractForm';
import { useI18n } from '../../i18n/I18nProvider';
import { money } from '../format';
import { collectInput, discountBpOf, initialHandback, sanbaoDueOf, tenderLines, type HandbackValues, type TenderRow } from './form';
import { useCompleteCollection } from './useCompleteCollection';

export type { TenderRow } from './form';

/**
 * The hand-back of one looked-up ticket: who collects, discount, tenders, 三包 refund, loaner,
 * manager approval, and what the counter may do with them (the settlement as it would be, the
 * tenders' check, whether a manager must sign). One @mantine/form whose rules are
 * `collection.complete`'s schema; its errors are keyed by the input's paths (`tenders.0.amountFen`),
 * the server's and the form's alike. Lives as long as the ticket stays open.
 */
export function useHandback(view: CollectionView) {
  const { locale } = useI18n();
  const { user, shop } = useSession();
  const currency = shop?.settings.currency ?? 'CNY';
  const fmt = (f: number) => money(f, locale, currency);
  const { form, send } = useContractForm({
    initialValues: initialHandback(view),
    schema: procedures['collection.complete'].input,
    toInput: (v) => collectInput(v, view),
    // every path of the input has its place on the hand-back but the ticket's id
    shows: (field) => field !== 'ticketId' && field !== '(input)',
  });
  const v = form.getValues();
  const setter =
    <K extends keyof HandbackValues & string>(k: K) =>
    (x: HandbackValues[K] | ((prev: HandbackValues[K]) => HandbackValues[K])) =>
      form.setFieldValue(k, x as never);
  const last4Ref = useRef<HTMLInputElement>(null);
  const amountRef = useRef<HTMLInputElement>(null);
  const isManager = user.role === 'manager' || user.role === 'admin';

  // The identity is checked as soon as four digits are typed (collection.complete checks again).
  const typed = v.mode === 'owner' && /^\d{4}$/.test(v.last4);
  const identity = useCall('collection.checkIdentity', { ticketId: view.ticket.id, identity: { method: 'phone_last4', last4: v.last4 } }, { enabled: typed, silent: true });
  const identityOk = typed && identity.data ? identity.data.ok : null;
  // Once the identity holds, the amount is next.
  useEffect(() => {
    if (identityOk) amountRef.current?.focus();
  }, [identityOk]);

  const discountBp = discountBpOf(v);
  const s = useMemo(() => {
    const base = view.settlement;
    try {
      return settle({ customerDueFen: base.customerDueFen, discountBp: discountBp !== undefined && discountBp >= 0 && discountBp <= 10_000 ? discountBp : undefined, taxRateBp: base.tax.rateBp, pricesIncludeTax: base.tax.pricesIncludeTax, paidFen: base.paidFen, depositFen: base.depositFen });
    } catch {
      return base;
    }
  }, [view, discountBp]);
  const check = checkTenders(tenderLines(v), s.dueNowFen, { balanceAllowed: v.allowBalance, formatFen: fmt });
  const needsManager = !isManager && ((s.discountFen > 0 && s.discountFen > Math.floor((s.customerDueFen * view.discountManagerAboveBp) / 10_000)) || check.balanceFen > 0 || v.loanerOverride);
  const blocked = view.ticket.status !== 'ready' || view.dayClosed || (view.loaner.out && !v.loanerOverride);
  const sanbaoDue = sanbaoDueOf(view);
  const identityReady = v.mode === 'owner' ? identityOk === true : v.third.name.trim() !== '' && v.third.idNumber.trim().length >= 4;

  const complete = useCompleteCollection(view);
  const submit = async () => {
    if (complete.busy) return;
    await send(complete.run);
  };
  const setTenders = setter('tenders');
  const setTender = (i: number, patch: Partial<TenderRow>) => setTenders((ts) => ts.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return {
    view, fmt, isManager, last4Ref, amountRef,
    mode: v.mode, setMode: setter('mode'), last4: v.last4, setLast4: setter('last4'), third: v.third, setThird: setter('third'), identityOk, identityReady,
    discountPct: v.discountPct, setDiscountPct: setter('discountPct'), discountReason: v.discountReason, setDiscountReason: setter('discountReason'), s,
    tenders: v.tenders, setTenders, setTender, check, allowBalance: v.allowBalance, setAllowBalance: setter('allowBalance'), balanceReason: v.balanceReason, setBalanceReason: setter('balanceReason'), refundTender: v.refundTender, setRefundTender: setter('refundTender'),
    sanbaoDue, sanbaoTender: v.sanbaoTender, setSanbaoTender: setter('sanbaoTender'), sanbaoReference: v.sanbaoReference, setSanbaoReference: setter('sanbaoReference'),
    loanerOverride: v.loanerOverride, setLoanerOverride: setter('loanerOverride'), needsManager, approval: v.approval, setApproval: setter('approval'), blocked,
    errors: form.errors, setErrors: form.setErrors, submit, done: complete.done, docs: complete.docs, shown: complete.shown, busy: complete.busy, handbackDocs: complete.handbackDocs,
  };
}

export type Handback = ReturnType<typeof useHandback>;
