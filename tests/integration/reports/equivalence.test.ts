/**
 * The shop's reports aggregate in SQL (src/core/reports/facts.ts); head office folds facts in
 * JavaScript (computeReport). Over the fixed history, for many ranges, breakdowns, filters and
 * two time zones (one with daylight saving, where the promised day's end is looked up per day),
 * both give the same figures and the same drill-down tickets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../src/core';
import { computeReport } from '../../../src/shared/reports/compute';
import { DRILL_FIGURES, type Dimension, type ReportFilters } from '../../../src/shared/reports/schemas';
import { reportWindow, shopInfo } from '../../../src/core/reports/report';
import { makeBackend, setupShop } from '../../helpers/backend';
import { ManualClock } from '../../helpers/clock';
import { buildHistory, type Fixture } from './fixture';
import { referenceDrill, referenceFacts } from './reference';

let backend: Backend;
let fx: Fixture;
let clock: ManualClock;

beforeAll(async () => {
  clock = new ManualClock(Date.parse('2026-09-01T02:00:00.000Z'));
  ({ backend } = makeBackend({ clock }));
  await setupShop(backend);
  fx = await buildHistory(backend, clock);
}, 60_000);
afterAll(async () => backend?.close());

const RANGES: [string, string][] = [
  ['2026-11-01', '2026-11-30'],
  ['2026-09-01', '2026-12-01'],
  ['2026-11-02', '2026-11-02'],
  ['2026-11-05', '2026-11-10'],
  ['2026-10-31', '2026-11-03'],
  ['2026-12-01', '2026-12-01'],
];
const GROUPS: (Dimension | undefined)[] = [undefined, 'technician', 'category', 'brand', 'serviceType'];

describe.each(['Asia/Shanghai', 'America/New_York'])('SQL aggregation = computeReport over the facts (%s)', (timeZone) => {
  beforeAll(() => {
    const { sqlite } = backend.services;
    const row = sqlite.prepare(`SELECT settings_json FROM shop`).get() as { settings_json: string };
    sqlite.prepare(`UPDATE shop SET settings_json = ?`).run(JSON.stringify({ ...JSON.parse(row.settings_json), timeZone }));
  });

  it('every figure, every breakdown, with and without filters', async () => {
    const tok = await fx.tok('manager');
    const { sqlite } = backend.services;
    const filterSets: ReportFilters[] = [{}, { technicianId: fx.users.manager }, { technicianId: fx.users.technician }, { brand: '联想' }, { category: 'phone' }, { serviceType: 'carry_in' }];
    for (const [from, to] of RANGES) {
      for (const groupBy of GROUPS) {
        for (const filters of filterSets) {
          const got = await backend.call('reports.run', { from, to, filters, ...(groupBy ? { groupBy } : {}) }, { token: tok });
          const w = reportWindow(shopInfo(sqlite), from, to, clock.now());
          const facts = referenceFacts(sqlite, w, filters);
          const names = new Map((sqlite.prepare(`SELECT id, display_name FROM users`).all() as { id: string; display_name: string }[]).map((u) => [u.id, u.display_name]));
          const sideOf = {
            quotesMix: got.mix.quotes, revenueByTender: got.revenue.byTender, revenueByCategory: got.revenue.byCategory, parts: got.parts, loaners: got.loaners, claims: got.claims,
            satisfaction: got.satisfaction, complaints: got.complaints, openLegalNow: got.quality.legalBreaches.openNow, openPromiseNow: got.quality.promiseBreaches.openNow,
            hoursByUser: got.hoursLogged.available ? new Map(got.technicians.filter((t) => t.hoursLogged).map((t) => [t.userId, t.hoursLogged!])) : null,
          };
          const want = computeReport(facts, w, { from, to, timeZone: got.timeZone, generatedAt: got.generatedAt, filters, groupBy: groupBy ?? null, userNames: names }, sideOf);
          const label = `${timeZone} ${from}..${to} ${groupBy ?? '-'} ${JSON.stringify(filters)}`;
          for (const k of ['volume', 'turnaround', 'quality', 'mix', 'groups'] as const) expect(got[k], `${label} ${k}`).toEqual(want[k]);
          expect(got.technicians.map(({ hoursLogged: _h, ...t }) => t), `${label} technicians`).toEqual(want.technicians.map(({ hoursLogged: _h, ...t }) => t));
        }
      }
    }
  }, 120_000);

  it('drill-down: the same tickets, newest first, per figure and per breakdown row', async () => {
    const tok = await fx.tok('manager');
    const { sqlite } = backend.services;
    for (const [from, to] of RANGES) {
      const w = reportWindow(shopInfo(sqlite), from, to, clock.now());
      const facts = referenceFacts(sqlite, w, {});
      for (const figure of DRILL_FIGURES) {
        const got = await backend.call('reports.tickets', { from, to, figure }, { token: tok });
        expect(got.rows.map((r) => r.id), `${from}..${to} ${figure}`).toEqual(referenceDrill(facts, w, figure));
        expect(got.total).toBe(got.rows.length);
        const byCat = await backend.call('reports.tickets', { from, to, figure, groupBy: 'category', groupKey: 'phone' }, { token: tok });
        expect(byCat.rows.map((r) => r.id)).toEqual(referenceDrill(facts, w, figure, 'category', 'phone'));
      }
    }
  }, 120_000);

  it('the projection still verifies', async () => {
    expect(await backend.call('reports.verifyFacts', {}, { token: await fx.tok('manager') })).toMatchObject({ mismatches: [] });
  });
});
