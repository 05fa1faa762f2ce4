import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TicketRow } from '../../../src/shared/tickets/schemas';
import type { BenchRow } from '../../../src/shared/bench/schemas';
import { t } from '../../../src/shared/i18n/translate';
import { benchShop, newTicket, oldPhone, type BenchShop } from './helpers';

/**
 * A ticket's warranty label is the decision's, not the intake claim's: the customer may claim
 * warranty, but an impact finding makes the repair paid, and the list, the bench queue and the
 * detail say "not covered: impact", never 保修.
 */
let s: BenchShop;
beforeEach(async () => {
  s = await benchShop();
});
afterEach(async () => {
  await s.cleanup();
});
type Role = Parameters<BenchShop['as']>[0];
const call = <T = any>(role: Role, name: string, input: unknown) => s.backend.call(name as never, input as never, s.as(role)) as Promise<T>;
const listed = async (id: string) => (await call<{ rows: TicketRow[] }>('counter', 'tickets.list', { limit: 50 })).rows.find((r) => r.id === id)!;
const queued = async (id: string) => (await call<BenchRow[]>('technician', 'bench.queue', { who: 'all' })).find((r) => r.id === id)!;

describe('the warranty label comes from the decision', () => {
  it('claimed at intake, impact found at the bench: "not covered: impact" in the list, the queue and the detail', async () => {
    // In warranty by date (invoice 2026-03-01, one year), claimed at intake.
    const id = await newTicket(s, { warrantyClaimed: true, fault: { text: '摔后不开机', codes: ['no_power'] }, depositFen: 0 } as never);
    // Before any decision the label is only the claim, and says it is not decided.
    expect((await listed(id)).coverage).toEqual({ label: 'claimed', findings: [] });
    expect(t('zh-CN', `tickets.coverage.${(await listed(id)).coverage.label}`)).toBe('申请保修（待判定）');

    await call('technician', 'bench.claim', { ticketId: id });
    await call('technician', 'bench.diagnose', { ticketId: id, cause: '摔落致主板损坏', findings: ['impact'] });
    const q = await call('technician', 'bench.quote.save', { ticketId: id, lines: [{ kind: 'labor', priceItemId: s.prices.labor }, { kind: 'part', partId: s.parts.screen }], submit: true });
    // The engine: impact voids the unit cover, so the customer pays everything (¥80 + ¥1,500).
    expect(q.quote.current.totals.customerTotalFen).toBe(158000);

    const want = { label: 'excluded', findings: ['impact'] };
    expect((await listed(id)).coverage).toEqual(want);
    expect((await queued(id)).coverage).toEqual(want);
    expect((await call('counter', 'tickets.get', { id })).coverage).toEqual(want);
    expect(t('zh-CN', 'tickets.coverage.excluded', { findings: t('zh-CN', 'tickets.finding.impact') })).toBe('不保修：摔碰/外力损坏');
  });

  it('a covered repair is 保修 though nobody ticked a claim; a paid out-of-warranty repair is 付费; a custom fee beside covered work is partly covered', async () => {
    const covered = await newTicket(s, { warrantyClaimed: false, fault: { text: '无法开机', codes: ['no_power'] }, depositFen: 0, confirmDuplicate: true } as never);
    await call('technician', 'bench.diagnose', { ticketId: covered, cause: '主板供电', findings: [] });
    await call('technician', 'bench.quote.save', { ticketId: covered, lines: [{ kind: 'labor', priceItemId: s.prices.labor }], submit: true });
    expect((await listed(covered)).coverage.label).toBe('covered');

    const paid = await newTicket(s, { ...oldPhone(), warrantyClaimed: true, depositFen: 0, confirmDuplicate: true } as never);
    await call('technician', 'bench.diagnose', { ticketId: paid, cause: '屏幕排线断裂', findings: [] });
    await call('technician', 'bench.quote.save', { ticketId: paid, lines: [{ kind: 'labor', priceItemId: s.prices.labor }], submit: true });
    expect((await listed(paid)).coverage).toEqual({ label: 'paid', findings: [] });

    const partly = await newTicket(s, { fault: { text: '无法开机', codes: ['no_power'] }, depositFen: 0, confirmDuplicate: true } as never);
    await call('technician', 'bench.diagnose', { ticketId: partly, cause: '主板供电', findings: [] });
    await call('technician', 'bench.quote.save', { ticketId: partly, lines: [{ kind: 'labor', priceItemId: s.prices.labor }, { kind: 'fee', priceItemId: s.prices.rush }], submit: true });
    expect((await queued(partly)).coverage.label).toBe('partly_covered');
  });
});
