import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../src/core';
import { hashSecret } from '../../../src/core/auth/passwords';
import { enrolledShop, openTestHq, type TestHq, type TestShop } from '../../helpers/hq';
import { PASSWORD } from '../../helpers/backend';

/**
 * In an enrolled shop, what head office manages is read-only: the shop settings it publishes
 * (and the shop's code) and the users it provisions. The shop's own settings and its own users
 * stay the shop's; every person keeps their own password and PIN.
 */
let hq: TestHq;
const open: Backend[] = [];
beforeAll(async () => {
  hq = await openTestHq('sqlite');
});
afterAll(async () => {
  await hq.close();
});
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

const HQ_USER = '0190a000-0000-7000-8000-0000000000b1';
let firstHash = '';

async function shopWithHqData(): Promise<TestShop> {
  const shop = await enrolledShop(hq);
  open.push(shop.backend);
  await hq.service.publish({ kind: 'shop.settings', shopId: shop.hqShopId, items: [{ id: 'settings', data: { name: '总部命名店', hotline: '400-800-8000', taxRateBp: 600 } }] });
  await hq.service.publish({
    kind: 'users',
    shopId: shop.hqShopId,
    items: [{ id: HQ_USER, data: { username: 'hq.wang', displayName: '王（总部）', role: 'manager', passwordHash: (firstHash = await hashSecret('hq-first-pass')) } }],
  });
  expect((await shop.backend.call('sync.now', {}, { token: shop.tokens.counter })).lastError).toBeNull();
  return shop;
}

