/** Registers the quote and authorization form (报价确认单) with the print service; entity = quote id, ticket id or ticket number (latest version). */
import { ALL_STAFF } from '../../shared/api/roles';
import { buildQuoteForm, otherPayersText, type QuoteFormModel } from '../../shared/bench/quote-form';
import { shopTerms } from '../../shared/documents/terms';
import { t } from '../../shared/i18n/translate';
import { PAYERS } from '../../shared/warranty/schemas';
import type { Ctx } from '../api/context';
import { registerDocument, type LoadOptions } from '../documents/registry';
import { statement } from '../db/statements';
import { loadAttachment } from '../tickets/attachments';
import { latestQuoteRow, loadQuote, quoteLineName, quoteState } from './quotes';
import { phoneDisplays } from '../customers/store';
import { latestCause } from './common';
import { DOC_FORMATS } from '../../shared/documents/settings';

let done = false;

function loadQuoteForm(ctx: Ctx, entityId: string, { locale, settings }: LoadOptions): QuoteFormModel | null {
  const c = { ...ctx, locale };
  let quoteId = statement<{ id: string }>(ctx.sqlite, `SELECT id FROM quotes WHERE id = ?`).get(entityId)?.id;
  const tRow = statement<{ id: string; number: string; fault_text: string; cid: string; name: string; brand: string; model: string; imei: string | null; serial: string | null; tech: string | null }>(ctx.sqlite, `SELECT t.id, t.number, t.fault_text, c.id AS cid, c.name, d.brand, d.model, d.imei, d.serial, u.display_name AS tech
     FROM tickets t JOIN customers c ON c.id = t.customer_id JOIN devices d ON d.id = t.device_id LEFT JOIN users u ON u.id = t.technician_id
     WHERE t.id = COALESCE((SELECT ticket_id FROM quotes WHERE id = ?), ?) OR t.number = ? LIMIT 1`).get(entityId, entityId, entityId);
  if (!tRow) return null;
  quoteId ??= latestQuoteRow(ctx, tRow.id)?.id;
  if (!quoteId) return null;
  const q = loadQuote(c, quoteId);
  const state = quoteState(c, tRow.id);
  // The authorization of this very version, if there is one; else the one before it shows as "previously authorized".
  const auths = state.authorizations.filter((a) => a.decision === 'approved');
  const own = auths.filter((a) => a.quoteId === q.id).pop() ?? null;
  const earlier = auths.filter((a) => a.quoteVersion < q.version).pop() ?? null;
  const prevLimit = earlier ? Math.max(earlier.totalFen, earlier.capFen ?? 0) : null;
  const phone = phoneDisplays(ctx.sqlite, tRow.cid)[0] ?? '';
  const cause = latestCause(ctx, tRow.id);
  let signaturePng: string | null = null;
  if (own?.method === 'signature' && own.attachmentId) signaturePng = `data:image/png;base64,${loadAttachment(ctx.sqlite, own.attachmentId).dataBase64}`;
  const payerWord = (p: string) => t(locale, `bench.payer.${p}`);
  const money = (f: number) => new Intl.NumberFormat(locale, { style: 'currency', currency: settings.currency, currencyDisplay: 'narrowSymbol' }).format(f / 100);
  return {
    shop: { name: settings.name, address: settings.address, phone: settings.phone, hotline: settings.hotline },
    ticketNumber: tRow.number,
    version: q.version,
    quotedAt: q.createdAt,
    customer: { name: tRow.name, phone },
    device: `${tRow.brand} ${tRow.model}`.trim(),
    deviceCode: tRow.imei ?? tRow.serial ?? '',
    fault: tRow.fault_text,
    cause,
    lines: q.lines.map((l) => ({
      description: l.kind === 'custom' && l.reason ? `${l.description}${locale === 'zh-CN' ? `（${l.reason}）` : ` (${l.reason})`}` : quoteLineName(ctx, l, locale),
      qty: l.qty,
      unitPriceFen: l.unitPriceFen,
      amountFen: l.amountFen,
      customerFen: l.payers.customer,
      payerText: otherPayersText(l.payers, locale, money),
      covered: l.payers.customer === 0,
    })),
    subtotalFen: q.totals.subtotalFen,
    payers: PAYERS.filter((p) => p !== 'customer' && q.totals.payers[p] > 0).map((p) => ({ label: t(locale, 'bench.doc.paidBy', { payer: payerWord(p) }), fen: q.totals.payers[p] })),
    discountFen: q.totals.discountFen,
    customerTotalFen: q.totals.customerTotalFen,
    estimatedCompletion: q.estimatedCompletion,
    previousAuthorizedFen: !own && prevLimit !== null && prevLimit < q.totals.customerTotalFen ? prevLimit : null,
    authorization: own
      ? {
          method: t(locale, `bench.method.${own.method}`),
          signer: own.signerName,
          at: own.calledAt ?? own.recordedAt,
          // a remote approval was recorded by no one at the shop: head office checked the code
          by: own.method === 'remote' ? t(locale, 'bench.doc.byHq') : (own.recordedByName ?? ''),
          totalFen: own.totalFen,
          capFen: own.capFen,
          words: own.customerWords,
          phone: own.phoneNumber,
          remote: own.method === 'remote' ? { clientAddress: own.clientAddress } : null,
        }
      : null,
    signaturePng,
    technician: tRow.tech ?? '',
    terms: shopTerms(settings.documents, locale, settings.currency),
  };
}

export function registerBenchDocuments(): void {
  if (done) return;
  done = true;
  registerDocument('quote', {
    titleKey: 'documents.title.quote',
    formats: DOC_FORMATS.quote,
    roles: ALL_STAFF,
    load: loadQuoteForm,
    build: buildQuoteForm,
    reference: (m) => `${m.ticketNumber} v${m.version}`,
  });
}
