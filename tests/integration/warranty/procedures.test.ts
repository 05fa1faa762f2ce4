import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../src/core';
import type { Role } from '../../../src/shared/api/roles';
import { PRESETS, CN_HOLIDAYS } from '../../../src/shared/warranty';
import { evaluateForDevice } from '../../../src/core/warranty/evaluate';
import { ManualClock } from '../../helpers/clock';
import { makeBackend, setupShop } from '../../helpers/backend';

let backend: Backend;
let tokens: Record<Role, string>;
const clock = new ManualClock(Date.parse('2026-11-23T02:00:00Z')); // 10:00 in Shanghai

beforeAll(async () => {
  ({ backend } = makeBackend({ clock }));
  tokens = await setupShop(backend);
});
afterAll(async () => backend.close());

const as = (role: Role, locale: 'zh-CN' | 'en' = 'en') => ({ token: tokens[role], locale });

/** A phone bought `daysAgo` days before 2026-11-23 with an invoice, in with a listed fault today. */
function phone(invoiceDate: string, extra: Record<string, unknown> = {}) {
  return {
    category: 'phone',
    device: { purchasePrice: 499900, hasInvoice: true, invoiceDate },
    current: { faultCode: 'no_power', sentIn: '2026-11-23', performanceFault: true },
    lines: [
      { id: 'labor', type: 'labor' as const, part: null, price: 8000 },
      { id: 'battery', type: 'part' as const, part: 'battery', price: 19900 },
    ],
    ...extra,
  };
}

async function fieldsOf(name: string, input: unknown, role: Role = 'counter', locale: 'zh-CN' | 'en' = 'en') {
  const res = await backend.callWire(name, input, as(role, locale));
  expect(res.ok, JSON.stringify(res)).toBe(false);
  if (res.ok) return [];
  expect(res.error.code).toBe('VALIDATION');
  return res.error.details.fields as { path: string; message: string }[];
}

describe('warranty data after migration', () => {
  it('has every national preset active, with its sources, and the holiday calendar', async () => {
    const list = await backend.call('warranty.policies.list', {}, as('counter'));
    expect(list.map((p) => p.id).sort()).toEqual(PRESETS.map((p) => p.id).sort());
    for (const p of list) {
      expect(p).toMatchObject({ source: 'preset', active: true, versionNo: 1, hasPreset: true, updatedBy: null });
      expect(p.version).toBe(PRESETS.find((x) => x.id === p.id)!.version);
    }
    const phone = list.find((p) => p.id === 'cn.phone.2001')!;
    expect(phone.categoryDefault).toBe(true);
    expect(phone.policy.sources.returnDays).toMatchObject({ regulation: 'cn.mobile_phone_2001', article: '第十一条', confidence: 'text' });
    // TV has four presets; the LCD one is what a bare "tv" evaluates with.
    const tvDefaults = list.filter((p) => p.category === 'tv' && p.categoryDefault).map((p) => p.id);
    expect(tvDefaults).toEqual(['cn.tv.lcd.2011']);

    const cal = await backend.call('warranty.calendar.get', {}, as('counter'));
    expect(cal.current).toMatchObject({ id: CN_HOLIDAYS.id, versionNo: 1, source: 'preset' });
    expect(cal.current.calendar.years.map((y) => y.year)).toEqual(CN_HOLIDAYS.years.map((y) => y.year));
  });

  it('keeps head-office data out of the outbox', () => {
    const rows = backend.services.sqlite
      .prepare(`SELECT DISTINCT table_name FROM outbox WHERE table_name LIKE 'warranty%'`)
      .all();
    expect(rows).toEqual([]);
  });
});

