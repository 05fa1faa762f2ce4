/**
 * An audit entry in words: the action's name and its details as "label: value" pairs, amounts as
 * money and codes (roles, tenders, statuses) by their names, so a manager reads what happened and
 * not `collection.complete` or `priceFen: 3000`. The shop's own data (names, SKUs, notes) stays
 * as written.
 */
import { hasKey, t } from '../i18n/translate';
import type { Locale } from '../i18n/types';
import { formatFen } from '../money/format';

/** Fields whose values are codes of a key family, for every action. */
const FAMILIES: Record<string, string> = {
  role: 'role',
  tender: 'collection.tender',
  sanbaoRefundTender: 'collection.tender',
  via: 'audit.value.via',
  option: 'warranty.option',
  identity: 'audit.value.identity',
  scope: 'audit.value.scope',
};
/** Fields whose meaning depends on the action (`from`/`to` are claim statuses here, versions elsewhere). */
const ACTION_FAMILIES: Record<string, Record<string, string>> = {
  'claims.setStatus': { from: 'collection.claimStatus', to: 'collection.claimStatus' },
  'tickets.revealPasscode': { kind: 'tickets.passcode' },
  'tickets.erasePasscode': { kind: 'tickets.passcode', reason: 'audit.value.eraseReason' },
  'dailyClose.cash': { kind: 'collection.cash.kind' },
};

/** Entries of actions named after this release may have no name yet: their code rather than nothing. */
export function auditActionName(action: string, locale: Locale): string {
  return hasKey(`audit.${action}`) ? t(locale, `audit.${action}`) : action;
}

function fieldLabel(field: string, locale: Locale): string {
  return hasKey(`audit.field.${field}`) ? t(locale, `audit.field.${field}`) : field;
}

function valueText(field: string, v: unknown, locale: Locale, families: Record<string, string>): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return t(locale, v ? 'audit.value.yes' : 'audit.value.no');
  if (typeof v === 'number') return field.endsWith('Fen') ? formatFen(v, locale) : String(v);
  if (typeof v === 'string') {
    const family = families[field];
    return family && hasKey(`${family}.${v}`) ? t(locale, `${family}.${v}`) : v;
  }
  if (Array.isArray(v)) return v.map((x) => valueText(field, x, locale, families)).join(locale === 'zh-CN' ? '、' : ', ');
  const o = v as Record<string, unknown>;
  if ('from' in o && 'to' in o && Object.keys(o).length === 2) return `${valueText(field, o.from, locale, families)} → ${valueText(field, o.to, locale, families)}`;
  return `(${pairs(o, locale, families)})`;
}

/** Internal references (`ticketId`, `collectionId`): a row id tells a person nothing; the entry's number or name does. */
const isReference = (field: string) => field === 'id' || field.endsWith('Id');

function pairs(details: Record<string, unknown>, locale: Locale, families: Record<string, string>): string {
  const colon = locale === 'zh-CN' ? '：' : ': ';
  return Object.entries(details)
    .filter(([k, v]) => v !== undefined && !isReference(k))
    .map(([k, v]) => `${fieldLabel(k, locale)}${colon}${valueText(k, v, locale, families)}`)
    .join(locale === 'zh-CN' ? '，' : ', ');
}

/** A before/after record reads as what changed: "Name: Li → Wang". */
function changes(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)]))
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) out[k] = { from: before[k] ?? null, to: after[k] ?? null };
  return out;
}

export function auditDetailsText(action: string, details: Record<string, unknown>, locale: Locale): string {
  const families = { ...FAMILIES, ...ACTION_FAMILIES[action] };
  const { before, after, ...rest } = details;
  const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  const shown = isRecord(before) && isRecord(after) ? { ...rest, ...changes(before, after) } : details;
  return pairs(shown, locale, families);
}
