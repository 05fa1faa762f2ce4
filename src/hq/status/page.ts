/**
 * The status page as HTML (issue 20 point 1), rendered at head office: mobile-first, no script,
 * one inline stylesheet allowed by its hash, every value escaped. A phone on a slow network gets
 * one small document; nothing is fetched after it.
 */
import { createHash } from 'node:crypto';
import type { Locale } from '../../shared/i18n/types';
import { t } from '../../shared/i18n/translate';
import { formatDate, formatDateTime } from '../../shared/documents/format';
import type { StatusCard } from '../../shared/status/card';
import { formatFen } from '../../shared/money/format';
import { CODE_DIGITS, CODE_TTL_MS } from '../../shared/status/approval';
import type { ApprovalState } from './approval';
import type { SurveyState } from './survey';
import { SURVEY_COMMENT_MAX } from '../../shared/status/survey';

/** The survey part of a collected ticket's page. */
export interface SurveyView {
  state: SurveyState;
  notice: { key: string } | null;
  path: string;
  lang: Locale;
}

/** The approval part of a page: the state, a notice to show above the forms, where the forms post. */
export interface ApprovalView {
  state: ApprovalState;
  notice: { key: string; params?: Record<string, string>; ok?: boolean } | null;
  /** The page's own path (the forms post to <path>/code and <path>/decide) and its language query. */
  path: string;
  lang: Locale;
  maskedPhone: string;
}

const STYLE = `
:root{color-scheme:light;--ink:#1f2328;--dim:#59636e;--line:#d1d9e0;--brand:#1c7ed6;--ok:#2f9e44}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:var(--ink);background:#f6f8fa}
main{max-width:32rem;margin:0 auto;padding:1rem}
header{display:flex;justify-content:space-between;align-items:baseline;gap:1rem}
h1{font-size:1.25rem;margin:.25rem 0}h2{font-size:1rem;margin:0 0 .5rem;color:var(--dim)}
section{background:#fff;border:1px solid var(--line);border-radius:.5rem;padding:1rem;margin:.75rem 0}
.now{font-size:1.5rem;font-weight:700;color:var(--brand);margin:.25rem 0}
ol{list-style:none;margin:0;padding:0}
ol li{display:flex;justify-content:space-between;gap:1rem;padding:.4rem 0 .4rem 1.5rem;position:relative;border-left:2px solid var(--line);margin-left:.5rem}
ol li::before{content:"";position:absolute;left:-.45rem;top:.75rem;width:.8rem;height:.8rem;border-radius:50%;background:#fff;border:2px solid var(--line)}
ol li.done::before{background:var(--ok);border-color:var(--ok)}ol li.current::before{background:var(--brand);border-color:var(--brand)}
ol li.todo{color:var(--dim)}ol li.current{font-weight:700}
time,.dim{color:var(--dim);font-size:.9rem}time{white-space:nowrap}
dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem;margin:0}dt{color:var(--dim)}dd{margin:0}
a{color:var(--brand)}ul{margin:0;padding-left:1.25rem}
table{width:100%;border-collapse:collapse}td{padding:.3rem 0;vertical-align:top}td.n{text-align:right;white-space:nowrap;padding-left:.75rem}
tr.total td{border-top:1px solid var(--line);font-weight:700;font-size:1.1rem;padding-top:.5rem}
form{margin:.75rem 0 0}label{display:block;margin:.5rem 0 .25rem;color:var(--dim);font-size:.9rem}
input{width:100%;font:inherit;font-size:1.1rem;padding:.6rem;border:1px solid var(--line);border-radius:.4rem}
button{display:block;width:100%;font:inherit;font-weight:700;padding:.75rem;margin:.6rem 0 0;border-radius:.4rem;border:1px solid var(--brand);background:var(--brand);color:#fff}
button.second{background:#fff;color:var(--ink);border-color:var(--line);font-weight:400}button.link{background:none;border:0;color:var(--brand);font-weight:400;padding:.25rem}
.score{display:flex;gap:.4rem}.score label{flex:1;margin:0;text-align:center;border:1px solid var(--line);border-radius:.4rem;padding:.6rem 0;color:var(--ink);font-size:1.1rem}
.score input{position:absolute;opacity:0;width:1px}.score label:has(input:checked){background:var(--brand);border-color:var(--brand);color:#fff;font-weight:700}
fieldset{border:0;padding:0;margin:0}textarea{width:100%;font:inherit;padding:.6rem;border:1px solid var(--line);border-radius:.4rem;min-height:5rem}
.notice{padding:.6rem .75rem;border-radius:.4rem;background:#fff4e6;border:1px solid #ffc078}.notice.ok{background:#ebfbee;border-color:#8ce99a}
`;
export const STATUS_PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; img-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c]!);