describe('warranty.evaluate', () => {
  it('defaults today to the shop date and gives the 7-day options with reasons in the caller\'s language', async () => {
    const en = await backend.call('warranty.evaluate', phone('2026-11-18'), as('counter', 'en'));
    expect(en.today).toBe('2026-11-23');
    expect(en.policy).toMatchObject({ id: 'cn.phone.2001', version: 'cn.phone.2001/1', source: 'preset' });
    expect(en.decision.policyVersion).toBe('cn.phone.2001/1');
    expect(en.decision.calendarId).toBe('cn-state-council/1');
    expect(en.decision.options.map((o) => o.option)).toEqual(['return', 'exchange', 'repair']);
    expect(en.text.options[0]!.join(' ')).toMatch(/Listed fault on day 5 after sale/);
    // Each reason names its regulation and, where the text gave us one, its article (citations.ts).
    expect(en.text.reasons[0]).toBe('Warranty runs from the invoice date 2026-11-18 (Mobile phone regulation)');
    expect(en.decision.lines.every((l) => l.status === 'covered')).toBe(true);
    expect(en.text.lines[1]![0]).toMatch(/^Accessory Battery is under warranty/);

    const zh = await backend.call('warranty.evaluate', phone('2026-11-18'), as('counter', 'zh-CN'));
    expect(zh.text.reasons[0]).toBe('三包有效期自发票日期2026-11-18起算（《移动电话机商品修理更换退货责任规定》）');
    // 第十一条: days 1–7
    expect(zh.text.options[0]!.join('')).toContain('可选择退货、换货或修理（《移动电话机商品修理更换退货责任规定》第十一条）');
    expect(zh.text.options[0]!.join('')).toContain('可选择退货、换货或修理');
    expect(zh.text.lines[1]![0]).toContain('附件电池在保修期内');
  });

  it('day 8–15: exchange or repair, no return; liquid voids coverage with its reason', async () => {
    const d10 = await backend.call('warranty.evaluate', phone('2026-11-13'), as('counter'));
    expect(d10.decision.options.map((o) => o.option)).toEqual(['exchange', 'repair']);
    const wet = await backend.call('warranty.evaluate', phone('2026-11-13', { findings: ['liquid'] }), as('counter', 'zh-CN'));
    expect(wet.decision.options).toEqual([]);
    expect(wet.decision.lines[0]!.status).toBe('not_covered');
    expect(wet.decision.lines[0]!.payers.customer).toBe(8000);
    expect(wet.text.reasons).toContain('检测发现：进水/进液，不适用三包退换修（《移动电话机商品修理更换退货责任规定》）');
    expect(wet.text.lines[0]).toContain('检测发现：进水/进液，相关保修不适用（《移动电话机商品修理更换退货责任规定》）');
  });

  it('takes a policy id or an exact older version, and the device\'s recorded programs', async () => {
    const byId = await backend.call('warranty.evaluate', { ...phone('2026-11-13'), category: undefined, policyId: 'cn.phone.2001' }, as('counter'));
    expect(byId.policy.id).toBe('cn.phone.2001');
    const added = await backend.call(
      'warranty.programs.add',
      { deviceId: 'dev-1', program: { kind: 'extended_warranty', id: 'ext2y', years: 2 } },
      as('manager'),
    );
    expect(added.createdBy).toBe('manager');
    expect(await backend.call('warranty.programs.list', { deviceId: 'dev-1' }, as('counter'))).toHaveLength(1);
    const old = await backend.call(
      'warranty.evaluate',
      { ...phone('2024-10-01'), deviceId: 'dev-1', current: { faultCode: 'no_power', sentIn: '2026-11-23', performanceFault: true } },
      as('counter'),
    );
    expect(old.decision.lines[0]!.payers.extended_warranty).toBe(8000);
    const dup = await backend.callWire(
      'warranty.programs.add',
      { deviceId: 'dev-1', program: { kind: 'extended_warranty', id: 'ext2y', years: 2 } },
      as('manager'),
    );
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await backend.callWire('warranty.programs.add', { deviceId: 'd', program: { kind: 'extended_warranty', id: 'x', years: 1 } }, as('counter'))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await backend.call('warranty.programs.remove', { id: added.id }, as('manager'));
    expect(await backend.call('warranty.programs.list', { deviceId: 'dev-1' }, as('counter'))).toEqual([]);
  });

  it('is callable from another capability inside its transaction', async () => {
    const res = await backend.services.db.transaction().execute((trx) =>
      evaluateForDevice(
        { db: trx, sqlite: backend.services.sqlite, clock, locale: 'en' },
        {
          category: 'laptop',
          device: { purchasePrice: 600000, hasInvoice: true, invoiceDate: '2025-06-01' },
          programs: [],
          findings: [],
          history: [],
          lines: [{ id: 'mb', type: 'part', part: 'mainboard', price: 150000 }],
        },
      ),
    );
    expect(res.decision.lines[0]).toMatchObject({ status: 'covered', coverage: 'main_part', endDate: '2027-06-01' });
  });
});

