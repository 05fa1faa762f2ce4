import { afterAll, describe, expect, it } from 'vitest';
import { PHONE_2001, CN_HOLIDAYS } from '../../../src/shared/warranty';
import type { CalendarPublished, CalendarState } from '../../../src/shared/hq-console/publishing-calendar';
import type { PolicyList, PolicyPublished, WhatIfResult } from '../../../src/shared/hq-console/publishing-policies';
import type { ProgramList } from '../../../src/shared/hq-console/publishing-programs';
import type { ProvisionedUser, UserPublished } from '../../../src/shared/hq-console/publishing-users';
import type { SettingsState } from '../../../src/shared/hq-console/publishing-settings';
import { enrolledShop, openTestHq, sharedPostgres, stopSharedPostgres, type HqDialect, type TestShop } from '../../helpers/hq';
import { ConsoleClient, PASSWORDS, addUser, consoleHq, signedIn } from './console-client';

/**
 * The console's publishing editors over real HTTP against a real head office (SQLite and
 * PostgreSQL) and a real enrolled shop that syncs: what head office publishes from the editors
 * changes what the shop decides and who signs in there.
 *
 * Worked by hand from the phone 三包 rules (移动电话机商品修理更换退货责任规定, presets.ts cites them):
 * - Policy: the national phone policy gives 15 days for an exchange (第十二条). A phone bought on
 *   2026-11-01 and brought in on 2026-11-21 is on day 20: repair only. The brand's policy that
 *   head office publishes gives 30 days: day 20 is inside, so exchange is open too.
 * - Calendar: a phone invoiced 2025-11-26 has its 1-year unit warranty to the corresponding day,
 *   2026-11-26 (a Thursday, a working day in the State Council's 2026 schedule), so on
 *   2026-11-27 a repair of the unit is no longer covered. Head office publishes 2026-11-26 and
 *   -27 as days off: the last day falls on a rest day and moves to the next working day
 *   (民法典 第二百零三条): 26, 27 off, 28 Saturday, 29 Sunday → Monday 2026-11-30. The repair of
 *   the 27th is covered.
 */
const pgAvailable = (await sharedPostgres()) !== null;
afterAll(() => stopSharedPostgres());

const ADMIN_TOKEN_SHOP = (shop: TestShop) => ({ token: shop.tokens.admin });
const evaluateAtShop = (shop: TestShop, invoiceDate: string, sentIn: string) =>
  shop.backend.call(
    'warranty.evaluate',
    {
      category: 'phone',
      device: { purchasePrice: 299900, hasInvoice: true, invoiceDate },
      current: { faultCode: 'no_power', sentIn, performanceFault: true },
      today: sentIn,
      lines: [{ id: 'L1', type: 'labor', part: null, price: 8000 }],
    },
    ADMIN_TOKEN_SHOP(shop),
  );
const whatIfInput = (policy: object, purchaseDate: string, faultDate: string) => ({ policy, purchaseDate, faultDate, purchasePrice: 299900, line: { part: null, price: 8000 } });