describe('an enrolled shop: head office settings and users are read-only', () => {
  it('refuses changes to the settings head office manages, in words, and keeps the shop\'s own settings editable', async () => {
    const shop = await shopWithHqData();
    const as = (locale: 'zh-CN' | 'en', role: 'manager' | 'admin' = 'manager') => ({ token: shop.tokens[role], locale });
    const before = (await shop.backend.call('shop.get', {}, as('en'))).settings;
    expect(before).toMatchObject({ name: '总部命名店', hotline: '400-800-8000', taxRateBp: 600, enrolled: true });

    const zh = await shop.backend.callWire('shop.update', { name: '本店改名', taxRateBp: 1300 }, as('zh-CN'));
    expect(zh).toMatchObject({ ok: false, error: { code: 'RULE' } });
    if (zh.ok) throw new Error('accepted');
    expect(zh.error.message).toContain('由总部管理');
    expect(zh.error.message).toContain('门店名称');
    expect(zh.error.message).toContain('税率');
    expect(zh.error.details.fields).toEqual([
      { path: 'name', message: '由总部管理，不能在本店修改' },
      { path: 'taxRateBp', message: '由总部管理，不能在本店修改' },
    ]);
    for (const patch of [{ address: '新地址' }, { phone: '0755-1' }, { hotline: '400-1' }, { timeZone: 'Asia/Urumqi' }, { currency: 'HKD' }, { pricesIncludeTax: false }, { sessionIdleMinutes: 30 }, { code: 'ZZ99' }]) {
      const r = await shop.backend.callWire('shop.update', patch, as('en', 'admin'));
      expect(r, JSON.stringify(patch)).toMatchObject({ ok: false, error: { code: 'RULE', message: expect.stringMatching(/manages these settings/) } });
    }
    expect((await shop.backend.call('shop.get', {}, as('en'))).settings).toEqual(before);

    // The shop's own settings, and a form that sends head office's values unchanged, go through.
    const saved = await shop.backend.call('shop.update', { name: '总部命名店', taxRateBp: 600, language: 'en', syncIntervalMinutes: 10, documents: before.documents }, as('en'));
    expect(saved.settings).toMatchObject({ name: '总部命名店', language: 'en', syncIntervalMinutes: 10, enrolled: true });
    // and head office's next publish still applies
    await hq.service.publish({ kind: 'shop.settings', shopId: shop.hqShopId, items: [{ id: 'settings', data: { name: '总部改名店' } }] });
    await shop.backend.call('sync.now', {}, as('en'));
    expect((await shop.backend.call('shop.get', {}, as('en'))).settings).toMatchObject({ name: '总部改名店', language: 'en', syncIntervalMinutes: 10 });
  });

  it('refuses renaming, re-roling, disabling and resetting a user head office provisioned; local users stay the shop\'s; own password and PIN stay the person\'s', async () => {
    const shop = await shopWithHqData();
    const admin = (locale: 'zh-CN' | 'en' = 'en') => ({ token: shop.tokens.admin, locale });
    const list = await shop.backend.call('users.list', {}, admin());
    expect(list.find((u) => u.username === 'hq.wang')).toMatchObject({ id: HQ_USER, managedByHq: true, role: 'manager' });
    expect(list.find((u) => u.username === 'counter')).toMatchObject({ managedByHq: false });

    const refusals: [string, unknown][] = [
      ['users.update', { id: HQ_USER, displayName: '改名' }],
      ['users.update', { id: HQ_USER, role: 'counter' }],
      ['users.update', { id: HQ_USER, disabled: true }],
      ['users.resetPassword', { id: HQ_USER, password: 'local-reset-1' }],
    ];
    for (const [name, input] of refusals) {
      const en = await shop.backend.callWire(name, input, admin('en'));
      expect(en, `${name} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'RULE', message: expect.stringMatching(/Head office provisioned this account/) } });
      const zh = await shop.backend.callWire(name, input, admin('zh-CN'));
      expect(zh).toMatchObject({ ok: false, error: { code: 'RULE', message: expect.stringContaining('由总部开通') } });
    }
    // a manager is refused the same way
    expect(await shop.backend.callWire('users.update', { id: HQ_USER, displayName: 'x' }, { token: shop.tokens.manager })).toMatchObject({ ok: false, error: { code: 'RULE' } });
    expect((await shop.backend.call('users.list', {}, admin())).find((u) => u.id === HQ_USER)).toMatchObject({ displayName: '王（总部）', role: 'manager', disabled: false });

    // The shop's own users are managed here as before.
    const counterId = list.find((u) => u.username === 'counter')!.id;
    expect((await shop.backend.call('users.update', { id: counterId, displayName: '前台小李', role: 'technician' }, admin())).displayName).toBe('前台小李');
    await shop.backend.call('users.resetPassword', { id: counterId, password: 'new-local-pass' }, admin());
    expect((await shop.backend.call('users.update', { id: counterId, disabled: true }, admin())).disabled).toBe(true);
    const created = await shop.backend.call('users.create', { username: 'temp.zhao', displayName: '临时工', role: 'counter', password: PASSWORD }, admin());
    expect(created.managedByHq).toBe(false);

    // The provisioned user signs in with head office's password and may change their own password and PIN.
    const s1 = await shop.backend.call('auth.login', { username: 'hq.wang', password: 'hq-first-pass' });
    expect(s1.user.managedByHq).toBe(true);
    await shop.backend.call('auth.changePassword', { current: 'hq-first-pass', next: 'my-own-pass-9' }, { token: s1.token });
    await shop.backend.call('auth.setPin', { password: 'my-own-pass-9', pin: '2468' }, { token: s1.token });
    expect((await shop.backend.call('auth.pinSwitch', { username: 'hq.wang', pin: '2468' }, { station: s1.station })).user.username).toBe('hq.wang');
    // head office re-publishing the user (a new role) with the same password does not undo it...
    await republish(shop, { role: 'admin' }, firstHash);
    expect((await shop.backend.call('auth.login', { username: 'hq.wang', password: 'my-own-pass-9' })).user.role).toBe('admin');
    // ...a new password from head office replaces it
    await republish(shop, { role: 'admin' }, await hashSecret('hq-second-pass'));
    await expect(shop.backend.call('auth.login', { username: 'hq.wang', password: 'my-own-pass-9' })).rejects.toMatchObject({ code: 'BAD_CREDENTIALS' });
    expect((await shop.backend.call('auth.login', { username: 'hq.wang', password: 'hq-second-pass' })).user.role).toBe('admin');

    // Head office's delete disables the account; the shop cannot enable it again.
    await hq.service.publish({ kind: 'users', shopId: shop.hqShopId, items: [{ id: HQ_USER, deleted: true }] });
    await shop.backend.call('sync.now', {}, admin());
    expect((await shop.backend.call('users.list', {}, admin())).find((u) => u.id === HQ_USER)).toMatchObject({ disabled: true, managedByHq: true });
    expect(await shop.backend.callWire('users.update', { id: HQ_USER, disabled: false }, admin())).toMatchObject({ ok: false, error: { code: 'RULE' } });
  });
});

/** Head office sends its user again, with the password hash it holds for it. */
async function republish(shop: TestShop, over: Record<string, unknown>, passwordHash: string) {
  await hq.service.publish({
    kind: 'users',
    shopId: shop.hqShopId,
    items: [{ id: HQ_USER, data: { username: 'hq.wang', displayName: '王（总部）', role: 'manager', ...over, passwordHash } }],
  });
  expect((await shop.backend.call('sync.now', {}, { token: shop.tokens.admin })).lastError).toBeNull();
}
