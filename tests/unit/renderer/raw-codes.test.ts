import { describe, expect, it } from 'vitest';
import { rawCodesIn } from '../../e2e/tour/raw-codes';

const enumValues = ['cash', 'draft', 'open', 'admin', 'repairing', 'awaiting_approval', 'wechat'];
const codes = (chunks: string[], allowed?: string[]) => rawCodesIn(chunks, { enumValues, allowed }).map((c) => `${c.kind} ${c.code}`);

describe('the screen tour\'s raw-code detector', () => {
  it('catches an i18n key shown instead of its words', () => {
    expect(codes(['bench.quote.title'])).toEqual(['i18n-key bench.quote.title']);
    expect(codes(['标题：ui.counter.fault.common'])).toEqual(['i18n-key ui.counter.fault.common']);
  });

  it('with the catalogs\' namespaces: a two-segment key is caught, a dotted id of the shop\'s data is not', () => {
    const withNs = (chunks: string[]) => rawCodesIn(chunks, { enumValues, keyNamespaces: ['ui', 'reports', 'bench'] }).map((c) => c.code);
    expect(withNs(['reports.na', 'bench.quote.title'])).toEqual(['reports.na', 'bench.quote.title']);
    expect(withNs(['cn.tv.lcd.2011/1', 'cn.phone.2001', 'e.g. this'])).toEqual([]);
  });

  it('catches an enum value standing alone, after a label or in brackets', () => {
    expect(codes(['cash'])).toEqual(['enum-value cash']);
    expect(codes(['收入: cash'])).toEqual(['enum-value cash']);
    expect(codes(['厂家索赔（按状态）: draft'])).toEqual(['enum-value draft']);
    expect(codes(['Status：repairing'])).toEqual(['enum-value repairing']);
    expect(codes(['(open)'])).toEqual(['enum-value open']);
    // snake case is a code wherever it stands
    expect(codes(['状态 awaiting_approval 3 张'])).toEqual(['enum-value awaiting_approval']);
  });

  it('catches a field name and an unfilled placeholder', () => {
    expect(codes(['priceFen: 3000'])).toEqual(['field-name priceFen']);
    expect(codes(['已保存 {name} 的工单'])).toEqual(['placeholder {name}']);
    expect(codes(['{count, plural, one {# part} other {# parts}}'])).toContain('placeholder {count, plural');
    expect(codes(['Hello {{user}}'])).toEqual(['placeholder {{user}}']);
  });

  it('catches undefined, NaN and [object Object]', () => {
    expect(codes(['¥NaN'])).toEqual(['js-value NaN']);
    expect(codes(['客户：undefined'])).toEqual(['js-value undefined']);
    expect(codes(['[object Object]'])).toEqual(['js-value [object Object]']);
    expect(codes(['null'])).toEqual(['js-value null']);
  });

  it('passes real sentences in Chinese and English, prices, dates, names and addresses', () => {
    expect(
      codes([
        '收入：现金 ¥1,280.00',
        '厂家索赔（按状态）：草稿 3',
        '等待客户确认报价',
        'Awaiting the customer\'s approval',
        'Cash received: ¥1,280.00 · 2026-11-23 10:00',
        'Paid in cash, the draft quote is open for changes.',
        'Apple iPhone 15 Pro · macOS 14 · iPad Air',
        'http://hq.example.com/api · backup-2026-11-23.db · fixpoint.local',
        'SZ01-2611-0007',
        '王小明 138****5678',
        '1 part, 2 parts — due in 1 day',
        'v1.2.3',
      ]),
    ).toEqual([]);
  });

  it('lets a value the page shows as data be (a username)', () => {
    expect(codes(['admin'])).toEqual(['enum-value admin']);
    expect(codes(['admin'], ['admin'])).toEqual([]);
  });
});