describe('bad input is refused at the boundary, naming the field', () => {
  it('purchase date after today', async () => {
    expect(await fieldsOf('warranty.evaluate', phone('2026-11-24'))).toEqual([
      { path: 'device.invoiceDate', message: 'The purchase date cannot be after today' },
    ]);
  });
  it('a date before the factory date (in Chinese too)', async () => {
    const input = phone('2026-01-05', { device: { purchasePrice: 100, hasInvoice: true, invoiceDate: '2026-01-05', factoryDate: '2026-02-01' } });
    expect(await fieldsOf('warranty.evaluate', input, 'counter', 'zh-CN')).toEqual([
      { path: 'device.invoiceDate', message: '日期早于设备出厂日期' },
    ]);
  });
  it('unknown category, and a category with no policy', async () => {
    expect(await fieldsOf('warranty.evaluate', phone('2026-11-01', { category: 'toaster' }))).toEqual([
      { path: 'category', message: 'Unknown product category: toaster' },
    ]);
    expect(await fieldsOf('warranty.evaluate', phone('2026-11-01', { category: 'tablet' }))).toEqual([
      { path: 'category', message: expect.stringContaining('No warranty policy for this product category') },
    ]);
    expect(await fieldsOf('warranty.evaluate', phone('2026-11-01', { category: undefined }))).toEqual([
      { path: 'category', message: 'Choose a product category or a warranty policy' },
    ]);
    expect(await fieldsOf('warranty.evaluate', phone('2026-11-01', { category: undefined, policyId: 'nope' }))).toEqual([
      { path: 'policyId', message: 'No such warranty policy: nope' },
    ]);
  });
  it('negative prices on the device, a line and a refund', async () => {
    const input = phone('2026-11-01');
    input.device.purchasePrice = -1;
    input.lines[1]!.price = -500;
    expect(await fieldsOf('warranty.evaluate', input)).toEqual([
      { path: 'device.purchasePrice', message: 'The amount cannot be negative' },
      { path: 'lines.1.price', message: 'The amount cannot be negative' },
    ]);
    expect(await fieldsOf('warranty.refund', { category: 'phone', price: -1, invoiceDate: '2026-11-01' })).toEqual([
      { path: 'price', message: 'The amount cannot be negative' },
    ]);
  });
  it('a malformed date and a hand-back before send-in', async () => {
    const history = [{ faultCode: 'x', sentIn: '2026-05-10', returnedOn: '2026-05-01', outcome: 'fixed' }];
    const input = phone('2026-02-30', { history });
    const fields = await fieldsOf('warranty.evaluate', input);
    expect(fields).toEqual([{ path: 'device.invoiceDate', message: 'Not a valid date; use YYYY-MM-DD' }]);
    const fields2 = await fieldsOf('warranty.evaluate', phone('2026-02-10', { history }));
    expect(fields2).toEqual([{ path: 'history.0.returnedOn', message: 'The hand-back date is before the send-in date' }]);
  });
});

describe('warranty.refund', () => {
  it('depreciates at the policy\'s daily rate, excluding repair days', async () => {
    const r = await backend.call('warranty.refund', { category: 'phone', price: 100000, invoiceDate: '2026-10-24', repairDays: 10 }, as('counter', 'zh-CN'));
    // 30 days elapsed − 10 in repair = 20 days × 0.5 % = 10 %.
    expect(r).toMatchObject({ returnDate: '2026-11-23', daysUsed: 20, depreciation: 10000, refund: 90000, policyVersion: 'cn.phone.2001/1' });
    // 第十九条: the refund after use pays 折旧费 (docs/regulations/mobile-phone-2001.md)
    expect(r.text).toBe('使用20天，扣折旧费¥100.00，退款¥900.00（《移动电话机商品修理更换退货责任规定》第十九条）');
  });
});

