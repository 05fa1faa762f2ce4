import { describe, expect, it } from 'vitest';
import { catalog } from '../../../src/shared/i18n/catalog';
import { LOCALES } from '../../../src/shared/i18n/types';
import { auditActionSchema } from '../../../src/shared/audit/actions';
import { auditActionName, auditDetailsText } from '../../../src/shared/audit/format';
import { claimStatusSchema, PAYMENT_KINDS, tenderSchema } from '../../../src/shared/collection/schemas';
import { CASH_MOVEMENT_KINDS } from '../../../src/shared/collection/till';
import { roleSchema } from '../../../src/shared/api/roles';
import { ticketStatusSchema, eventKindSchema, serviceTypeSchema, passcodeKindSchema, CONDITION_ITEMS, CONDITION_STATES, ACCESSORIES } from '../../../src/shared/tickets/schemas';
import { deviceCategorySchema, PROOF_KINDS } from '../../../src/shared/devices/schemas';
import { printStatusSchema } from '../../../src/shared/printing/schemas';
import { DIMENSIONS } from '../../../src/shared/reports/schemas';
import { STAGES } from '../../../src/shared/reports/math';
import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS, COMPLAINT_EVENT_KINDS, COMPLAINT_SEVERITIES, COMPLAINT_STATUSES, FOLLOW_UP_STATUSES } from '../../../src/shared/reports/care';
import { backupTriggerSchema } from '../../../src/shared/backup/schemas';
import { preferredContactSchema } from '../../../src/shared/customers/schemas';
import { searchMatchSchema } from '../../../src/shared/search/schemas';
import { dimensionValueLabel } from '../../../src/shared/reports/table';

/** The contract's enums, each beside the key family that names its values on screen and paper. */
const LABELLED: [family: string, values: readonly string[]][] = [
  ['audit', auditActionSchema.options],
  ['collection.tender', tenderSchema.options],
  ['collection.cash.kind', CASH_MOVEMENT_KINDS],
  ['collection.claimStatus', claimStatusSchema.options],
  ['collection.kind', PAYMENT_KINDS],
  ['role', roleSchema.options],
  ['tickets.status', ticketStatusSchema.options],
  ['tickets.event', eventKindSchema.options],
  ['tickets.service', serviceTypeSchema.options],
  ['tickets.passcode', passcodeKindSchema.options],
  ['tickets.condition', CONDITION_ITEMS],
  ['tickets.conditionState', CONDITION_STATES],
  ['tickets.accessory', ACCESSORIES],
  ['devices.category', deviceCategorySchema.options],
  ['devices.proof', PROOF_KINDS],
  ['documents.status', printStatusSchema.options],
  ['reports.dim', DIMENSIONS],
  ['reports.stage', STAGES],
  ['ui.reports.c.cat', COMPLAINT_CATEGORIES],
  ['ui.reports.c.ch', COMPLAINT_CHANNELS],
  ['ui.reports.c.ev', COMPLAINT_EVENT_KINDS],
  ['ui.reports.c.sev', COMPLAINT_SEVERITIES],
  ['ui.reports.c.st', COMPLAINT_STATUSES],
  ['ui.reports.fu.status', FOLLOW_UP_STATUSES],
  ['ui.backup.trigger', backupTriggerSchema.options],
  ['customers.contact', preferredContactSchema.options],
  ['search.match', searchMatchSchema.options],
];

describe('every code a person can meet has its words', () => {
  it.each(LABELLED)('%s: every value of the enum is named in both languages', (family, values) => {
    const missing = values.flatMap((v) => LOCALES.filter((l) => !catalog[l][`${family}.${v}`]?.trim()).map((l) => `${family}.${v} (${l})`));
    expect(missing).toEqual([]);
  });

  it('the report names tenders and claim statuses ("收入 · 现金", not "cash")', () => {
    expect(dimensionValueLabel('zh-CN', 'tender', 'cash')).toBe('现金');
    expect(dimensionValueLabel('en', 'claimStatus', 'draft')).toBe('Draft');
    expect(dimensionValueLabel('zh-CN', 'claimStatus', 'draft')).toBe('草稿');
  });

  it('an audit entry reads as words: the action by name, amounts as money, codes by name', () => {
    expect(auditActionName('collection.complete', 'zh-CN')).toBe('取机结算');
    expect(auditActionName('priceList.update', 'en')).toBe('Price-list item changed');
    expect(auditDetailsText('priceList.update', { code: 'LB-SCREEN', priceFen: 3000 }, 'zh-CN')).toBe('编码：LB-SCREEN，价格：¥30.00');
    expect(auditDetailsText('priceList.update', { code: 'LB-SCREEN', priceFen: 3000 }, 'en')).toBe('Code: LB-SCREEN, Price: ¥30.00');
    expect(auditDetailsText('claims.setStatus', { from: 'draft', to: 'submitted' }, 'en')).toBe('From: Draft, To: Submitted');
    expect(auditDetailsText('users.create', { username: 'li', role: 'technician' }, 'zh-CN')).toBe('用户名：li，角色：维修工程师');
    expect(auditDetailsText('shop.update', { disabled: { from: false, to: true } }, 'en')).toBe('Disabled: no → yes');
    expect(auditDetailsText('customers.update', { before: { name: 'Li', note: 'x' }, after: { name: 'Wang', note: 'x' } }, 'en')).toBe('Name: Li → Wang');
    // row ids are left out; the identity check, the erase reason and the close's scope read as words
    expect(auditDetailsText('complaints.open', { number: 'SZ01-C2611-001', ticketId: '01a1e355-a122-7002-8e65-234936877eea' }, 'zh-CN')).toBe('编号：SZ01-C2611-001');
    expect(auditDetailsText('collection.complete', { collectionId: '01a2', totalFen: 0, identity: 'phone_last4' }, 'zh-CN')).toBe('应收合计：¥0.00，身份核对：手机号后四位');
    expect(auditDetailsText('tickets.erasePasscode', { reason: 'collected' }, 'en')).toBe('Reason: device collected');
    expect(auditDetailsText('dailyClose.close', { date: '2026-11-22', scope: 'shop', userId: null }, 'zh-CN')).toBe('日期：2026-11-22，范围：全店');
  });
});
