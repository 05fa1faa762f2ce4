/** What the counter sees for a ticket at hand-back (取机): the view before anything is written. */
import { addDays } from '../../shared/collection/rules';
import type { CollectionView } from '../../shared/collection/schemas';
import { maskPhone } from '../../shared/documents/format';
import { t as tt, hasKey } from '../../shared/i18n/translate';
import { localDate } from '../../shared/time/local-date';
import type { Ctx } from '../api/context';
import { statement } from '../db/statements';
import type { DB } from '../db/schema';
import { latestCause, ticketBasics, userName } from '../bench/common';
import { shopSettings } from '../shop/settings';
import { loanerOutForTicket } from '../stock';
import { businessDate, closeOf, ticketPayments } from './payments';
import { sanbaoRefundPaid } from './sanbao-refund';
import { collectionRow, extra, lastStatusAt, partLinesOf, replacedParts, settlementOf, warrantyFacts, workLines } from './reads';
import { phoneDisplays } from '../customers/store';

export async function lookup(ctx: Ctx, ref: string, discount: { discountBp?: number | undefined; discountFen?: number | undefined } = {}): Promise<CollectionView> {
  const t = ticketBasics(ctx, ref.trim());
  const x = extra(ctx, t.id);
  const settings = shopSettings(ctx);
  const today = businessDate(ctx);
  const record = t.status === 'collected' ? collectionRow(ctx, t.id) : null;
  const { settlement, quote } = settlementOf(ctx, t.id, record ? { discountFen: record.discountFen } : discount);
  const handback = record ? localDate(record.collectedAt, settings.timeZone) : today;
  const w = await warrantyFacts(ctx, t, partLinesOf(quote));
  const paidParts = new Set((quote?.quote.lines ?? []).filter((l) => l.partId && l.payers.customer < l.amountFen).map((l) => l.partId!));
  const loan = loanerOutForTicket(ctx, t.id);
  const dayClosed = closeOf(ctx, today, ctx.session?.userId ?? null) !== null;
  const L = ctx.locale;
  const blockers: string[] = [];
  if (t.status === 'collected') blockers.push(tt(L, 'collection.error.alreadyCollected', { number: t.number }));
  else if (t.status !== 'ready') blockers.push(tt(L, 'collection.error.notReady', { number: t.number, status: tt(L, `tickets.status.${t.status}`) }));
  if (loan && t.status !== 'collected') blockers.push(tt(L, 'stock.errors.loanerOut', { ticket: t.number, sku: loan.sku, serial: loan.serial }));
  if (dayClosed) blockers.push(tt(L, 'collection.error.dayClosed', { date: today }));
  const s = statement<DB['sanbao_outcomes'], [string]>(ctx.sqlite, `SELECT * FROM sanbao_outcomes WHERE ticket_id = ? ORDER BY id DESC LIMIT 1`).get(t.id);
  const accessories = JSON.parse(x.accessories_json || '{}') as { items?: string[]; other?: string };
  const faultCodes = (JSON.parse(x.fault_codes_json || '[]') as string[]).map((c) => (hasKey(`devices.fault.${c}`) ? tt(L, `devices.fault.${c}`) : c));
  return {
    ticket: {
      id: t.id,
      number: t.number,
      status: t.status,
      outcome: x.outcome,
      receivedAt: t.received_at,
      readyAt: lastStatusAt(ctx, t.id, 'ready'),
      fault: [faultCodes.join(L === 'zh-CN' ? '、' : ', '), x.fault_text].filter(Boolean).join(L === 'zh-CN' ? '；' : '; '),
      cause: latestCause(ctx, t.id),
      technician: x.technician,
      customerName: x.customer_name,
      phonesMasked: phoneDisplays(ctx.sqlite, t.customer_id).map(maskPhone),
      device: { category: t.category, brand: x.brand, model: x.model, imei: x.imei, serial: x.serial, colour: x.colour },
      passcodeGiven: t.passcode_state === 'given',
      accessories: (accessories.items ?? []).map((a) => (a === 'other' && accessories.other ? accessories.other : hasKey(`documents.accessory.${a}`) ? tt(L, `documents.accessory.${a}`) : a)),
    },
    lines: quote ? workLines(ctx, quote) : [],
    quote: quote ? { version: quote.quote.version, declined: quote.declined, covered: quote.covered, payers: quote.byPayer } : null,
    parts: replacedParts(ctx, t.id, w, handback, paidParts),
    warranty: { unitEnd: w.unitEnd, repairWarrantyDays: w.repairWarrantyDays, repairWarrantyUntil: addDays(handback, w.repairWarrantyDays), reasons: w.reasons },
    sanbao: s
      ? {
          option: s.option,
          oldImei: s.old_imei,
          oldSerial: s.old_serial,
          newImei: s.new_imei,
          newSerial: s.new_serial,
          exchangeDate: s.exchange_date,
          refundFen: s.refund_fen,
          purchasePriceFen: s.purchase_price_fen,
          depreciationFen: s.depreciation_fen,
          daysUsed: s.days_used,
          approvedByName: userName(ctx, s.approved_by),
          refundPaid: s.option === 'return' ? sanbaoRefundPaid(ctx, { id: s.id, ticketId: t.id }) : null,
        }
      : null,
    loaner: { out: !!loan, sku: loan?.sku ?? null, serial: loan?.serial ?? null, depositFen: loan?.depositFen ?? 0 },
    payments: ticketPayments(ctx, t.id),
    settlement,
    discountManagerAboveBp: settings.bench.discountManagerAboveBp,
    today,
    dayClosed,
    blockers,
    collection: record,
  };
}