describe('editing policies', () => {
  const edited = () => {
    const p = structuredClone(PRESETS.find((x) => x.id === 'cn.phone.2001')!);
    p.accessories = p.accessories.map((a) => (a.id === 'battery' ? { ...a, period: { n: 12, unit: 'month' as const } } : a));
    return p;
  };

  it('is for admins only', async () => {
    for (const role of ['counter', 'technician', 'manager'] as const) {
      const res = await backend.callWire('warranty.policies.save', { policy: edited() }, as(role));
      expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('save appends a new version, keeps history, audits before/after, and decisions record it', async () => {
    const saved = await backend.call('warranty.policies.save', { policy: edited(), baseVersion: 'cn.phone.2001/1', note: 'brand battery 12 months' }, as('admin'));
    expect(saved).toMatchObject({ id: 'cn.phone.2001', version: 'cn.phone.2001/2', versionNo: 2, source: 'local', active: true, categoryDefault: true, updatedBy: 'admin' });
    const got = await backend.call('warranty.policies.get', { id: 'cn.phone.2001' }, as('counter'));
    expect(got.history.map((h) => [h.version, h.active, h.source])).toEqual([
      ['cn.phone.2001/2', true, 'local'],
      ['cn.phone.2001/1', false, 'preset'],
    ]);
    expect(got.preset?.version).toBe('cn.phone.2001/1');

    // Battery bought 2026-03-01: expired under the preset (6 months), covered under version 2.
    const input = phone('2026-03-01');
    const now = await backend.call('warranty.evaluate', input, as('counter'));
    expect(now.decision.policyVersion).toBe('cn.phone.2001/2');
    expect(now.decision.lines[1]!.status).toBe('covered');
    const then = await backend.call('warranty.evaluate', { ...input, category: undefined, policyVersion: 'cn.phone.2001/1' }, as('counter'));
    expect(then.decision.policyVersion).toBe('cn.phone.2001/1');
    expect(then.decision.lines[1]!.status).toBe('not_covered');

    const audit = await backend.call('audit.list', { limit: 5 }, as('admin'));
    const entry = audit.find((a) => a.action === 'warranty.policy.save')!;
    expect(entry).toMatchObject({ entity: 'warranty_policy', entityId: 'cn.phone.2001', username: 'admin' });
    expect(entry.details).toMatchObject({ from: 'cn.phone.2001/1', to: 'cn.phone.2001/2', changed: ['accessories'], note: 'brand battery 12 months' });
  });

  it('refuses a save based on a stale version, and a changed category', async () => {
    const stale = await backend.callWire('warranty.policies.save', { policy: edited(), baseVersion: 'cn.phone.2001/1' }, as('admin'));
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('cn.phone.2001/2') } });
    const moved = { ...edited(), category: 'tablet' as const };
    expect(await fieldsOf('warranty.policies.save', { policy: moved }, 'admin')).toEqual([
      { path: 'policy.category', message: 'The product category of an existing policy cannot change' },
    ]);
  });

  it('names bad policy fields', async () => {
    const bad = structuredClone(PRESETS[0]!) as unknown as Record<string, unknown>;
    bad.returnDays = 20;
    const fields = await fieldsOf('warranty.policies.save', { policy: bad }, 'admin');
    expect(fields).toEqual([{ path: 'policy.returnDays', message: 'Return days cannot exceed exchange days' }]);
    bad.returnDays = -1;
    bad.depreciationPpmPerDay = 0.5;
    const f2 = await fieldsOf('warranty.policies.save', { policy: bad }, 'admin');
    expect(f2.map((f) => f.path).sort()).toEqual(['policy.depreciationPpmPerDay', 'policy.returnDays']);
  });

  it('a new local policy fills a category that had none', async () => {
    const tablet = { ...structuredClone(PRESETS[0]!), id: 'local.tablet', version: 'x', category: 'tablet' as const, name: { 'zh-CN': '平板电脑（本店）', en: 'Tablet (shop)' } };
    const saved = await backend.call('warranty.policies.save', { policy: tablet }, as('admin'));
    expect(saved).toMatchObject({ id: 'local.tablet', version: 'local.tablet/1', categoryDefault: true, hasPreset: false });
    const r = await backend.call('warranty.evaluate', phone('2026-11-20', { category: 'tablet' }), as('counter'));
    expect(r.decision.policyId).toBe('local.tablet');
    expect(await fieldsOf('warranty.policies.resetToPreset', { id: 'local.tablet' }, 'admin')).toEqual([
      { path: 'id', message: 'Policy local.tablet has no built-in preset' },
    ]);
  });

  it('reset to preset appends the preset as a new version', async () => {
    const r = await backend.call('warranty.policies.resetToPreset', { id: 'cn.phone.2001' }, as('admin'));
    expect(r).toMatchObject({ version: 'cn.phone.2001/3', source: 'preset' });
    expect(r.policy.accessories.find((a) => a.id === 'battery')!.period).toEqual({ n: 6, unit: 'month' });
    // Resetting again changes nothing.
    expect((await backend.call('warranty.policies.resetToPreset', { id: 'cn.phone.2001' }, as('admin'))).version).toBe('cn.phone.2001/3');
  });

  it('the holiday calendar saves as a new version that decisions name', async () => {
    const cal = await backend.call('warranty.calendar.get', {}, as('admin'));
    const next = structuredClone(cal.current.calendar);
    next.years.push({ year: 2027, source: 'test', holidays: [['2027-01-01', '2027-01-01']], workdays: [] });
    const saved = await backend.call('warranty.calendar.save', { calendar: next, baseVersionNo: 1 }, as('admin'));
    expect(saved).toMatchObject({ versionNo: 2, source: 'local', updatedBy: 'admin' });
    const d = await backend.call('warranty.evaluate', phone('2026-11-20'), as('counter'));
    expect(d.decision.calendarId).toBe('cn-state-council/2');
    const dup = structuredClone(next);
    dup.years.push({ ...next.years[0]! });
    dup.years[1]!.holidays.push(['2025-02-03', '2025-02-01']);
    expect((await fieldsOf('warranty.calendar.save', { calendar: dup }, 'admin')).map((f) => f.path)).toEqual([
      'calendar.years.1.holidays.6.1',
      `calendar.years.${dup.years.length - 1}.year`,
    ]);
  });

  it('is refused with a translated RULE error while the shop is enrolled with head office', async () => {
    const row = backend.services.sqlite.prepare('SELECT settings_json FROM shop').get() as { settings_json: string };
    backend.services.sqlite.prepare('UPDATE shop SET settings_json = ?').run(JSON.stringify({ ...JSON.parse(row.settings_json), enrolled: true }));
    try {
      const zh = await backend.callWire('warranty.policies.save', { policy: edited() }, as('admin', 'zh-CN'));
      expect(zh).toMatchObject({ ok: false, error: { code: 'RULE', message: expect.stringContaining('总部') } });
      const en = await backend.callWire('warranty.policies.resetToPreset', { id: 'cn.phone.2001' }, as('admin', 'en'));
      expect(en).toMatchObject({ ok: false, error: { code: 'RULE', message: expect.stringContaining('head office') } });
      const cal = await backend.call('warranty.calendar.get', {}, as('admin'));
      expect(await backend.callWire('warranty.calendar.save', { calendar: cal.current.calendar }, as('admin'))).toMatchObject({ ok: false, error: { code: 'RULE' } });
      // Reading and evaluating still work.
      expect((await backend.call('warranty.evaluate', phone('2026-11-20'), as('counter'))).decision.policyVersion).toBe('cn.phone.2001/3');
    } finally {
      backend.services.sqlite.prepare('UPDATE shop SET settings_json = ?').run(row.settings_json);
    }
  });

  it('stored versions cannot be rewritten', () => {
    expect(() => backend.services.sqlite.prepare(`UPDATE warranty_policies SET data_json = '{}' WHERE version = 'cn.phone.2001/1'`).run()).toThrow(/immutable/);
  });
});
