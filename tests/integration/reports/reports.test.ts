import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../src/core';
import { makeBackend, setupShop } from '../../helpers/backend';
import { ManualClock } from '../../helpers/clock';
import { buildHistory, type Fixture } from './fixture';
import type { ReportResult } from '../../../src/shared/reports/schemas';

let backend: Backend;
let fx: Fixture;
let clock: ManualClock;
let nov: ReportResult;

beforeAll(async () => {
  clock = new ManualClock(Date.parse('2026-09-01T02:00:00.000Z'));
  ({ backend } = makeBackend({ clock }));
  await setupShop(backend);
  fx = await buildHistory(backend, clock);
  nov = await backend.call('reports.run', { from: '2026-11-01', to: '2026-11-30', groupBy: 'category' }, { token: await fx.tok('manager') });
}, 60_000);
afterAll(async () => backend?.close());

describe('reports over a fixed history (November 2026, Asia/Shanghai)', () => {
  it('the projection equals a fresh fold of the events', async () => {
    expect(await backend.call('reports.verifyFacts', {}, { token: await fx.tok('manager') })).toEqual({ checked: 8, mismatches: [] });
  });

  it('volumes: boundary tickets counted by their instants, a reopened ticket once', () => {
    // received T2 T3 T4 T5 T7 (T7 at 23:59 local on the 30th; T8 at midnight is December)
    expect(nov.volume).toEqual({ received: 5, completed: 4, collected: 3, cancelled: 1, reopened: 1 });
  });

  it('turnaround, median and 90th percentile (linear interpolation)', () => {
    // received → collected: T1 72 h, T2 24 h, T4 6 h (first collection)
    expect(nov.turnaround.endToEnd).toEqual({ n: 3, medianHours: 24, p90Hours: 62.4 });
    // received → first ready: T4 5, T2 8, T1 50, T6 1033 h
    expect(nov.turnaround.toReady).toEqual({ n: 4, medianHours: 29, p90Hours: 738.1 });
    // time in stage over the ticket's life (T4's rework included): repairing T1 24, T2 4, T4 2+1
    expect(nov.turnaround.stages.repairing).toEqual({ n: 3, medianHours: 4, p90Hours: 20 });
    expect(nov.turnaround.stages.ready).toEqual({ n: 3, medianHours: 16, p90Hours: 20.8 });
    expect(nov.turnaround.stages.received).toEqual({ n: 3, medianHours: 2, p90Hours: 2 });
  });

  it('first-time fix, repeat repairs, legal and promise breaches', () => {
    // T1 fixed; T2 came back for the same fault (T3) within 90 days; T4 was reopened
    expect(nov.quality.firstTimeFix).toEqual({ count: 1, of: 3, rate: 0.3333, windowOpen: 3 });
    expect(nov.quality.repeatRepair).toEqual({ count: 1, of: 5, rate: 0.2 });
    expect(nov.quality.legalBreaches).toEqual({ count: 1, of: 4, rate: 0.25, openNow: 0 });
    expect(nov.quality.promiseBreaches).toEqual({ count: 2, of: 4, rate: 0.5, openNow: 0 });
  });

  it('mix, parts, hours, technicians credited for the work', () => {
    expect(nov.mix.claimedAtIntake).toEqual({ warranty: 2, paid: 3 });
    expect(nov.mix.quotes).toEqual({ available: true, value: { warranty: 0, paid: 0, mixed: 0, noQuote: 4 } });
    expect(nov.parts).toEqual({ lines: 1, qty: 1, costFen: 12000, byCategory: [{ key: 'screen', count: 1, qty: 1, amountFen: 12000 }] });
    expect(nov.hoursLogged).toEqual({ available: true, value: 2 });
    const tech = nov.technicians.find((t) => t.userId === fx.users.technician)!;
    const mgr = nov.technicians.find((t) => t.userId === fx.users.manager)!;
    expect(tech).toMatchObject({ completed: 3, collected: 2, ftfRate: 0.5, repairHours: { n: 2, medianHours: 13.5 }, hoursLogged: 1.5 });
    expect(mgr).toMatchObject({ completed: 1, collected: 1, ftfRate: 0, repairHours: { n: 1, medianHours: 4 }, hoursLogged: 0.5 });
    // the counter who took the money is credited with nothing
    expect(nov.technicians.find((t) => t.userId === fx.users.counter)).toBeUndefined();
  });

  it('figures that need tables not built yet say so', () => {
    // Collection (payments, claims) has landed: its figures come from its tables (no payment in this history → empty, not a fake zero).
    const hasPayments = !!backend.services.sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'payments'`).get();
    if (hasPayments) {
      expect(nov.revenue.byTender).toEqual({ available: true, value: [] });
      expect(nov.claims).toEqual({ available: true, value: [] });
    } else expect(nov.revenue.byTender).toEqual({ available: false, reasonKey: 'reports.na.payments' });
    expect(nov.loaners).toEqual({ outNow: 0, lentInRange: 0, returnedInRange: 0 });
  });

  it('satisfaction and complaints', () => {
    expect(nov.satisfaction).toEqual({ due: 3, done: 2, reached: 2, scored: 2, averageScore: 3.5, scores: [0, 1, 0, 0, 1], problems: 1, overdueNow: 1 });
    expect(nov.complaints).toEqual({
      opened: 2,
      closed: 2,
      respondedInTime: { count: 1, of: 2, rate: 0.5 },
      resolvedInTime: { count: 1, of: 2, rate: 0.5 },
      escalated: 1,
      openNow: 0,
    });
  });

  it('breakdown by category', () => {
    expect(nov.groups.map((g) => [g.key, g.received, g.completed, g.collected])).toEqual([
      ['phone', 5, 3, 3],
      ['laptop', 0, 1, 0],
    ]);
  });

  it('drill-down lists the tickets behind a figure', async () => {
    const tok = await fx.tok('manager');
    const numbers = async (figure: string, extra: Record<string, unknown> = {}) =>
      (await backend.call('reports.tickets', { from: '2026-11-01', to: '2026-11-30', figure: figure as never, ...extra }, { token: tok })).rows.map((r) => r.id).sort();
    expect(await numbers('ftfFailed')).toEqual([fx.ids.T2, fx.ids.T4].sort());
    expect(await numbers('promiseBreach')).toEqual([fx.ids.T1, fx.ids.T6].sort());
    expect(await numbers('repeat')).toEqual([fx.ids.T3]);
    expect(await numbers('completed', { groupBy: 'category', groupKey: 'laptop' })).toEqual([fx.ids.T6]);
  });

  it('a filter narrows every figure (technician credited)', async () => {
    const r = await backend.call('reports.run', { from: '2026-11-01', to: '2026-11-30', filters: { technicianId: fx.users.manager } }, { token: await fx.tok('manager') });
    expect(r.volume).toEqual({ received: 1, completed: 1, collected: 1, cancelled: 0, reopened: 0 });
    const brand = await backend.call('reports.run', { from: '2026-11-01', to: '2026-11-30', filters: { brand: '联想' } }, { token: await fx.tok('manager') });
    expect(brand.volume.completed).toBe(1);
  });

  it('follow-ups: one per collection, due N days later; the low score opened a complaint', async () => {
    const list = await backend.call('followUps.list', { view: 'all' }, { token: await fx.tok('counter') });
    expect(list.rows.map((r) => [r.ticketId, r.dueDate, r.status])).toEqual([
      [fx.ids.T1, '2026-11-05', 'done'],
      [fx.ids.T2, '2026-11-07', 'done'],
      [fx.ids.T4, '2026-11-08', 'open'],
    ]);
    expect(list.rows[1]).toMatchObject({ score: 2, problemReported: true, complaintId: fx.ids.C1, suggestComplaint: false });
    expect(list.rows[2]).toMatchObject({ overdue: true, phone: expect.stringMatching(/\d/) });
  });

  it('complaints: deadlines from policy, escalation to manager then head office, acceptance, rework event', async () => {
    const tok = await fx.tok('manager');
    const c2 = await backend.call('complaints.get', { id: fx.ids.C2! }, { token: tok });
    expect(c2).toMatchObject({ respondBy: '2026-11-10T02:00:00.000Z', resolveBy: '2026-11-16T02:00:00.000Z', escalation: 'head_office', status: 'resolved' });
    expect(c2.events.map((e) => [e.kind, e.data.level ?? null])).toEqual([
      ['opened', null],
      ['ticket_reopened', null],
      ['escalated', 'manager'],
      ['escalated', 'head_office'],
      ['responded', null],
      ['resolved', null],
    ]);
    const c1 = await backend.call('complaints.get', { id: fx.ids.C1! }, { token: tok });
    expect(c1).toMatchObject({ status: 'closed', accepted: true, escalation: 'none', followUpId: expect.any(String) });
    const ev = await backend.call('tickets.events', { ticketId: fx.ids.T4! }, { token: tok });
    const rework = ev.find((e) => e.data.action === 'complaintRework')!;
    expect(rework).toMatchObject({ fromStatus: 'collected', toStatus: 'received' });
    // complaints and their events go to head office through the outbox
    const synced = backend.services.sqlite.prepare(`SELECT DISTINCT table_name FROM outbox WHERE table_name IN ('complaints', 'complaint_events', 'follow_ups') ORDER BY 1`).all();
    expect(synced).toHaveLength(3);
    expect(() => backend.services.sqlite.prepare(`DELETE FROM complaint_events`).run()).toThrow(/append-only/);
  });

  it('the dashboard: today and this week', async () => {
    const d = await backend.call('reports.dashboard', {}, { token: await fx.tok('counter') });
    expect(d.today).toBe('2026-12-01');
    expect(d.weekFrom).toBe('2026-11-30');
    expect(d.today_).toEqual({ received: 1, completed: 0, collected: 0 });
    expect(d.week.received).toBe(2);
    expect(d.days).toHaveLength(7);
    expect(d.followUps).toEqual({ dueToday: 0, overdue: 1 });
    expect(d.openByStatus).toMatchObject({ received: 2, diagnosing: 1, repairing: 0, ready: 1 });
    // T3 was promised for 21 Nov and is still being worked on
    expect(d.overduePromises).toBe(1);
  });

  it('bad input: end before start, over five years, unknown values — translated field errors', async () => {
    const tok = await fx.tok('manager');
    const fields = async (input: unknown, locale = 'en') => {
      const r = await backend.callWire('reports.run', input, { token: tok, locale });
      expect(r.ok).toBe(false);
      return (r as unknown as { error: { details: { fields: { path: string; message: string }[] } } }).error.details.fields;
    };
    expect(await fields({ from: '2026-11-30', to: '2026-11-01' })).toEqual([{ path: 'to', message: 'The end date is before the start date' }]);
    expect(await fields({ from: '2021-01-01', to: '2026-01-01' }, 'zh-CN')).toEqual([{ path: 'to', message: '日期范围最长五年' }]);
    const ok = await backend.callWire('reports.run', { from: '2021-01-01', to: '2025-12-31' }, { token: tok });
    expect(ok.ok).toBe(true);
    expect(await fields({ from: '2026-11-01', to: '2026-11-30', filters: { category: 'spaceship' } })).toEqual([{ path: 'filters.category', message: 'There is no "spaceship"' }]);
    expect(await fields({ from: '2026-11-01', to: '2026-11-30', filters: { technicianId: 'nobody', brand: 'Nokiaa' } })).toEqual([
      { path: 'filters.technicianId', message: 'There is no "nobody"' },
      { path: 'filters.brand', message: 'There is no "Nokiaa"' },
    ]);
    expect(await fields({ from: '2026-02-30', to: '2026-11-30' })).toEqual([{ path: 'from', message: 'Dates are written YYYY-MM-DD' }]);
    const forbidden = await backend.callWire('reports.run', { from: '2026-11-01', to: '2026-11-30' }, { token: await fx.tok('counter') });
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('exports CSV and XLSX, prints the A4 report', async () => {
    const tok = await fx.tok('manager');
    const csv = await backend.call('reports.export', { report: { from: '2026-11-01', to: '2026-11-30' }, format: 'csv' }, { token: tok, locale: 'zh-CN' });
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('一次修复率 (%),33.3');
    const xlsx = await backend.call('reports.export', { report: { from: '2026-11-01', to: '2026-11-30', groupBy: 'technician' }, format: 'xlsx' }, { token: tok, locale: 'en' });
    expect(xlsx.fileName).toMatch(/\.xlsx$/);
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    for (const locale of ['zh-CN', 'en'] as const) {
      const job = await backend.call('print.request', { docType: 'quality_report', entityId: '2026-11-01~2026-11-30~category~', language: locale }, { token: tok, locale });
      const pdf = await backend.call('print.pdf', { jobId: job.id }, { token: tok });
      const bytes = Buffer.from(pdf.base64, 'base64');
      expect(bytes.subarray(0, 4).toString()).toBe('%PDF');
      fs.mkdirSync('test-results', { recursive: true });
      fs.writeFileSync(path.join('test-results', `reports-${locale}.pdf`), bytes);
    }
  });
});
