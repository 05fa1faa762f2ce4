/**
 * The demo's collections, all through the real procedures: yesterday (a second connection to
 * the same shop file with yesterday's clock) two devices are taken in, repaired and collected —
 * one under the maker's warranty (a claim), one paid in cash with change — and the manager
 * closes the day; today the bench demo's two ready devices are handed back (cash + WeChat Pay,
 * and a bank card), so the daily close and the reports have figures.
 */
import { openBackend, type Backend } from '../backend';
import { withCheckDigit } from '../../shared/devices/imei';
import type { CollectInputRaw } from '../../shared/collection/schemas';
import { statement } from '../db/statements';
import { firstRow, qb } from '../db/query';

const DAY = 86_400_000;
const date = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

async function toReady(b: Backend, id: string, tech: { token: string }, counter: { token: string }, lines: unknown[]) {
  const wb = (await b.call('bench.quote.save', { ticketId: id, lines, submit: true } as never, tech)) as unknown as { quote: { current: { id: string } } };
  const status = () => firstRow(b.services.sqlite, qb.selectFrom('tickets').select('status').where('id', '=', id))!.status;
  if (status() === 'awaiting_approval') await b.call('bench.authorize', { ticketId: id, quoteId: wb.quote.current.id, method: 'phone', phone: { number: '13800138000', words: '同意维修' } } as never, counter);
  if (status() !== 'repairing') await b.call('bench.transition', { ticketId: id, to: 'repairing' } as never, tech);
  await b.call('bench.transition', { ticketId: id, to: 'qc' } as never, tech);
  const checklist = (await b.call('bench.workbench', { ticketId: id }, tech)).qcChecklist;
  await b.call('bench.qc', { ticketId: id, items: Object.fromEntries(checklist.map((c) => [c, 'pass'])), data: 'preserved' } as never, tech);
}

/** Hands a ready ticket back, paying what is due with the given tenders (the last one takes the rest). */
async function collect(b: Backend, id: string, counter: { token: string }, tenders: (due: number) => CollectInputRaw['tenders']) {
  const v = await b.call('collection.lookup', { ref: id }, counter);
  const phone = statement<{ display: string }>(b.services.sqlite, `SELECT p.display FROM tickets t JOIN customer_phones p ON p.customer_id = t.customer_id WHERE t.id = ? ORDER BY p.position LIMIT 1`).get(id)!.display;
  const due = Math.max(0, v.settlement.dueNowFen);
  await b.call('collection.complete', { ticketId: id, identity: { method: 'phone_last4', last4: phone.replace(/\D/g, '').slice(-4) }, tenders: due > 0 ? tenders(due) : [] }, counter);
}

export async function seedCollectionDemo(backend: Backend): Promise<void> {
  const login = async (b: Backend, username: string, password: string) => ({ token: (await b.call('auth.login', { username, password })).token });
  const { sqlite } = backend.services;
  const labor = firstRow(sqlite, qb.selectFrom('price_list_items').select('id').where('code', '=', 'LAB-PHONE-SCREEN'))?.id;

  // Yesterday, on a second connection whose clock is a day behind.
  if (backend.services.dataDir && labor) {
    // the demo's "yesterday" is the shop clock's, so a host on another clock (tests) stays consistent
    const yesterday = () => new Date(backend.services.clock.now().getTime() - DAY);
    const y = openBackend({ dataDir: backend.services.dataDir, clock: { now: yesterday } });
    try {
      const tech = await login(y, 'zhang', 'tech-demo');
      const counter = await login(y, 'li', 'counter-demo');
      const manager = await login(y, 'wang', 'manager-demo');
      const part = statement<{ id: string }>(y.services.sqlite, `SELECT p.id FROM parts p JOIN stock_balances b ON b.part_id = p.id WHERE p.kind = 'part' AND p.serialized = 0 AND p.category = '屏幕' AND b.on_hand > b.reserved + 1 LIMIT 1`).get()?.id;
      const now = yesterday().getTime();
      const people = [
        { name: '周晓燕', phone: '137 2233 6688', bought: date(now - 120 * DAY), deposit: 0 },
        { name: '吴国强', phone: '186 6677 1200', bought: date(now - 800 * DAY), deposit: 10_000 },
      ];
      // the counter's drawer opens with a float and pays a courier during the day
      await y.call('dailyClose.recordCash', { kind: 'float', amountFen: 50_000, reason: '开店备用金' }, counter);
      for (const [i, p] of people.entries()) {
        const r = await y.call(
          'tickets.intake',
          {
            customer: { name: p.name, phones: [p.phone] },
            device: { category: 'phone', brand: '华为', model: 'Mate 60', imei: withCheckDigit(`8661230${String(4711 + i).padStart(7, '0')}`), colour: '雅川青', purchaseDate: p.bought, proof: { kind: 'invoice', invoiceNo: `4403${20261100 + i}`, invoiceDate: p.bought, seller: '华为授权店' } },
            fault: { text: '屏幕碎裂，触摸失灵', codes: ['screen_broken'] },
            condition: { powers_on: 'ok', display: 'fault', cosmetic: 'ok' },
            accessories: { items: ['case'] },
            passcode: { kind: 'pin', value: '135790' },
            dataLossAck: true,
            promisedDate: date(now + 3 * DAY),
            depositFen: p.deposit,
            confirmDuplicate: true,
            warrantyClaimed: i === 0,
          } as never,
          counter,
        );
        const id = r.ticket!.id;
        await y.call('bench.claim', { ticketId: id }, tech);
        await y.call('bench.diagnose', { ticketId: id, cause: '外屏碎裂，显示排线受损', findings: [] }, tech);
        await toReady(y, id, tech, counter, [{ kind: 'labor', priceItemId: labor }, ...(part ? [{ kind: 'part', partId: part }] : [])]);
        await collect(y, id, counter, (due) => [{ tender: 'cash', amountFen: due, receivedFen: Math.ceil(due / 10_000) * 10_000 }]);
      }
      await y.call('dailyClose.recordCash', { kind: 'payout', amountFen: 1_500, reason: '顺丰快递费（寄回客户配件）' }, counter);
      const day = await y.call('dailyClose.get', {}, manager);
      await y.call('dailyClose.close', { date: day.date, countedCashFen: day.cash.expectedFen, reason: '' }, manager);
    } finally {
      await y.close();
    }
  }

  // Today: the bench demo's ready devices go home.
  const counter = await login(backend, 'li', 'counter-demo');
  // A ready device whose loaner is still out stays: the Collection tab shows why it cannot go yet.
  const ready = statement<{ id: string }>(sqlite, `SELECT id FROM tickets t WHERE status = 'ready' AND NOT EXISTS (SELECT 1 FROM loans l WHERE l.ticket_id = t.id AND l.status = 'out') ORDER BY received_at LIMIT 2`).all().map((r) => r.id);
  if (ready[0]) await collect(backend, ready[0], counter, (due) => (due > 10_000 ? [{ tender: 'cash', amountFen: 10_000, receivedFen: 10_000 }, { tender: 'wechat', amountFen: due - 10_000, reference: '4200001888202611230017' }] : [{ tender: 'cash', amountFen: due }]));
  if (ready[1]) await collect(backend, ready[1], counter, (due) => [{ tender: 'card', amountFen: due, reference: 'POS 000123 / 6225****8899' }]);
}