function shell(locale: Locale, title: string, body: string, otherLanguageHref: string | null): string {
  const lang = otherLanguageHref ? `<a href="${esc(otherLanguageHref)}" hreflang="${locale === 'en' ? 'zh-CN' : 'en'}">${esc(t(locale, 'status.page.language'))}</a>` : '';
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${esc(title)}</title><style>${STYLE}</style></head><body><main>${lang ? `<header><span></span>${lang}</header>` : ''}${body}</main></body></html>`;
}

function approvalHtml(a: ApprovalView, locale: Locale, tz: string): string {
  const L = (key: string, p?: Record<string, string>) => esc(t(locale, key, p));
  const money = (fen: number) => esc(formatFen(fen, locale));
  const o = a.state.offer;
  const rows = o.lines.map(
    (l) =>
      `<tr><td>${esc(l.reason ? (locale === 'zh-CN' ? `${l.description}（${l.reason}）` : `${l.description} (${l.reason})`) : l.description)} <span class="dim">${L('status.approval.qty', { qty: String(l.qty) })}</span></td><td class="n">${money(l.amountFen)}<br><span class="dim">${l.customerFen === 0 ? L('status.approval.covered') : L('status.approval.yourShare', { amount: formatFen(l.customerFen, locale) })}</span></td></tr>`,
  );
  for (const x of o.others) rows.push(`<tr><td class="dim">${L(`status.approval.paidBy.${x.payer}`)}</td><td class="n dim">−${money(x.fen)}</td></tr>`);
  if (o.discountFen > 0) rows.push(`<tr><td class="dim">${L('status.approval.discount')}</td><td class="n dim">−${money(o.discountFen)}</td></tr>`);
  rows.push(`<tr class="total"><td>${L('status.approval.total')}</td><td class="n" data-total="${o.totalFen}">${money(o.totalFen)}</td></tr>`);
  const q = `?lang=${a.lang}`;
  const hidden = `<input type="hidden" name="quote" value="${esc(o.quoteId)}">`;
  const notice = a.notice ? `<p class="notice${a.notice.ok ? ' ok' : ''}" role="status">${L(a.notice.key, a.notice.params)}</p>` : '';
  let forms: string;
  if (a.state.decided) {
    forms = `<p class="notice ok" role="status" data-decided="${esc(a.state.decided.decision)}">${L(`status.approval.done.${a.state.decided.decision}`, { at: formatDateTime(a.state.decided.decidedAt, tz) })}</p>`;
  } else if (a.state.locked) {
    forms = `<p class="notice" role="status">${L('status.approval.locked')}</p>`;
  } else if (!a.state.codePending) {
    forms = `${notice}<p>${L('status.approval.intro', { phone: a.maskedPhone })}</p><form method="post" action="${esc(a.path)}/code${q}">${hidden}<button type="submit">${L('status.approval.sendCode')}</button></form>`;
  } else {
    const sent = a.notice ? notice : `<p class="notice ok" role="status">${esc(t(locale, 'status.approval.sent', { phone: a.maskedPhone, minutes: CODE_TTL_MS / 60_000 }))}</p>`;
    forms = `${sent}<form method="post" action="${esc(a.path)}/decide${q}">${hidden}
<label for="code">${L('status.approval.code')}</label><input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{${CODE_DIGITS}}" maxlength="${CODE_DIGITS}" required>
<label for="cap">${L('status.approval.cap')}</label><input id="cap" name="cap" inputmode="decimal"><p class="dim">${L('status.approval.capHint')}</p>
<button type="submit" name="decision" value="approved">${L('status.approval.approve')}</button>
<button type="submit" name="decision" value="declined" class="second">${L('status.approval.decline')}</button><p class="dim">${L('status.approval.declineHint')}</p></form>
<form method="post" action="${esc(a.path)}/code${q}">${hidden}<button type="submit" class="link">${L('status.approval.resend')}</button></form>`;
  }
  return `<section aria-labelledby="quote"><h2 id="quote">${L('status.approval.title', { version: String(o.version) })}</h2><table>${rows.join('')}</table>${forms}</section>`;
}

function surveyHtml(s: SurveyView, locale: Locale): string {
  const L = (key: string, p?: Record<string, string>) => esc(t(locale, key, p));
  if (s.state.answered) {
    return `<section aria-labelledby="survey"><h2 id="survey">${L('status.survey.title')}</h2><p class="notice ok" role="status" data-survey="answered">${L('status.survey.thanks', { score: String(s.state.answered.score) })}</p></section>`;
  }
  const scores = [1, 2, 3, 4, 5].map((n) => `<label><input type="radio" name="score" value="${n}" required>${n}</label>`).join('');
  const notice = s.notice ? `<p class="notice" role="status">${L(s.notice.key)}</p>` : '';
  return `<section aria-labelledby="survey"><h2 id="survey">${L('status.survey.title')}</h2>${notice}<p>${L('status.survey.ask')}</p>
<form method="post" action="${esc(s.path)}/survey?lang=${s.lang}"><fieldset><legend class="dim">${L('status.survey.scale')}</legend><div class="score">${scores}</div></fieldset>
<label for="comment">${L('status.survey.comment')}</label><textarea id="comment" name="comment" maxlength="${SURVEY_COMMENT_MAX}"></textarea>
<button type="submit">${L('status.survey.send')}</button></form></section>`;
}

export function statusPageHtml(card: StatusCard, locale: Locale, otherLanguageHref: string, approval: ApprovalView | null = null, survey: SurveyView | null = null): string {
  const tz = card.shop.timeZone;
  const L = (key: string, p?: Record<string, string>) => esc(t(locale, key, p));
  const steps = card.steps
    .map((s) => `<li class="${s.state}"><span>${L(`status.step.${s.step}`)}</span>${s.at ? `<time datetime="${esc(s.at)}">${esc(formatDateTime(s.at, tz))}</time>` : ''}</li>`)
    .join('');
  const current = card.steps.find((s) => s.state === 'current') ?? [...card.steps].reverse().find((s) => s.state === 'done');
  const now = card.status === 'cancelled' ? L('status.page.cancelled') : current ? L(`status.step.${current.step}`) : '';
  const facts: string[] = [];
  if (card.promisedDate) facts.push(`<p>${L('status.page.promised')}${locale === 'zh-CN' ? '：' : ': '}<strong>${esc(formatDate(card.promisedDate, tz))}</strong></p>`);
  if (card.partsExpected) facts.push(`<p>${L('status.page.partsExpected', { date: formatDate(card.partsExpected, tz) })}</p>`);
  const shopFacts = [
    card.shop.address && `<dt>${L('status.page.address')}</dt><dd>${esc(card.shop.address)}</dd>`,
    card.shop.hours && `<dt>${L('status.page.hours')}</dt><dd>${esc(card.shop.hours)}</dd>`,
    card.shop.phone && `<dt>${L('status.page.phone')}</dt><dd><a href="tel:${esc(card.shop.phone.replace(/[^\d+]/g, ''))}">${esc(card.shop.phone)}</a></dd>`,
    card.shop.hotline && `<dt>${L('status.page.hotline')}</dt><dd><a href="tel:${esc(card.shop.hotline.replace(/[^\d+]/g, ''))}">${esc(card.shop.hotline)}</a></dd>`,
  ].filter(Boolean);
  const body = `
<section aria-labelledby="now"><h1 id="now">${L('status.page.title')}</h1>
<dl><dt>${L('status.page.ticket')}</dt><dd>${esc(card.ticketNumber)}</dd><dt>${L('status.page.customer')}</dt><dd>${esc([card.customer.name, card.customer.phone].filter(Boolean).join(' '))}</dd></dl>
<p class="now" data-status="${esc(card.status)}">${now}</p>${facts.join('')}</section>
${approval ? approvalHtml(approval, locale, tz) : ''}${survey ? surveyHtml(survey, locale) : ''}
<section aria-labelledby="steps"><h2 id="steps">${L('status.page.steps')}</h2><ol>${steps}</ol></section>
${card.bring.length ? `<section aria-labelledby="bring"><h2 id="bring">${L('status.page.bring')}</h2><ul>${card.bring.map((k) => `<li>${L(k)}</li>`).join('')}</ul></section>` : ''}
<section aria-labelledby="shop"><h2 id="shop">${L('status.page.shop')}</h2><p><strong>${esc(card.shop.name)}</strong></p><dl>${shopFacts.join('')}</dl>
<p class="dim">${card.lastSyncAt ? L('status.page.synced', { at: formatDateTime(card.lastSyncAt, tz) }) : L('status.page.neverSynced')}</p></section>`;
  return shell(locale, `${t(locale, 'status.page.title')} · ${card.shop.name}`, body, otherLanguageHref);
}

/** The one answer for a wrong, expired or revoked link (and a revoked shop): nothing tells them apart. */
export function notFoundHtml(locale: Locale): string {
  return shell(locale, t(locale, 'status.page.notFound.title'), `<section><h1>${esc(t(locale, 'status.page.notFound.title'))}</h1><p>${esc(t(locale, 'status.page.notFound.body'))}</p></section>`, null);
}

export function limitedHtml(locale: Locale): string {
  return shell(locale, t(locale, 'status.page.limited'), `<section><h1>${esc(t(locale, 'status.page.limited'))}</h1></section>`, null);
}

/** A form posted from another site's page: refused, with nothing recorded. */
export function refusedHtml(locale: Locale): string {
  return shell(locale, t(locale, 'status.page.refused'), `<section><h1>${esc(t(locale, 'status.page.refused'))}</h1></section>`, null);
}

/** A form that could not be read (too large, malformed). */
export function badRequestHtml(locale: Locale): string {
  return shell(locale, t(locale, 'status.approval.badRequest'), `<section><h1>${esc(t(locale, 'status.approval.badRequest'))}</h1></section>`, null);
}