describe.each(['sqlite', 'postgres'] as HqDialect[])('publishing editors on %s', (dialect) => {
  it.skipIf(dialect === 'postgres' && !pgAvailable)('a policy, a calendar, a user and settings published from the console take effect at the shop', async () => {
    const hq = await openTestHq(dialect);
    const shop = await enrolledShop(hq);
    try {
      const { base, token } = await consoleHq(hq);
      await addUser(token, 'wang', 'service_manager');
      await addUser(token, 'zhou', 'network_admin');
      await addUser(token, 'li', 'analyst');
      await addUser(token, 'zhao', 'claims_reviewer');
      const as = (name: string, locale = 'en') => signedIn(base, name, locale);
      const manager = await as('wang', 'zh-CN');
      const admin = await as('zhou');
      const analyst = await as('li');
      const reviewer = await as('zhao');

      // Who: the analyst and the claims reviewer neither read nor publish; the service manager does not provision people.
      for (const c of [analyst, reviewer]) {
        expect((await c.call('publishing.policies.list')).status).toBe(403);
        expect((await c.call('publishing.calendar.publish', { calendar: { years: [] } })).status).toBe(403);
      }
      expect((await manager.call('publishing.users.list', { shopId: shop.hqShopId })).status).toBe(403);

      // ---- Policy: nothing published yet; the editor starts from the national preset.
      const empty = await manager.call<PolicyList>('publishing.policies.list');
      expect(empty.body.published).toEqual([]);
      expect(empty.body.presets.map((p) => p.id)).toContain('cn.phone.2001');
      const before = await evaluateAtShop(shop, '2026-11-01', '2026-11-21');
      expect(before.decision.options.map((o) => o.option)).toEqual(['repair']);

      // Bad input: a refusal per field, in the catalog's words; nothing is published.
      const bad = await manager.call('publishing.policies.publish', { policy: { ...PHONE_2001, exchangeDays: 500, repairWarrantyDays: 10 } });
      expect(bad.status).toBe(400);
      expect(bad.body.error!.details.fields).toEqual({ 'policy.exchangeDays': 'validation.too_big', 'policy.repairWarrantyDays': 'validation.too_small' });
      expect((await manager.call<PolicyList>('publishing.policies.list')).body.published).toEqual([]);

      // What-if before publishing: the draft of 30 days opens the exchange on day 20; the preset does not.
      const brand = { ...PHONE_2001, name: { 'zh-CN': '手机（品牌政策）', en: 'Phone (brand policy)' }, exchangeDays: 30 };
      const draft = await manager.call<WhatIfResult>('publishing.policies.whatIf', whatIfInput(brand, '2026-11-01', '2026-11-21'));
      expect(draft.status).toBe(200);
      expect(draft.body.decision.options.map((o) => o.option)).toEqual(['exchange', 'repair']);
      const preset = await manager.call<WhatIfResult>('publishing.policies.whatIf', whatIfInput(PHONE_2001, '2026-11-01', '2026-11-21'));
      expect(preset.body.decision.options.map((o) => o.option)).toEqual(['repair']);
      const badDates = await manager.call('publishing.policies.whatIf', whatIfInput(brand, '2026-11-31', '2026-11-21'));
      expect(badDates.status).toBe(400);

      const published = await manager.call<PolicyPublished>('publishing.policies.publish', { policy: brand });
      expect(published.status).toBe(200);
      expect(published.body.policy).toMatchObject({ id: 'cn.phone.2001', data: { exchangeDays: 30 } });
      expect(published.body.changes).toHaveLength(1);
      await shop.engine.runNow();
      const after = await evaluateAtShop(shop, '2026-11-01', '2026-11-21');
      expect(after.decision.options.map((o) => o.option)).toEqual(['exchange', 'repair']);
      expect(after.policy.source).toBe('hq');

      // ---- Calendar: the editor opens on the built-in schedule; the shop counts with it too.
      const cal = await manager.call<CalendarState>('publishing.calendar.get');
      expect(cal.body.published).toBeNull();
      expect(cal.body.builtIn.id).toBe(CN_HOLIDAYS.id);
      const lastDay = await evaluateAtShop(shop, '2025-11-26', '2026-11-27');
      expect(lastDay.decision.unitEnd).toBe('2026-11-26');
      expect(lastDay.decision.lines[0]!.status).toBe('not_covered');
      const years = cal.body.builtIn.years.map((y) => (y.year === 2026 ? { ...y, holidays: [...y.holidays, ['2026-11-26', '2026-11-27']] } : y));
      const backwards = await manager.call('publishing.calendar.publish', { calendar: { years: [...years, { year: 2027, source: '', holidays: [['2027-02-10', '2027-02-01']], workdays: ['2026-02-07'] }] } });
      expect(backwards.status).toBe(400);
      expect(backwards.body.error!.details.fields).toEqual({ 'calendar.years.3.holidays.0': 'ui.hq.pub.error.rangeOrder', 'calendar.years.3.workdays.0': 'ui.hq.pub.error.otherYear' });
      const calPublished = await manager.call<CalendarPublished>('publishing.calendar.publish', { calendar: { years } });
      expect(calPublished.status).toBe(200);
      expect(calPublished.body.calendar.id).toBe(CN_HOLIDAYS.id);
      // The preview counts with what was just published, as the shop will.
      const preview = await manager.call<WhatIfResult>('publishing.policies.whatIf', whatIfInput(brand, '2025-11-26', '2026-11-27'));
      expect(preview.body.decision.unitEnd).toBe('2026-11-30');
      expect(preview.body.calendarId).toBe(`${CN_HOLIDAYS.id}@${calPublished.body.changes[0]}`);
      await shop.engine.runNow();
      const moved = await evaluateAtShop(shop, '2025-11-26', '2026-11-27');
      expect(moved.decision.unitEnd).toBe('2026-11-30');
      expect(moved.decision.lines[0]!.status).toBe('covered');

      // ---- Programs: published and withdrawn.
      const program = { id: 'ew-2y', kind: 'extended_warranty', years: 2, name: { 'zh-CN': '延保两年', en: 'Two-year extension' } };
      expect((await manager.call('publishing.programs.publish', { program: { ...program, years: 9 } })).body.error!.details.fields).toEqual({ 'program.years': 'validation.too_big' });
      // The preview with a program: a dropped phone (摔碰 voids the maker's warranty, presets' exclusions) under an
      // accidental damage program paying 100 % after a ¥50 deductible: of the ¥80 repair the insurer pays ¥30, the customer ¥50.
      const cover = { id: 'ad-1y', kind: 'accidental_damage', discountBp: 10000, deductible: 5000, capPerClaim: 100000, capPerTerm: 200000 };
      const dropped = await manager.call<WhatIfResult>('publishing.policies.whatIf', { ...whatIfInput(brand, '2026-11-01', '2026-11-21'), programs: [cover], findings: ['impact'] });
      expect(dropped.body.decision.lines[0]!.payers).toMatchObject({ maker: 0, insurer: 3000, customer: 5000 });
      expect((await manager.call('publishing.programs.publish', { program })).status).toBe(200);
      expect((await manager.call<ProgramList>('publishing.programs.list')).body.published.map((p) => p.id)).toEqual(['ew-2y']);
      await shop.engine.runNow();
      expect(await shop.backend.call('warranty.programs.offered', {}, ADMIN_TOKEN_SHOP(shop))).toEqual([{ ...program, coversAccessories: false }]);
      expect((await manager.call('publishing.programs.withdraw', { id: 'ew-2y' })).status).toBe(200);
      expect((await manager.call<ProgramList>('publishing.programs.list')).body.published).toEqual([]);
      await shop.engine.runNow();
      expect(await shop.backend.call('warranty.programs.offered', {}, ADMIN_TOKEN_SHOP(shop))).toEqual([]);

      // ---- A provisioned user: the password is hashed at head office; the shop's counter signs in with it.
      const newUser = { username: 'sun', displayName: '孙师傅', role: 'technician', password: 'sun-password-1' };
      const taken = await admin.call<UserPublished>('publishing.users.publish', { shopId: shop.hqShopId, user: { ...newUser, password: 'short' } });
      expect(taken.body.error!.details.fields).toEqual({ 'user.password': 'validation.password' });
      const pu = await admin.call<UserPublished>('publishing.users.publish', { shopId: shop.hqShopId, user: newUser });
      expect(pu.status).toBe(200);
      expect(pu.body.user).toMatchObject({ username: 'sun', role: 'technician', disabled: false, hasPassword: true });
      expect(JSON.stringify(pu.body)).not.toContain('scrypt');
      const stored = await hq.service.db.selectFrom('hq_items').select('data').where('kind', '=', 'users').executeTakeFirstOrThrow();
      expect(stored.data).toMatch(/"passwordHash":"scrypt\$/);
      expect(stored.data).not.toContain('sun-password-1');
      const dup = await admin.call('publishing.users.publish', { shopId: shop.hqShopId, user: { ...newUser, username: 'SUN', displayName: '另一个' } });
      expect(dup.status).toBe(409);
      await shop.engine.runNow();
      const login = await shop.backend.call('auth.login', { username: 'sun', password: 'sun-password-1' });
      expect(login.user).toMatchObject({ role: 'technician', displayName: '孙师傅' });
      // Disabled without a new password: the hash stays at head office, the shop refuses the sign-in.
      const off = await admin.call<UserPublished>('publishing.users.publish', { shopId: shop.hqShopId, user: { id: pu.body.user.id, username: 'sun', displayName: '孙师傅', role: 'technician', disabled: true } });
      expect(off.body.user).toMatchObject({ disabled: true, hasPassword: true });
      const listed = await admin.call<{ users: ProvisionedUser[] }>('publishing.users.list', { shopId: shop.hqShopId });
      expect(listed.body.users.map((u) => [u.username, u.disabled])).toEqual([['sun', true]]);
      await shop.engine.runNow();
      await expect(shop.backend.call('auth.login', { username: 'sun', password: 'sun-password-1' })).rejects.toThrow();

      // ---- Shop settings head office manages.
      const badSettings = await manager.call('publishing.settings.publish', { shopId: shop.hqShopId, settings: { taxRateBp: 20000 } });
      expect(badSettings.body.error!.details.fields).toEqual({ 'settings.taxRateBp': 'validation.too_big' });
      const notOurs = await manager.call('publishing.settings.publish', { shopId: shop.hqShopId, settings: { lanAccess: true } });
      expect(notOurs.status).toBe(400);
      expect((await manager.call('publishing.settings.publish', { shopId: shop.hqShopId, settings: { name: '深圳南山店', hotline: '400-800-1234', taxRateBp: 600 } })).status).toBe(200);
      const st = await manager.call<SettingsState>('publishing.settings.get', { shopId: shop.hqShopId });
      expect(st.body.published!.data).toEqual({ name: '深圳南山店', hotline: '400-800-1234', taxRateBp: 600 });
      // Beside each field, what the shop holds as it last synced: the set-up shop's own name and the 13 % default.
      expect(st.body.atShop).toMatchObject({ name: '测试维修中心', taxRateBp: 1300 });
      await shop.engine.runNow();
      const settings = JSON.parse((shop.backend.services.sqlite.prepare(`SELECT settings_json FROM shop`).get() as { settings_json: string }).settings_json);
      expect(settings).toMatchObject({ name: '深圳南山店', hotline: '400-800-1234', taxRateBp: 600, enrolled: true });
      await shop.engine.runNow(); // the shop pushes its new settings: head office sees them arrived
      expect((await manager.call<SettingsState>('publishing.settings.get', { shopId: shop.hqShopId })).body.atShop).toMatchObject({ name: '深圳南山店', taxRateBp: 600 });
    } finally {
      await shop.backend.close();
      await hq.close();
    }
  }, 120_000);
});
