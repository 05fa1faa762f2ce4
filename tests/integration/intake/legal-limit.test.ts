import { afterEach, describe, expect, it } from 'vitest';
import { makeBackend, PASSWORD, setupShop } from '../../helpers/backend';
import { ManualClock } from '../../helpers/clock';
import { intakeInput } from './helpers';
import type { Backend } from '../../../src/core';

let backend: Backend;
afterEach(async () => backend?.close());

describe('legal repair-time limit badge', () => {
  it('counts down from the policy limit for a warranty repair in the shop, and is absent for a paid one', async () => {
    const clock = new ManualClock(Date.parse('2026-11-23T02:00:00Z'));
    ({ backend } = makeBackend({ clock }));
    const tokens = await setupShop(backend);
    const warranty = await backend.call('tickets.intake', intakeInput({ warrantyClaimed: true }), { token: tokens.counter });
    await backend.call('tickets.intake', intakeInput({ customer: { name: '李四', phones: ['139 0013 9000'] }, warrantyClaimed: false }), { token: tokens.counter });
    // the phone preset: repaired within 30 days or the customer may demand an exchange (移动电话机三包规定)
    const limit = 30;
    expect(warranty.ticket!.flags.legalDaysLeft).toBe(limit);

    clock.advance(10 * 86_400_000);
    const token = (await backend.call('auth.login', { username: 'counter', password: PASSWORD })).token; // ten days later: a new shift
    const rows = (await backend.call('tickets.list', {}, { token })).rows;
    const byWarranty = new Map(rows.map((r) => [r.warrantyClaimed, r.flags.legalDaysLeft]));
    expect(byWarranty.get(true)).toBe(limit - 10);
    expect(byWarranty.get(false)).toBeNull();
  });
});
